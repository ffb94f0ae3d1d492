"""torch.distributions: Normal, Bernoulli, Categorical, Multinomial, Uniform, Exponential, Laplace, LogNormal,
MultivariateNormal, Independent, TransformedDistribution with Exp/Affine/Sigmoid/Abs transforms, Gamma, Chi2, Beta,
Dirichlet, Poisson, Binomial, Geometric, NegativeBinomial, StudentT, Cauchy, HalfNormal, HalfCauchy, Gumbel, Weibull,
VonMises, ContinuousBernoulli, LowRankMultivariateNormal, OneHotCategorical, the relaxed Bernoulli and one-hot
categorical, MixtureSameFamily, kl_divergence, biject_to and transform_to (sampling draws PyTorch's numbers)."""
import sys as _sys
import types as _types

from . import (bernoulli, categorical, constraints, distribution, exponential, independent, kl,  # noqa: F401
               multinomial, multivariate_normal, normal, transformed_distribution, transforms, uniform, utils)
from .bernoulli import Bernoulli  # noqa: F401
from .categorical import Categorical  # noqa: F401
from .distribution import Distribution  # noqa: F401
from .exponential import Exponential, Laplace  # noqa: F401
from .independent import Independent  # noqa: F401
from .kl import kl_divergence, register_kl  # noqa: F401
from .multinomial import Multinomial  # noqa: F401
from .multivariate_normal import MultivariateNormal  # noqa: F401
from .normal import Normal  # noqa: F401
from .transformed_distribution import LogNormal, TransformedDistribution  # noqa: F401
from .transforms import AffineTransform, ComposeTransform, ExpTransform, SigmoidTransform, Transform  # noqa: F401
from .uniform import Uniform  # noqa: F401
from . import continuous, dirichlet, discrete, exp_family, gamma, kl_more, one_hot  # noqa: F401,E402
from .continuous import Cauchy, HalfCauchy, HalfNormal, StudentT  # noqa: F401,E402
from .dirichlet import Beta, Dirichlet  # noqa: F401,E402
from .discrete import Binomial, Geometric, Poisson  # noqa: F401,E402
from .exp_family import ExponentialFamily  # noqa: F401,E402
from .gamma import Chi2, Gamma  # noqa: F401,E402
from .one_hot import (OneHotCategorical, OneHotCategoricalStraightThrough, RelaxedBernoulli,  # noqa: F401,E402
                      RelaxedOneHotCategorical)
from .transforms import AbsTransform, PowerTransform, SoftplusTransform, TanhTransform  # noqa: F401,E402
from . import mixture_same_family  # noqa: F401,E402
from .mixture_same_family import MixtureSameFamily  # noqa: F401,E402
# PyTorch's module names for them (torch.distributions.relaxed_bernoulli.LogitRelaxedBernoulli ...)
beta, chi2 = dirichlet, gamma
poisson = binomial = geometric = discrete
studentT = cauchy = half_normal = half_cauchy = continuous
laplace = exponential
log_normal = transformed_distribution
one_hot_categorical = relaxed_bernoulli = relaxed_categorical = one_hot


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.distributions", name)
from . import gumbel_weibull  # noqa: F401,E402
from .gumbel_weibull import Gumbel, Weibull  # noqa: F401,E402
gumbel = weibull = gumbel_weibull
from . import gamma_ratio  # noqa: F401,E402
from .gamma_ratio import FisherSnedecor, InverseGamma  # noqa: F401,E402
inverse_gamma = fishersnedecor = gamma_ratio
from . import pareto_kumaraswamy  # noqa: F401,E402
from .pareto_kumaraswamy import Kumaraswamy, Pareto  # noqa: F401,E402
pareto = kumaraswamy = pareto_kumaraswamy
from . import continuous_bernoulli, kl_gumbel_pareto  # noqa: F401,E402
from .continuous_bernoulli import ContinuousBernoulli  # noqa: F401,E402
from .discrete import NegativeBinomial  # noqa: F401,E402
from . import lowrank_multivariate_normal  # noqa: F401,E402
from .lowrank_multivariate_normal import LowRankMultivariateNormal  # noqa: F401,E402
from . import von_mises  # noqa: F401,E402
from .von_mises import VonMises  # noqa: F401,E402
from . import generalized_pareto  # noqa: F401,E402
from .generalized_pareto import GeneralizedPareto  # noqa: F401,E402
from . import lkj_cholesky  # noqa: F401,E402
from .lkj_cholesky import LKJCholesky  # noqa: F401,E402
from . import wishart  # noqa: F401,E402
from .wishart import Wishart  # noqa: F401,E402
negative_binomial = discrete
from . import stick_breaking  # noqa: F401,E402
from .stick_breaking import LogisticNormal, StickBreakingTransform  # noqa: F401,E402
transforms.StickBreakingTransform = StickBreakingTransform
logistic_normal = stick_breaking
from . import constraint_registry, transforms_more  # noqa: F401,E402
from .constraint_registry import biject_to, transform_to  # noqa: F401,E402
from .transforms_more import (CatTransform, CorrCholeskyTransform, CumulativeDistributionTransform,  # noqa: F401,E402
                              IndependentTransform, LowerCholeskyTransform, PositiveDefiniteTransform,
                              ReshapeTransform, SoftmaxTransform, StackTransform)
