"""StudentT(df, loc, scale), Cauchy(loc, scale) and HalfNormal(scale) = |Normal(0, scale)|, with PyTorch's
samplers (StudentT: a normal draw, then a Chi2 draw; Cauchy: cauchy_)."""
import math
import numbers

from ...engine.creation import empty, full, zeros_like
from ...engine.functions import where
from ...engine.size import Size
from ...engine.tensor import Tensor
from ...engine.tensor_base import DECLARED_FUNCTIONS
from ..aten_forms import tensor_first
from .. import sampling
from . import constraints
from .distribution import Distribution
from .gamma import Chi2
from .normal import Normal
from .transformed_distribution import TransformedDistribution
from .transforms import AbsTransform
from .utils import _standard_normal, broadcast_all

nan, inf = float("nan"), float("inf")
atan = tensor_first(DECLARED_FUNCTIONS["atan"], "atan", Tensor)
tan = tensor_first(DECLARED_FUNCTIONS["tan"], "tan", Tensor)   # (icdf(0.5): PyTorch's TypeError)


class StudentT(Distribution):
    """Student's t with ``df`` degrees of freedom, location ``loc`` and ``scale``."""
    __module__ = "torch.distributions.studentT"
    arg_constraints = {"df": constraints.positive, "loc": constraints.real, "scale": constraints.positive}
    support = constraints.real
    has_rsample = True

    def __init__(self, df, loc=0.0, scale=1.0, validate_args=None):
        self.df, self.loc, self.scale = broadcast_all(df, loc, scale)
        self._chi2 = Chi2(self.df)
        super().__init__(self.df.size(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(StudentT, _instance)
        batch_shape = Size(batch_shape)
        new.df, new.loc, new.scale = (t.expand(batch_shape) for t in (self.df, self.loc, self.scale))
        new._chi2 = self._chi2.expand(batch_shape)
        return self._expanded(StudentT, new, batch_shape)

    @property
    def mean(self):
        m = self.loc.clone()
        m[self.df <= 1] = nan
        return m

    @property
    def mode(self):
        return self.loc

    @property
    def variance(self):
        m = self.df.clone()
        big = self.df > 2
        m[big] = self.scale[big].pow(2) * self.df[big] / (self.df[big] - 2)
        m[(self.df <= 2) & (self.df > 1)] = inf
        m[self.df <= 1] = nan
        return m

    def rsample(self, sample_shape=Size()):
        shape = self._extended_shape(sample_shape)
        x = _standard_normal(shape, dtype=self.df.dtype)
        z = self._chi2.rsample(sample_shape)
        y = x * (z / self.df).rsqrt()
        return self.loc + self.scale * y

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        y = (value - self.loc) / self.scale
        z = (self.scale.log() + 0.5 * self.df.log() + 0.5 * math.log(math.pi) + sampling.lgamma(0.5 * self.df)
             - sampling.lgamma(0.5 * (self.df + 1.0)))
        return -0.5 * (self.df + 1.0) * (y ** 2.0 / self.df).log1p() - z

    def entropy(self):
        df = self.df
        lbeta = sampling.lgamma(0.5 * df) + math.lgamma(0.5) - sampling.lgamma(0.5 * (df + 1))
        return (self.scale.log() + 0.5 * (df + 1) * (sampling.digamma(0.5 * (df + 1)) - sampling.digamma(0.5 * df))
                + 0.5 * df.log() + lbeta)


class Cauchy(Distribution):
    """The Cauchy (Lorentz) distribution: median ``loc``, half width ``scale``."""
    __module__ = "torch.distributions.cauchy"
    arg_constraints = {"loc": constraints.real, "scale": constraints.positive}
    support = constraints.real
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        self.loc, self.scale = broadcast_all(loc, scale)
        both_numbers = isinstance(loc, numbers.Number) and isinstance(scale, numbers.Number)
        super().__init__(Size() if both_numbers else self.loc.size(), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Cauchy, _instance)
        batch_shape = Size(batch_shape)
        new.loc, new.scale = self.loc.expand(batch_shape), self.scale.expand(batch_shape)
        return self._expanded(Cauchy, new, batch_shape)

    @property
    def mean(self):
        return full(self._extended_shape(), nan, dtype=self.loc.dtype)

    @property
    def mode(self):
        return self.loc

    @property
    def variance(self):
        return full(self._extended_shape(), inf, dtype=self.loc.dtype)

    def rsample(self, sample_shape=Size()):
        shape = self._extended_shape(sample_shape)
        eps = empty(shape, dtype=self.loc.dtype).cauchy_()
        return self.loc + eps * self.scale

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return -math.log(math.pi) - self.scale.log() - (((value - self.loc) / self.scale) ** 2).log1p()

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return atan((value - self.loc) / self.scale) / math.pi + 0.5

    def icdf(self, value):
        return tan(math.pi * (value - 0.5)) * self.scale + self.loc

    def entropy(self):
        return math.log(4 * math.pi) + self.scale.log()


class _Half(TransformedDistribution):
    """|X| for X ~ _BASE(0, scale): what HalfNormal and HalfCauchy share."""
    arg_constraints = {"scale": constraints.positive}
    support = constraints.nonnegative
    has_rsample = True
    _BASE = None

    def _half_init(self, scale, validate_args):
        """(HalfNormal and HalfCauchy each have their own __init__, as in PyTorch: a missing scale names them.)"""
        TransformedDistribution.__init__(self, self._BASE(0, scale, validate_args=False), AbsTransform(),
                                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(type(self), _instance)
        return super().expand(batch_shape, _instance=new)

    @property
    def scale(self):
        return self.base_dist.scale

    @property
    def mode(self):
        return zeros_like(self.scale)

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 2 * self.base_dist.cdf(value) - 1

    def icdf(self, prob):
        return self.base_dist.icdf((prob + 1) / 2)

    def entropy(self):
        return self.base_dist.entropy() - math.log(2)


class HalfNormal(_Half):
    """|X| for X ~ Normal(0, scale)."""
    __module__ = "torch.distributions.half_normal"
    _BASE = Normal

    def __init__(self, scale, validate_args=None):
        self._half_init(scale, validate_args)

    @property
    def mean(self):
        return self.scale * math.sqrt(2 / math.pi)

    @property
    def variance(self):
        return self.scale.pow(2) * (1 - 2 / math.pi)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        log_prob = self.base_dist.log_prob(value) + math.log(2)
        return where(value >= 0, log_prob, -inf)


class HalfCauchy(_Half):
    """|X| for X ~ Cauchy(0, scale)."""
    __module__ = "torch.distributions.half_cauchy"
    _BASE = Cauchy

    def __init__(self, scale, validate_args=None):
        self._half_init(scale, validate_args)

    @property
    def mean(self):
        return full(self._extended_shape(), math.inf, dtype=self.scale.dtype)

    @property
    def variance(self):
        return self.base_dist.variance

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        if not hasattr(value, "_data"):
            value = full((), value, dtype=self.base_dist.scale.dtype)
        log_prob = self.base_dist.log_prob(value) + math.log(2)
        return where(value >= 0, log_prob, -math.inf)
