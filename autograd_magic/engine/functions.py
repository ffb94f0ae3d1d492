"""Differentiable functions over tensors built on the op table, for the ops whose arguments need more than a
declaration gives (optable ``api=``): arithmetic with type promotion (add, sub, mul, div, pow ...), clamps, where,
masked_fill, softmax, the two-input math of ops_math.py, comparisons, logical and bitwise functions, dtype
conversion and out=. Matrix products are in linalg.py, reductions and views in shaping.py, functions composed from views and joins
in composed.py."""
import builtins
import inspect
import warnings

import numpy as np

from . import arg_parser, argcheck, barebones, batching, dtypes, function_signatures, method_signatures
from . import half as _half
from . import overlap as _overlap
from . import memory_format as formats
from .autograd import GRAD_MODE
from .fperror import ALL_IGNORED, FP_ERROR_STATE, quiet
from . import vec_kernels
from .ops import _int_pow
from .optable import OPS
from .return_types import fields_of, return_type
from .tensor_base import (TensorBase, _dim, real_if_complex, apply, binary, check_broadcast, enable_bfloat16, scalar_tensor, warn_once,
                          wrap, wrap_from)


def as_tensor_arg(x, like=None, checked=True):
    """x as a tensor; a Python number in like's dtype where its kind allows (checked as a fill value is, unless
    checked is False: then an overflow becomes inf, as a static_cast does)."""
    if isinstance(x, TensorBase):
        return x
    if isinstance(x, np.ndarray):
        return wrap(x)
    x = dtypes.scalar_number(x)
    dt = like._data.dtype if like is not None and dtypes.scalar_category(x) <= dtypes._FROM_NP[like._data.dtype]._cat \
        else dtypes.default_for_category(dtypes.scalar_category(x)).np
    if not checked:
        with np.errstate(over="ignore"):
            return scalar_tensor(x, dt)
    return scalar_tensor(dtypes.fitted(x, dt) if like is not None else x, dt)


def _where_checks(t):
    """Whether where() checks a Python number's conversion into t's dtype: its CPU kernel reads the number in
    the dtype's opmath type, float for float16 and bfloat16, and casts it unchecked (where(mask, half, -1e9) is
    -inf), but checked into every other dtype (float32's 1e39 is an overflow error)."""
    return not isinstance(t, TensorBase) or t._data.dtype.itemsize != 2 or not dtypes.is_float_np(t._data.dtype)


def to_float(t):
    """t, or t in the default float dtype when it is integral or bool (PyTorch's promotion for float results)."""
    return t if dtypes.is_float_np(t._data.dtype) else t.to(dtypes.get_default_dtype())


def dims_arg(dim, ndim):
    """None, an int or a sequence of ints -> None or a sorted tuple of non-negative dims."""
    if dim is None:
        return None
    if isinstance(dim, (list, tuple)):
        if len(dim) == 0:
            return None
        dims = tuple(sorted(int(_dim(d, ndim)) for d in dim))   # (int: a bool after the first dim is one to PyTorch)
        if len(dims) > 1 and len(set(dims)) < len(dims):
            raise RuntimeError(f"dim {repeated_dim(dim, ndim)} appears multiple times in the list of dims")
    else:
        dims = (_dim(int(dim), ndim),)
    return dims if ndim else ()  # a 0-d tensor accepts dim 0 / -1 and reduces nothing


def repeated_dim(dims, ndim):
    """The first of dims (wrapped) that repeats an earlier one, as PyTorch names it in its error."""
    seen = set()
    for d in dims:
        d = _dim(d, ndim)
        if d in seen:
            return d
        seen.add(d)
    return None


# ---------------------------------------------------------------- arithmetic


_PLAIN_NUMBERS = (bool, int, float)


def wrapped_number(input, other):
    """input as a tensor when both operands are Python numbers: PyTorch's parser lets add, sub, mul and div (and
    their aliases) bind a number where a tensor goes (``torch.add(1.5, 2.5)`` is tensor(4.)), as a 0-d tensor of
    the number's default dtype (bool, int64 or the default float)."""
    if input.__class__ in _PLAIN_NUMBERS and other.__class__ in _PLAIN_NUMBERS:
        dt = dtypes.default_for_category(dtypes.scalar_category(input))
        return scalar_tensor(input, dt.np)
    return input


def add(input, other, *, alpha=1, out=None):
    input = wrapped_number(input, other)
    if alpha.__class__ is not int:
        check_alpha(input, other, alpha)
    if alpha != 1:
        if not isinstance(other, TensorBase):
            if isinstance(input, TensorBase) and input._data.dtype is _half.F16 and isinstance(other, (int, float)):
                return _scaled("add", input, scalar_tensor(other, np.float16), alpha)
            number = _number_operand(input, other)
            if number is not None:
                return _scaled("add", input, number, alpha)
            return binary("add", input, other * alpha)
        return _scaled("add", input, other, alpha)
    if not isinstance(input, TensorBase):
        return binary("add", other, input)
    return binary("add", input, other)


def check_alpha(input, other, alpha):
    """ATen's alpha_check on add/sub's result dtype: a bool alpha for a bool result only, a float alpha for a
    floating result only (``x.long().add(y, alpha=0.5)`` is its error, not a truncated alpha)."""
    dt = dtypes.result_type((input, other)).np
    if isinstance(alpha, (bool, np.bool_)) and dt != np.bool_:
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if not (dtypes.is_float_np(dt) or dt.kind == "c") and not isinstance(alpha, (int, np.integer)):
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating point number.")
    if dt.kind != "c" and isinstance(alpha, (complex, np.complexfloating)):
        raise RuntimeError("For non-complex input tensors, argument alpha must not be a complex number.")


def _scaled(name, input, other, alpha):
    """input + alpha * other (or -) as one node, like PyTorch's add/sub with alpha."""
    if input._data.shape != other._data.shape:
        check_broadcast(input._data.shape, other._data.shape)
    dt = dtypes.result_type((input, other))
    a, b = input.to(dt), other.to(dt)
    ufunc = np.add if name == "add" else np.subtract
    if dt.np is _half.F16:
        return apply(OPS[name], (a, b), alpha, data=_half.scaled_add(ufunc, a._data, b._data, alpha))
    if (dt.np == np.float32 or dt.np == np.float64) and isinstance(alpha, (int, float, np.integer, np.floating)) \
            and not isinstance(alpha, (bool, np.bool_)):
        # ATen's add kernel: ``vec::fmadd(other, alpha, self)``, one rounding with AVX2 / AVX-512, two with default
        scale = np.asarray(alpha if name == "add" else -alpha, dt.np)
        return apply(OPS[name], (a, b), alpha, data=vec_kernels.fmadd(b._data, scale, a._data))
    return apply(OPS[name], (a, b), alpha, data=np.asarray(ufunc(a._data, b._data * np.asarray(alpha, dt.np))))


def _number_operand(input, other):
    """A Python float or int operand of add / sub with alpha as PyTorch takes it into a float32 or float64
    result: a number of the result's dtype (then ``self + alpha * other`` in that dtype, as _scaled computes),
    not ``other * alpha`` worked out in Python first; None for other dtypes (their own paths)."""
    if not isinstance(input, TensorBase) or other.__class__ not in (int, float):
        return None
    dt = dtypes.result_type((input, other)).np
    if dt != np.float32 and dt != np.float64:
        return None
    return scalar_tensor(other, dt)


_TWO_BOOLS = ("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` "
              "operator instead.")
_ONE_BOOL = ("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, "
             "use the `~` or `logical_not()` operator instead.")


def _is_bool(x):
    return x._data.dtype == np.bool_ if isinstance(x, TensorBase) else isinstance(x, (bool, np.bool_))


def check_bool_sub(a, b):
    """ATen's sub check: no bool operand (a Python bool counts as one)."""
    if _is_bool(a) or _is_bool(b):
        raise RuntimeError(_TWO_BOOLS if _is_bool(a) and _is_bool(b) else _ONE_BOOL)


def sub(input, other, *, alpha=1):
    check_bool_sub(input, other)
    input = wrapped_number(input, other)
    if alpha.__class__ is not int:
        check_alpha(input, other, alpha)
    if alpha != 1:
        if not isinstance(other, TensorBase):
            if isinstance(input, TensorBase) and input._data.dtype is _half.F16 and isinstance(other, (int, float)):
                return _scaled("sub", input, scalar_tensor(other, np.float16), alpha)
            number = _number_operand(input, other)
            if number is not None:
                return _scaled("sub", input, number, alpha)
            return binary("sub", input, other * alpha)
        return _scaled("sub", input, other, alpha)
    if not isinstance(input, TensorBase):
        return rsub(other, input)
    return binary("sub", input, other)


