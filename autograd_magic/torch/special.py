"""torch.special: the entropy term entr, xlog1py, erfcx, the modified Bessel functions i0/i0e/i1/i1e, ndtri, log_ndtr,
multigammaln, zeta and gammainc/gammaincc (their own ops: engine/ops_special.py), the normal CDF ndtr composed as
PyTorch composes it, and the functions torch.special names again (expit is sigmoid, gammaln lgamma, psi digamma,
round ...), the Bessel functions bessel_j0/j1/y0/y1 (engine/bessel.py), airy_ai, modified_bessel_i0/i1/k0/k1 and
their scaled K forms (engine/bessel_more.py), spherical_bessel_j0 (engine/bessel.py) and the orthogonal polynomials (Chebyshev, shifted
Chebyshev, Hermite, Laguerre, Legendre: engine/orthopoly.py), none differentiated, as in PyTorch."""
import math

import numpy as np

from ..engine import arg_parser as _arg_parser, bessel as _bessel, bessel_more as _bessel_more, orthopoly as _orthopoly
from ..engine.dtypes import result_type as _result_type
from ..engine.dtypes import bool_ as _bool, get_default_dtype as _default_dtype
from ..engine.functions import check_operands
from ..engine.optable import OPS
from ..engine.tensor import Tensor
from ..engine.tensor_base import apply
# (imported last by torch/__init__.py: these are the namespace's finished functions)
from . import digamma, erf, erfc, erfinv, exp2, expm1, lgamma, log1p, logit, logsumexp, polygamma, round as _round, \
    sigmoid, sinc, xlogy  # noqa: F401
from .nn import functional as _F

expit, gammaln, psi = sigmoid, lgamma, digamma
# (PyTorch's parser names it special_logsumexp: "special_logsumexp() missing 1 required positional arguments")
logsumexp = _arg_parser.parsed(logsumexp, "special_logsumexp", _arg_parser.FUNCTIONS["logsumexp"], method=False)


def _float(t):
    # (a complex tensor stays complex: the kernel it reaches refuses it by name, engine/real_kernels.py)
    return t if t.is_floating_point() or t.is_complex() else t.float()


def _full_float(t, kernel):
    """t in a floating dtype for a kernel ATen has only for float and double: Half and BFloat16 get its
    NotImplementedError ("erfcx_cpu" not implemented for 'Half')."""
    t = _float(t)
    if t.dtype.itemsize == 2:
        raise NotImplementedError(f'"{kernel}" not implemented for \'{t.dtype.scalar_name}\'')
    return t


def entr(input, *, out=None):
    """-input * log(input) elementwise (0 at 0, -inf for negative input)."""
    return apply(OPS["special_entr"], (_float(input),))


def xlog1py(input, other, *, out=None):
    """input * log1p(other), 0 where input is 0 (unless other is NaN)."""
    if not isinstance(input, Tensor):   # a Python number is a constant (SpecialXlog1PyBackward1; 2 for other)
        return apply(OPS["special_xlog1py_self"], (_float(other),), float(input))
    if not isinstance(other, Tensor):
        return apply(OPS["special_xlog1py_other"], (_float(input),), float(other))
    check_operands(input, other)
    return apply(OPS["special_xlog1py"], (_float(input), _float(other)))


def erfcx(input, *, out=None):
    """The scaled complementary error function exp(input^2) * erfc(input)."""
    return apply(OPS["special_erfcx"], (_full_float(input, "erfcx_cpu"),))


def ndtr(input, *, out=None):
    """The standard normal CDF: (1 + erf(input / sqrt(2))) / 2."""
    scaled = apply(OPS["mul_scalar"], (_float(input),), math.sqrt(0.5))
    return apply(OPS["mul_scalar"], (apply(OPS["add_scalar"], (erf(scaled),), 1),), 0.5)


def i0(input, *, out=None):
    """The modified Bessel function of the first kind, order 0."""
    return apply(OPS["special_i0"], (_float(input),))


def i0e(input, *, out=None):
    """exp(-|x|) * i0(x)."""
    return apply(OPS["special_i0e"], (_float(input),))


def i1(input, *, out=None):
    """The modified Bessel function of the first kind, order 1."""
    return apply(OPS["special_i1"], (_float(input),))


def i1e(input, *, out=None):
    """exp(-|x|) * i1(x)."""
    return apply(OPS["special_i1e"], (_float(input),))


def ndtri(input, *, out=None):
    """The standard normal quantile: the x with ndtr(x) = input."""
    return apply(OPS["special_ndtri"], (_full_float(input, "ndtri_cpu"),))


