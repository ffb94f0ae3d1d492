"""What the hundred-and-fourth probe (Gaussian processes, Bayesian linear regression and variational inference from
scratch: kernels, Cholesky solves, MultivariateNormal and Normal, Independent, kl_divergence, reparameterised ELBOs)
found, each checked against PyTorch: star imports bind what PyTorch's do. `from torch.distributions import *` bound
every submodule of the package (beta, gamma, normal, kl, constraints ...), so a notebook's own `beta` (a KL weight)
or math's `gamma` was shadowed by a module, and `constraints` was reachable where PyTorch raises NameError;
`from torch.distributions.constraints import *` bound the module's helper imports (full, isclose, cholesky_ex ...);
`from torch.distributions.transforms import *` missed the transforms that live in other files (LowerCholeskyTransform,
StickBreakingTransform, identity_transform ...); `from torch.nn.functional import *` missed pad, softmin,
gumbel_softmax, scaled_dot_product_attention, max_pool1d and twenty more functions."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "distributions_star_keeps_learner_names": [
        '''import math
from math import gamma
beta = 0.5      # a KL weight
from torch.distributions import *
print(gamma(4), beta, type(kl_divergence).__name__)
try:
    print(constraints.positive)
except NameError as e:
    print("NameError", e)
sorted(n for n in ("normal", "beta", "gamma", "kl", "utils", "distribution", "transforms") if n in globals())
''',
    ],
    "constraints_star_binds_constraints_only": [
        '''from torch.distributions.constraints import *
print(positive, lower_cholesky, positive_definite, real_vector, interval(0.0, 1.0))
print(sorted(n for n in ("full", "isclose", "cholesky_ex", "eigvalsh", "bool_", "finfo", "vector_norm")
             if n in globals()))
''',
    ],
    "transforms_star_binds_every_transform": [
        '''from torch.distributions.transforms import *
print(LowerCholeskyTransform()(torch.ones(2, 2)))
print(StickBreakingTransform()(torch.zeros(2)), identity_transform)
print(SoftmaxTransform(), ReshapeTransform((4,), (2, 2)), IndependentTransform(ExpTransform(), 1))
CorrCholeskyTransform()(torch.zeros(1))
''',
    ],
    "functional_star_binds_every_function": [
        '''from torch.nn.functional import *
x = torch.arange(6.0).reshape(1, 2, 3)
print(pad(x, (1, 1)), softmin(x, dim=-1))
print(max_pool1d(x, 2), avg_pool1d(x, 3), adaptive_avg_pool1d(x, 1).shape)
print(pdist(x[0]), gaussian_nll_loss(x, x + 1, torch.ones(1, 2, 3)))
print(scaled_dot_product_attention(x, x, x).shape, rms_norm(x, (3,)).shape)
print(sorted(n for n in ("apply", "OPS", "dtypes", "inplace", "parsed", "np", "math", "Tensor") if n in globals()))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe104_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe104/{name}", warns="per_cell")
