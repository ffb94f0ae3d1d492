"""What the twenty-ninth probe (audio and signal-processing lessons: features by hand, spectrograms, mel filterbanks
and MFCCs, istft round trips and Griffin-Lim, a 1-D CNN keyword spotter and a tiny WaveNet) found, each checked
against PyTorch: torch.stft and torch.istft (and the Tensor methods) with their argument forms (center and
pad_mode, window shorter than n_fft, align_to_window, onesided, normalized, return_complex and its error when
unset, complex inputs and windows, batches), their grad_fn chains, strides, errors and once-per-process warnings;
torch.signal.windows; torch.special.bessel_j0/j1/y0/y1 (not differentiated); F.pad's reflect/replicate/circular
output laid out contiguously as PyTorch writes it (the engine's came out column-major, so a strided view of it, as
stft's frames are, read the wrong elements); and a sum over one dim of a transposed matrix (the stft's
(freq, frames) output) in PyTorch's order: along memory, a row sum."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, in_fresh_processes

SETUP = ATTEMPT + '''import math
torch.manual_seed(0)
x = torch.randn(2, 64)
w = torch.hann_window(16)
def show(S):
    print(S.shape, S.dtype, S.stride(), type(S.grad_fn).__name__ if S.grad_fn else None)
    print(S.detach()[..., :3])
'''

CELLS = {
    "stft_argument_forms": [
        SETUP + '''for kw in (dict(), dict(hop_length=4), dict(center=False), dict(normalized=True),
           dict(onesided=False),
           dict(pad_mode="constant"), dict(pad_mode="replicate"), dict(pad_mode="circular"),
           dict(win_length=10, window=torch.hann_window(10)), dict(win_length=10, window=None),
           dict(win_length=10, window=torch.hann_window(10), center=False, align_to_window=True)):
    kw.setdefault("window", w)
    show(torch.stft(x, 16, return_complex=True, **kw))''',
        SETUP + '''show(torch.stft(x[0], 16, window=w, return_complex=True))
show(torch.stft(x[0], 16, window=w, return_complex=False))
show(torch.stft(x.double(), 16, window=w, return_complex=True))
show(torch.stft(x, 16, window=w.double(), return_complex=True))
show(torch.stft(x.to(torch.complex64), 16, window=w, return_complex=True))
show(torch.stft(x, 16, window=w.to(torch.complex64), return_complex=True))
show(torch.stft(x, 16, window=w.to(torch.complex64)))
show(x.stft(16, window=w, return_complex=True))
show(torch.stft(x, 64, window=torch.ones(64), center=False, return_complex=True))''',
    ],
    "stft_errors": [
        SETUP + '''for f in (lambda: torch.stft(x, 16),
          lambda: torch.stft(torch.randn(2, 2, 64), 16, return_complex=True),
          lambda: torch.stft(x, 100, center=False, return_complex=True),
          lambda: torch.stft(x, 0, center=False, return_complex=True),
          lambda: torch.stft(x, 16, hop_length=0, window=w, return_complex=True),
          lambda: torch.stft(x, 16, win_length=20, window=w, return_complex=True),
          lambda: torch.stft(x, 16, win_length=8, window=w, return_complex=True, onesided=True),
          lambda: torch.stft(x, 16, window=torch.ones(2, 8), return_complex=False),
          lambda: torch.stft(x, 16, window=w, align_to_window=True, return_complex=True),
          lambda: torch.stft(x.to(torch.complex64), 16, window=w, onesided=True, return_complex=True),
          lambda: torch.stft(x.int(), 16, window=w, return_complex=True),
          lambda: torch.stft(x.half(), 16, return_complex=True),
          lambda: torch.stft(x, 16, window=w, pad_mode="zeros", return_complex=True),
          lambda: torch.stft(x, 16.0, window=w, return_complex=True),
          lambda: torch.stft(x, 16, window=[1.0] * 16, return_complex=True)):
    attempt(f)''',
    ],
    "stft_backward": [
        SETUP + '''xr = x.clone().requires_grad_()
S = torch.stft(xr, 16, hop_length=4, window=w, return_complex=True)
print(S.grad_fn, S.grad_fn.next_functions)
node = S.grad_fn.next_functions[0][0]
while node is not None and node.next_functions:
    print(type(node).__name__)
    node = node.next_functions[0][0]
S.abs().pow(2).sum().backward()
print(xr.grad[:, :6])
S1 = torch.stft(xr[0], 16, window=w, return_complex=False)
print(S1.grad_fn, S1.grad_fn.next_functions)
wr = torch.hann_window(10).requires_grad_()
torch.stft(x, 16, win_length=10, window=wr, return_complex=True).abs().sum().backward()
print(wr.grad)''',
    ],
    "istft": [
        SETUP + '''xr = x.clone().requires_grad_()
S = torch.stft(xr, 16, hop_length=4, window=w, return_complex=True)
y = torch.istft(S, 16, hop_length=4, window=w, length=64)
print(y.shape, y.grad_fn, y.grad_fn.next_functions, (y - x).abs().max() < 1e-5)
y.pow(2).sum().backward()
print(xr.grad[:, :6])
Sd = S.detach()
show(torch.istft(Sd, 16, hop_length=4, window=w))
show(torch.istft(Sd[0], 16, hop_length=4, window=w, length=70))
show(torch.istft(Sd, 16, hop_length=4, window=w, normalized=True))
show(torch.istft(Sd, 16, hop_length=4, win_length=10, window=torch.hann_window(10)))
show(torch.istft(Sd.conj(), 16, hop_length=4, window=w))
show(Sd.istft(16, hop_length=4, window=w.double()))
Sf = torch.stft(x, 16, window=w, return_complex=True, onesided=False)
show(torch.istft(Sf, 16, window=w))
show(torch.istft(Sf, 16, window=w, return_complex=True))''',
        SETUP + '''S = torch.stft(x, 16, window=w, return_complex=True)
Sf = torch.stft(x, 16, window=w, return_complex=True, onesided=False)
for f in (lambda: torch.istft(S.real, 16),
          lambda: torch.istft(S[0, 0], 16),
          lambda: torch.istft(S[None, None], 16),
          lambda: torch.istft(S[:, :, :0], 16),
          lambda: torch.istft(S, 20),
          lambda: torch.istft(Sf, 16, onesided=True),
          lambda: torch.istft(S, 16, onesided=False),
          lambda: torch.istft(S, 16, hop_length=20),
          lambda: torch.istft(S, 16, win_length=20),
          lambda: torch.istft(S, 16, window=torch.ones(8)),
          lambda: torch.istft(S, 16, window=w, return_complex=True),
          lambda: torch.istft(Sf, 16, window=w.to(torch.complex64)),
          lambda: torch.istft(S, 16, window=w, center=False),
          lambda: torch.istft(S, 16, window=w, onesided=True, length=30, center=False)):
    attempt(f)''',
    ],
    "signal_windows": [
        '''W = torch.signal.windows
torch.set_printoptions(precision=8)
for name in W.__all__:
    f = (lambda M, **k: W.general_cosine(M, a=[0.5, 0.3, 0.2], **k)) if name == "general_cosine" else getattr(W, name)
    for M in (0, 1, 2, 7, 8):
        print(name, M, f(M), f(M, sym=False))
    print(f(6, dtype=torch.float64))
    r = f(5, requires_grad=True)
    print(r, r.requires_grad, r.is_leaf)
print(W.gaussian(9, std=2.5), W.kaiser(9, beta=8.6), W.exponential(9, tau=3.0), W.exponential(9, center=2.0, sym=False))
torch.set_printoptions(profile="default")''',
        ATTEMPT + '''W = torch.signal.windows
for f in (lambda: W.hann(5, dtype=torch.int64), lambda: W.kaiser(5, dtype=torch.float16), lambda: W.bartlett(-1),
          lambda: W.gaussian(5, std=0), lambda: W.kaiser(5, beta=-1), lambda: W.exponential(5, tau=0),
          lambda: W.exponential(5, center=1.0), lambda: W.general_cosine(5, a=[]), lambda: W.general_cosine(5, a=3),
          lambda: W.hann(5, layout=torch.sparse_coo)):
    attempt(f)
r = W.gaussian(5, std=1.0, requires_grad=True)
r.sum().backward()
print(r.grad_fn)''',
    ],
    "bessel_functions": [
        ATTEMPT + """x = torch.linspace(-3, 12, 7, requires_grad=True)