def rsub(input, other, alpha=1):
    """other - alpha * input (a number other: RsubBackward1); a Tensor other goes through sub."""
    tensor, scalar = input, dtypes.scalar_number(other)
    check_bool_sub(tensor, scalar)
    if alpha != 1:
        if isinstance(scalar, TensorBase):
            return _scaled("sub", scalar, tensor, alpha)
        tensor = mul(tensor, alpha)
    if isinstance(scalar, TensorBase):
        return binary("sub", scalar, tensor)
    t = tensor
    if not dtypes.is_float_np(t._data.dtype) and dtypes.scalar_category(scalar) == 2:
        t = t.to(dtypes.get_default_dtype())
    if scalar.__class__ is int:
        scalar = dtypes.wrapped_int(scalar, t._data.dtype)
    return apply(OPS["rsub"], (t,), scalar, data=np.asarray(np.subtract(scalar, t._data)).astype(t._data.dtype))


def mul(input, other):
    input = wrapped_number(input, other)
    if not isinstance(input, TensorBase):
        return binary("mul", other, input)
    return binary("mul", input, other)


def div(input, other, *, rounding_mode=None):
    input = wrapped_number(input, other)
    if rounding_mode is not None:
        if rounding_mode not in ("floor", "trunc"):
            raise RuntimeError(f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found "
                               f"'{rounding_mode}'")
        a, b, dt = _division_operands(input, other, f"div_{rounding_mode}_cpu")
        barebones.refuse(f"div_{rounding_mode}_cpu", dt.np)
        if not isinstance(a, TensorBase):
            a = scalar_tensor(a, dt.np)
        number = _half.divisor(a._data, other)   # (float16 by a number: the number in float32)
        if number is not None:
            data = _half.rounded_division(a._data, number, rounding_mode)
            return apply(OPS["div_rounding"], (a, b), rounding_mode, data=data)
        return apply(OPS["div_rounding"], (a, b), rounding_mode)   # DivBackward2: a zero gradient
    if not isinstance(input, TensorBase):
        return mul(reciprocal(other), input)
    return binary("div", input, other)


true_divide = divide = div
multiply = mul
subtract = sub


def reciprocal(input):
    t = input if dtypes.is_diff_np(input._data.dtype) else input.to(dtypes.get_default_dtype())
    return apply(OPS["reciprocal"], (t,))


def _division_operands(input, other, kernel):
    """input and other as PyTorch's floor division and remainder take them, and their dtype: numpy scalars count as
    Python numbers, tensors are in the promoted dtype (torch.result_type: an integer tensor // 2.5 is float32).
    An integer divisor that holds a 0 is PyTorch's ``RuntimeError: ZeroDivisionError``; two bools have no
    kernel (named by ``kernel``: True // True is refused, True // 2 is int64)."""
    a, b = dtypes.scalar_number(input), dtypes.scalar_number(other)
    dt = dtypes.result_type((a, b))
    if dt.np.kind == "b":
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")
    a, b = (dtypes.wrapped_int(v, dt.np) if v.__class__ is int else v for v in (a, b))
    if isinstance(a, TensorBase) and a._data.dtype != dt.np:
        a = a.to(dt)
    if isinstance(b, TensorBase) and b._data.dtype != dt.np:
        b = b.to(dt)
    if dt.np.kind in "iu" and not np.all(b._data if isinstance(b, TensorBase) else b):
        raise RuntimeError("ZeroDivisionError")
    return a, b, dt


def floor_divide(input, other):
    """``input // other``: recorded under PyTorch's NotImplemented node (its backward raises)."""
    input = wrapped_number(input, other)
    check_operands(input, other)
    a, b, _ = _division_operands(input, other, "div_floor_cpu")
    number = _half.divisor(a._data, other) if isinstance(a, TensorBase) else None
    if number is not None:
        return apply(OPS["floor_divide"], (a, b), data=_half.rounded_division(a._data, number, "floor"))
    return apply(OPS["floor_divide"], (a, b))


def remainder(input, other):
    """``input % other``, the result with the divisor's sign: RemainderBackward0 for a number divisor, 1 for a
    tensor; a number % tensor under PyTorch's NotImplemented node."""
    check_operands(input, other)
    a, b, _ = _division_operands(input, other, "remainder_cpu")
    if not isinstance(a, TensorBase):
        return apply(OPS["remainder_of_number"], (b,), a)
    if isinstance(b, TensorBase):
        return apply(OPS["remainder_tensor"], (a, b))
    return apply(OPS["remainder"], (a,), b)


def neg(input):
    if input._data.dtype == np.bool_:
        raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert "
                           "a mask, use the `~` or `logical_not()` operator instead.")
    return apply(OPS["neg"], (input,))


negative = neg


@quiet
def pow(input, exponent):
    if isinstance(input, (np.number, np.bool_)):   # a numpy scalar base counts as a Python number, as in PyTorch
        input = dtypes.scalar_number(input)
    exponent = dtypes.scalar_number(exponent)   # (i ** np.float32(2) is a float power, as i ** 2.0)
    if input.__class__ is complex and exponent._data.dtype.kind != "c":   # ((1+2j) ** x: a complex result over the
        data = np.power(input, exponent._data.astype(dtypes.result_type((exponent, input)).np))   # real x, one node)
        return apply(OPS["rpow"], (exponent,), input, data=np.asarray(data))
    if not isinstance(input, TensorBase):
        if input.__class__ is bool and exponent._data.dtype.kind == "b":
            raise NotImplementedError("\"pow\" not implemented for 'Bool'")
        base = float(input) if dtypes.is_float_np(exponent._data.dtype) or isinstance(input, float) else input
        complex_exponent = exponent._data.dtype.kind == "c"   # (3.7 ** complex_tensor stays complex)
        t = exponent if isinstance(input, int) or complex_exponent else to_float(exponent)
        if input.__class__ is int and t._data.dtype.kind in "bu" + "i":   # (3 ** bool_tensor is int64; -1 ** a
            t = t.to(dtypes.result_type((t, input)))                        # uint8 one wraps the base into uint8)
            base = dtypes.wrapped_int(base, t._data.dtype)
        if t._data.dtype == np.float32 and isinstance(base, float):
            # the base wrapped to float32 as ATen's kernel sees it, the power in float64 rounded once: PyTorch's
            # vectorised float32 pow agrees with that for ~98% of inputs (numpy's float32 loop for ~80%)
            data = np.power(np.float64(np.float32(base)), t._data.astype(np.float64)).astype(np.float32)
            return apply(OPS["rpow"], (t,), base, data=data)
        if t._data.dtype.kind in "iu" and isinstance(input, int) and (t._data < 0).any():
            # (2 ** int_tensor with negative exponents: ATen's integer pow gives 0, +-1 for a base of +-1)
            return apply(OPS["rpow"], (t,), base, data=_int_pow(np.asarray(base, t._data.dtype), t._data))
        data = np.asarray(np.power(base, t._data)).astype(t._data.dtype if isinstance(input, int) or complex_exponent
                                                          or dtypes.is_float_np(t._data.dtype) else
                                                          dtypes.get_default_dtype().np)
        return apply(OPS["rpow"], (t,), base, data=data)
    if isinstance(exponent, TensorBase):
        if input._data.dtype.kind == "b" and exponent._data.dtype.kind == "b":
            raise NotImplementedError("\"pow\" not implemented for 'Bool'")
        return binary("pow_tensor", input, exponent)
    t = input
    if t._data.dtype.kind == "b" and exponent.__class__ is bool:
        # (bool ** True is a copy, bool ** False all True: ATen's pow of a Scalar 1 or 0, no kernel of bools run)
        return wrap(t._data.copy() if exponent else np.ones_like(t._data))
    if isinstance(exponent, complex) and t._data.dtype.kind != "c":
        t = t.to(dtypes.result_type((t, exponent)))
    if not dtypes.is_diff_np(t._data.dtype) and isinstance(exponent, float):
        t = t.to(dtypes.get_default_dtype())
    if not dtypes.is_diff_np(t._data.dtype) and exponent < 0:
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    if exponent.__class__ is int or (exponent.__class__ is float and t._data.dtype is _half.F16):
        exponent = dtypes.fitted(exponent, t._data.dtype)   # (as pow's kernel converts it: uint8_tensor ** 300 and
                                                            # half_tensor ** 1e6 overflow)
    if exponent in (0, 1) and t._data.dtype in dtypes.BAREBONES_NP:   # (ATen's pow of a Scalar 0 or 1 fills
        return wrap(t._data.copy() if exponent else np.ones_like(t._data))   # or copies: no kernel runs)
    return apply(OPS["pow"], (t,), exponent)


def _stepfn(name):
    op = OPS[name]

    def fn(input):
        refuse_complex(input, f"{name} is not supported for complex inputs")
        if not dtypes.is_float_np(input._data.dtype):
            if input._data.dtype.kind == "b":   # (integers: a copy; bool: ATen's kernels have no loop for it)
                raise NotImplementedError(f"\"{name}_vml_cpu\" not implemented for 'Bool'")
            return input.clone()
        return apply(op, (input,))
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = f"Elementwise {name} (gradient zero)."
    return fn


floor, ceil, trunc = (_stepfn(n) for n in ("floor", "ceil", "trunc"))
_round = _stepfn("round")


