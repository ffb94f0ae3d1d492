"""torch.nn.utils: gradient norms and clipping, parameters to and from one vector, skip_init; torch.nn.utils.rnn:
padding and packing a batch of sequences; prune, parametrize, parametrizations and stateless (functional_call):
their own modules."""
import inspect
import types
import warnings

import numpy as np

from ....engine.dtypes import BF16_NP
from ....engine.linalg_fns import vector_norm
from ....engine.shaping import cat, stack
from ....engine.tensor import Tensor
from ...grad_mode import no_grad
from ...rng import get_rng_state, set_rng_state
from ..module import Module, _typename
from . import fusion, parametrizations, parametrize, rnn, stateless  # noqa: F401  (torch.nn.utils.rnn ...; prune
# is imported by its own import, as in PyTorch: torch.nn.utils.prune is an AttributeError before)
from .spectral_norm import remove_spectral_norm, spectral_norm  # noqa: F401
from .weight_norm import remove_weight_norm, weight_norm  # noqa: F401
from .fusion import fuse_conv_bn_eval, fuse_conv_bn_weights, fuse_linear_bn_eval, fuse_linear_bn_weights  # noqa: F401


def _grads(parameters):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p._grad for p in parameters if p._grad is not None]


def _by_dtype(tensors):
    """The tensors grouped by dtype, groups in the order of their first tensor (PyTorch's
    _group_tensors_by_device_and_dtype, whose check refuses an empty list and a None)."""
    if not tensors:
        raise RuntimeError("Expected !nested_tensorlist[0].empty() to be true, but got false.  (Could this error "
                           "message be improved?  If so, please report an enhancement request to PyTorch.)")
    groups = {}
    for i, t in enumerate(tensors):
        if t is None:
            raise RuntimeError("Tensors of the first list of nested Tensor lists are supposed to be defined but the "
                               f"{i}-th Tensor is not.")
        groups.setdefault(t._data.dtype, []).append(t)
    return list(groups.values())


def _norm_of(t, norm_type):
    """vector_norm(t, norm_type); a bfloat16 tensor's as ATen's kernel takes it (in float32, rounded once: the
    engine's norm op does not take bfloat16, and no gradient is asked for here)."""
    if t._data.dtype is BF16_NP:
        return vector_norm(t.float(), norm_type).to(t.dtype)
    return vector_norm(t, norm_type)


