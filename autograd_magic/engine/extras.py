"""Small functions of the torch namespace that tutorials meet and that compose from the engine's own ops:
counting (bincount), flattening and stacking variants, tensordot, fmax/fmin, tests on a tensor (is_nonzero,
is_signed ...), dtype arithmetic (result_type, promote_types, can_cast, broadcast_shapes), ``torch.range`` (with
PyTorch's deprecation warning), settings that only matter on other hardware (deterministic algorithms, float32
matmul precision, anomaly mode) and the functional in-place aliases (``torch.relu_``). Each keeps PyTorch's graph:
it records the existing ops PyTorch's own composite records."""
import builtins
import warnings

import numpy as np

from . import determinism, dtypes
from . import complex_fns as C, functions as F, take_put
from . import indexing as IX
from . import shaping as S
from .composed import hstack, vstack
from .creation import arange, no_kernel
from .histogram import histc, histogram
from .linalg import mm, outer
from .more import tensor_split
from .optable import OPS
from .argcheck import tp_name, user_level
from .size import Size
from .tensor_base import DECLARED_FUNCTIONS, TensorBase, _dim, apply, inplace, real_if_complex, wrap


def bincount(input, weights=None, minlength=0):
    # (ATen's order: the dtype dispatch, minlength, an empty 1-d input's int64 zeros whatever the weights, then
    # the input's shape and sign, then the weights')
    data = input._data
    if data.dtype.kind not in "iu" or data.dtype in dtypes.BAREBONES_NP:
        raise NotImplementedError(f"\"bincount_cpu\" not implemented for '{dtypes.scalar_name(data.dtype)}'")
    if minlength < 0:
        raise RuntimeError("minlength should be >= 0")
    if input.ndim == 1 and not data.size:
        return wrap(np.zeros(minlength, np.int64))
    if input.ndim != 1 or data.min() < 0:
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is None:
        return wrap(np.bincount(data, minlength=minlength).astype(np.int64))
    if weights.shape != input.shape:
        raise RuntimeError("weights should be 1-d and have the same length as input")
    # ATen sums float weights in float, any other dtype's in double (bfloat16 and complex ones too: a complex
    # weight loses its imaginary part with the cast's warning), one input after the other
    w_dtype = np.dtype(np.float32 if weights.dtype.scalar_name == "Float" else np.float64)
    w = real_if_complex(weights._data, w_dtype).astype(w_dtype)
    out = np.zeros(builtins.max(int(data.max()) + 1 if data.size else 0, minlength), w.dtype)
    np.add.at(out, data, w)
    return apply(OPS["bincount_weighted"], (weights,), out)


def ravel(input):
    """As ATen: contiguous() (a CloneBackward0 when it copies), then view(-1) (ViewBackward0, never an unsafe view)."""
    return S.view(input.contiguous(), (-1,))


def swapdims(input, dim0, dim1):
    return S.transpose(input, dim0, dim1)