def round(input, *, decimals=None):
    """Elementwise round half to even (gradient zero); decimals: to that many decimal places (RoundBackward1), a
    float tensor's only: ATen has no integer kernel for it."""
    # (decimals other than 0 dispatch to ATen's round_cpu kernel, none or 0 to round_vml_cpu)
    refuse_complex(input, f"\"{'round_cpu' if decimals else 'round_vml_cpu'}\" not implemented for '{{}}'")
    if decimals is None:
        return _round(input)
    data = input._data
    if not dtypes.is_float_np(data.dtype):
        kernel = "round_vml_cpu" if decimals == 0 else "round_cpu"
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dtypes.scalar_name(data.dtype)}'")
    return apply(OPS["round_decimals"], (input,), data=np.round(data, decimals) if decimals else np.round(data))


def square(input):
    return pow(input, 2)


def all(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _logical_reduce(np.all, input, dim if axis is None else axis, keepdim if keepdims is None else keepdims)


def any(input, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _logical_reduce(np.any, input, dim if axis is None else axis, keepdim if keepdims is None else keepdims)


def _logical_reduce(fn, input, dim, keepdim):
    axis = None if dim is None else dims_arg(dim, input._data.ndim)
    out = np.asarray(fn(input._data, axis=axis, keepdims=keepdim))
    # (ATen keeps uint8 for a uint8 input, for backward compatibility; every other dtype gives bool)
    return wrap_from(out.astype(np.uint8) if input._data.dtype == np.uint8 else out, input)


def isinf(input):
    return wrap_from(np.isinf(input._data), input)


def isfinite(input):
    return wrap_from(np.isfinite(input._data), input)


def isnan(input):
    return wrap_from(np.isnan(input._data), input)


def logical_not(input, *, out=None):
    barebones.refuse("logical_not_cpu", input._data.dtype)
    result = wrap_from(np.logical_not(input._data), input)
    return result if out is None else write_out(result, out, "logical_not")


def check_operands(*operands):
    """PyTorch's size error for tensor operands that do not broadcast, one after the other as TensorIterator infers
    its shape (it does so before it looks for a kernel of their dtype); numbers are left out."""
    shapes = [t._data.shape for t in operands if isinstance(t, TensorBase)]
    common = shapes[0] if shapes else ()
    for shape in shapes[1:]:
        check_broadcast(common, shape)
        common = np.broadcast_shapes(common, shape)


def _logical_fn(ufunc):
    def fn(input, other, *, out=None):
        check_operands(input, other)
        b = other._data if isinstance(other, TensorBase) else other
        if barebones.among(input._data, b):   # (the kernel runs in the common dtype: its promotion error first)
            barebones.refuse(f"{ufunc.__name__}_cpu", dtypes.result_type((input, other)).np)
        if out is not None:   # (the kernel's refusal of an out overlapping an input)
            _overlap.check_inputs(out._data, ufunc.__name__, (input, other), {}, TensorBase)
        result = wrap(np.asarray(ufunc(input._data, b)))
        return result if out is None else write_out(result, out, ufunc.__name__)  # never differentiable
    fn.__name__ = ufunc.__name__
    return fn


logical_and, logical_or, logical_xor = (_logical_fn(u) for u in (np.logical_and, np.logical_or, np.logical_xor))


def without_out(fn):
    """fn as a Tensor method, which takes no out= (Python's TypeError then names the method, as PyTorch's; a method
    without arguments is PyTorch's C method that takes no keywords)."""
    if fn is logical_not:
        def method(self, **kwargs):
            if kwargs:
                raise TypeError(f"TensorBase.{fn.__name__}() takes no keyword arguments")
            return fn(self)
    elif fn in (logical_and, logical_or, logical_xor):   # (x.logical_and(other=y); the torch layer parses them)
        def method(self, other):
            return fn(self, other)
    else:
        def method(self, *args):
            return fn(self, *args)
    method.__name__ = method.__qualname__ = fn.__name__
    return method


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Elementwise ``input == other`` or ``|input - other| <= atol + |rtol * other|`` where that difference is
    finite (ATen's isclose: an infinite difference is never close, whatever atol; nan only with equal_nan)."""
    a, b = input._data, other._data
    if a.dtype != b.dtype:
        raise RuntimeError(f"{input.dtype.scalar_name} did not match {other.dtype.scalar_name}")
    for name, tol in (("rtol", rtol), ("atol", atol)):
        if not tol >= 0:
            raise RuntimeError(f"{name} must be greater than or equal to zero, but got {tol:g}")
    check_broadcast(a.shape, b.shape)
    if a.dtype.kind not in "fc" and a.dtype is not dtypes.BF16_NP:
        return wrap(np.asarray(np.isclose(a, b, rtol=rtol, atol=atol)))
    if a.dtype is dtypes.BF16_NP:   # (computed in float32, as PyTorch's bfloat16 kernels do)
        a, b = a.astype(np.float32), b.astype(np.float32)
    with np.errstate(all="ignore"):   # (inf - inf, nan)
        close = a == b
        if equal_nan:
            close |= np.isnan(a) & np.isnan(b)
        if rtol or atol:
            actual = np.abs(a - b)
            close |= np.isfinite(actual) & (actual <= atol + np.abs(rtol * b))
    return wrap_from(np.asarray(close), input, other)


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    batching.refuse_op(batching.ALLCLOSE, input, other)
    return bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


def _ml_dtypes_finfo(np_dtype):
    import ml_dtypes   # (loaded already: a bfloat16 array exists)
    return ml_dtypes.finfo(np_dtype)


def nan_to_num(input, nan=0.0, posinf=None, neginf=None):
    a = input._data
    if a.dtype.kind != "c" and not dtypes.is_float_np(a.dtype):
        return input.clone()
    # (a complex tensor: its real and imaginary parts each replaced, the limits its real dtype's; bfloat16's from
    # ml_dtypes, numpy's finfo does not know it)
    info = np.finfo(a.dtype) if a.dtype.kind in "fc" else _ml_dtypes_finfo(a.dtype)
    posinf = info.max if posinf is None else posinf
    neginf = info.min if neginf is None else neginf
    return apply(OPS["nan_to_num"], (input,), nan, posinf, neginf, np.isfinite(a))


def abs(input):
    data = getattr(input, "_data", None)
    if data is not None and data.dtype.kind == "b":   # (ATen's abs kernel has no bool loop)
        raise NotImplementedError("\"abs_cpu\" not implemented for 'Bool'")
    return apply(OPS["abs"], (input,))


absolute = abs


def refuse_complex(input, message, error=NotImplementedError):
    """PyTorch's error for an op that has no complex kernel (message: its text; {} is the dtype's name)."""
    if input._data.dtype.kind == "c":
        raise error(message.format(input.dtype.scalar_name))


def relu(input):
    refuse_complex(input, "clamp is not supported for complex types")
    if input._data.dtype == np.bool_:
        raise RuntimeError("Boolean inputs not supported for relu")
    return apply(OPS["relu"], (input,))


def clamp(input, min=None, max=None):
    refuse_complex(input, "clamp is not supported for complex types")
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if _tensor_bounds(min, max):   # clamp.Tensor: one ClampBackward0 node
        bounds = [as_tensor_arg(b, input) for b in (min, max) if b is not None]
        check_operands(input, *bounds)
        dt = dtypes.result_type((input, *bounds))
        name = "clamp_tensor" if len(bounds) == 2 else "clamp_tensor_min" if min is not None else "clamp_tensor_max"
        if dt.np.kind == "c":   # (clamp.Tensor runs ATen's clamp, maximum or minimum kernel: none has a complex loop)
            kernel = "clamp_cpu" if len(bounds) == 2 else "maximum_cpu" if min is not None else "minimum_cpu"
            raise NotImplementedError(f"\"{kernel}\" not implemented for '{dt.scalar_name}'")
        return apply(OPS[name], tuple(t.to(dt) for t in (input, *bounds)))
    t, lo, hi = _scalar_bounds(input, *_real_bounds(min, max))
    return apply(OPS["clamp"], (t,), lo, hi)


_CLAMP_KERNELS = {(True, True): "clamp_scalar_cpu", (True, False): "clamp_min_scalar_cpu",
                  (False, True): "clamp_max_scalar_cpu"}


def _tensor_bounds(min, max):
    """True for clamp.Tensor: every bound given a tensor. A tensor next to a number is the Number overload's (the
    argument parser let through only a 0-d tensor that needs no grad there), read as that number."""
    tensors = [isinstance(b, TensorBase) for b in (min, max) if b is not None]
    return bool(tensors) and False not in tensors   # (all() here is torch.all)


def _refuse_complex_bound(input, bound):
    """clamp_min.Scalar / clamp_max.Scalar promote the input with the number: a complex result type is refused."""
    bound = bound.item() if isinstance(bound, TensorBase) else bound
    if dtypes.result_type((input, bound)).np.kind == "c":
        raise NotImplementedError("clamp is not supported for complex types")


def _real_bounds(min, max):
    """clamp.Scalar converts a complex number bound to double (c10's overflow check: no imaginary part) and does not
    promote the input with it."""
    def real(b):
        if isinstance(b, (complex, np.complexfloating)):
            if b.imag != 0:
                raise RuntimeError("value cannot be converted to type double without overflow")
            return float(b.real)
        return b
    return real(min), real(max)


def _scalar_bounds(input, min, max):
    """clamp.Scalar's operands: input in result_type(input, min, max) (a bool tensor with int bounds gives int64,
    an integer one with a float bound the default float) and each bound converted to that type as c10 converts
    it (its overflow error; -1 wraps to 255 in uint8); ATen has no bool kernel."""
    min, max = (b.item() if isinstance(b, TensorBase) else b for b in (min, max))
    dt = dtypes.result_type((input, *(b for b in (min, max) if b is not None)))
    if dt is dtypes.bool_ or dt in dtypes.BAREBONES:
        raise NotImplementedError(f"\"{_CLAMP_KERNELS[min is not None, max is not None]}\" not implemented for "
                                  f"'{dt.scalar_name}'")
    lo, hi = (None if b is None else dtypes.fitted(b, dt.np) for b in (min, max))
    return (input if input.dtype is dt else input.to(dt)), lo, hi


def check_clamp_inplace(input, min=None, max=None):
    """clamp_ / clamp_min_ / clamp_max_ with number bounds: the result type must cast to input's, else ATen's
    message, which names the C++ type ("long int", "unsigned char"), unlike clamp.Tensor's ("Long")."""
    if builtins.any(isinstance(b, (complex, np.complexfloating)) for b in (min, max)):
        return   # (a complex number bound: clamp's conversion error or clamp_min's refusal comes first)
    tensors = _tensor_bounds(min, max)
    if (min is not None or max is not None) and not tensors:
        dt = dtypes.result_type((input, *(b.item() if isinstance(b, TensorBase) else b
                                          for b in (min, max) if b is not None)))
        if dt._cat > input.dtype._cat:   # (canCast: no float into an integer, no number into bool)
            raise RuntimeError(f"result type {dt.scalar_name} can't be cast to the desired output type "
                               f"{input.dtype.c_name}")
    elif tensors:   # clamp.Tensor's out check (names the ScalarType) before its kernel runs
        dt = dtypes.result_type((input, *(b for b in (min, max) if isinstance(b, TensorBase))))
        if dt._cat > input.dtype._cat:
            raise RuntimeError(f"result type {dt.scalar_name} can't be cast to the desired output type "
                               f"{input.dtype.scalar_name}")


clip = clamp


def maximum(input, other):
    _refuse_complex_pair("maximum", input, other)
    return binary("maximum", input, other)


def minimum(input, other):
    _refuse_complex_pair("minimum", input, other)
    return binary("minimum", input, other)


def _refuse_complex_pair(name, input, other):
    if "c" in (input._data.dtype.kind, getattr(getattr(other, "_data", None), "dtype", np.dtype("f")).kind):
        raise RuntimeError(f"{name} not implemented for complex tensors.")


def where(condition, input=None, other=None):
    if input is None and other is None:
        return nonzero(condition, as_tuple=True)
    cond = condition._data if isinstance(condition, TensorBase) else np.asarray(condition)
    if cond.dtype == np.uint8:   # PyTorch still takes a byte mask, once warning that it is deprecated
        warn_once("where received a uint8 condition tensor. This behavior is deprecated and will be removed in a "
                  "future version of PyTorch. Use a boolean condition instead. (Triggered internally at "
                  "/__w/pytorch/pytorch/aten/src/ATen/native/TensorCompare.cpp:621.)")
        cond = cond.astype(np.bool_)
    elif cond.dtype != np.bool_:
        raise RuntimeError(f"where expected condition to be a boolean tensor, but got a tensor with dtype "
                           f"{dtypes.scalar_name(cond.dtype)}")
    a = as_tensor_arg(input, other if isinstance(other, TensorBase) else None, _where_checks(other))
    b = as_tensor_arg(other, a, _where_checks(a))
    check_broadcast(cond.shape, a._data.shape)
    check_broadcast(np.broadcast_shapes(cond.shape, a._data.shape), b._data.shape)
    dt = dtypes.result_type([x for x in (input, other)]).np
    if a._data.dtype != dt:
        a = a.to(dtypes._FROM_NP[dt])
    if b._data.dtype != dt:
        b = b.to(dtypes._FROM_NP[dt])
    return apply(OPS["where"], (a, b), cond)


def check_float_kernel(name, t, d=None, fn=None):
    """PyTorch's kernels for softmax, gelu ... exist for floating dtypes only: an integer or bool tensor is its
    NotImplementedError (the kernel's name; softmax has one for the last dim and one for the others). With fn (the
    function's name), a list or an ndarray given as input is its TypeError."""
    if fn is not None and not isinstance(t, TensorBase):
        raise TypeError(f"{fn}(): argument 'input' (position 1) must be Tensor, not {argcheck.kind(t)}")
    if t._data.dtype.kind in "biu":
        if d is not None:
            name = name.replace("kernel", "lastdim_kernel") if d == max(t.ndim, 1) - 1 else name
        raise NotImplementedError(f'"{name}" not implemented for \'{t.dtype.scalar_name}\'')


def softmax(input, dim, dtype=None):
    if input._data.dtype.kind == "c":   # (the kernel of the last dim, or the one for the others)
        last = _dim(dim, input.ndim) == max(input.ndim, 1) - 1
        refuse_complex(input, f"\"softmax_{'lastdim_' if last else ''}kernel_impl\" not implemented for '{{}}'")
    t = input if dtype is None else input.to(dtype)
    d = _dim(dim, t.ndim)
    check_float_kernel("softmax_kernel_impl", t, d)
    return apply(OPS["softmax"], (t,), d)


def log_softmax(input, dim, dtype=None):
    t = input if dtype is None else input.to(dtype)
    d = _dim(dim, t.ndim)
    check_float_kernel("log_softmax_kernel_impl", t, d)
    return apply(OPS["log_softmax"], (t,), d)


def masked_fill(input, mask, value, _inplace=False):
    """input with value where mask is True (mask broadcasts; value a number or a 0-d tensor)."""
    m = mask._data if isinstance(mask, TensorBase) else np.asarray(mask)
    # PyTorch's order of checks: out of place, the mask is broadcast first (it is tensor "a" of the error), then
    # masked_fill_ runs on the copy; masked_fill_ checks the value's dimensions, the mask's dtype, then the shapes
    if not _inplace:
        check_broadcast(m.shape, input._data.shape)
    if isinstance(value, TensorBase) and value._data.ndim:
        raise RuntimeError(f"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                           f"{value._data.ndim} dimension(s).")
    if m.dtype != np.bool_:
        raise RuntimeError(f"masked_fill_ only supports boolean masks, but got mask with dtype "
                           f"{dtypes.c_name(m.dtype)}")
    if _inplace:
        check_broadcast(input._data.shape, m.shape)
    if isinstance(value, TensorBase):
        dtypes.fitted(value._data.item(), input._data.dtype)   # (ATen fills value.item())
        if value._data.dtype != input._data.dtype:
            value = to_dtype(value, input.dtype)
        out = apply(OPS["masked_fill_t"], (input, value), m)
    else:
        out = apply(OPS["masked_fill"], (input,), m, dtypes.fitted(value, input._data.dtype))
    if getattr(mask, "_bt", None) is not None:   # (the mask is a constant of the op: a vmap's batched mask
        batching.propagate((mask,), out)          # batches the result)
    return out


def masked_fill_into(input, mask, value):
    """masked_fill for Tensor.masked_fill_ (its shape errors name self first)."""
    return masked_fill(input, mask, value, True)


def sign(input):
    refuse_complex(input, "Unlike NumPy, torch.sign is not intended to support complex numbers. Please use "
                          "torch.sgn instead.")
    return apply(OPS["sign"], (input,))


def nonzero(input, *, as_tuple=False, out=None):
    batching.refuse_op(batching.NO_RULE.format("nonzero_numpy") if as_tuple else
                       batching.DYNAMIC_SHAPE.format("nonzero"), input)
    return nonzero_of(input, as_tuple, out)


def nonzero_of(input, as_tuple=False, out=None):
    """nonzero's indices (argwhere's too: PyTorch's vmap runs argwhere element by element, where it refuses
    nonzero)."""
    if as_tuple and out is not None:
        raise RuntimeError("nonzero does not support the out kwarg when as_tuple is True")
    d = input._data
    barebones.refuse("nonzero_count_cpu", d.dtype)
    if d.ndim == 0:   # a 0-d tensor counts as one element: (tensor([0]),) as a tuple, (1, 0) indices otherwise
        if as_tuple:
            return (wrap(np.zeros(int(bool(d)), np.int64)),)
        return _nonzero_out(wrap(np.zeros((int(bool(d)), 0), np.int64)), out)
    idx = np.nonzero(d)
    if as_tuple:
        return tuple(wrap(i.astype(np.int64)) for i in idx)
    return _nonzero_out(wrap(np.stack(idx, axis=1).astype(np.int64)), out)


def _nonzero_out(result, out):
    """torch.nonzero(..., out=t): t must be a Long tensor (the kernel's check), resized as out= tensors are."""
    if out is None:
        return result
    if out._data.dtype != np.int64:
        raise RuntimeError(f"nonzero: Expected out tensor to have scalar type Long but got scalar type"
                           f"{dtypes.scalar_name(out._data.dtype)}")
    return write_out(result, out, "nonzero")


def nonzero_static(input, *, size, fill_value=-1):
    """nonzero's indices cut or padded (with fill_value) to `size` rows."""
    if not isinstance(size, (int, np.integer)) or size < 0:
        raise RuntimeError("nonzero_static: 'size' must be an non-negative integer")
    found = nonzero(input)._data[:size]   # (k, ndim); a 0-d input: no columns
    pad = np.full((size - found.shape[0], input._data.ndim), fill_value, np.int64)
    return wrap(np.concatenate([found, pad]) if input._data.ndim else np.zeros((size, 0), np.int64))


def compare(name, a, b):
    ufunc = {"eq": np.equal, "ne": np.not_equal, "lt": np.less, "le": np.less_equal,
             "gt": np.greater, "ge": np.greater_equal}[name]
    bd = b._data if isinstance(b, TensorBase) else dtypes.scalar_number(b)
    if not isinstance(bd, (np.ndarray, int, float, bool, complex)):
        return NotImplemented
    if bd.__class__ is int:   # (uint8_tensor < 300 compares with 44, as PyTorch's kernel casts the number)
        bd = dtypes.wrapped_int(bd, a._data.dtype)
    if barebones.among(a._data, bd):   # (uint16 ...: their promotion error, and no kernel but == and !=)
        dt = dtypes.result_type((a, b))
        if name not in ("eq", "ne"):
            barebones.refuse(f"{name}_cpu", dt.np)
    if name not in ("eq", "ne"):   # complex numbers are not ordered
        kinds = (a._data.dtype.kind, bd.dtype.kind if isinstance(bd, np.ndarray) else
                 "c" if isinstance(bd, (complex, np.complexfloating)) else "f")
        if "c" in kinds:
            dt = dtypes.result_type((a, b))
            raise NotImplementedError(f'"{name}_cpu" not implemented for \'{dt.scalar_name}\'')
    ad = a._data
    if isinstance(bd, np.ndarray):
        check_broadcast(ad.shape, bd.shape)
        if bd.dtype != ad.dtype and (isinstance(b, TensorBase) or bd.dtype.kind in "biufc"):
            # (both cast to the promoted dtype first, as TensorIterator does: a 0-d int64 353 against uint8 compares
            # as 97, a 0-d double 0.1 against float32 as 0.1f; a numpy array is a tensor)
            ad, bd = _common(a, b if isinstance(b, TensorBase) else wrap(bd))
    return wrap_from(np.asarray(ufunc(ad, bd)), a, b)


def _common(a, b):
    """Two tensors' arrays cast to their promoted dtype (an out-of-range value wraps or becomes inf, silently)."""
    dt = dtypes.result_type((a, b)).np
    token = FP_ERROR_STATE.set(ALL_IGNORED)
    try:
        return tuple(x._data if x._data.dtype == dt else x._data.astype(dt) for x in (a, b))
    finally:
        FP_ERROR_STATE.reset(token)


_BITWISE = {"and": np.bitwise_and, "or": np.bitwise_or, "xor": np.bitwise_xor, "left_shift": np.left_shift,
            "right_shift": np.right_shift}


_SHIFT_KERNELS = {"left_shift": "lshift_cpu", "right_shift": "rshift_cpu"}


def logical(name, a, b):
    """a & b, a | b, a ^ b, a << b, a >> b (one of them may be a Python number) in PyTorch's promoted dtype: a 0-d
    tensor or a number does not widen an integer tensor (int8_tensor & torch.tensor(3) is int8); PyTorch's error
    where that dtype has no kernel (floats; bools for the shifts), named after the promoted dtype."""
    a, b = dtypes.scalar_number(a), dtypes.scalar_number(b)
    numbers = (TensorBase, int, float, bool, complex)
    if not (isinstance(a, numbers) and isinstance(b, numbers)):   # (a list: Python's TypeError, as PyTorch's)
        return NotImplemented
    dt = dtypes.result_type((a, b))
    if dt.np.kind in "fc" or (dt.np.kind == "b" or dt in dtypes.BAREBONES) and name in _SHIFT_KERNELS:
        kernel = _SHIFT_KERNELS.get(name, f"bitwise_{name}_cpu")
        raise NotImplementedError(f'"{kernel}" not implemented for \'{dt.scalar_name}\'')
    ad, bd = (v._data.astype(dt.np, copy=False) if isinstance(v, TensorBase) else
              np.asarray(dtypes.wrapped_int(v, dt.np) if v.__class__ is int else v).astype(dt.np) for v in (a, b))
    check_broadcast(ad.shape, bd.shape)
    return wrap_from(np.asarray(_BITWISE[name](ad, bd)), *(v for v in (a, b) if isinstance(v, TensorBase)))


_PARSED = {}   # (the bitwise signatures, parsed at the first refused call: arg_parser.refusal's cache)


def bitwise(name, method=False):
    """torch.bitwise_<name> (method: Tensor.bitwise_<name>); a Python number as input is a Scalar self, an
    argument that is neither a tensor nor a number (a list, an ndarray, None) PyTorch's parser's TypeError."""
    qualified = f"bitwise_{name}"

    def refuse(input, other, out):
        texts = (method_signatures if method else function_signatures).SIGNATURES[qualified]
        args = (other,) if method else (input, other)
        kwargs = {} if out is None else {"out": out}
        return arg_parser.refusal(qualified, texts, args, kwargs, _PARSED.setdefault(method, {}))

    def fn(input, other, *, out=None):
        # (out=: only the overloads of a tensor input take it, and it must be a tensor: the parser's refusal)
        if out is not None and not (isinstance(input, TensorBase) and isinstance(out, TensorBase)):
            raise refuse(input, other, out)
        if not isinstance(input, TensorBase) and not isinstance(other, TensorBase):
            input = wrap(np.asarray(input))
        result = logical(name, input, other)
        if result is NotImplemented:
            raise refuse(input, other, out)
        if out is None:
            return result
        _overlap.check_inputs(out._data, qualified, (input, other), {}, TensorBase)
        return write_out(result, out, qualified)   # (computed in the promoted dtype, then cast into out's)
    fn.__name__ = qualified
    return fn


bitwise_and, bitwise_or, bitwise_xor = bitwise("and"), bitwise("or"), bitwise("xor")
bitwise_left_shift, bitwise_right_shift = bitwise("left_shift"), bitwise("right_shift")


def bitwise_not(input, *, out=None):
    d = input._data
    if d.dtype.kind == "f" or d.dtype in dtypes.BAREBONES_NP:
        raise NotImplementedError(f'"bitwise_not_cpu" not implemented for \'{dtypes.scalar_name(d.dtype)}\'')
    result = wrap(np.logical_not(d) if d.dtype == np.bool_ else np.invert(d))
    if out is None:
        return result
    if not isinstance(out, TensorBase):
        raise TypeError(f"bitwise_not(): argument 'out' must be Tensor, not {argcheck.tp_name(out)}")
    if out._data.dtype != d.dtype:   # (a structured unary kernel: out's dtype must be the input's)
        raise RuntimeError(f"Found dtype {dtypes.scalar_name(out._data.dtype)} but expected "
                           f"{dtypes.scalar_name(d.dtype)}")
    _overlap.check_inputs(out._data, "bitwise_not", (input,), {}, TensorBase)
    return write_out(result, out, "bitwise_not")


def invert(input):
    """~input: integer and bool tensors only (PyTorch's TypeError)."""
    if dtypes.is_float_np(input._data.dtype):
        raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return bitwise_not(input)


def check_cast_first(self, other):
    """An in-place op of self with other whose promoted result type cannot be cast back into self (no float into
    an integer, no integer into bool) is refused before its kernel runs, as ATen's TensorIterator checks it."""
    if isinstance(other, (TensorBase, bool, int, float, complex)):
        dt = dtypes.result_type((self, other))
        if dt._cat > self.dtype._cat:
            raise RuntimeError(f"result type {dt.scalar_name} can't be cast to the desired output type "
                               f"{self.dtype.scalar_name}")


def bitwise_inplace(fn):
    def method(self, other):
        check_cast_first(self, other)
        self._data[...] = fn(self, other)._data
        self._vbox[0] += 1
        return self
    return method


# ---------------------------------------------------------------- dtype conversion


def to_dtype(t, dtype, copy=False):
    if dtype.__class__ is type:   # Python's bool, int, float, complex (dtypes.coerce)
        dtype = dtypes.coerce(dtype)
    if dtype is None:   # (to(device) / to(copy=True): the tensor's own dtype, copied only if asked)
        if not copy:
            return t
        dtype = t.dtype
    if t._data.dtype == dtype.np and not copy:
        return t
    if dtype is dtypes.bfloat16:
        enable_bfloat16()
    if t._data.dtype.kind == "c" and not dtype.is_complex:
        real_if_complex(t._data, dtype.np, stacklevel=argcheck.user_level())   # (x.float(), x.to(...), a lambda's)
    if t._rg and not (dtype.is_floating_point or dtype.is_complex):
        return wrap(t._data.real.astype(dtype.np) if t._data.dtype.kind == "c" else t._data.astype(dtype.np))
    return apply(OPS["to_copy"], (t,), dtype.np)


# ---------------------------------------------------------------- out=


_OUT_GRAD = ("{}(): functions with out=... arguments don't support automatic differentiation, but one of the "
             "arguments requires grad.")
_RESIZED = ("An output with one or more elements was resized since it had shape [{}], which does not match the "
            "required output shape [{}]. This behavior is deprecated, and in a future PyTorch release outputs will "
            "not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing "
            "it, inplace, to zero elements with t.resize_(0). (Triggered internally at "
            "/__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)")


def write_out(result, out, name, warn_resize=True, resized=None):
    """Store result in out (resized if its shape differs, as PyTorch does) and return out. resized: the shapes
    (out's, the one asked for) the kernel's resize compares, where they are not out's and the result's."""
    if GRAD_MODE.enabled and (result._rg or out._rg):
        raise RuntimeError(_OUT_GRAD.format(_OUT_GRAD_NAMES.get(name, name)))
    data, dst = result._data, out._data
    if not dtypes.can_cast_np(data.dtype, dst.dtype):   # (c10's canCast: Short into Byte too, unlike numpy)
        raise RuntimeError(f"result type {dtypes.scalar_name(data.dtype)} can't be cast to the desired output type "
                           f"{dtypes.scalar_name(dst.dtype)}")
    had, wanted = resized or (dst.shape, data.shape)
    if dst.shape != data.shape:
        if dst.size and warn_resize and had != wanted:  # factories (torch.zeros(..., out=)) resize silently
            # (ATen's warning: at the line that called torch, past the engine's wrappers)
            warnings.warn(_RESIZED.format(", ".join(map(str, had)), ", ".join(map(str, wanted))),
                          UserWarning, stacklevel=argcheck.user_level())
        out._data = np.empty(data.shape, dst.dtype)
    np.copyto(out._data, data, casting="unsafe")
    out._vbox[0] += 1
    return out


# out= of an input that requires grad: the ATen function whose out= form refuses it, where the function called
# is composed of it in PyTorch (torch.hstack(..., out=) is cat's out=: "cat(): functions with out=...")
_OUT_GRAD_NAMES = {**dict.fromkeys("hstack vstack column_stack row_stack dstack concat concatenate".split(), "cat"),
                   "clip": "clamp", "diff": "sub", "fix": "trunc", "inverse": "linalg_inv_ex", "kron": "mul",
                   "msort": "sort", "nanmean": "nansum", "negative": "neg", "norm": "linalg_vector_norm",
                   "square": "pow", "matrix_power": "matmul", "linalg_matrix_power": "matmul",   # (for n >= 2)
                   "linalg_multi_dot": "mm", "chain_matmul": "mm", "special_multigammaln": "mvlgamma",
                   "special_logit": "logit"}
# ... the functions whose result is not differentiable (comparisons, histc): written into out, no error
_OUT_NOT_DIFFERENTIABLE = frozenset("eq ne ge gt le lt greater greater_equal less less_equal not_equal histc".split())
# ... and those PyTorch composes in Python or C++ from functional calls and out.copy_(result): out takes the result's
# history through that copy (CopyBackwards), no error (not modelled: matrix_power's n = 0, 1, -1 and chain_matmul of
# one matrix, which PyTorch treats so too)
_OUT_COPIED = frozenset(("quantile", "nanquantile", "inner", "linalg_tensorinv"))


def _copied_out(result, out):
    """out.copy_(result) after out is resized to the result's shape (as a composite's out= does)."""
    data, dst = result._data, out._data
    if dst.shape != data.shape:
        if dst.size:
            warnings.warn(_RESIZED.format(", ".join(map(str, dst.shape)), ", ".join(map(str, data.shape))),
                          UserWarning, stacklevel=argcheck.user_level())
        out._data = np.empty(data.shape, dst.dtype)
    return out.copy_(result)


def with_out(fn, name=None, bool_out=False, check=None):
    """fn accepting out= (the common functions of the torch namespace); name: what the out= errors call it;
    bool_out: out must be a bool tensor (all, any); check(result dtype, out dtype): raises the kernel's own error
    for an out of a dtype it refuses (numpy dtypes), before write_out's cast check; a check whose ``with_args`` is
    true is given the call's arguments too (which kernel runs can depend on them: matmul's dims, clamp's bounds)."""
    name = name or fn.__name__

    def wrapper(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        if not isinstance(out, TensorBase):   # (PyTorch's parser refuses it before anything else is looked at)
            raise TypeError(f"{name}(): argument 'out' must be Tensor, not {argcheck.tp_name(out)}")
        if bool_out and out._data.dtype not in (np.bool_, np.uint8):   # (uint8 too, though the text says bool)
            raise RuntimeError(f"{fn.__name__} only supports bool tensor for result, got: "
                               f"{dtypes.scalar_name(out._data.dtype)}")
        if name in _OUT_COPIED and GRAD_MODE.enabled and (
                out._rg or builtin_any(isinstance(a, TensorBase) and a._rg for a in args)):
            result = fn(*args, **kwargs)
            if check is not None:
                check(result._data.dtype, out._data.dtype)
            return _copied_out(result, out)
        if GRAD_MODE.enabled and builtin_any(isinstance(a, TensorBase) and a._rg for a in args):
            if name not in _OUT_NOT_DIFFERENTIABLE:
                raise RuntimeError(_OUT_GRAD.format(_OUT_GRAD_NAMES.get(name, name)))
        # (the kernel's refusal of an out overlapping an input: before its shape and dtype checks)
        _overlap.check_inputs(out._data, name, args, kwargs, TensorBase)
        result = fn(*args, **kwargs)
        if check is not None and isinstance(result, TensorBase):
            if getattr(check, "with_args", False):
                check(result._data.dtype, out._data.dtype, args, kwargs)
            else:
                check(result._data.dtype, out._data.dtype)
        if bool_out and result._data.dtype != out._data.dtype:   # (computed into out's dtype: bool or uint8)
            result = wrap_from(result._data.astype(out._data.dtype), result)
        return write_out(result, out, name)
    wrapper.__name__ = wrapper.__qualname__ = fn.__name__
    wrapper.__wrapped__ = fn
    wrapper.__doc__ = fn.__doc__
    return wrapper


# what each function's kernel says of an out= tensor of the wrong dtype: (of the values, of the indices), each
# given (wanted, got) numpy dtypes
_PAIR_DTYPE_ERRORS = {
    "c10": (lambda w, g: f"Expected out tensor to have dtype {dtypes.c_name(w)}, but got {dtypes.c_name(g)} instead",) * 2,
    "kthvalue": (lambda w, g: "output values must be of same type as input",
                 lambda w, g: "output indices must be of scalar type Long"),
    "median": (lambda w, g: f"Expected tensor for 'values' to have the same type as tensor for argument #2 'self'; "
                            f"but type {dtypes.type_string(g)} does not equal {dtypes.type_string(w)} (while checking arguments "
                            f"for median)",
               lambda w, g: f"Expected tensor for argument #1 'indices' to have scalar type Long; but got "
                            f"{dtypes.type_string(g)} instead (while checking arguments for median)"),
    "mode": (lambda w, g: f"expected scalar type '{dtypes.scalar_name(w)}' but got '{dtypes.scalar_name(g)}' for "
                          f"values output",
             lambda w, g: f"expected scalar type '{dtypes.scalar_name(w)}' but got '{dtypes.scalar_name(g)}' for "
                          f"indices output"),
    "cum": (lambda w, g: f"expected scalar_type {dtypes.scalar_name(w)} but found {dtypes.scalar_name(g)}",) * 2,
}


# the kernels that check both outs' dtypes before resizing either
_PAIR_CHECKED_FIRST = frozenset(("median", "mode", "cum"))


def _keepdim_resize(errors, fn, args, kwargs, shape):
    """The shapes kthvalue's and mode's resize warning names: theirs resize an out to the shape that keeps the
    reduced dim (squeezed after), an out without it (keepdim=False) unsqueezed there first (mode's whatever its
    rank, kthvalue's when it has one dim fewer than the input); mode of a 0-d input resizes silently."""
    if errors not in ("kthvalue", "mode"):
        return None
    try:
        bound = inspect.signature(fn).bind(*args, **kwargs)
    except TypeError:
        return None
    bound.apply_defaults()
    a = bound.arguments
    src, dim, keepdim = a["input"]._data, a["dim"], a["keepdim"]
    if not isinstance(dim, int) or not -builtins.max(src.ndim, 1) <= dim < builtins.max(src.ndim, 1):
        return None
    if not src.ndim:
        return (shape, ()) if errors == "kthvalue" else ((), ())
    d = dim % src.ndim
    wanted = src.shape[:d] + (1,) + src.shape[d + 1:]
    if not keepdim and (errors == "mode" or len(shape) == src.ndim - 1):
        shape = shape[:d] + (1,) + shape[d:]
    return shape, wanted


def _pair_out_type(result):
    """torch.return_types.<name>_out: the out= form's named tuple, with the fields of result's."""
    return return_type(type(result).__name__ + "_out", fields_of(result))


def with_pair_out(fn, name=None, errors="c10"):
    """fn, whose result is a pair of tensors (values, indices: sort, topk, max(dim) ...), accepting out= as a tuple
    (or list) of two tensors that are written (resized as PyTorch resizes them) and returned as
    torch.return_types.<name>_out; a single out tensor goes where fn's result is a single tensor (torch.max(t),
    torch.median(t)). errors: which kernel's wording a wrong out dtype gets (_PAIR_DTYPE_ERRORS)."""
    name = name or fn.__name__
    wrong_values, wrong_indices = _PAIR_DTYPE_ERRORS[errors]

    def wrapper(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        if isinstance(out, TensorBase):
            result = fn(*args, **kwargs)
            if errors == "median" and not isinstance(result, tuple):   # (no out= on the reduction over all)
                raise TypeError(f'{name}() missing 1 required positional arguments: "dim"')
            if isinstance(result, tuple):
                raise TypeError(f"{name}(): argument 'out' must be tuple of Tensors, not Tensor")
            if GRAD_MODE.enabled and builtin_any(isinstance(a, TensorBase) and a._rg for a in args):
                raise RuntimeError(_OUT_GRAD.format(name))
            return write_out(result, out, name)
        if out.__class__ not in (tuple, list) or not builtin_all(isinstance(t, TensorBase) for t in out):
            raise TypeError(f"{name}(): argument 'out' must be tuple of Tensors, not {argcheck.tp_name(out)}")
        if len(out) != 2:
            raise TypeError(f"expected tuple of 2 elements but got {len(out)}")
        if GRAD_MODE.enabled and builtin_any(isinstance(a, TensorBase) and a._rg for a in (*args, *out)):
            raise RuntimeError(_OUT_GRAD.format(name))
        _overlap.check_inputs(out[0]._data, name, args, kwargs, TensorBase)   # (sort's values out over its input)
        result = fn(*args, **kwargs)
        checks = tuple(zip(out, result, (wrong_values, wrong_indices)))
        for t, r, wrong in checks if errors in _PAIR_CHECKED_FIRST else ():
            if t._data.dtype != r._data.dtype:
                raise RuntimeError(wrong(r._data.dtype, t._data.dtype))
        for t, r, wrong in checks:   # (else each is checked, then resized, in turn: values resized, indices refused)
            if t._data.dtype != r._data.dtype:   # (aminmax's two are both values)
                raise RuntimeError(wrong(r._data.dtype, t._data.dtype))
            write_out(r, t, name, resized=_keepdim_resize(errors, fn, args, kwargs, t._data.shape))
        return _pair_out_type(result)(out)
    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__wrapped__ = fn
    wrapper.__doc__ = fn.__doc__
    return wrapper


builtin_any = __builtins__["any"] if isinstance(__builtins__, dict) else __builtins__.any
builtin_all = __builtins__["all"] if isinstance(__builtins__, dict) else __builtins__.all


def clone(input, *, memory_format=None):
    data = input._data
    if memory_format is None or memory_format is formats.preserve_format:
        if data.flags.c_contiguous or formats.dense(data):
            return apply(OPS["clone"], (input,))   # (numpy's copy keeps a dense layout, as preserve_format)
        fmt = formats.preserve_format   # not dense: the layout PyTorch suggests for it
    else:
        fmt = formats.checked(memory_format, data.ndim)
    return apply(OPS["clone"], (input,), data=formats.laid_out_copy(data, fmt))


# ---------------------------------------------------------------- more elementwise math (ops_math.py)


def logit(input, eps=None):
    t = input if input._data.dtype.kind == "c" or dtypes.is_float_np(input._data.dtype) else input.to(dtypes.get_default_dtype())
    return apply(OPS["logit"], (t,), eps) if eps is not None else apply(OPS["logit"], (t,))


def _float_pair(input, other):
    """Two tensors (or a tensor and a number) promoted together, to the default float dtype when both are
    integral."""
    a = as_tensor_arg(input, other if isinstance(other, TensorBase) else None)
    b = as_tensor_arg(other, a)
    check_broadcast(a._data.shape, b._data.shape)
    dt = dtypes.result_type((input, other))
    if not (dt.is_floating_point or dt.is_complex):
        dt = dtypes.get_default_dtype()
    return a.to(dt), b.to(dt)


def _binary_float(name):
    op = OPS[name]

    def fn(input, other):
        return apply(op, _float_pair(input, other))
    fn.__name__ = name
    fn.__doc__ = f"Elementwise {name} of two tensors (differentiable)."
    return fn


atan2 = _binary_float("atan2")


def log_pair(name, input, other):
    """logaddexp / logaddexp2's operands: promoted together, with no promotion of integers to float (ATen's
    kernels have floating loops only: two integer or bool tensors are the kernel's NotImplementedError)."""
    check_operands(input, other)
    dt = dtypes.result_type((input, other))
    if not dt.is_floating_point:
        if dt.is_complex and name == "logaddexp":
            raise NotImplementedError("autograd_magic implements a subset of PyTorch: logaddexp of complex tensors "
                                      "is not part of it")
        raise NotImplementedError(f'"{name}_cpu" not implemented for \'{dt.scalar_name}\'')
    return _float_pair(input, other)


def logaddexp(input, other):
    """log(exp(input) + exp(other)) (differentiable)."""
    return apply(OPS["logaddexp"], log_pair("logaddexp", input, other))


def hypot(input, other):
    check_operands(input, other)
    for t in (input, other):
        if isinstance(t, TensorBase) and not dtypes.is_float_np(t._data.dtype):
            raise NotImplementedError(f'"hypot_cpu" not implemented for \'{t.dtype.scalar_name}\'')
    return apply(OPS["hypot"], _float_pair(input, other))
arctan2 = atan2


def xlogy(input, other):
    """input * log(other), 0 where input is 0 (XlogyBackward1/2 when one side is a number)."""
    if not isinstance(input, TensorBase):
        b = other if other._data.dtype.kind in "fc" or dtypes.is_float_np(other._data.dtype) else \
            other.to(dtypes.get_default_dtype())
        return apply(OPS["xlogy_self"], (b,), float(input))
    if not isinstance(other, TensorBase):
        a = input if input._data.dtype.kind in "fc" or dtypes.is_float_np(input._data.dtype) else \
            input.to(dtypes.get_default_dtype())
        return apply(OPS["xlogy_other"], (a,), float(other))
    return apply(OPS["xlogy"], _float_pair(input, other))


def lerp(input, end, weight):
    """input + weight * (end - input); a number weight is a constant (LerpBackward0), a tensor one an input."""
    if input._data.dtype != end._data.dtype:
        raise RuntimeError(f"expected dtype {input.dtype.c_name} for `end` but got dtype "
                           f"{end.dtype.c_name}")
    check_broadcast(input._data.shape, end._data.shape)
    tensor_weight = isinstance(weight, TensorBase)
    if tensor_weight and weight._data.ndim and weight._data.dtype != input._data.dtype:
        raise RuntimeError(f"expected dtype {input.dtype.c_name} for `weight` but got dtype {weight.dtype.c_name}")
    if tensor_weight:
        check_broadcast(np.broadcast_shapes(input._data.shape, end._data.shape), weight._data.shape)
    if input._data.dtype.kind in "biu" and (not tensor_weight or weight._data.ndim):   # ATen's kernels: floats only
        kernel = "lerp_kernel_tensor" if tensor_weight else "lerp_kernel_scalar"
        raise NotImplementedError(f'"{kernel}" not implemented for \'{input.dtype.scalar_name}\'')
    if tensor_weight:
        if input._data.dtype is dtypes.BF16_NP and weight._data.dtype is not dtypes.BF16_NP:
            # a 0-d weight of another dtype: ATen's TensorIterator casts it to bfloat16 first (0.3 as 0.30078),
            # then computes in float32 as for a bfloat16 weight (the node keeping the weight: left out)
            if GRAD_MODE.enabled and weight._rg:
                raise NotImplementedError("autograd_magic implements a subset of PyTorch: lerp_tensor on "
                                          "torch.bfloat16 tensors is not part of it")
            weight = weight.to(input.dtype)
        return apply(OPS["lerp_tensor"], (input, end, weight))
    return apply(OPS["lerp"], (input, end), weight)


def _pointwise_value(name, input, tensor1, tensor2, value):
    """addcmul / addcdiv's value as ATen's kernels take it, and their result dtype: value takes no part in the
    type promotion of the three tensors (``long.addcmul(t1, t2, value=2.7)`` stays int64) and is converted as c10's
    Scalar.to<opmath_t>() does (truncated for an integer result; float for float16 / bfloat16; a complex value with
    an imaginary part is an overflow error on a real result); no kernel for bool."""
    result = dtypes.result_type((input, tensor1, tensor2))
    dt = result.np
    if dt == np.bool_:
        raise NotImplementedError(f'"{name}_cpu_out" not implemented for \'Bool\'')
    reduced = result.is_floating_point and result.itemsize == 2   # (float16, bfloat16: a float opmath)
    value = dtypes.fitted(dtypes.scalar_number(value), np.dtype(np.float32) if reduced else dt)
    if dt.kind in "iu" and not isinstance(value, int):
        value = int(value.real if isinstance(value, complex) else value)
    elif result.is_floating_point and isinstance(value, complex):
        value = value.real
    return value, dt


def _pointwise(name, input, tensor1, tensor2, value):
    """apply addcmul / addcdiv; operands of several dtypes are computed in their result dtype, each keeping its
    own edge in the graph (no ToCopyBackward0 in front of the node, as in PyTorch)."""
    value, dt = _pointwise_value(name, input, tensor1, tensor2, value)
    operands = (input, tensor1, tensor2)
    if input._data.dtype == dt and tensor1._data.dtype == dt and tensor2._data.dtype == dt:
        return apply(OPS[name], operands, value)
    data = np.asarray(quiet(OPS[name].fwd)(*(t._data.astype(dt) for t in operands), value))
    return apply(OPS[name], operands, value, data=data)


def addcmul(input, tensor1, tensor2, *, value=1):
    check_operands(input, tensor1, tensor2)
    return _pointwise("addcmul", input, tensor1, tensor2, value)


def addcdiv(input, tensor1, tensor2, *, value=1):
    if not dtypes.is_float_np(tensor1._data.dtype) and not dtypes.is_float_np(tensor2._data.dtype):
        raise RuntimeError("Integer division with addcdiv is no longer supported, and in a future  release addcdiv "
                           "will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can "
                           "be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for "
                           "integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
                           "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), "
                           "for all dtypes.")
    check_operands(input, tensor1, tensor2)
    return _pointwise("addcdiv", input, tensor1, tensor2, value)


def _one_bound(name, input, bound):
    """PyTorch's parser on torch.clamp_min / clamp_max: a tensor input, and a tensor or a number bound (a float
    returned by a hand-written distance, a string, a list: its TypeError, naming both overloads)."""
    if not isinstance(input, TensorBase) or not (isinstance(bound, (TensorBase, int, float, complex, np.number))):
        error = arg_parser.refusal(name, function_signatures.SIGNATURES[name], (input, bound), {},
                                   _PARSED_BOUNDS.setdefault(False, {}))
        if error is not None:
            raise error


_PARSED_BOUNDS = {}


def _bound_method(name, fn):
    """Tensor.clamp_min / clamp_max: the bound by position or keyword; the parser's error shows which it was."""
    key = name[len("clamp_"):]

    def method(self, *args, **kwargs):
        bound = args[0] if len(args) == 1 and not kwargs else kwargs.get(key) if not args and len(kwargs) == 1 \
            else _MISSING
        if not isinstance(bound, (TensorBase, int, float, complex, np.number)):
            error = arg_parser.refusal(name, method_signatures.SIGNATURES[name], args, kwargs,
                                       _PARSED_BOUNDS.setdefault(True, {}))
            if error is not None:
                raise error
        return fn(self, bound)
    method.__name__ = method.__qualname__ = name
    return method


_MISSING = object()


def clamp_min(input, min):
    _one_bound("clamp_min", input, min)
    if isinstance(min, TensorBase):
        dt = dtypes.result_type((input, min))
        if dt.np.kind == "c":   # (clamp_min.Tensor runs ATen's maximum kernel, which has no complex loop)
            raise NotImplementedError(f"\"maximum_cpu\" not implemented for '{dt.scalar_name}'")
        return apply(OPS["clamp_min_tensor"], (input.to(dt), min.to(dt)))
    _refuse_complex_bound(input, min)
    t, lo, _ = _scalar_bounds(input, min, None)
    return apply(OPS["clamp_min"], (t,), lo)


def clamp_max(input, max):
    _one_bound("clamp_max", input, max)
    if isinstance(max, TensorBase):
        dt = dtypes.result_type((input, max))
        if dt.np.kind == "c":   # (clamp_max.Tensor runs ATen's minimum kernel, which has no complex loop)
            raise NotImplementedError(f"\"minimum_cpu\" not implemented for '{dt.scalar_name}'")
        return apply(OPS["clamp_max_tensor"], (input.to(dt), max.to(dt)))
    _refuse_complex_bound(input, max)
    t, _, hi = _scalar_bounds(input, None, max)
    return apply(OPS["clamp_max"], (t,), hi)


clamp_min_method, clamp_max_method = _bound_method("clamp_min", clamp_min), _bound_method("clamp_max", clamp_max)


def fmod(input, other):
    """C's fmod: the remainder has the dividend's sign (FmodBackward0 for a number divisor, 1 for a tensor)."""
    if isinstance(other, TensorBase):
        check_operands(input, other)
        dt = dtypes.result_type((input, other))
        if dt.np.kind == "b":
            raise NotImplementedError("\"fmod_cpu\" not implemented for 'Bool'")
        if dt.np.kind in "iu" and not np.all(other._data):
            raise RuntimeError("ZeroDivisionError")
        return apply(OPS["fmod_tensor"], (input.to(dt), other.to(dt)))
    t = to_float(input) if isinstance(other, float) else input
    if t._data.dtype.kind == "b":   # (a bool tensor and an int: int64, as PyTorch promotes; and a bool: no kernel)
        if isinstance(other, (bool, np.bool_)):
            raise NotImplementedError("\"fmod_cpu\" not implemented for 'Bool'")
        t = t.to(dtypes.int64)
    if t._data.dtype.kind in "iu" and not other:
        raise RuntimeError("ZeroDivisionError")
    return apply(OPS["fmod"], (t,), other)


def roll(input, shifts, dims=None):
    """ATen's roll: shifts required; no dims (None or empty) and one shift roll the flattened tensor, the shape
    stays; otherwise one shift per dim, a 0-d tensor having none to roll."""
    shifts = tuple(shifts) if isinstance(shifts, (list, tuple)) else (int(shifts),)
    dims = () if dims is None else tuple(dims) if isinstance(dims, (list, tuple)) else (int(dims),)
    if not shifts:
        raise RuntimeError("`shifts` required")
    if not dims and len(shifts) == 1:
        return apply(OPS["roll"], (input,), int(shifts[0]), None)
    if len(shifts) != len(dims):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:{len(dims)}")
    if input._data.ndim == 0:
        raise IndexError(f"Dimension specified as {dims[0]} but tensor has no dimensions")
    dims = tuple(_dim(d, input._data.ndim) for d in dims)
    return apply(OPS["roll"], (input,), shifts, dims)


# ---------------------------------------------------------------- comparisons


def _comparison(name):
    def fn(input, other):
        return compare(name, input, other)
    fn.__name__ = name
    return fn


lt, gt, le, ge, eq, ne = (_comparison(n) for n in ("lt", "gt", "le", "ge", "eq", "ne"))
less, greater, less_equal, greater_equal, not_equal = lt, gt, le, ge, ne


# ---------------------------------------------------------------- finfo / iinfo


class finfo:
    """Machine limits of a floating-point dtype (torch.finfo)."""
    __module__ = "torch"   # a C type of PyTorch's: <class 'torch.finfo'>

    def __init__(self, *args, **kwargs):   # (PyTorch's parser: finfo(None) and finfo("float32") are its TypeErrors)
        type = _info_type("finfo", _FINFO, args, kwargs)
        type = dtypes.get_default_dtype() if type is None else type
        if type.is_complex:   # the limits of its parts' dtype (finfo(torch.cfloat).dtype is float32)
            type = dtypes.to_real(type)
        if not type.is_floating_point:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                            "'torch.finfo'")
        info = np.finfo(type.np)
        self.dtype = type.name
        self.bits = info.bits
        self.eps, self.max, self.min = float(info.eps), float(info.max), float(info.min)
        self.tiny = self.smallest_normal = float(info.tiny)
        self.resolution = float(10.0 ** -info.precision)

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
                f"smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, dtype={self.dtype})")

    def __eq__(self, other):   # (THPDTypeInfo_compare: the same dtype; not hashable)
        return self.dtype == other.dtype if isinstance(other, type(self)) else NotImplemented

    def __hash__(self):
        raise TypeError(f"unhashable type: 'torch.{type(self).__name__}'")

    __getattr__, __format__ = argcheck.no_attribute, argcheck.c_format


class iinfo:
    """Machine limits of an integer dtype (torch.iinfo)."""
    __module__ = "torch"

    def __init__(self, *args, **kwargs):
        type = _info_type("iinfo", _IINFO, args, kwargs)
        if type.name == "bool":
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if type.is_floating_point or type.is_complex:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle "
                            "'torch.iinfo'")
        info = np.iinfo(type.np)
        self.dtype = type.name
        self.bits, self.max, self.min = info.bits, int(info.max), int(info.min)

    def __repr__(self):
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"

    __eq__, __hash__, __getattr__, __format__ = finfo.__eq__, finfo.__hash__, finfo.__getattr__, finfo.__format__


_FINFO = [arg_parser.Signature("(torch.dtype type)"), arg_parser.Signature("()")]
_IINFO = [arg_parser.Signature("(torch.dtype type)")]


def _info_type(name, sigs, args, kwargs):
    """The dtype of a finfo / iinfo call, parsed as PyTorch parses it (Python's float is float64, complex complex128)."""
    type = arg_parser.check_call(name, sigs, args, kwargs).get("type")
    return dtypes.coerce(type)
