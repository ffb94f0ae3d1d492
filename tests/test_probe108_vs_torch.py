"""What the hundred-and-eighth probe (Berkeley CS285's homework code: pytorch_util, MLP policies with a logstd
Parameter, MultivariateNormal(mean, scale_tril=torch.diag(torch.exp(logstd))), policy gradients, DQN, SAC,
actor-critic) found, checked against PyTorch: torch.cholesky_inverse (and so MultivariateNormal.precision_matrix)
mirrors the triangle LAPACK's potri wrote onto the other one as a copy, as ATen's apply_reflect_conj_tri_single
does, so the -0. potri leaves off the diagonal of a diagonal factor prints as -0. on both sides (the engine added
the mirror to a +0. and printed 0.). The parity policy counts -0. and 0. as agreeing, so each case also prints
signbit(), which it does not forgive."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "cholesky_inverse_signed_zeros": [
        '''print(torch.cholesky_inverse(torch.eye(2)))
print(torch.cholesky_inverse(torch.eye(3)))
print(torch.cholesky_inverse(torch.diag(torch.tensor([2.0, 0.5], dtype=torch.float64))))
print(torch.cholesky_inverse(torch.eye(3), upper=True))
print(torch.cholesky_inverse(torch.eye(2).expand(2, 2, 2)))
print(torch.eye(3).cholesky_inverse().signbit())
''',
        '''L = torch.tensor([[2.0, 0.0, 0.0], [0.0, 1.0, 0.0], [1.0, 0.0, 3.0]])
print(torch.cholesky_inverse(L), torch.cholesky_inverse(L.mT, upper=True).signbit())
''',
    ],
    "multivariate_normal_precision_of_a_diagonal_scale_tril": [
        '''import torch.nn as nn
from torch import distributions
logstd = nn.Parameter(torch.zeros(2))
mean = torch.zeros(3, 2, requires_grad=True)
dist = distributions.MultivariateNormal(mean, scale_tril=torch.diag(torch.exp(logstd)))
print(dist.precision_matrix, dist.precision_matrix.signbit())
print(distributions.MultivariateNormal(torch.zeros(2), scale_tril=torch.diag(torch.tensor([0.5, 2.0]))).precision_matrix)
distributions.MultivariateNormal(torch.zeros(2), torch.eye(2)).precision_matrix.signbit()
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe108_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe108/{name}", warns="per_cell")