def tensordot(a, b, dims=2, out=None):
    """PyTorch's composite: permute each side so the contracted dims meet, reshape to matrices, one mm."""
    # (torch.functional.tensordot's reading of dims: an int, a pair of lists, or a tensor of either)
    if not isinstance(dims, (tuple, list, TensorBase, int)):
        raise RuntimeError("tensordot expects dims to be int or tuple[list[int], list[int]] or list[list[int]] "
                           f"containing two lists, but got dims={dims}")
    if isinstance(dims, TensorBase) and dims.numel() <= 1:
        count = int(dims.item())
        if count < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        dims_a, dims_b = list(range(-count, 0)), list(range(count))
    elif isinstance(dims, int):
        if dims < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        if dims > min(a.ndim, b.ndim):
            raise RuntimeError(f"tensordot expects dims < ndim_a or ndim_b, but got dims={dims}")
        dims_a, dims_b = list(range(-dims, 0)), list(range(dims))
    else:
        if isinstance(dims, TensorBase) and dims.shape[0] != 2:
            raise AssertionError(f"dims tensor must have size 2 in first dimension, got {dims.shape[0]}")
        dims_a, dims_b = (dims[0].tolist(), dims[1].tolist()) if isinstance(dims, TensorBase) else dims
        for position, (name, given) in enumerate((("dims_self", dims_a), ("dims_other", dims_b)), 3):
            if not isinstance(given, (list, tuple)):   # (the int-list parser of the ATen op it calls)
                raise TypeError(f"tensordot(): argument '{name}' (position {position}) must be tuple of ints, "
                                f"not {tp_name(given)}")
        dims_a, dims_b = list(dims_a), list(dims_b)
    if len(dims_a) != len(dims_b):
        raise RuntimeError("both dimension lists should have same length")
    if a._data.dtype != b._data.dtype:   # (ATen's tensordot: before the contracted dims, and before any promotion)
        raise RuntimeError("both inputs should have same dtype")
    for da, db in zip(dims_a, dims_b):   # the message names the dims as given (ATen's check)
        if a.shape[_dim(da, a.ndim)] != b.shape[_dim(db, b.ndim)]:
            raise RuntimeError(f"contracted dimensions need to match, but first has size {a.shape[_dim(da, a.ndim)]} "
                               f"in dim {da} and second has size {b.shape[_dim(db, b.ndim)]} in dim {db}")
    dims_a = [_dim(d, a.ndim) for d in dims_a]
    dims_b = [_dim(d, b.ndim) for d in dims_b]
    free_a = [d for d in range(a.ndim) if d not in dims_a]
    free_b = [d for d in range(b.ndim) if d not in dims_b]
    size = int(np.prod([a.shape[d] for d in dims_a], dtype=np.int64))
    left = S.reshape(S.permute(a, free_a + dims_a), (-1, size))
    right = S.reshape(S.permute(b, dims_b + free_b), (size, -1))
    return S.reshape(mm(left, right), tuple(a.shape[d] for d in free_a) + tuple(b.shape[d] for d in free_b))


def column_stack(tensors):
    return hstack([t if t.ndim > 1 else S.reshape(t, (-1, 1)) for t in S._tensor_list(tensors, "column_stack", nonempty="column_stack")])


def row_stack(tensors):
    return vstack(S._tensor_list(tensors, "row_stack", nonempty="vstack"))


def dstack(tensors):
    fixed = []
    for t in S._tensor_list(tensors, "dstack", nonempty="dstack"):
        if t.ndim == 0:
            t = S.reshape(t, (1, 1, 1))
        elif t.ndim == 1:
            t = S.reshape(t, (1, -1, 1))
        elif t.ndim == 2:
            t = S.unsqueeze(t, 2)
        fixed.append(t)
    return S.cat(fixed, 2)


def _split_along(name, dim, min_dims):
    def split(input, indices_or_sections):
        if input.ndim < min_dims:
            raise RuntimeError(f"torch.{name} requires a tensor with at least {min_dims} dimension, but got a tensor "
                               f"with {input.ndim} dimensions!")   # (PyTorch's words, "dimension" for 2 and 3 too)
        d = 0 if (name == "hsplit" and input.ndim == 1) else dim
        if isinstance(indices_or_sections, int):
            n = indices_or_sections
            if n == 0 or input.shape[d] % n:
                raise RuntimeError(f"torch.{name} attempted to split along dimension {d}, but the size of the "
                                   f"dimension {input.shape[d]} is not divisible by the split_size {n}!")
        return tensor_split(input, indices_or_sections, d)
    split.__name__ = name
    return split


hsplit = _split_along("hsplit", 1, 1)
vsplit = _split_along("vsplit", 0, 2)
dsplit = _split_along("dsplit", 2, 3)


def _fminmax(name):
    def fn(input, other):
        """The larger (fmax) or smaller (fmin) of each pair, a nan only where both are nan (one node, as ATen)."""
        if not isinstance(other, TensorBase):
            raise TypeError(f"{name}(): argument 'other' (position 2) must be Tensor, not {type(other).__name__}")
        F.check_operands(input, other)
        F._refuse_complex_pair(name, input, other)   # (ATen's fmax / fmin kernels have no complex loop)
        dt = dtypes.result_type((input, other))
        return apply(OPS[name], (input.to(dt), other.to(dt)))
    fn.__name__ = fn.__qualname__ = name
    return fn


