"""A float's parts: frexp (mantissa and exponent) and ldexp (mantissa * 2 ** exponent), forward and vjp side by
side, as PyTorch records them (FrexpBackward0, LdexpBackward0)."""
import numpy as np

from .optable import defop


def _mantissa(a, scale):
    return np.frexp(a)[0]


@defop("frexp", "FrexpBackward0", _mantissa)
def frexp_vjp(xp, grad, saved, consts, needs):
    """mantissa = x / 2 ** exponent, the exponent held constant: the gradient is grad / 2 ** exponent (the const
    ``scale``, in the input's dtype)."""
    scale, = consts
    return (grad / xp.wrap(scale),)


def _scale(e, like):
    """2 ** e in the result's float dtype (an integer exponent in the mantissa's dtype)."""
    return np.exp2(e.astype(like) if e.dtype.kind in "iub" else e)


@defop("ldexp", "LdexpBackward0", lambda a, e: a * _scale(e, a.dtype), saves=(0, 1))
def ldexp_vjp(xp, grad, saved, consts, needs):
    """x * 2 ** e: x's gradient is grad * 2 ** e, e's is grad * x * ln 2 * 2 ** e."""
    a, e = saved
    # 2 ** e in the gradient's dtype (at::pow(2., e) of an integer e is the default float dtype, not float64)
    scale = np.exp2(e.astype(grad.dtype)) if xp.is_numpy and e.dtype.kind in "iub" else 2.0 ** e
    ga = grad * scale if needs[0] else None
    ge = grad * a * scale * float(np.log(2.0)) if needs[1] else None
    return ga, ge


@defop("nextafter", "NextafterBackward0", lambda a, b, same: np.nextafter(a, b))
def nextafter_vjp(xp, grad, saved, consts, needs):
    """derivatives.yaml: self's gradient passes where self != other (zero where they are equal, `same`); other's
    is zero."""
    same, = consts
    return (xp.masked_zero(grad, same) if needs[0] else None), (xp.constant(grad, 0.0) if needs[1] else None)
