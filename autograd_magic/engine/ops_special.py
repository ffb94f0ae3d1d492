"""torch.special's own ops (forward and vjp side by side): entr (-x log x, the entropy term), xlog1py, and the
number addition ATen's composites record (AddBackward1). The rest of torch.special is other ops under other names
(torch/special.py)."""
import numpy as np

from .optable import defop
from .xp import rounded_f32

_log, _log1p = rounded_f32(np.log), rounded_f32(np.log1p)


def _entr(a):
    t = a.dtype.type
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.negative(a) * _log(np.where(a > 0, a, t(1)))
    return np.where(np.isnan(a), a, np.where(a > 0, out, np.where(a == 0, t(0), t(-np.inf))))


@defop("special_entr", "SpecialEntrBackward0", _entr, saves=(0,))
def entr_vjp(xp, grad, saved, consts, needs):
    """-x log x (0 at 0, -inf below): the gradient is -(1 + log x)."""
    a, = saved
    return (grad * -(1 + xp.log(a)),)


def _xlog1py(a, b):
    out = a * _log1p(b)
    return np.where(np.isnan(b), b, np.where(a == 0, a.dtype.type(0), out))


@defop("special_xlog1py", "SpecialXlog1PyBackward0", _xlog1py, saves=(0, 1))
def xlog1py_vjp(xp, grad, saved, consts, needs):
    """x log(1 + y), 0 where x is 0: x's gradient is log1p(y), y's is x / (1 + y)."""
    a, b = saved
    ga = grad * xp.call("log1p", (b,)) if needs[0] else None   # (PyTorch's formula: also where x is 0)
    gb = grad * a / (b + 1) if needs[1] else None
    return ga, gb


@defop("add_scalar", "AddBackward1", lambda a, k: a + a.dtype.type(k))
def add_scalar_vjp(xp, grad, saved, consts, needs):
    """input + a number, as ATen's composite functions add one (at::add(Tensor, Scalar)): special.ndtr."""
    return (grad,)