fmax, fmin = _fminmax("fmax"), _fminmax("fmin")


def isposinf(input):
    return wrap(np.isposinf(input._data)) if dtypes.is_float_np(input._data.dtype) else wrap(np.zeros(input.shape, bool))


def isneginf(input):
    return wrap(np.isneginf(input._data)) if dtypes.is_float_np(input._data.dtype) else wrap(np.zeros(input.shape, bool))


def is_nonzero(input):
    n = input._data.size
    if n == 0:
        raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
    if n > 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    return bool(input._data.reshape(()) != 0)


def is_signed(input):
    """c10's isSignedType: all but bool and the unsigned integers (complex and bfloat16 are signed)."""
    return input.dtype.is_signed


def is_complex(input):
    return input._data.dtype.kind == "c"


def broadcast_shapes(*shapes):
    """The common shape, right-aligned; PyTorch's messages for a shape that is not a sequence or does not fit."""
    shapes = tuple((s,) if isinstance(s, (int, np.integer)) else s for s in shapes if s is not None)
    for shape in shapes:
        if not isinstance(shape, (tuple, list)):
            raise RuntimeError(f"Input shapes should be of type ints, a tuple of ints, or a list of ints, got {shape}")
    if not shapes:
        return Size([])
    common = [1] * max(len(s) for s in shapes)
    for k, shape in enumerate(shapes):
        for i in builtins.range(-1, -1 - len(shape), -1):
            if shape[i] == common[i]:
                continue
            if common[i] == 1:
                if shape[i] < 0:
                    raise ValueError("Attempting to broadcast a dimension with negative length!")
                common[i] = shape[i]
            if shape[i] != 1 and common[i] != shape[i]:
                raise RuntimeError(f"Attempting to broadcast a dimension of length {shape[i]} at {i}! Mismatching "
                                   f"argument at index {k} had {shape}; but expected shape should be broadcastable "
                                   f"to {common}")
    return Size(common)


def result_type(tensor1, tensor2):
    return dtypes.result_type((tensor1, tensor2))


def promote_types(type1, type2):
    """PyTorch's promotion of two dtypes (an integer and a float give the float: int32 + float32 is float32); Python's
    bool, int, float and complex stand for torch.bool, int64, float64 and complex128, as PyTorch's parser reads them."""
    type1, type2 = _parsed_dtype(type1), _parsed_dtype(type2)
    return dtypes.result_type((wrap(np.zeros(1, type1.np)), wrap(np.zeros(1, type2.np))))


def can_cast(from_, to):
    """PyTorch's rule: no float to an integer, no number to bool, anything else."""
    return dtypes.can_cast_np(_parsed_dtype(from_).np, _parsed_dtype(to).np)


def _parsed_dtype(d):
    """A dtype argument as PyTorch's parser reads a Python type (complex is complex128 whatever the default)."""
    return dtypes.coerce(d)


def torch_range(start, end, step=1, *, dtype=None, requires_grad=False, **kwargs):
    """Deprecated in PyTorch: end included, float32 by default; warns as PyTorch does (start and end both
    required, unlike arange's)."""
    warnings.warn("torch.range is deprecated and will be removed in a future release because its behavior is "
                  "inconsistent with Python's range builtin. Instead, use torch.arange, which produces values in "
                  "[start, end).", UserWarning, stacklevel=2)
    dt = dtype or dtypes.get_default_dtype()
    no_kernel("range_cpu", dt)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) * step < 0:
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    n = int(np.floor((end - start) / step)) + 1
    out = arange(n, dtype=dtypes.float64) * step + start
    return out.to(dt)._requires_grad(requires_grad) if requires_grad else out.to(dt)


_SETTINGS = {"matmul_precision": "highest", "anomaly": False}