def log_ndtr(input, *, out=None):
    """log of the standard normal CDF, accurate far in the lower tail."""
    return apply(OPS["special_log_ndtr"], (_full_float(input, "log_ndtr_cpu"),))


def multigammaln(input, p, *, out=None):
    """The multivariate log-gamma of dimension p: sum of lgamma(x - j/2), j < p, plus p (p - 1) / 4 * log(pi)."""
    if isinstance(input, Tensor) and input.dtype is _bool:
        raise RuntimeError("The input tensor may not be a boolean tensor.")
    input = _float(input)
    if p < 1:
        raise RuntimeError("p has to be greater than or equal to 1")
    return apply(OPS["mvlgamma"], (input,), p)


def zeta(input, other, *, out=None):
    """The Hurwitz zeta function zeta(input, other) (the Riemann zeta for other = 1)."""
    check_operands(input, other)
    x, q = _two_floats(input, other, None)
    return apply(OPS["special_zeta"], (_full_float(x, "zeta_cpu"), q))


def _two_floats(input, other, kernel):
    """Both operands as tensors of one floating dtype (a Python number takes the tensor's); integer tensors get
    the kernel's NotImplementedError, as in PyTorch."""
    x = input if isinstance(input, Tensor) else None
    q = other if isinstance(other, Tensor) else None
    like = x if x is not None else q
    x = x if x is not None else Tensor._wrap(np.asarray(input, like._data.dtype if like.is_floating_point() else
                                                        np.float32))
    q = q if q is not None else Tensor._wrap(np.asarray(other, x._data.dtype))
    if kernel and not (x.is_floating_point() or q.is_floating_point()):
        raise NotImplementedError(f'"{kernel}" not implemented for \'{x.dtype.scalar_name}\'')
    x, q = _float(x), _float(q)
    if x._data.dtype != q._data.dtype:   # both in the wider float type
        wide = x if x._data.dtype.itemsize > q._data.dtype.itemsize else q
        x, q = x.to(wide.dtype), q.to(wide.dtype)
    return x, q


def _tensors_only(name, input, other):
    for position, (arg, value) in enumerate((("input", input), ("other", other)), 1):
        if not isinstance(value, Tensor):
            raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be Tensor, not "
                            f"{type(value).__name__}")


def _incomplete_gamma(op, name):
    def fn(input, other, *, out=None):
        _tensors_only(name, input, other)
        check_operands(input, other)
        return apply(OPS[op], _two_floats(input, other, op + "_cpu"))
    fn.__name__ = name
    return fn


gammainc = _incomplete_gamma("igamma", "special_gammainc")
gammainc.__doc__ = "The regularised lower incomplete gamma function P(input, other)."
gammaincc = _incomplete_gamma("igammac", "special_gammaincc")
gammaincc.__doc__ = "The regularised upper incomplete gamma function Q(input, other) = 1 - P(input, other)."
igamma, igammac = _incomplete_gamma("igamma", "igamma"), _incomplete_gamma("igammac", "igammac")


def softmax(input, dim, *, dtype=None):
    return _F.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    return _F.log_softmax(input, dim, dtype=dtype)


def _special_round(input, *, decimals=0, out=None):
    """Round half to even to decimals places: ATen's special_round always passes decimals on (RoundBackward1,
    and an integer tensor gets round's NotImplementedError, where torch.round copies it)."""
    return _round(input, decimals=decimals, out=out) if out is not None else _round(input, decimals=decimals)


round = _special_round


def _not_differentiated(kernel, name, arg="input"):
    """torch.special.<name>: a new tensor that never requires grad (PyTorch does not differentiate it); an integer
    or bool input is computed in the default float dtype; ATen has the kernel for float and double only."""
    def fn(input, *, out=None):
        if not isinstance(input, Tensor):
            raise TypeError(f"special_{name}(): argument '{arg}' (position 1) must be Tensor, not "
                            f"{type(input).__name__}")
        data = input.detach()._data
        if data.dtype.kind in "iub":
            data = data.astype(_default_dtype().np)
        if input.dtype.is_complex or (input.dtype.is_floating_point and input.dtype.itemsize == 2):
            raise NotImplementedError(f'"{name}_cpu" not implemented for \'{input.dtype.scalar_name}\'')
        result = Tensor._wrap(np.asarray(kernel(np.asarray(data)), dtype=data.dtype))
        if out is not None:
            return out.copy_(result) if out.shape == result.shape else out.resize_(result.shape).copy_(result)
        return result
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = kernel.__doc__ or f"The Bessel function {name[7:]} (not differentiated, as in PyTorch)."
    return fn


