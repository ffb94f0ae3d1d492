"""Multinomial(total_count, probs= or logits=): counts of total_count categorical draws."""
import math

import numpy as np

from ...engine.size import Size
from ...engine.tensor import Tensor
from . import constraints
from .categorical import _OfCategorical, Categorical
from .discrete import Binomial
from .distribution import Distribution
from .utils import broadcast_all
from ...engine.creation import ones_like, tensor, zeros
from ..grad_mode import no_grad
from .. import sampling

_lgamma = np.vectorize(math.lgamma, otypes=[np.float64])


class Multinomial(_OfCategorical, Distribution):
    __module__ = "torch.distributions.multinomial"
    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real_vector}

    @property
    def mean(self):
        return self.probs * self.total_count

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        if not isinstance(total_count, int):
            raise NotImplementedError("inhomogeneous total_count is not supported")
        self.total_count = total_count
        self._categorical = Categorical(probs=probs, logits=logits)
        # as in PyTorch: made here only, so an expanded Multinomial has none and its entropy() fails as PyTorch's does
        self._binomial = Binomial(total_count=total_count, probs=self.probs)
        batch_shape = self._categorical.batch_shape
        event_shape = self._categorical.param_shape[-1:]
        super().__init__(batch_shape, event_shape, validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Multinomial, _instance)
        batch_shape = Size(batch_shape)
        new.total_count = self.total_count
        new._categorical = self._categorical.expand(batch_shape)
        return self._expanded(Multinomial, new, batch_shape, self.event_shape)

    @constraints.dependent_property(is_discrete=True, event_dim=1)
    def support(self):
        return constraints.multinomial(self.total_count)

    def sample(self, sample_shape=Size()):
        sample_shape = Size(sample_shape)
        with no_grad():
            samples = self._categorical.sample(Size((self.total_count,) + tuple(sample_shape)))
            shifted = list(range(samples.dim()))
            shifted.append(shifted.pop(0))
            samples = samples.permute(*shifted)
            counts = zeros(self._extended_shape(sample_shape), dtype=samples.dtype)
            counts.scatter_add_(-1, samples, ones_like(samples))
            return counts.type_as(self.probs)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = broadcast_all(self.logits, value)
        logits = logits.clone()
        dtype = value._data.dtype
        log_factorial_n = Tensor._wrap(_lgamma(value._data.sum(-1) + 1).astype(dtype))
        log_factorial_xs = Tensor._wrap(_lgamma(value._data + 1).astype(dtype).sum(-1))
        logits[(value == 0) & (logits == -math.inf)] = 0
        log_powers = (logits * value).sum(-1)
        return log_factorial_n - log_factorial_xs + log_powers

    def entropy(self):
        """n H(categorical) - log n! + sum over the marginal counts k >= 1 of P(k) log k! (PyTorch's formula)."""
        n = tensor(self.total_count)
        term1 = n * self._categorical.entropy() - sampling.lgamma(n + 1)
        support = self._binomial.enumerate_support(expand=False)[1:]
        binomial_probs = self._binomial.log_prob(support).exp()
        term2 = (binomial_probs * sampling.lgamma(support + 1)).sum([0, -1])
        return term1 + term2