def use_deterministic_algorithms(mode, *, warn_only=False):
    """The engine's algorithms are deterministic already (one CPU thread, numpy): the setting is kept, and does
    what it does on PyTorch's CPU build (engine/determinism.py)."""
    # (PyTorch's binding _set_deterministic_algorithms takes Python bools only: its parser's TypeError)
    if mode.__class__ is not bool:
        raise TypeError("_set_deterministic_algorithms(): argument 'mode' (position 1) must be bool, not "
                        f"{tp_name(mode)}")
    if warn_only.__class__ is not bool:
        raise TypeError(f"_set_deterministic_algorithms(): argument 'warn_only' must be bool, not "
                        f"{tp_name(warn_only)}")
    determinism.SETTINGS["deterministic"], determinism.SETTINGS["warn_only"] = mode, warn_only


def are_deterministic_algorithms_enabled():
    return determinism.SETTINGS["deterministic"]


def is_deterministic_algorithms_warn_only_enabled():
    return determinism.SETTINGS["warn_only"]


_DEBUG_MODES = ("default", "warn", "error")


def set_deterministic_debug_mode(debug_mode):
    """The other spelling of use_deterministic_algorithms: 0/"default" off, 1/"warn" warn only, 2/"error" on."""
    if isinstance(debug_mode, str):
        if debug_mode not in _DEBUG_MODES:
            raise RuntimeError("invalid value of debug_mode, expected one of `default`, `warn`, `error`, but got "
                               f"{debug_mode}")
        debug_mode = _DEBUG_MODES.index(debug_mode)
    elif not isinstance(debug_mode, int) or isinstance(debug_mode, bool):
        raise TypeError(f"debug_mode must be str or int, but got {type(debug_mode)}")
    if debug_mode not in (0, 1, 2):
        raise RuntimeError(f"invalid value of debug_mode, expected 0, 1, or 2, but got {debug_mode}")
    use_deterministic_algorithms(debug_mode > 0, warn_only=debug_mode == 1)


def get_deterministic_debug_mode():
    if not determinism.SETTINGS["deterministic"]:
        return 0
    return 1 if determinism.SETTINGS["warn_only"] else 2


def set_float32_matmul_precision(precision):
    if not isinstance(precision, str):
        raise RuntimeError(f"set_float32_matmul_precision expects a str, but got {type(precision).__name__}")
    if precision not in ("highest", "high", "medium"):   # ATen's Context warns (each time) and keeps the setting
        warnings.warn(f"{precision} is not one of 'highest', 'high', or 'medium'; the current"
                      "setFloat32MatmulPrecision call has no effect. (Triggered internally at "
                      "/__w/pytorch/pytorch/aten/src/ATen/Context.cpp:458.)", UserWarning, stacklevel=2)
        return
    _SETTINGS["matmul_precision"] = precision   # PyTorch's CPU matmuls ignore it too


def get_float32_matmul_precision():
    return _SETTINGS["matmul_precision"]




def _inplace_alias(fn):
    def run(input, *args, **kwargs):
        return inplace(fn, input, *args, **kwargs)
    return run


FUNCTIONS = {
    "bincount": bincount, "ravel": ravel, "swapdims": swapdims, "tensordot": tensordot,
    "column_stack": column_stack, "row_stack": row_stack, "dstack": dstack, "hsplit": hsplit, "vsplit": vsplit,
    "dsplit": dsplit, "fmax": fmax, "fmin": fmin, "isposinf": isposinf, "isneginf": isneginf,
    "is_nonzero": is_nonzero, "is_signed": is_signed, "is_complex": is_complex, "broadcast_shapes": broadcast_shapes,
    "result_type": result_type, "promote_types": promote_types, "can_cast": can_cast, "range": torch_range,
    "use_deterministic_algorithms": use_deterministic_algorithms,
    "are_deterministic_algorithms_enabled": are_deterministic_algorithms_enabled,
    "is_deterministic_algorithms_warn_only_enabled": is_deterministic_algorithms_warn_only_enabled,
    "set_float32_matmul_precision": set_float32_matmul_precision,
    "get_float32_matmul_precision": get_float32_matmul_precision,
    "set_deterministic_debug_mode": set_deterministic_debug_mode,
    "get_deterministic_debug_mode": get_deterministic_debug_mode,
    "take": take_put.take, "put": take_put.put,
}
FUNCTIONS.update({name + "_": _inplace_alias(getattr(F, name)) for name in ("relu", "square", "reciprocal", "neg",
                                                                           "negative", "clamp", "clip", "round",
                                                                           "floor", "ceil", "trunc", "nan_to_num")
                  if hasattr(F, name)})


