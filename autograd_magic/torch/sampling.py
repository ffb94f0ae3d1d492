"""The torch functions behind torch.distributions' Gamma, Beta, Dirichlet, Poisson and Binomial, drawing PyTorch's
numbers (engine/random_samplers.py): torch._standard_gamma, _sample_dirichlet, poisson, binomial and the kernels
of their reparameterized gradients (_standard_gamma_grad, _dirichlet_grad); the gamma-function family (lgamma,
digamma, polygamma); torch.kaiser_window.

    >>> torch.manual_seed(0); torch._standard_gamma(torch.tensor([2.0, 0.5]))   # PyTorch's draws
"""
from ..engine import batching, dtypes, random_samplers, reparam_grads, special_fns
from ..engine.arg_parser import check_generator
from ..engine.creation import _gen, empty, ones
from ..engine.functions import to_dtype
from ..engine.ops_sampling import STANDARD_GAMMA
from ..engine.optable import OPS
from ..engine.reduce import dim_sum
from ..engine.tensor import Tensor
from ..engine.tensor_base import apply
from .aten_forms import window_checks


def _floating(t, kernel):
    if not dtypes.is_float_np(t._data.dtype):
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dtypes.scalar_name(t._data.dtype)}'")


def _standard_gamma(input, generator=None):
    """Gamma(input, 1) draws; gradients flow to input as PyTorch's _standard_gamma_grad."""
    batching.check_random_inputs(input)
    _floating(input, "gamma_cpu")
    return apply(STANDARD_GAMMA, (input,), random_samplers.standard_gamma(_gen(generator), input._data))


def _standard_gamma_grad(input, output):
    return Tensor._wrap(reparam_grads.standard_gamma_grad(input._data, output._data))


def _sample_dirichlet(input, generator=None):
    """Dirichlet(input) draws over the last dim: Gamma draws in double, normalised (PyTorch's numbers)."""
    batching.check_random_inputs(input)
    _floating(input, "dirichlet")
    drawn = random_samplers.sample_dirichlet(_gen(generator), input._data, lambda g: dim_sum(g, (-1,), True))
    return apply(OPS["sample_dirichlet"], (input,), drawn)


def _dirichlet_grad(x, alpha, total):
    return Tensor._wrap(reparam_grads.dirichlet_grad(x._data, alpha._data, total._data))


def poisson(input, generator=None):
    """Poisson(input) draws, one per element (a zero gradient)."""
    check_generator("poisson", generator)
    batching.check_random_inputs(input)
    _floating(input, "poisson_cpu")
    return apply(OPS["poisson"], (input,), random_samplers.poisson(_gen(generator), input._data))


def binomial(count, prob, generator=None):
    """Binomial(count, prob) draws, one per element."""
    batching.check_random_inputs(count, prob)
    if not dtypes.is_float_np(count._data.dtype):
        raise ValueError(f"binomial only supports floating-point dtypes for count, got: "
                         f"{dtypes.scalar_name(count._data.dtype)}")
    if prob._data.dtype != count._data.dtype:
        raise RuntimeError(f"Found dtype {dtypes.scalar_name(prob._data.dtype)} but expected "
                           f"{dtypes.scalar_name(count._data.dtype)}")
    drawn = random_samplers.binomial(_gen(generator), count._data, prob._data)
    return apply(OPS["binomial"], (count, prob), drawn)


def _float(input):
    # (a complex tensor stays complex: the kernel refuses it by name, engine/real_kernels.py)
    return input if input._data.dtype.kind == "c" or dtypes.is_float_np(input._data.dtype) else to_dtype(input, dtypes.get_default_dtype())


def lgamma(input):
    """log |Gamma(input)|."""
    return apply(OPS["dist_lgamma"], (_float(input),))


def digamma(input):
    """d/dx log Gamma(x)."""
    return apply(OPS["dist_digamma"], (_float(input),))


def polygamma(n, input):
    """The n-th derivative of digamma."""
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    if n == 0:
        return digamma(input)
    return apply(OPS["dist_polygamma"], (_float(input),), int(n))


def kaiser_window(window_length, periodic=True, beta=12.0, *, dtype=None, layout=None, device=None,
                  requires_grad=False, pin_memory=False):
    """The Kaiser window, i0(beta * sqrt(1 - (2k / (N - 1) - 1)^2)) / i0(beta), as ATen's kernel computes it.
    (beta only after periodic, as PyTorch's three overloads take it: torch's namespace parses the call,
    engine/arg_parser.py FACTORIES.)"""
    dtype = window_checks("kaiser_window", window_length, dtype, layout)
    if window_length == 0:
        return empty(0, dtype=dtype, requires_grad=requires_grad)
    if window_length == 1:
        return ones(1, dtype=dtype, requires_grad=requires_grad)
    n = window_length + 1 if periodic else window_length
    out = Tensor._wrap(special_fns.kaiser(n, beta, dtype.np)[:window_length].copy())
    return out._requires_grad(requires_grad) if requires_grad else out


FUNCTIONS = {"_standard_gamma": _standard_gamma, "_standard_gamma_grad": _standard_gamma_grad,
             "_sample_dirichlet": _sample_dirichlet, "_dirichlet_grad": _dirichlet_grad, "poisson": poisson,
             "binomial": binomial, "kaiser_window": kaiser_window, "lgamma": lgamma, "digamma": digamma,
             "polygamma": polygamma}
METHODS = {"lgamma": lgamma, "digamma": digamma, "polygamma": lambda self, n: polygamma(n, self)}
