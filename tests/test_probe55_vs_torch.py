"""What the fifty-fifth probe (DDSP-style audio synthesis: harmonic oscillators from the cumsum of the
instantaneous frequency, filtered noise and reverb by FFT convolution, multi-resolution STFT losses, mel
filterbanks by hand, complex gradients, framing and windows) found, each checked against PyTorch: a CPU tensor
type in ATen's messages (a saved tensor modified in place, expand, embedding's indices, median's out=) is
torch.FloatTensor only for the types with a legacy class, CPUComplexFloatType / CPUBoolType for the others; a
Python number to the power of a float32 tensor (``10 ** (m / 2595)`` of a mel scale) rounds as PyTorch's kernel
(the base as float32, the power rounded once: as torch.pow of two tensors); a whole-tensor sum or 2-norm of a
dense permuted tensor (a transposed batch, stft's magnitudes) adds in memory order, as ATen's iterator coalesces
it; and the window functions take their arguments as PyTorch's parser does (alpha / beta only after periodic, no
float or bool length, pin_memory=), refuse a sparse layout and print the options as given, and let complex dtypes
through to arange's refusal."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "type_names_in_aten_messages": [
        ATTEMPT + '''for dt in (torch.float32, torch.float64, torch.float16, torch.complex64, torch.complex128):
    a = torch.randn(3, requires_grad=True)
    b = (a * 1).to(dt)
    c = b[:2]
    d = c * c
    c.mul_(2)
    attempt(lambda: (d.sum().abs() if dt.is_complex else d.sum()).backward())''',
        '''for dt in (torch.complex64, torch.complex128, torch.bool, torch.float16, torch.int8, torch.uint8):
    attempt(lambda: torch.zeros(2, 3, dtype=dt).expand(3))
for dt in (torch.complex64, torch.bool, torch.float16, torch.float64):
    attempt(lambda: torch.nn.functional.embedding(torch.tensor([1]).to(dt), torch.ones(3, 3)))
attempt(lambda: torch.median(torch.ones(3), 0, out=(torch.zeros(0), torch.zeros(0, dtype=torch.bool))))
attempt(lambda: torch.median(torch.ones(3), 0, out=(torch.zeros(0), torch.zeros(0, dtype=torch.complex64))))''',
        '''z = torch.randn(4, 4, dtype=torch.complex64, requires_grad=True)
w = z * 1
mag = w.abs()
w[2:] = 0
attempt(lambda: mag.sum().backward())'''],
    "number_to_a_float32_power": [
        '''x = torch.linspace(0, 1.5, 1001)
for base in (10.0, 10, 2.0, 3.7, 0.5, 2595.0):
    y = base ** x
    print(base, (y != torch.pow(torch.tensor(float(base)), x)).sum().item(), y.dtype)
y = (10 ** x).view(torch.int32)
print(y[[13, 16, 18, 19, 23, 24, 27, 28, 40, 41, 43, 44, 45, 49, 51, 60, 65, 72, 77, 81]].tolist())''',
        '''m = torch.linspace(0.0, 2146.0, 12, requires_grad=True)
hz = 700.0 * (10 ** (m / 2595.0) - 1.0)
print(hz.view(torch.int32).tolist(), hz.grad_fn)
hz.sum().backward()
print(m.grad.view(torch.int32).tolist())
print(torch.pow(10, torch.tensor([0.5, 1.5])).view(torch.int32).tolist(), (2 ** torch.tensor([1, 3])).tolist())'''],
    "whole_sums_of_dense_permuted_tensors": [
        '''out = []
for seed in range(12):
    torch.manual_seed(seed)
    x = (torch.rand(2, 33, 129) * 30).transpose(1, 2)
    out.append([x.sum().view(torch.int32).item(), x.pow(2).sum().view(torch.int32).item(),
                torch.linalg.vector_norm(x).view(torch.int32).item(), x.mean().view(torch.int32).item(),
                torch.linalg.vector_norm(x, dim=(0, 1, 2)).view(torch.int32).item()])
print(out)''',
        '''torch.manual_seed(0)
x = torch.randn(2, 2048)
M = torch.stft(x, 256, hop_length=64, window=torch.hann_window(256), return_complex=True).abs().clamp_min(1e-7)
print(M.stride(), M.is_contiguous())
print(torch.linalg.norm(M).view(torch.int32).item(), torch.norm(M, 'fro').view(torch.int32).item(),
      M.pow(2).sum().view(torch.int32).item(), torch.linalg.vector_norm(M, keepdim=True, dim=(2, 0, 1)).view(torch.int32))
torch.manual_seed(3)
y = (torch.rand(4, 5, 6, 7) * 10).permute(3, 1, 0, 2)
print(y.sum().view(torch.int32).item(), y.norm().view(torch.int32).item())'''],
    "window_function_arguments": [
        ATTEMPT + '''for call in (lambda: torch.hamming_window(6, alpha=0.5, beta=0.5), lambda: torch.hamming_window(6, alpha=0.5),
             lambda: torch.hamming_window(6, True, beta=0.3), lambda: torch.hann_window(4, 'a'),
             lambda: torch.hann_window(4.0), lambda: torch.hann_window(True), lambda: torch.hamming_window(4, 1),
             lambda: torch.blackman_window(5, periodic=None), lambda: torch.kaiser_window(6, beta=3.0),
             lambda: torch.kaiser_window(6.0), lambda: torch.bartlett_window(3, pin_memory=1)):
    attempt(call)
print(torch.hann_window(4, pin_memory=False), torch.hamming_window(6, False, alpha=0.5),
      torch.hamming_window(window_length=4, periodic=True, alpha=0.3), torch.kaiser_window(6, False, 3),
      torch.hann_window(4, True, pin_memory=None, requires_grad=None))''',
        ATTEMPT + '''for name in ("bartlett", "blackman", "hamming", "hann", "kaiser"):
    f = getattr(torch, name + "_window")
    attempt(lambda: f(4, layout=torch.sparse_coo))
    attempt(lambda: f(4, layout=torch.sparse_coo, dtype=torch.int64))
    attempt(lambda: f(-1, layout=torch.sparse_coo, dtype=torch.float64))
    attempt(lambda: f(4, dtype=torch.int32, layout=torch.strided))
    attempt(lambda: f(4, dtype=torch.bool))
    attempt(lambda: f(3, dtype=torch.complex128))
    print(f(1, dtype=torch.complex64), f(0, dtype=torch.complex64), f(2, layout=torch.strided, dtype=torch.float64))
    attempt(lambda: f(-1, dtype=torch.complex64))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe55_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe55", name=name)
