"""A Tensor argument that is not a Tensor: PyTorch's TypeError, not the engine's AttributeError.

PyTorch's native functions (``torch.abs``, ``torch.argwhere``, ``torch.allclose`` ...) parse their arguments
before anything runs: ``torch.abs(x, out=3)`` raises ``TypeError: abs(): argument 'out' must be Tensor, not
int`` and ``torch.argwhere(None)`` ``TypeError: argwhere(): argument 'input' (position 1) must be Tensor, not
NoneType``. The engine's functions read the attributes of their tensors directly, so the same calls met an
``AttributeError: 'int' object has no attribute '_rg'`` naming an engine internal.

``clear_errors(namespace)`` wraps the namespace's functions so that only a failing call pays: an AttributeError
whose object (``exc.obj``) is one of the arguments as given, and not a tensor, becomes PyTorch's TypeError naming
that argument (by the function's own parameter names, which are PyTorch's). Every other exception, and every
call that succeeds, is untouched. Functions PyTorch itself writes in Python (``torch.functional``'s and a few
more, ``_PYTHON_LEVEL``) are left alone: their errors are whatever their Python code raises, AttributeErrors
included (``torch.norm(None)``).

Only when this module runs compiled (autograd_magic/_compiled.py: a compiled function has no frame of its own):
as plain Python the wrapper would be one more frame between the user's line and the engine's warnings, whose
``stacklevel`` counts frames (the line a warning names, and its once-per-line filtering, would change), so
without the build the functions stay unwrapped and such calls raise the engine's AttributeError as before.
"""
import functools
import inspect
import types

import numpy as np

from ..engine import arg_parser, dtypes
from ..engine.argcheck import tp_name
from ..engine.function_signatures import FUNCTIONAL, NOARGS, SIGNATURES
from ..engine.functions import with_out
from ..engine.tensor_base import TensorBase

# torch.* functions PyTorch 2.13 defines in Python (no argument parser in front of them)
_PYTHON_LEVEL = frozenset((
    "are_deterministic_algorithms_enabled atleast_1d atleast_2d atleast_3d block_diag broadcast_shapes "
    "broadcast_tensors cartesian_prod cdist chain_matmul classproperty compile compiled_with_cxx11_abi cond eig "
    "einsum from_dlpack get_default_device get_deterministic_debug_mode get_file_path get_float32_matmul_precision "
    "get_rng_state initial_seed is_deterministic_algorithms_warn_only_enabled is_storage is_tensor "
    "is_warn_always_enabled load lobpcg lstsq lu manual_seed matrix_rank meshgrid norm pca_lowrank "
    "prepare_multiprocessing_environment save seed set_default_device set_default_dtype set_default_tensor_type "
    "set_deterministic_debug_mode set_float32_matmul_precision set_printoptions set_rng_state set_warn_always solve "
    "split stft istft svd_lowrank symeig tensordot thread_safe_generator typename unique unique_consecutive "
    "unravel_index use_deterministic_algorithms vmap while_loop").split())


# torch.* functions that take out= in PyTorch 2.13 and whose engine functions had none (or took it and wrote
# nothing to it): given out= by functions.with_out (the result written into out, resized as PyTorch resizes it,
# PyTorch's errors for a result that requires grad or cannot be cast), on every build
_TAKES_OUT = frozenset((
    "absolute addcdiv addcmul addmm amax amin angle arctan2 argmax argmin atan2 bucketize ceil chain_matmul "
    "cholesky_inverse cholesky_solve clamp_max clamp_min clip column_stack complex concat concatenate conj_physical "
    "copysign diff digamma dstack eq fix floor floor_divide fmax fmin fmod ge greater "
    "greater_equal gt heaviside histc hstack hypot i0 igamma igammac inner inverse isin isneginf isposinf kron ldexp "
    "le lerp less less_equal lgamma log_softmax logaddexp logaddexp2 logit logsumexp lt matrix_power msort mvlgamma "
    "nan_to_num nanmean nanquantile nansum ne negative nextafter norm normal not_equal polar quantile "
    "reciprocal remainder row_stack searchsorted sign signbit slice_scatter softmax spmm square std tensordot trunc "
    "var vstack xlogy").split())


def _found(wanted, got):   # (structured unary kernels: the out's dtype must be the result's)
    if wanted != got:
        raise RuntimeError(f"Found dtype {dtypes.scalar_name(got)} but expected {dtypes.scalar_name(wanted)}")