bessel_j0 = _not_differentiated(_bessel.j0, "bessel_j0")
bessel_j1 = _not_differentiated(_bessel.j1, "bessel_j1")
bessel_y0 = _not_differentiated(_bessel.y0, "bessel_y0")
bessel_y1 = _not_differentiated(_bessel.y1, "bessel_y1")
airy_ai = _not_differentiated(_bessel_more.airy_ai, "airy_ai", "x")
modified_bessel_i0 = _not_differentiated(_bessel_more.modified_bessel_i0, "modified_bessel_i0")
modified_bessel_i1 = _not_differentiated(_bessel_more.modified_bessel_i1, "modified_bessel_i1")
modified_bessel_k0 = _not_differentiated(_bessel_more.modified_bessel_k0, "modified_bessel_k0")
modified_bessel_k1 = _not_differentiated(_bessel_more.modified_bessel_k1, "modified_bessel_k1")
scaled_modified_bessel_k0 = _not_differentiated(_bessel_more.scaled_modified_bessel_k0, "scaled_modified_bessel_k0", "x")
scaled_modified_bessel_k1 = _not_differentiated(_bessel_more.scaled_modified_bessel_k1, "scaled_modified_bessel_k1", "x")
spherical_bessel_j0 = _not_differentiated(_bessel.spherical_j0, "spherical_bessel_j0", "x")

from ..engine.function_signatures import SIGNATURES as _SIGNATURES  # noqa: E402


def _polynomial(name):
    """torch.special.<name>(x, n): x and n broadcast, both in their promoted floating dtype (an integer pair in the
    default one; a Python number takes the tensor's), n truncated to an integer; never requires grad."""
    kernel = getattr(_orthopoly, name)

    def fn(x, n, *, out=None):
        operands = (x, n)
        if not any(isinstance(v, Tensor) for v in operands):
            raise TypeError(f"special_{name}() received an invalid combination of arguments - got "
                            f"({', '.join(type(v).__name__ for v in operands)}), but expected one of:\n"
                            + "".join(f" * {form}\n" for form in _SIGNATURES["special_" + name]))
        tensors = [v for v in operands if isinstance(v, Tensor)]
        if len(tensors) == 2:
            check_operands(x, n)
        dtype = _result_type(operands)
        if not dtype.is_floating_point and not dtype.is_complex:
            dtype = _default_dtype()
        if dtype.is_complex or dtype.itemsize == 2:
            raise NotImplementedError(f'"{name}_cpu" not implemented for \'{dtype.scalar_name}\'')
        xs, ns = (np.asarray(v.detach()._data if isinstance(v, Tensor) else v).astype(dtype.np) for v in operands)
        result = Tensor._wrap(np.asarray(kernel(xs, _orthopoly.degrees(ns)), dtype=dtype.np))
        if out is not None:
            return out.copy_(result) if out.shape == result.shape else out.resize_(result.shape).copy_(result)
        return result
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = kernel.__doc__
    return fn


for _name in ("chebyshev_polynomial_t chebyshev_polynomial_u chebyshev_polynomial_v chebyshev_polynomial_w "
              "shifted_chebyshev_polynomial_t shifted_chebyshev_polynomial_u shifted_chebyshev_polynomial_v "
              "shifted_chebyshev_polynomial_w hermite_polynomial_h hermite_polynomial_he laguerre_polynomial_l "
              "legendre_polynomial_p").split():
    globals()[_name] = _polynomial(_name)


from ..engine.argcheck import missing_attribute as _no_attribute  # noqa: E402
from .aten_forms import SPECIAL_TENSOR_FIRST as _TENSOR_FIRST, tensor_first as _tensor_first  # noqa: E402

# torch.special.ndtri(0.975): PyTorch's TypeError under the function's own name (special_ndtri); the plain
# functions stay for torch.i0 and torch.mvlgamma, which name themselves
_PLAIN = {"i0": i0, "multigammaln": multigammaln}
globals().update({_name: _tensor_first(globals()[_name], "special_" + _name, Tensor) for _name in _TENSOR_FIRST})
# ... and the functions of two operands (or of an int n, a p): special_xlogy(2, 3), special_polygamma(1.5, t)
globals().update({_name: _arg_parser.parsed(getattr(globals()[_name], "__wrapped__", globals()[_name]), "special_" + _name,
                                            _arg_parser.POINTWISE["special_" + _name], method=False)
                  for _name in ("xlogy", "xlog1py", "zeta", "polygamma", "multigammaln")})
# ... and round, whose one signature words a float or bool decimals, or decimals given by position, its own way
round = _arg_parser.parsed(round, "special_round", _arg_parser.SIGNATURES["special_round"], method=False)


def __getattr__(name):
    raise _no_attribute("torch.special", name)
