"""What the two-hundred-and-forty-seventh probe (DDSP-style differentiable audio synthesis: harmonic oscillators from
torch.cumsum of frequency / sample rate, amplitudes masked above Nyquist, filtered noise through rfft/irfft with a
learned magnitude response, F.interpolate of frame-rate controls, multi-resolution STFT losses) found, each checked
against PyTorch. DDSP's exp_sigmoid scales its controls with ``sigmoid(x) ** log(10)``: a float32 tensor to a
power PyTorch does not special-case. ATen runs it through cpu_kernel_vec, SLEEF's powf_u10 on whole pairs of
vectors and std::pow(float, double) on the tail; the engine rounded the double power for every element, so about a
third of the values of any tensor longer than two vectors were an ulp off (a windowed impulse response whose first
sample is exactly 0 in PyTorch came out 1.5e-08 after the FFT convolution)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "pow_float_exponent_bits_over_sizes": ['''import hashlib, math
torch.manual_seed(0)
def digest(t):
    return hashlib.md5(t.detach().contiguous().numpy().tobytes()).hexdigest()[:10]
for n in (8, 31, 32, 36, 100, 1000, 4099):
    x = torch.rand(n) * 3
    print(n, [digest(x ** e) for e in (math.log(10), 2.5, 1.7, 0.3, -1.3, 1.0, 4.0, 7, -3.0)])
y = torch.randn(3, 70) * 10
print(digest(y ** 1.5), digest(y.abs() ** 1.5), digest(torch.pow(y.abs(), 0.75)), digest(y ** 5))
'''],
    "exp_sigmoid_filtered_noise_first_sample": ['''import math
torch.manual_seed(3)
logits = torch.randn(1, 4, 9, requires_grad=True)
mags = 2 * torch.sigmoid(logits) ** math.log(10) + 1e-7
ir = torch.roll(torch.fft.irfft(mags), shifts=8, dims=-1) * torch.hann_window(16, periodic=False)
noise = torch.rand(1, 4, 16) * 2 - 1
spec = torch.fft.rfft(noise, n=32) * torch.fft.rfft(ir, n=32)
out = torch.fft.irfft(spec, n=32)[..., :31]
print(mags[0, 0].tolist())
print(out[0, 0, :3].tolist(), out.grad_fn.name())
out.pow(2).sum().backward()
print(logits.grad[0, 0].tolist())
'''],
    "pow_float_exponent_specials_huge_and_subnormal": ['''vals = torch.tensor([0., -0., 1., -1., float("inf"), -float("inf"), float("nan"), 1e-40, -1e-40, 3e38, 1e-30,
                     2.0, 0.5, 88., -2.5, 7.0] * 3)
for e in (2.5, 1e-3, 40.0, -40.0, 0.25, -1.5, 3.0001):
    print(e, (vals ** e).tolist())
small = torch.linspace(0.05, 0.12, 64)
print((small ** 40.0).tolist()[:8], (small ** 40.0).tolist()[-3:])
'''],
    "pow_float_exponent_backward": ['''import hashlib
torch.manual_seed(1)
x = (torch.rand(5, 13) + 0.1).requires_grad_()
y = x ** 2.3
g = torch.randn_like(y)
y.backward(g)
print(y.grad_fn.name(), hashlib.md5(y.detach().numpy().tobytes()).hexdigest()[:10])
print(hashlib.md5(x.grad.numpy().tobytes()).hexdigest()[:10], x.grad[0, :4].tolist())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe247(name):
    assert_same_as_pytorch(CELLS[name], name=name)
