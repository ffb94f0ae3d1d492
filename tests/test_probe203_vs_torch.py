"""What the 203rd probe (signal processing and audio lessons without torchaudio: stft / istft, windows, rfft,
spectral losses) found, each checked against PyTorch: torch.kaiser_window in float16 and bfloat16 (computed in
float32 on the arange rounded to the dtype, returned in the dtype asked for); the Fourier transform's
FftR2CBackward0 saving its input as PyTorch does (a second backward through it without retain_graph raises, an
in-place change of the signal is caught, grad_fn._saved_self is the signal); the FFT nodes' saved arguments
(_saved_dim, _saved_normalization, _saved_onesided, _saved_forward); and saved_tensors_hooks around stft, istft,
rfft, irfft, angle and reflect / replicate padding, with the tensors PyTorch packs, in its order. And the bits of
complex arithmetic on other layouts than the row-major one (an stft is transposed): |z| and sgn(z) of a transposed
spectrum (run in memory order, as TensorIterator runs them), complex products of a transposed and a row-major
operand or of strided ones (ATen's basic loop, fused), polar's backward; the layouts of polar, complex, z * 2 and
angle of a transposed complex tensor (contiguous, unlike abs)."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''def bits(t):
    r = (torch.view_as_real(t) if t.is_complex() else t).contiguous()
    return hash(tuple(r.view(torch.int64 if r.dtype == torch.float64 else torch.int32).flatten().tolist()))
'''

CELLS = {
    "kaiser_window_in_half_and_bfloat16": [
        '''for dt in [torch.float16, torch.bfloat16]:
    for n, periodic, beta in [(5, True, 12.0), (12, False, 7.5), (64, True, 3.0), (3000, True, 8.6),
                              (2500, False, 14.0)]:
        w = torch.kaiser_window(n, periodic, beta, dtype=dt)
        print(dt, n, w.dtype, w[:4], w[-3:], w.float().sum())
print(torch.kaiser_window(8, dtype=torch.float16, requires_grad=True))'''],
    "rfft_node_saves_the_signal": [
        '''sig = torch.randn(16, generator=torch.Generator().manual_seed(0), requires_grad=True)
S = torch.fft.rfft(sig)
print(S.grad_fn._saved_self.equal(sig), S.grad_fn._saved_self is sig)
lowpass = torch.fft.irfft(S * (torch.arange(9) < 3), n=16)
lowpass.pow(2).sum().backward()
print(sig.grad)
for again in [lambda: torch.fft.irfft(S, n=16).sum().backward(), lambda: S.grad_fn._saved_self]:
    try:
        again()
    except RuntimeError as e:
        print(e)''',
        '''w = torch.randn(8, generator=torch.Generator().manual_seed(1), requires_grad=True)
x = w * 2
X = torch.fft.fft(x)
x.add_(1)
try:
    X.abs().sum().backward()
except RuntimeError as e:
    print(e)
x = w * 2
S = torch.stft(x.repeat(4), 8, 2, window=torch.hann_window(8), return_complex=True)
x.mul_(3)
S.abs().sum().backward()
print(w.grad)
S = torch.fft.rfft(w)
S.abs().sum().backward(retain_graph=True)
S.real.sum().backward()
print(w.grad)'''],
    "fft_nodes_saved_arguments": [
        '''x = torch.randn(4, 6, generator=torch.Generator().manual_seed(0), requires_grad=True)
z = x.to(torch.complex64)
for o in [torch.fft.rfft(x, norm="ortho"), torch.fft.fft2(z.T, norm="forward"),
          torch.fft.irfft(torch.fft.rfft(x).detach().requires_grad_(), dim=0, n=5), torch.fft.fft(x, dim=0),
          torch.fft.ifft(z), torch.fft.rfftn(x, norm="forward"), torch.fft.irfft2(z), torch.fft.hfft(z[0]),
          torch.fft.ihfft2(x), torch.fft.irfft(z, dim=-2),
          torch.stft(x[0].repeat(4), 8, 2, window=torch.hann_window(8), return_complex=True, normalized=True),
          torch.istft(torch.stft(x[0].repeat(4), 8, 2, window=torch.hann_window(8), return_complex=True), 8, 2,
                      window=torch.hann_window(8))]:
    g = o.grad_fn
    while g.name() not in ("FftR2CBackward0", "FftC2CBackward0", "FftC2RBackward0"):
        g = g.next_functions[0][0]
    print(g.name(), {a: getattr(g, a) for a in dir(g) if a.startswith("_saved") and a != "_saved_self"})'''],
    "saved_tensors_hooks_around_spectral_ops": [
        '''packed = []
def pack(t):
    packed.append((tuple(t.shape), t.dtype))
    return t
def attempt(f):
    packed.clear()
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            out = f()
        print(packed, out.grad_fn.name())
        return out
    except Exception as e:
        print(type(e).__name__, e)
w = torch.randn(64, generator=torch.Generator().manual_seed(2), requires_grad=True)
win = torch.hann_window(16)
attempt(lambda: torch.fft.rfft(w))
attempt(lambda: torch.fft.irfft(w.to(torch.complex64)))
attempt(lambda: torch.fft.fft(w))
attempt(lambda: torch.fft.rfft(w).angle())
attempt(lambda: torch.nn.functional.pad(w.view(1, 1, -1), (3, 3), mode="reflect"))
attempt(lambda: torch.nn.functional.pad(w.view(1, 8, 8), (2, 1, 1, 2), mode="replicate"))
attempt(lambda: w.view(1, 1, -1).unfold(-1, 16, 4))
attempt(lambda: torch.view_as_real(torch.fft.fft(w)))
attempt(lambda: torch.stft(w, 16, 4, window=win, return_complex=True, center=False))
S = attempt(lambda: torch.stft(w, 16, 4, window=win, return_complex=True))
y = attempt(lambda: torch.istft(S, 16, 4, window=win, length=64))
y.pow(2).sum().backward()
print(w.grad[:4])'''],
    "complex_arithmetic_on_transposed_spectra": [
        BITS + '''torch.manual_seed(0)
for dt in [torch.complex64, torch.complex128]:
    for shape in [(17, 33), (40, 9), (3, 4, 5)]:
        a = torch.randn(shape, dtype=dt)
        bt = torch.randn(shape[::-1], dtype=dt).permute(*range(len(shape) - 1, -1, -1))
        out = [bt.abs(), bt.sgn(), a * bt, bt * a, bt * bt, bt * a[0], bt * 2.5, bt * 1j, a[:, ::2] * bt[:, ::2]]
        print(dt, shape, [bits(o) for o in out], [o.stride() for o in out])
    v = torch.randn(66, dtype=dt)
    print([bits(o) for o in [v[::2] * v[1::2], v[::3] * 2, v[:33] * v[::2], v[::2].abs(), v[::2].sgn()]])''',
        BITS + '''for dt in [torch.float32, torch.float64]:
    x = torch.randn(512, dtype=dt, generator=torch.Generator().manual_seed(1), requires_grad=True)
    S = torch.stft(x, 64, 16, window=torch.hann_window(64, dtype=dt), return_complex=True)
    mag = S.abs()
    loss = torch.log(mag + 1e-6).mean() + (mag ** 2).sum() * 1e-3
    loss.backward()
    print(dt, mag.stride(), bits(mag), bits(x.grad), loss)
    m, p = mag.detach().requires_grad_(), torch.linspace(-3, 3, mag.numel(), dtype=dt).view(mag.shape).requires_grad_()
    Z = torch.polar(m, p)
    y = torch.istft(Z, 64, 16, window=torch.hann_window(64, dtype=dt), length=512)
    (y - x.detach()).pow(2).mean().backward()
    print(Z.stride(), bits(m.grad), bits(p.grad))'''],
    "layouts_of_polar_complex_angle": [
        '''a = torch.randn(5, 3).T
z = torch.randn(5, 3, dtype=torch.complex64).T
S = torch.stft(torch.randn(100), 16, 4, window=torch.hann_window(16), return_complex=True)
for name, f in [("angle", lambda: torch.angle(z)), ("angle of real", lambda: torch.angle(a)), ("abs", lambda: z.abs()),
                ("polar", lambda: torch.polar(a, a)), ("complex", lambda: torch.complex(a, a)),
                ("z * 2", lambda: z * 2),
                ("z * 1j", lambda: z * 1j), ("S.angle", lambda: S.angle()), ("S.abs", lambda: S.abs()),
                ("S * 2", lambda: S * 2), ("polar(S.abs(), S.angle())", lambda: torch.polar(S.abs(), S.angle()))]:
    out = f()
    print(name, out.shape, out.stride(), out.is_contiguous())'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe203(name):
    assert_same_as_pytorch(CELLS[name], name=name)
