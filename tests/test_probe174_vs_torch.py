"""What the hundred-and-seventy-fourth probe (the Examples blocks of PyTorch's reference for torch.nn.init and
torch.nn.utils: clip_grad_norm_, weight_norm / spectral_norm, parametrize, rnn packing, fuse_conv_bn_eval,
functional_call) found, each checked against PyTorch: Tensor.normal_ on a complex tensor (and so nn.init.normal_ /
xavier_normal_ / kaiming_normal_ on one) draws its parts as pairs of floats of std / sqrt(2) (ATen's normal_impl_ on
view_as_real), contiguous or not, with a generator=, std checked as given."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "complex_normal_draws": [
        '''torch.manual_seed(0)
print(torch.nn.init.normal_(torch.empty(2, 2, dtype=torch.complex64)))
print(torch.empty(3, 7, dtype=torch.complex128).normal_(1.5, 2.0))
print(torch.empty(40, dtype=torch.complex64).normal_(0.5, 3.0)[-3:])
print(torch.empty(3, 2, dtype=torch.complex64).T.normal_(0, 1))
print(torch.empty(3, 2, dtype=torch.complex64).normal_(0, 1, generator=torch.Generator().manual_seed(3)))
print(torch.nn.init.xavier_normal_(torch.empty(3, 20, dtype=torch.complex64)).abs().sum())
print(torch.nn.init.kaiming_normal_(torch.empty(2, 3, dtype=torch.complex128), mode='fan_out'))
print(torch.rand(2), torch.randn(1, dtype=torch.complex64))
''',
        ATTEMPT + '''attempt(lambda: torch.empty(2, dtype=torch.complex64).normal_(0, -2.0))
attempt(lambda: torch.empty(2, dtype=torch.complex128).normal_(0, float('nan')))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe174_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