def _method_alias(name):
    def run(input, *args, **kwargs):
        if not isinstance(input, TensorBase):
            raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")
        return getattr(input, name)(*args, **kwargs)
    run.__name__ = name
    return run


# torch.sin_(a) and the like: the Tensor method of the same name ("Introduction to PyTorch Tensors" shows sin_)
FUNCTIONS.update({name: _method_alias(name) for name in (
    "abs_", "acos_", "acosh_", "arccos_", "arccosh_", "arcsin_", "arcsinh_", "arctan_", "arctanh_", "asin_",
    "asinh_", "atan_", "atanh_", "clamp_max_", "clamp_min_", "cos_", "cosh_", "deg2rad_", "detach_", "erf_",
    "erfc_", "exp2_", "exp_", "expm1_", "fill_", "frac_", "log10_", "log1p_", "log2_", "log_", "logit_", "rad2deg_",
    "rsqrt_", "sigmoid_", "sin_", "sinc_", "sinh_", "sqrt_", "tan_", "tanh_", "xlogy_", "zero_")})


def inner(input, other):
    """Sum over the last dims of both (a product of numbers when either is 0-d): PyTorch's tensordot composite."""
    if input.ndim == 0 or other.ndim == 0:
        return F.mul(input, other)
    if input.shape[-1] != other.shape[-1]:
        raise RuntimeError(f"inner() the last dimension must match on both input tensors but got shapes "
                           f"{list(input.shape)} and {list(other.shape)}")
    return tensordot(input, other, ([-1], [-1]))


def _pin_memory(self, device=None):
    raise RuntimeError("Cannot access accelerator device when none is available.")   # a CPU-only PyTorch's answer


def _histc(self, bins=100, min=0, max=0):  # noqa: A002 - PyTorch's argument names
    return histc(self, bins, min, max)


def _histogram(self, bins=100, *, range=None, weight=None, density=False):  # noqa: A002
    return histogram(self, bins, range=range, weight=weight, density=density)


FUNCTIONS.update({"inner": inner, "ger": outer})

# Tensor methods of the functions above (x.ravel(), x.bincount(), x.equal(y) ...) and of a few properties every
# CPU tensor of the engine has (dense, not quantized, not pinned).
METHODS = {
    "bincount": bincount, "ravel": ravel, "swapdims": swapdims, "hsplit": hsplit, "vsplit": vsplit,
    "dsplit": dsplit, "fmax": fmax, "fmin": fmin, "isposinf": isposinf, "isneginf": isneginf,
    "is_nonzero": is_nonzero, "is_signed": is_signed, "take": take_put.take, "put": take_put.put,
    "put_": take_put.put_, "inner": inner,
    "histc": _histc, "histogram": _histogram,
    "equal": lambda self, other: bool(self.shape == other.shape and np.array_equal(self._data, other._data)),
    "is_same_size": lambda self, other: self.shape == other.shape,
    "fix": lambda self: F.trunc(self), "positive": lambda self: self,
    "is_inference": lambda self: self._inference,
    "_base": property(lambda self: self._vbase), "_is_view": lambda self: self._vbase is not None, "pin_memory": _pin_memory,
    "is_sparse": property(lambda self: False), "is_quantized": property(lambda self: False),
    "is_meta": property(lambda self: False), "is_nested": property(lambda self: False),
    "is_pinned": lambda self, device=None: False,
}


_COV_DOF = ("cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of observations. "
            "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Correlation.cpp:129.)")


