"""ExponentialFamily: the base of the distributions whose density is exp(<t(x), theta> - F(theta) + k(x)). The
engine uses it as PyTorch's kl_divergence does: to dispatch pairs of exponential families with no closed form of
their own (PyTorch's Bregman-divergence fallback is not implemented here: it raises for such pairs)."""
from .distribution import Distribution


class ExponentialFamily(Distribution):
    """Normal, Bernoulli, Exponential, Gamma, Beta, Dirichlet, Poisson ... derive from it."""
    __module__ = "torch.distributions.exp_family"

    @property
    def _natural_params(self):
        raise NotImplementedError

    def _log_normalizer(self, *natural_params):
        raise NotImplementedError

    @property
    def _mean_carrier_measure(self):
        raise NotImplementedError
