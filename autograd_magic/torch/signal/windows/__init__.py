"""torch.signal.windows: scipy-style window functions (M points, symmetric unless sym=False), composed as
PyTorch's Python module composes them from linspace, exp, cos, i0 ..., so values, errors (ValueError) and, with
requires_grad=True, the graph match."""
import collections.abc
import math

from ....engine import creation, functions
from ....engine.dtypes import float32, float64, get_default_dtype
from ....engine.size import strided

__all__ = ["bartlett", "blackman", "cosine", "exponential", "gaussian", "general_cosine", "general_hamming",
           "hamming", "hann", "kaiser", "nuttall"]


def _checked(name, M, dtype, layout):
    """The dtype (the default one when None), after PyTorch's checks of the window's arguments."""
    dtype = get_default_dtype() if dtype is None else dtype
    if M < 0:
        raise ValueError(f"{name} requires non-negative window length, got M={M}")
    if layout is not strided:
        raise ValueError(f"{name} is implemented for strided tensors only, got: {layout}")
    if dtype not in (float32, float64):
        raise ValueError(f"{name} expects float32 or float64 dtypes, got: {dtype}")
    return dtype


def _trivial(M, dtype, requires_grad, one=False):
    """The window of no point (and of one, where the function special-cases it), else None."""
    if M == 0:
        return creation.empty((0,), dtype=dtype, requires_grad=requires_grad)
    if M == 1 and one:
        return creation.ones((1,), dtype=dtype, requires_grad=requires_grad)
    return None


def _span(M, sym):
    """The number of steps the window spans: M - 1 for a symmetric window, M for a periodic one (M > 1)."""
    return M if not sym and M > 1 else M - 1


def _line(start, end, M, dtype, requires_grad):
    return creation.linspace(start, end, M, dtype=dtype, requires_grad=requires_grad)


def exponential(M, *, center=None, tau=1.0, sym=True, dtype=None, layout=strided, device=None,
                requires_grad=False):
    """exp(-|n - center| / tau)."""
    dtype = _checked("exponential", M, dtype, layout)
    if tau <= 0:
        raise ValueError(f"Tau must be positive, got: {tau} instead.")
    if sym and center is not None:
        raise ValueError("Center must be None for symmetric windows")
    empty = _trivial(M, dtype, requires_grad)
    if empty is not None:
        return empty
    center = _span(M, sym) / 2.0 if center is None else center
    scale = 1 / tau
    k = _line(-center * scale, (M - 1 - center) * scale, M, dtype, requires_grad)
    return (-k.abs()).exp()


def cosine(M, *, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """sin(pi (n + 1/2) / M) (the sine window)."""
    dtype = _checked("cosine", M, dtype, layout)
    empty = _trivial(M, dtype, requires_grad)
    if empty is not None:
        return empty
    scale = math.pi / (M + 1 if not sym and M > 1 else M)
    return _line(0.5 * scale, (0.5 + (M - 1)) * scale, M, dtype, requires_grad).sin()


def gaussian(M, *, std=1.0, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """exp(-(n - (M - 1) / 2)^2 / (2 std^2))."""
    dtype = _checked("gaussian", M, dtype, layout)
    if std <= 0:
        raise ValueError(f"Standard deviation must be positive, got: {std} instead.")
    empty = _trivial(M, dtype, requires_grad)
    if empty is not None:
        return empty
    first = -_span(M, sym) / 2.0
    scale = 1 / (std * math.sqrt(2))
    k = _line(first * scale, (first + (M - 1)) * scale, M, dtype, requires_grad)
    return (-(k ** 2)).exp()


def kaiser(M, *, beta=12.0, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """i0(beta sqrt(1 - (2n / (M - 1) - 1)^2)) / i0(beta), on a linspace of the dtype's beta."""
    dtype = _checked("kaiser", M, dtype, layout)
    if beta < 0:
        raise ValueError(f"beta must be non-negative, got: {beta} instead.")
    empty = _trivial(M, dtype, requires_grad, one=True)
    if empty is not None:
        return empty
    b = creation.tensor(beta, dtype=dtype)   # (beta in the dtype: no NaN from a sqrt of a tiny negative)
    step = 2.0 * b / (M if not sym else M - 1)
    end = functions.minimum(b, -b + (M - 1) * step)
    k = _line(-b, end, M, dtype, requires_grad)
    return (b * b - k.pow(2)).sqrt().i0() / b.i0()


def hamming(M, *, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """general_hamming with alpha 0.54."""
    return general_hamming(M, sym=sym, dtype=dtype, layout=layout, requires_grad=requires_grad)


def hann(M, *, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """general_hamming with alpha 0.5."""
    return general_hamming(M, alpha=0.5, sym=sym, dtype=dtype, layout=layout, requires_grad=requires_grad)


def blackman(M, *, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """general_cosine with a = (0.42, 0.5, 0.08)."""
    dtype = _checked("blackman", M, dtype, layout)
    return general_cosine(M, a=[0.42, 0.5, 0.08], sym=sym, dtype=dtype, layout=layout,
                          requires_grad=requires_grad)


def bartlett(M, *, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """The triangle 1 - |2n / (M - 1) - 1|."""
    dtype = _checked("bartlett", M, dtype, layout)
    empty = _trivial(M, dtype, requires_grad, one=True)
    if empty is not None:
        return empty
    step = 2 / (M if not sym else M - 1)
    return 1 - _line(-1, -1 + (M - 1) * step, M, dtype, requires_grad).abs()


def general_cosine(M, *, a, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """sum_i (-1)^i a_i cos(2 pi i n / (M - 1)), summed over a column of terms."""
    dtype = _checked("general_cosine", M, dtype, layout)
    empty = _trivial(M, dtype, requires_grad, one=True)
    if empty is not None:
        return empty
    if not isinstance(a, collections.abc.Iterable):
        raise TypeError("Coefficients must be a list/tuple")
    if not a:
        raise ValueError("Coefficients cannot be empty")
    k = _line(0, (M - 1) * (2 * math.pi / (M if not sym else M - 1)), M, dtype, requires_grad)
    coef = creation.tensor([(-1) ** i * w for i, w in enumerate(a)], dtype=dtype, requires_grad=requires_grad)
    i = creation.arange(coef.shape[0], dtype=coef.dtype, requires_grad=coef.requires_grad)
    return (coef.unsqueeze(-1) * (i.unsqueeze(-1) * k).cos()).sum(0)


def general_hamming(M, *, alpha=0.54, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """alpha - (1 - alpha) cos(2 pi n / (M - 1))."""
    return general_cosine(M, a=[alpha, 1.0 - alpha], sym=sym, dtype=dtype, layout=layout,
                          requires_grad=requires_grad)


def nuttall(M, *, sym=True, dtype=None, layout=strided, device=None, requires_grad=False):
    """general_cosine with Nuttall's four coefficients."""
    return general_cosine(M, a=[0.3635819, 0.4891775, 0.1365995, 0.0106411], sym=sym, dtype=dtype, layout=layout,
                          requires_grad=requires_grad)
