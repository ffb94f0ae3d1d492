"""torch.special: the entropy term entr and xlog1py (their own ops: engine/ops_special.py), the normal CDF ndtr
composed as PyTorch composes it, and the functions torch.special names again (expit is sigmoid, gammaln lgamma,
psi digamma ...). The Bessel functions, orthogonal polynomials, zeta, erfcx and ndtri are not part of it."""
import math

from ..engine.optable import OPS
from ..engine.tensor_base import apply
# (imported last by torch/__init__.py: these are the namespace's finished functions)
from . import digamma, erf, erfc, erfinv, exp2, expm1, lgamma, log1p, logit, logsumexp, polygamma, sigmoid, sinc, \
    xlogy  # noqa: F401
from .nn import functional as _F

expit, gammaln, psi = sigmoid, lgamma, digamma


def _float(t):
    return t if t.is_floating_point() else t.float()


def entr(input, *, out=None):
    """-input * log(input) elementwise (0 at 0, -inf for negative input)."""
    return apply(OPS["special_entr"], (_float(input),))


def xlog1py(input, other, *, out=None):
    """input * log1p(other), 0 where input is 0 (unless other is NaN)."""
    return apply(OPS["special_xlog1py"], (_float(input), _float(other)))


def ndtr(input, *, out=None):
    """The standard normal CDF: (1 + erf(input / sqrt(2))) / 2."""
    scaled = apply(OPS["mul_scalar"], (_float(input),), math.sqrt(0.5))
    return apply(OPS["mul_scalar"], (apply(OPS["add_scalar"], (erf(scaled),), 1),), 0.5)


def softmax(input, dim, *, dtype=None):
    return _F.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    return _F.log_softmax(input, dim, dtype=dtype)


def __getattr__(name):
    raise AttributeError(f"module 'torch.special' has no attribute '{name}': autograd_magic implements a subset of "
                         f"PyTorch, and torch.special.{name} is not part of it")
