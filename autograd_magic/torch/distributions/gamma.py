"""Gamma(concentration, rate) and Chi2(df) = Gamma(df / 2, 1 / 2): rsample draws PyTorch's numbers
(torch._standard_gamma), and its gradient is PyTorch's implicit reparameterization."""
import numbers

from ...engine.creation import as_tensor
from ...engine.functions import finfo, xlogy
from ...engine.optable import OPS
from ...engine.size import Size
from ...engine.tensor_base import apply
from .. import sampling
from ..grad_mode import no_grad
from . import constraints
from .exp_family import ExponentialFamily
from .utils import broadcast_all


class Gamma(ExponentialFamily):
    """The Gamma distribution with shape ``concentration`` and ``rate`` (1 / scale)."""
    __module__ = "torch.distributions.gamma"
    arg_constraints = {"concentration": constraints.positive, "rate": constraints.positive}
    support = constraints.nonnegative
    has_rsample = True
    _mean_carrier_measure = 0

    def __init__(self, concentration, rate, validate_args=None):
        self.concentration, self.rate = broadcast_all(concentration, rate)
        if isinstance(concentration, numbers.Number) and isinstance(rate, numbers.Number):
            batch_shape = Size()
        else:
            batch_shape = self.concentration.size()
        super().__init__(batch_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Gamma, _instance)
        batch_shape = Size(batch_shape)
        new.concentration = self.concentration.expand(batch_shape)
        new.rate = self.rate.expand(batch_shape)
        return self._expanded(Gamma, new, batch_shape)

    @property
    def mean(self):
        return self.concentration / self.rate

    @property
    def mode(self):
        return ((self.concentration - 1) / self.rate).clamp(min=0)

    @property
    def variance(self):
        return self.concentration / self.rate.pow(2)

    def rsample(self, sample_shape=Size()):
        shape = self._extended_shape(sample_shape)
        value = sampling._standard_gamma(self.concentration.expand(shape)) / self.rate.expand(shape)
        with no_grad():
            value.detach().clamp_(min=finfo(value.dtype).tiny)   # (not recorded, as in PyTorch)
        return value

    def log_prob(self, value):
        value = as_tensor(value, dtype=self.rate.dtype)
        if self._validate_args:
            self._validate_sample(value)
        return (xlogy(self.concentration, self.rate) + xlogy(self.concentration - 1, value) - self.rate * value
                - sampling.lgamma(self.concentration))

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return apply(OPS["igamma"], (self.concentration, self.rate * value))   # torch.special.gammainc

    def entropy(self):
        c = self.concentration
        return c - self.rate.log() + sampling.lgamma(c) + (1.0 - c) * sampling.digamma(c)

    @property
    def _natural_params(self):
        return (self.concentration - 1, -self.rate)

    def _log_normalizer(self, x, y):
        return sampling.lgamma(x + 1) + (x + 1) * (-y.reciprocal()).log()


class Chi2(Gamma):
    """The chi-squared distribution with ``df`` degrees of freedom: Gamma(df / 2, 1 / 2)."""
    __module__ = "torch.distributions.chi2"
    arg_constraints = {"df": constraints.positive}

    def __init__(self, df, validate_args=None):
        super().__init__(0.5 * df, 0.5, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Chi2, _instance)
        return super().expand(batch_shape, new)

    @property
    def df(self):
        return self.concentration * 2
