"""torch.distributions: Normal, Bernoulli, Categorical, Multinomial, Uniform (sampling draws PyTorch's numbers)."""
from . import bernoulli, categorical, constraints, distribution, multinomial, normal, uniform, utils  # noqa: F401
from .bernoulli import Bernoulli  # noqa: F401
from .categorical import Categorical  # noqa: F401
from .distribution import Distribution  # noqa: F401
from .multinomial import Multinomial  # noqa: F401
from .normal import Normal  # noqa: F401
from .uniform import Uniform  # noqa: F401


def __getattr__(name):
    raise AttributeError(f"module 'torch.distributions' has no attribute '{name}': autograd_magic implements a "
                         f"subset of PyTorch, and torch.distributions.{name} is not part of it")