def _c10(wanted, got):     # (kernels that check with c10's "Expected out tensor to have dtype")
    if wanted != got:
        raise RuntimeError(f"Expected out tensor to have dtype {dtypes.c_name(wanted)}, but got {dtypes.c_name(got)} "
                           "instead")


def _cat(wanted, got):     # (the stacks: torch.cat's canCast check: any integer into any other, unlike numpy)
    if not dtypes.can_cast_np(wanted, got):
        raise TypeError(f"torch.cat(): input types can't be cast to the desired output type "
                        f"{dtypes.scalar_name(got)}")


def _same_dtype(wanted, got):   # (amax / amin: the out's dtype must be the input's)
    if wanted != got:
        raise RuntimeError(f"Expected the dtype for input and out to match, but got {dtypes.scalar_name(wanted)} for "
                           f"input's dtype and {dtypes.scalar_name(got)} for out's dtype.")


def _search(wanted, got):  # (searchsorted and bucketize: the out's dtype is the one out_int32 asks for)
    if wanted != got:
        raise RuntimeError("torch.searchsorted(): output tensor's dtype is wrong, it can only be Int(int32) or "
                           "Long(int64) depending on whether out_int32 flag is True, but we got output tensor's dtype "
                           f"{dtypes.scalar_name(got)} and out_int32 flag is {wanted == np.int32}")


def _scalar_type(wanted, got):   # (the cumulative kernels: logcumsumexp's out has the input's dtype)
    if wanted != got:
        raise RuntimeError(f"expected scalar_type {dtypes.scalar_name(wanted)} but found {dtypes.scalar_name(got)}")


def _float_result(name):   # (reductions whose result must hold floats: logsumexp's out)
    def check(wanted, got):
        if not (dtypes.is_float_np(got) or got.kind == "c"):
            raise RuntimeError(f"{name}(): Expected floating point type for result tensor, but got: "
                               f"{dtypes.scalar_name(got)}")
    return check


def _same_as_input(name):   # (quantile's out: the input's dtype, which is the result's)
    def check(wanted, got):
        if wanted != got:
            raise RuntimeError(f"{name}() out tensor must be same dtype as the input tensor")
    return check


def _self_and_result(name):   # (index_select's and masked_select's out: the input's dtype, TORCH_CHECK'd by name)
    def check(wanted, got):
        if wanted != got:
            raise RuntimeError(f"{name}(): self and result must have the same scalar type")
    return check


def _with_args(check):
    check.with_args = True   # (functions.with_out gives it the call's arguments)
    return check


@_with_args
def _matmul(wanted, got, args, kwargs):   # (the ATen function matmul becomes for these dims says it)
    dims = [a.dim() for a in args[:2] if isinstance(a, TensorBase)]
    if wanted == got or len(dims) != 2:
        return
    if dims == [1, 1]:
        _dot(wanted, got)
    elif dims == [2, 1]:
        _mv(wanted, got)
    else:
        _c10(wanted, got)


def _dot(wanted, got):
    if wanted != got:
        raise RuntimeError(f"result dtype {dtypes.scalar_name(got)} does not match input dtype "
                           f"{dtypes.scalar_name(wanted)}")


def _mv(wanted, got):      # (mv is addmv: out, then the two operands)
    if wanted != got:
        name = dtypes.scalar_name(wanted)
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {dtypes.scalar_name(got)}, {name}, "
                           f"and {name}")


@_with_args
def _clamp(wanted, got, args, kwargs):   # (number bounds: the structured kernel; tensor bounds cast into out)
    bounds = (*args[1:3], kwargs.get("min"), kwargs.get("max"))
    if not any(isinstance(b, TensorBase) for b in bounds):
        _found(wanted, got)


def _where(wanted, got):
    if wanted != got:
        raise RuntimeError(f"Expected out type to be {dtypes.scalar_name(wanted)} but got {dtypes.scalar_name(got)}")


def _take(wanted, got):
    if wanted != got:
        raise RuntimeError(f"take(): self and out expected to have the same dtype, but got self.dtype = "
                           f"{dtypes.scalar_name(wanted)} and out.dtype = {dtypes.scalar_name(got)}")