def cov(input, *, correction=1, fweights=None, aweights=None):
    """ATen's composite: rows are variables, columns observations; (x - mean) @ (x - mean).T / (n - correction)."""
    if input.ndim > 2:
        raise RuntimeError(f"cov(): expected input to have two or fewer dimensions but got an input with "
                           f"{input.ndim} dimensions")
    if input._data.dtype == np.bool_:
        raise RuntimeError("cov(): bool dtype is not supported for input")
    x = S.reshape(input, (1, -1)) if input.ndim < 2 else input
    n = x.shape[1]
    if not (dtypes.is_float_np(x._data.dtype) or x.is_complex()):
        x = x.to(dtypes.get_default_dtype())
    if fweights is not None or aweights is not None:
        return _weighted_cov(x, n, correction, fweights, aweights)
    avg = F.div(S.sum(x, 1), n)
    factor = n - correction
    if factor <= 0:
        warnings.warn(_COV_DOF, UserWarning, stacklevel=user_level())
        factor = 0
    centred = x - S.unsqueeze(avg, 1)
    return S.squeeze(F.div(mm(centred, _t_conj(centred)), factor))


def _t_conj(x):
    """x.t(), conjugated when complex (ATen's cov: xm @ xm.t().conj())."""
    return C.lazy_conj(S.t(x)) if x.is_complex() else S.t(x)


def _check_weights(w, kind, n):
    what = "integral" if kind == "fweights" else "floating point"
    if w.ndim > 1:
        raise RuntimeError(f"cov(): expected {kind} to have one or fewer dimensions but got {kind} with {w.ndim} "
                           "dimensions")
    if (w._data.dtype.kind not in "iu") if kind == "fweights" else not dtypes.is_float_np(w._data.dtype):
        raise RuntimeError(f"cov(): expected {kind} to have {what} dtype but got {kind} with "
                           f"{w.dtype.scalar_name} dtype")
    if w.numel() != n:
        raise RuntimeError(f"cov(): expected {kind} to have the same numel as there are observations in the input "
                           f"but got {w.numel()} != {n}")
    if n and (w._data < 0).any():
        raise RuntimeError(f"cov(): {kind} cannot be negative")


def _weighted_cov(x, n, correction, fweights, aweights):
    """ATen's cov with frequency and/or observation weights: w = fweights * aweights, a weighted mean, and the
    normalisation w_sum - correction * sum(w * aweights) / w_sum."""
    w = None
    for kind, weights in (("fweights", fweights), ("aweights", aweights)):
        if weights is not None:
            _check_weights(weights, kind, n)
            w = weights if w is None else F.mul(w, weights)
    w_sum = S.sum(w)
    if not w_sum._data.any():
        raise RuntimeError("cov(): weights sum to zero, can't be normalized")
    avg = F.div(S.sum(F.mul(x, w), 1), w_sum)
    if aweights is not None and correction != 0:
        factor = F.sub(w_sum, F.div(F.mul(S.sum(F.mul(w, aweights)), correction), w_sum))
    else:
        factor = F.sub(w_sum, correction)
    if (factor._data <= 0).all():
        warnings.warn(_COV_DOF, UserWarning, stacklevel=3)
        factor = F.mul(factor, 0)
    centred = x - S.unsqueeze(avg, 1)
    return S.squeeze(F.div(mm(centred, _t_conj(F.mul(centred, w))), factor))


def corrcoef(input):
    """cov normalised by the standard deviations, clipped to [-1, 1] (a 0-d covariance gives c / c)."""
    if input.ndim > 2:
        raise RuntimeError(f"corrcoef(): expected input to have two or fewer dimensions but got an input with "
                           f"{input.ndim} dimensions")
    c = cov(input)
    if c.ndim == 0:
        return F.div(c, c)
    d = IX.diagonal(c)
    std = DECLARED_FUNCTIONS["sqrt"](C.real(d) if d.is_complex() else d)
    c = F.div(c, S.reshape(std, (-1, 1)))
    c = F.div(c, S.reshape(std, (1, -1)))
    if c.is_complex():   # (each part clipped)
        return C.complex(F.clamp(C.real(c), -1, 1), F.clamp(C.imag(c), -1, 1))
    return F.clamp(c, -1, 1)


FUNCTIONS.update({"cov": cov, "corrcoef": corrcoef})
METHODS.update({"cov": lambda self, *, correction=1, fweights=None, aweights=None: cov(
    self, correction=correction, fweights=fweights, aweights=aweights), "corrcoef": corrcoef})