for _name in transforms_more.__all__:   # torch.distributions.transforms.SoftmaxTransform ...
    setattr(transforms, _name, getattr(transforms_more, _name))
identity_transform = transforms.identity_transform
# what `from torch.distributions import *` binds: the classes and functions, not the submodules (a learner's
# `gamma` or `beta` from math is not shadowed by a module)
__all__ = ["Bernoulli", "Beta", "Binomial", "Categorical", "Cauchy", "Chi2", "ContinuousBernoulli", "Dirichlet",
          "Distribution", "Exponential", "ExponentialFamily", "FisherSnedecor", "Gamma", "GeneralizedPareto",
          "Geometric", "Gumbel", "HalfCauchy", "HalfNormal", "Independent", "InverseGamma", "Kumaraswamy",
          "LKJCholesky", "Laplace", "LogNormal", "LogisticNormal", "LowRankMultivariateNormal", "MixtureSameFamily",
          "Multinomial", "MultivariateNormal", "NegativeBinomial", "Normal", "OneHotCategorical",
          "OneHotCategoricalStraightThrough", "Pareto", "RelaxedBernoulli", "RelaxedOneHotCategorical", "StudentT",
          "Poisson", "Uniform", "VonMises", "Weibull", "Wishart", "TransformedDistribution", "biject_to",
          "kl_divergence", "register_kl", "transform_to", "AbsTransform", "AffineTransform", "CatTransform",
          "ComposeTransform", "CorrCholeskyTransform", "CumulativeDistributionTransform", "ExpTransform",
          "IndependentTransform", "LowerCholeskyTransform", "PositiveDefiniteTransform", "PowerTransform",
          "ReshapeTransform", "SigmoidTransform", "SoftplusTransform", "TanhTransform", "SoftmaxTransform",
          "StackTransform", "StickBreakingTransform", "Transform", "identity_transform"]


def _register_module_aliases():
    """PyTorch's module names for the modules above that hold them (torch.distributions.beta is dirichlet.py,
    torch.distributions.laplace is exponential.py ...) importable by those names: `from torch.distributions.beta
    import Beta` as well as `torch.distributions.beta.Beta`."""
    for alias, module in list(globals().items()):
        if isinstance(module, _types.ModuleType) and module.__name__.startswith(__name__ + ".") \
                and module.__name__ != f"{__name__}.{alias}":
            _sys.modules.setdefault(f"{__name__}.{alias}", module)


_register_module_aliases()