y = torch.special.bessel_j0(x)
print(y, y.grad_fn, y.requires_grad)
attempt(lambda: y.sum().backward())
print(torch.special.bessel_j0(torch.arange(3)), torch.special.bessel_y0(torch.tensor([0., -1., 2.])))
print(torch.special.bessel_j1(torch.tensor(2., dtype=torch.float64)))
print(torch.special.bessel_y1(torch.tensor([0., -1., 0.5, 7.0])))
print(torch.special.bessel_j1(torch.tensor([-7.0, 0.3, 30.])))
r = torch.linspace(0.1, 20, 9)
print(torch.special.bessel_j0(r), torch.special.bessel_j1(r), torch.special.bessel_y0(r), torch.special.bessel_y1(r))
o = torch.empty(9)
torch.special.bessel_j0(r, out=o)
print(o)
attempt(lambda: torch.special.bessel_j0(1.0))""",
    ],
    "sum_of_a_transposed_matrix": [
        '''import hashlib
torch.manual_seed(0)
def h(t):
    return hashlib.md5(t.detach().contiguous().numpy().tobytes()).hexdigest()[:10]
for shape in ((129, 32), (300, 7), (5, 1000), (64, 64)):
    a = torch.randn(shape[::-1]).T
    print(shape, h(a.sum(0)), h(a.sum(1)), h(a.sum(0, keepdim=True)), h(a.mean(0)), a.sum(0).shape)
c = torch.randn(20, 300, dtype=torch.float64).T
print(h(c.sum(0)), h(c.sum(1)))
x = torch.randn(200, 30, requires_grad=True)
y = (x.T * 2).sum(0)
y.sum().backward()
print(h(y), h(x.grad))
spec = torch.stft(torch.randn(2000), 256, hop_length=64, window=torch.hann_window(256), return_complex=True).abs()
freqs = torch.fft.rfftfreq(256, d=1 / 8000)
print(h((freqs[:, None] * spec).sum(0)), h(spec.sum(0)))''',
    ],
    "pad_layout": [
        '''F = torch.nn.functional
x = torch.arange(2 * 64.).view(2, 64)
for mode in ("reflect", "replicate", "circular", "constant"):
    for shape in ((1, 2, 64), (2, 1, 64), (1, 1, 64)):
        p = F.pad(torch.arange(shape[0] * shape[1] * 64.).reshape(shape), [8, 8], mode)
        print(mode, p.shape, p.stride(), p.is_contiguous())
    p = F.pad(x.view(1, 2, 64), [8, 8], mode).view(2, 80)
    print(p.as_strided((2, 3, 4), (80, 8, 1))[1])
print(F.pad(torch.arange(24.).view(1, 2, 3, 4), [1, 1, 2, 0], "reflect").stride())''',
    ],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe29_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)


def test_stft_warnings_once_per_process():
    """The missing-window, return_complex=False and istft padding warnings: once per process, as TORCH_WARN_ONCE."""
    code = '''import warnings
warnings.simplefilter("always")
x = torch.randn(64)
for _ in range(2):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        S = torch.stft(x, 16, return_complex=False)
        S = torch.stft(x, 16, return_complex=True)
        torch.istft(S, 16, length=80)
    print([str(w.message) for w in caught])
'''
    want, got = in_fresh_processes(code, timeout=120)
    assert got == want