def get_total_norm(tensors, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """The norm of the tensors' norms, as PyTorch computes it; e.g. ``get_total_norm([torch.ones(3),
    torch.ones(1)])`` is ``tensor(2.)``."""
    tensors = [tensors] if isinstance(tensors, Tensor) else list(tensors)
    norm_type = float(norm_type)
    if not tensors:
        return Tensor._wrap(np.asarray(0.0, np.float32))
    tensors[0].device   # noqa: B018  (PyTorch reads the first one's device first: a float is an AttributeError)
    with no_grad():
        norms = []
        for group in _by_dtype(tensors):
            for t in group:
                if foreach is not False and norm_type == float("inf") and t._data.size == 0:
                    raise RuntimeError("_foreach_norm cannot compute the infinity norm on an empty tensor because "
                                       "the operation does not have an identity")
                norms.append(_norm_of(t, norm_type))
        total = vector_norm(stack(norms), norm_type)
    if error_if_nonfinite and not np.isfinite(total._data):
        raise RuntimeError(f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so "
                           "it cannot be clipped. To disable this error and scale the gradients by the non-finite "
                           "norm anyway, set `error_if_nonfinite=False`")
    return total


def clip_grads_with_norm_(parameters, max_norm, total_norm, foreach=None):
    """Scale every gradient by min(max_norm / (total_norm + 1e-6), 1), in place (total_norm: get_total_norm's)."""
    grads = _grads(parameters)
    max_norm = float(max_norm)
    if not grads:
        return
    total = total_norm._data if isinstance(total_norm, Tensor) else np.asarray(total_norm, np.float32)
    coef = np.minimum(total.dtype.type(max_norm) / (total + total.dtype.type(1e-6)), total.dtype.type(1.0))
    for g in grads:
        if g._data.dtype.itemsize < 4:   # float16, bfloat16: ATen multiplies in float32 and rounds once
            g._data[...] = (g._data.astype(np.float32) * coef.astype(np.float32)).astype(g._data.dtype)
        else:
            g._data *= coef.astype(g._data.dtype)
        g._vbox[0] += 1


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Scale the gradients so that their joint norm is at most max_norm; returns the norm before scaling.

    As PyTorch: the norm of the per-tensor norms, then every gradient times min(max_norm / (norm + 1e-6), 1).
    """
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    else:
        generator, parameters = isinstance(parameters, types.GeneratorType), list(parameters)
        if generator and not parameters:
            warnings.warn("`parameters` is an empty generator, no gradient clipping will occur.", stacklevel=2)
    total = get_total_norm(_grads(parameters), norm_type, error_if_nonfinite, foreach)
    clip_grads_with_norm_(parameters, max_norm, total, foreach)
    return total


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """The deprecated spelling of clip_grad_norm_ (older char-RNN and language-model tutorials use it)."""
    warnings.warn("`torch.nn.utils.clip_grad_norm` is now deprecated in favor of `torch.nn.utils.clip_grad_norm_`.",
                  FutureWarning, stacklevel=2)
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamp every gradient element into [-clip_value, clip_value], in place."""
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    clip_value = float(clip_value)
    for group in _by_dtype([p._grad for p in parameters if p._grad is not None]):
        for g in group:   # (clamp_min_ then clamp_max_: a negative clip_value makes every element clip_value)
            np.maximum(g._data, g._data.dtype.type(-clip_value), out=g._data)
            np.minimum(g._data, g._data.dtype.type(clip_value), out=g._data)
            # PyTorch's foreach path (the default on the CPU) is two in-place ops, _foreach_clamp_min_ and
            # _foreach_clamp_max_, a version each; foreach=False is one clamp_
            g._vbox[0] += 1 if foreach is False else 2


def _check_param_device(param):
    """PyTorch's _check_param_device reads every parameter's device first (one device here: the CPU)."""
    param.device   # noqa: B018  (a module or a number in the list: the AttributeError PyTorch gives)


def parameters_to_vector(parameters):
    """The parameters flattened and concatenated into one vector."""
    vec = []
    for param in parameters:
        _check_param_device(param)
        vec.append(param.view(-1))
    return cat(vec)


def vector_to_parameters(vec, parameters):
    """Make each parameter's data the next slice of vec (shared with it), as PyTorch's ``param.data = ...``."""
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {_typename(vec)}")
    pointer = 0
    with no_grad():
        for param in parameters:
            _check_param_device(param)
            n = param.numel()
            param.data = vec[pointer:pointer + n].view_as(param).data
            pointer += n


def skip_init(module_cls, *args, **kwargs):
    """module_cls(*args, **kwargs) without its initialisation. PyTorch builds the module on the meta device (no
    random number is drawn) and gives it uninitialised memory; here it is built with the random generator's state
    put back afterwards, and its parameters and buffers zero-filled (memory with no defined values)."""
    if not issubclass(module_cls, Module):   # (not a class: issubclass's TypeError, as PyTorch's)
        raise RuntimeError(f"Expected a Module; got {module_cls}")
    if "device" not in inspect.signature(module_cls).parameters:
        raise RuntimeError("Module must support a 'device' arg to skip initialization")
    state = get_rng_state()
    try:
        module = module_cls(*args, **kwargs)
    finally:
        set_rng_state(state)
    for t in (*module.parameters(), *module.buffers()):
        t._data[...] = 0
    return module


# (PyTorch's modules that define the functions above: imported once they exist)
from . import clip_grad, convert_parameters, init, memory_format  # noqa: F401,E402
from .memory_format import convert_conv2d_weight_memory_format, convert_conv3d_weight_memory_format  # noqa: F401,E402
from ....engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.nn.utils", name)
