"""torch.testing.make_tensor: the random test inputs of a course's check cells, drawn as PyTorch 2.13 draws them
(randint for bools and integers, uniform_ for floating and complex dtypes, on the generator of torch.manual_seed),
with its errors for the ranges and options it refuses."""
import collections.abc
import functools
import math
import warnings

from ..engine import dtypes as _dt
from ..engine.complex_fns import view_as_real
from ..engine.functions import finfo, iinfo
from ..engine.creation import empty, randint

__all__ = ["make_tensor"]

_INTEGRAL = [_dt.uint8, _dt.int8, _dt.int16, _dt.int32, _dt.int64]
_COMPLEX = [_dt.complex64, _dt.complex128]


def _floating_or_complex():
    return [_dt.float16, *([] if _dt.bfloat16 is None else [_dt.bfloat16]), _dt.float32, _dt.float64, *_COMPLEX]


def _range(dtype, low, high, lowest, highest, default_low, default_high):
    """low and high as make_tensor takes them: the defaults for None, PyTorch's errors, clamped to the dtype's
    range (rounded up to integers for integral dtypes)."""
    low = default_low if low is None else low
    high = default_high if high is None else high
    if any(isinstance(v, float) and math.isnan(v) for v in (low, high)):
        raise ValueError(f"`low` and `high` cannot be NaN, but got low={low!r} and high={high!r}")
    if low == high and dtype in _floating_or_complex():
        warnings.warn("Passing `low==high` to `torch.testing.make_tensor` for floating or complex types is deprecated "
                      "since 2.1 and will be removed in 2.3. Use `torch.full(...)` instead.", FutureWarning,
                      stacklevel=4)
    elif low >= high:
        raise ValueError(f"`low` must be less than `high`, but got {low} >= {high}")
    elif high < lowest or low >= highest:
        raise ValueError(f"The value interval specified by `low` and `high` is [{low}, {high}), but {dtype} only "
                         f"supports [{lowest}, {highest})")
    low, high = min(max(low, lowest), highest), min(max(high, lowest), highest)
    if dtype is _dt.bool_ or dtype in _INTEGRAL:
        return math.ceil(low), math.ceil(high)
    return low, high


def make_tensor(*shape, dtype, device, low=None, high=None, requires_grad=False, noncontiguous=False,
                exclude_zero=False, memory_format=None):
    """A tensor of this shape and dtype with values drawn uniformly from ``[low, high)`` (by default [-9, 9) for
    floating and complex dtypes, [-9, 10) for signed integers, [0, 10) for uint8, [0, 2) for bool).

    Example::

        torch.manual_seed(0)
        x = torch.testing.make_tensor(3, dtype=torch.float32, device="cpu", low=-1, high=1)
    """
    if len(shape) == 1 and isinstance(shape[0], collections.abc.Sequence):
        shape = shape[0]
    shape = tuple(shape)
    if noncontiguous and memory_format is not None:
        raise ValueError(f"The parameters `noncontiguous` and `memory_format` are mutually exclusive, but got "
                         f"noncontiguous={noncontiguous!r} and memory_format={memory_format!r}")
    integral = dtype is _dt.bool_ or dtype in _INTEGRAL
    if requires_grad and integral:
        raise ValueError(f"`requires_grad=True` is not supported for boolean and integral dtypes, but got "
                         f"dtype={dtype!r}")
    noncontiguous = noncontiguous and functools.reduce(lambda x, y: x * y, shape, 1) > 1
    if noncontiguous:
        shape = (*shape[:-1], 2 * shape[-1])
    if dtype is _dt.bool_:
        low, high = _range(dtype, low, high, 0, 2, 0, 2)
        result = randint(low, high, shape, device=device, dtype=dtype)
    elif dtype in _INTEGRAL:
        info = iinfo(dtype)
        low, high = _range(dtype, low, high, info.min, info.max + (1 if dtype is not _dt.int64 else 0), -9, 10)
        result = randint(low, high, shape, device=device, dtype=dtype)
    elif dtype in _floating_or_complex():
        info = finfo(dtype)
        low, high = _range(dtype, low, high, info.min, info.max, -9, 9)
        result = empty(shape, device=device, dtype=dtype)
        target = view_as_real(result) if dtype in _COMPLEX else result
        if high - low >= finfo(target.dtype).max:   # (uniform_ needs high - low within the dtype's range)
            target.uniform_(low / 2, high / 2).mul_(2)
        else:
            target.uniform_(low, high)
    else:
        raise TypeError(f"The requested dtype '{dtype}' is not supported by torch.testing.make_tensor(). To request "
                        "support, file an issue at: https://github.com/pytorch/pytorch/issues")
    if noncontiguous:
        result = result[..., 1::2]
    elif memory_format is not None:
        result = result.clone(memory_format=memory_format)
    if exclude_zero:
        result[result == 0] = 1 if integral else finfo(dtype).tiny
    if not integral:
        result.requires_grad = requires_grad
    return result
