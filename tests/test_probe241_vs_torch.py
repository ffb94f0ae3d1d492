"""What the two-hundred-and-forty-first probe (hand-written source-separation lessons: stft / istft masks, SI-SDR
and PIT losses, spectral losses on complex spectra) found, each checked against PyTorch. clamp_min / clamp_max
promote the input with a number bound and refuse a complex result ("clamp is not supported for complex types"),
in place too, before the in-place cast check; with a tensor bound they run ATen's maximum / minimum kernel, which
has no complex loop (so does clamp.Tensor: clamp_cpu, maximum_cpu, minimum_cpu), and in place a tensor bound's
result type must cast to the input's (the message names the ScalarType); clamp.Scalar converts a complex number
bound to double (c10's overflow error for an imaginary part) without promoting. torch.norm of a complex tensor that
requires grad (a spectral-convergence loss on complex spectra) is the vector norm of the magnitudes, with its
gradient, as linalg.vector_norm already was."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''torch.manual_seed(0)
S = torch.stft(torch.randn(2, 120), 32, 8, window=torch.hann_window(32), return_complex=True)
r = torch.randn(5)
'''

CELLS = {
    "clamp_min_max_refuse_complex": [
        SETUP + '''attempt(lambda: S.clamp_min(1e-8))
attempt(lambda: S.abs().clamp_min(1e-8)[0, 0, :3])
attempt(lambda: S.clamp_max(1))
attempt(lambda: torch.clamp_min(S.cdouble(), 0.5))
attempt(lambda: torch.clamp_max(S, torch.tensor(1.)))
attempt(lambda: S.clamp_min(torch.tensor(1.)))
attempt(lambda: r.clamp_min(1j))
attempt(lambda: r.clamp_max(torch.tensor(1j)))
attempt(lambda: torch.clamp_min(r.long(), torch.tensor(1j, dtype=torch.cdouble)))''',
        '''attempt(lambda: S.clone().clamp_min_(1e-8))
attempt(lambda: S.clone().clamp_max_(2))
attempt(lambda: S.clone().clamp_min_(torch.tensor(0.)))
attempt(lambda: r.clone().clamp_max_(1j))
attempt(lambda: r.clone().clamp_min_(torch.tensor(1j)))''',
    ],
    "clamp_tensor_bounds_complex_and_inplace_cast": [
        SETUP + '''attempt(lambda: torch.clamp(r, torch.tensor(1j)))
attempt(lambda: torch.clamp(r, max=torch.tensor([1j, 2, 3, 4, 5])))
attempt(lambda: torch.clamp(r, torch.tensor(0j), torch.tensor(1j)))
attempt(lambda: torch.clamp(r, min=1j))
attempt(lambda: torch.clamp(r, max=2j))
attempt(lambda: torch.clamp(r, min=1 + 0j))
attempt(lambda: r.clone().clamp_(min=1j))
attempt(lambda: r.clone().clamp_(min=0.5 + 0j))
attempt(lambda: r.clone().clamp_(torch.tensor(0j), torch.tensor(1j)))''',
        '''l = torch.arange(4)
attempt(lambda: l.clone().clamp_min_(torch.tensor(1.5)))
attempt(lambda: l.clone().clamp_(torch.tensor(0.5), torch.tensor(2)))
attempt(lambda: l.clone().clamp_max_(torch.tensor(True)))
attempt(lambda: l.clone().clamp_(max=torch.tensor(2.)))
attempt(lambda: l.clone().clip_(torch.tensor(1.5)))''',
    ],
    "norm_of_complex_spectra_with_grad": [
        SETUP + '''torch.manual_seed(2)
w = torch.hann_window(32)
est = torch.randn(2, 160, requires_grad=True)
ref = torch.randn(2, 160)
E = torch.stft(est, 32, 8, window=w, return_complex=True)
R = torch.stft(ref, 32, 8, window=w, return_complex=True)
n = torch.norm(E - R, dim=(-2, -1))
print(n.dtype, n.grad_fn.name())
sc = torch.norm(R.abs() - E.abs(), p="fro") / torch.norm(E - R, p="fro")
total = sc + n.sum() * 1e-3 + torch.norm(E - R, p=1, dim=-1).mean() * 1e-3 + (E - R).norm() * 1e-3
total.backward()
print(sc, total, est.grad[0, :4], est.grad.dtype)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe241(name):
    assert_same_as_pytorch(CELLS[name], name=name)