# what the kernels behind _TAKES_OUT say of an out of a dtype they refuse (the others: write_out's cast check)
_OUT_DTYPE_CHECKS = {
    **dict.fromkeys("absolute ceil conj_physical fix floor lerp negative sign trunc".split(), _found),
    **dict.fromkeys("addmm argmax argmin inverse isin log_softmax msort norm slice_scatter softmax spmm".split(),
                    _c10),
    **dict.fromkeys("column_stack concat concatenate dstack hstack row_stack vstack".split(), _cat),
    **dict.fromkeys(("bucketize", "searchsorted"), _search),
    **dict.fromkeys(("clip", "clamp_min", "clamp_max"), _clamp),
    **dict.fromkeys(("amax", "amin"), _same_dtype),
    "logsumexp": _float_result("logsumexp"),
    **dict.fromkeys(("quantile", "nanquantile"), _same_as_input("quantile")),
    "special.logsumexp": _float_result("logsumexp"),   # (a submodule's function: prefix.name)
}


# what the kernels behind torch/__init__.py's out= functions say of an out of a dtype they refuse
OUT_CHECKS = {"abs": _found, "neg": _found, "mm": _c10, "bmm": _c10, "matmul": _matmul, "mv": _mv, "dot": _dot,
              "clamp": _clamp, "clip": _clamp,
              "where": _where, "cat": _cat, "stack": _cat, "gather": _c10, "index_add": _c10, "scatter": _c10,
              "take": _take}
# ... and those of the functions the op table declares (torch/__init__.py gives them out=)
DECLARED_OUT_CHECKS = {"logcumsumexp": _scalar_type}
# ... and those of the engine's indexing functions given out= in torch/__init__.py
INDEXING_OUT_CHECKS = {**{name: _self_and_result(name) for name in ("index_select", "masked_select")},
                       "round": _found}


def _inexact(t):
    return t.dtype.is_floating_point or t.dtype.is_complex


def accumulating_out(fn, floating=False):
    """cumsum / cumprod / sum / prod with out=: ATen computes in out's dtype when no dtype is given (a float input
    summed into a long out is cast first: [0.6, 0.6, 1.7] sums to 1), and refuses a dtype that is not out's.
    floating (mean): only a floating or complex input and out set it (an integer input is mean's error, an integer
    out meets the cast check)."""
    @functools.wraps(fn)
    def call(*args, dtype=None, out=None, **kwargs):
        if isinstance(out, TensorBase):
            if dtype is None:
                if not floating or _inexact(out) and (not args or not isinstance(args[0], TensorBase) or
                                                      _inexact(args[0])):
                    dtype = out.dtype
            elif dtype is not out.dtype:
                raise RuntimeError(f"Expected out tensor to have dtype {dtype.c_name}, but got {out.dtype.c_name} "
                                   "instead")
        return fn(*args, dtype=dtype, out=out, **kwargs)
    return call


def _parameters(fn):
    """The names of fn's positional parameters, in order, up to a *args; None when its signature cannot be read."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return None
    names = []
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            break
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            names.append(p.name)
    return names


def argument_error(name, fn, args, kwargs, exc):
    """PyTorch's TypeError for the argument exc (an AttributeError) was raised on, or None when exc was not
    raised on an argument as given, or on a tensor."""
    obj = getattr(exc, "obj", None)
    if isinstance(obj, TensorBase):
        return None
    for i, value in enumerate(args):
        if value is obj:
            names = _parameters(fn)
            if names is None:
                return None
            if i < len(names):
                param = names[i]
            elif i == 0:
                param = "input"
            else:
                return None
            if param in ("self", "a"):
                param = "input"
            return TypeError(f"{name}(): argument '{param}' (position {i + 1}) must be Tensor, not {tp_name(obj)}")
    for key, value in kwargs.items():
        if value is obj:
            return TypeError(f"{name}(): argument '{key}' must be Tensor, not {tp_name(obj)}")
    return None


def keyword_error(name, kwargs, exc):
    """exc (a TypeError) without its " (position N)" when it names an argument that was given by keyword: PyTorch's
    parser gives a position only to an argument given by position (``torch.cat([x], dim='a')``: ``cat(): argument
    'dim' must be int, not str``); None when that is not the case."""
    if not kwargs:
        return None
    text = str(exc)
    head = f"{name}(): argument '"
    if not text.startswith(head):
        return None
    arg, quote, rest = text[len(head):].partition("' (position ")
    if not quote or arg not in kwargs:
        return None
    digits, paren, tail = rest.partition(")")
    if not paren or not digits.isdigit():
        return None
    return TypeError(f"{head}{arg}'{tail}")


_PARSED = {}   # name -> (its signatures, those PyTorch lists), made at a function's first failing call
_CAUGHT = (TypeError, AttributeError, RuntimeError, ValueError, IndexError)


def parser_refusal(name, args, kwargs):
    """PyTorch's TypeError when its parser refuses the call of the C function ``name`` (engine/function_signatures.py,
    read from PyTorch by tools/function_signatures.py: a missing or extra argument, a wrong type, an unknown keyword,
    the listing of several overloads), or None when it takes the call (or the function is not one it parses)."""
    if name in NOARGS:   # (a C function of no arguments: CPython's own check)
        return arg_parser.no_arguments(f"torch.{name}", args, kwargs)
    texts = SIGNATURES.get(name)
    if texts is None:
        return None
    try:
        return arg_parser.refusal(name, texts, args, kwargs, _PARSED)
    except Exception:  # noqa: BLE001 - an argument the parser's model cannot read: the engine's own error stands
        return None


def _clear(fn, name):
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except _CAUGHT as exc:
            # PyTorch parses before anything runs: when its parser refuses the call, that is the error
            error = parser_refusal(name, args, kwargs)
            if error is None:
                if isinstance(exc, AttributeError):
                    error = argument_error(name, fn, args, kwargs, exc)
                elif isinstance(exc, TypeError):
                    error = keyword_error(name, kwargs, exc)
            if error is None:
                raise
        raise error   # (outside the handler: no "During handling of the above exception" chain)
    return functools.update_wrapper(call, fn)   # (fn's name, doc and module; __wrapped__)


# the same in torch.linalg, torch.special and torch.fft (whose functions PyTorch names linalg_inv, special_i0 ...):
# each of these took out= and left it as it was, returning a new tensor
_TAKES_OUT_IN = {
    "linalg": frozenset("cholesky cond det eigvals eigvalsh inv matmul matrix_norm matrix_power matrix_rank multi_dot "
                        "norm pinv solve svdvals tensorinv vector_norm".split()),
    "special": frozenset("digamma entr erfcx gammainc gammaincc gammaln i0 i0e i1 i1e log_ndtr logit logsumexp "
                         "multigammaln ndtr ndtri psi xlog1py xlogy zeta".split()),
    "fft": frozenset("fft fft2 fftn hfft ifft ifft2 ifftn ihfft irfft irfft2 irfftn rfft rfft2 rfftn".split()),
}


def clear_errors(namespace, prefix=None):
    """Wrap the public functions of namespace (a module's globals: torch's, or with prefix "linalg", "special",
    "fft" that submodule's, or with "nn.functional" the C functions of torch.nn.functional) with _clear, but those
    PyTorch writes in Python; only when this module is compiled (see above). First, the functions of _TAKES_OUT
    (_TAKES_OUT_IN[prefix]) get out=."""
    if prefix == "nn.functional":
        if not __file__.endswith(".py"):
            for attr, name in FUNCTIONAL.items():
                if isinstance(namespace.get(attr), types.FunctionType):
                    namespace[attr] = _clear(namespace[attr], name)
        return
    torch_level = prefix is None
    takes_out, python_level = (_TAKES_OUT, _PYTHON_LEVEL) if torch_level else (_TAKES_OUT_IN[prefix], ())
    for name in takes_out:
        if isinstance(namespace.get(name), types.FunctionType):
            # (the dtype checks are those of the torch.* kernels: torch.linalg.norm is not torch.norm)
            check = _OUT_DTYPE_CHECKS.get(name if torch_level else f"{prefix}.{name}")
            namespace[name] = with_out(namespace[name], _native(prefix, name), check=check)
    if __file__.endswith(".py"):
        return
    for name, value in list(namespace.items()):
        if name.startswith("_") or name in python_level or not isinstance(value, types.FunctionType):
            continue
        namespace[name] = _clear(value, _native(prefix, name))


def _native(prefix, name):
    """The name PyTorch's messages give a function: ``inv`` of torch.linalg is ``linalg_inv``."""
    return name if prefix is None else f"{prefix}_{name}"
