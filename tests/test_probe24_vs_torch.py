"""What the twenty-fourth probe (complex tensors and torch.fft as lessons use them: rotary position embeddings with
torch.polar / view_as_complex / view_as_real, Fourier neural operators with rfft, complex nn.Parameters and einsum,
signal spectra with fft / fftfreq / fftshift, complex autograd) found, each checked against PyTorch: the engine had
no complex dtype at all. Now complex64 / complex128 are dtypes with PyTorch's promotion (a float64 tensor times 1j
is complex128, a float32 one complex64, an integer one the default complex dtype), printing (real and imaginary
parts each in their own style), creation (Python complex numbers, dtype=torch.cfloat, randn / rand drawing the parts
as PyTorch does), products rounded as ATen's complex kernel rounds them, hypot magnitudes, sums in ATen's order,
the conjugate Wirtinger gradient convention (a real input of a complex op keeps the real part), the ops between
complex tensors and their parts (ViewAsRealBackward0, ViewAsComplexBackward0, ComplexBackward0, PolarBackward0,
AngleBackward0, real and imag as views) and torch.fft through MKL's DFTI planned as ATen plans it (FftR2CBackward0,
FftC2RBackward0, FftC2CBackward0), optimizers updating complex parameters through their real parts; the errors of
ops that complex numbers do not have (ordering, max, sort, clamp), of view_as_complex's layouts, of complex to
real conversions and of backward() from a complex output."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''torch.manual_seed(0)
z = torch.tensor([1 + 2j, 3 - 1j, -0.5 + 0.25j])
x = torch.tensor([1.0, -2.0, 0.5])
'''

CELLS = {
    "creation_printing_promotion": [
        TRY + '''print(z, z.dtype, z.is_complex(), z.is_floating_point(), z.dtype.is_complex)
print(torch.tensor([[1, 2 + 1j], [3, 4]]), torch.tensor(1j), torch.tensor([1.5], dtype=torch.cfloat))
print(torch.zeros(2, dtype=torch.complex128), torch.ones(2, 2, dtype=torch.cfloat), torch.full((2,), 1 + 1j))
print(torch.randn(3, dtype=torch.cfloat), torch.rand(2, 2, dtype=torch.cdouble), torch.randn(20, dtype=torch.cfloat)[-3:])
print(x * 1j, 1j * x.double(), torch.arange(3) * (2 + 1j), z + x, z * x.double(), z / 2, 2 ** z)
print(torch.tensor(2.0, dtype=torch.float64) * z, torch.tensor(1 + 1j, dtype=torch.complex128) * x, z.type())
print(torch.result_type(z, x.double()), torch.promote_types(torch.complex64, torch.float64),
      torch.can_cast(torch.complex64, torch.float32), x.cfloat(), x.cdouble().dtype, z.tolist(), z[0].item())''',
        '''print(torch.polar(torch.ones(3, 4), torch.arange(12.0).view(3, 4) / 5))
print(torch.tensor([1 + 1e-9j, 1e5 - 2j, 0.5j]), torch.tensor([[1e-5 + 1j, 1 + 0j]], dtype=torch.complex128))
print(torch.tensor([0j, -0.0 - 0j, float("nan") + 1j, float("inf") * 1j]))
torch.set_default_dtype(torch.float64)
print(torch.tensor([1 + 1j]), torch.tensor([1 + 1j], dtype=torch.cfloat), torch.tensor([1.0]) * 1j)
torch.set_default_dtype(torch.float32)
torch.randn(40, dtype=torch.cfloat).view(8, 5)''',
    ],
    "complex_arithmetic_bits": [
        TRY + '''a = torch.randn(3, 13, dtype=torch.cfloat)
b = torch.randn(3, 13, dtype=torch.cfloat)
for p in (a * b, a[:, :7] * b[:, :7], a * b[:1], a * (1.5 - 2j), a ** 2, a.abs(), a.sgn(), a.exp(), a.sum(1),
          a.mean(), torch.view_as_real(a * b.conj()).sum(-1)):
    print(p.tolist()[0][:8] if p.dim() > 1 else p.tolist()[:8] if p.dim() else p.item())
c = torch.randn(9, dtype=torch.cdouble)
print((c * c.flip(0)).tolist(), (c * c[:1]).tolist(), c.sum().item())''',
    ],
    "parts_views_and_errors": [
        TRY + '''r = torch.view_as_real(z)
print(r, r.shape, z.real, z.imag, z.real.stride(), z.real._base is z, z.conj(), z.angle(), z.abs(), x.angle())
r[0, 1] = 5.0
print(z, torch.view_as_complex(torch.arange(8.0).view(2, 2, 2)), torch.complex(x, x * 2))
w = torch.ones(4, 2)[::2]
print(torch.view_as_complex(w), z[None].mH, torch.vdot(z, z), torch.dot(z, z))
for bad in (lambda: torch.view_as_real(x), lambda: torch.view_as_complex(torch.ones(3)),
            lambda: torch.view_as_complex(torch.ones(3, 2, dtype=torch.long)),
            lambda: torch.view_as_complex(torch.ones(2, 3)[:, 1:]), lambda: torch.view_as_complex(torch.ones(5)[1:].view(2, 2)),
            lambda: torch.view_as_complex(torch.ones(2, 4).view(2, 2, 2).transpose(-1, -2)),
            lambda: torch.complex(x, torch.tensor([1, 2, 3])), lambda: torch.complex(x, x.double()),
            lambda: torch.polar(z, z), lambda: x.imag):
    attempt(bad)''',
        TRY + '''for bad in ("z < 0", "x > z", "torch.max(z)", "z.min()", "torch.max(z, 0)", "torch.maximum(z, z)", "z.amax()",
            "z.argmax()", "torch.sort(z)", "torch.topk(z, 1)", "z.clamp(0, 1)", "z.relu()", "torch.softmax(z, 0)",
            "z.floor()", "z.round()", "z.sign()", "float(z[0])", "int(z[1])", "float(torch.tensor(3 + 0j))",
            "torch.tensor([1 + 1j], dtype=torch.float32)", "z == 1 + 2j", "z != z"):
    attempt(lambda: eval(bad))
warn_always = torch.is_warn_always_enabled()   # (PyTorch warns this once a process: every time, for the cell)
torch.set_warn_always(True)
y = torch.zeros(3)
y[:] = z
print(y, z.float(), z.to(torch.float64), torch.zeros(3).copy_(z))
torch.set_warn_always(warn_always)''',
    ],
    "complex_autograd": [
        TRY + '''w = torch.tensor([1 + 2j, 3 - 1j], requires_grad=True)
(w.abs() ** 2).sum().backward()
print(w.grad)
w.grad = None
loss = (w * w.conj()).real.sum()
print(loss.grad_fn, loss.grad_fn.next_functions, loss.grad_fn.next_functions[0][0].next_functions)
loss.backward()
print(w.grad)
attempt(lambda: (w * 2).sum().backward())
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([0.5, -1.0], requires_grad=True)
c = torch.complex(a, b)
p = torch.polar(a, b)
print(c, p)
((c * p).abs() ** 2).sum().backward()
print(a.grad, b.grad)
for f in ("exp", "sin", "tanh", "sigmoid", "sqrt", "log", "reciprocal", "angle"):
    w.grad = None
    out = getattr(w, f)()
    (out.abs() if out.is_complex() else out).sum().backward()
    print(f, type(out.grad_fn).__name__, w.grad)''',
        TRY + '''m = torch.randn(3, 4, dtype=torch.cfloat, requires_grad=True)
v = torch.randn(4, 2, dtype=torch.cfloat, requires_grad=True)
r = torch.randn(4, requires_grad=True)
out = (m @ v).abs().sum() + torch.einsum("ij,j->i", m, r.cfloat()).real.sum() + (m * r).imag.pow(2).sum()
out.backward()
print(out, m.grad, v.grad, r.grad)
q = torch.view_as_complex(torch.randn(2, 3, 2, requires_grad=True))
print(q.grad_fn, torch.view_as_real(q * 1j).grad_fn)''',
    ],
    "fft_functions": [
        TRY + '''s = torch.randn(2, 16)
for out in (torch.fft.fft(s), torch.fft.ifft(s), torch.fft.rfft(s), torch.fft.irfft(torch.fft.rfft(s)), torch.fft.fft(s, n=20),
            torch.fft.rfft(s, n=10, norm="ortho"), torch.fft.fft(s, dim=0), torch.fft.ifft(torch.fft.fft(s), norm="forward"),
            torch.fft.hfft(torch.fft.rfft(s)), torch.fft.ihfft(s), torch.fft.rfft(torch.arange(8)), torch.fft.fft(s.double())):
    print(out.dtype, out.shape, out.flatten()[:5].tolist())
img = torch.randn(2, 6, 8)
for out in (torch.fft.fft2(img), torch.fft.ifft2(img), torch.fft.rfft2(img), torch.fft.irfft2(torch.fft.rfft2(img), s=(6, 8)),
            torch.fft.fftn(img), torch.fft.rfftn(img, dim=(0, 2)), torch.fft.irfftn(torch.fft.rfftn(img)),
            torch.fft.ifftn(torch.fft.fftn(img), s=(7, 9)), torch.fft.rfft2(img.transpose(1, 2)), torch.fft.fft(img.transpose(0, 2), dim=1)):
    print(out.dtype, out.shape, out.flatten()[:4].tolist())
print(torch.fft.fftfreq(7), torch.fft.fftfreq(8, d=0.1), torch.fft.rfftfreq(9, 0.5), torch.fft.fftfreq(4, dtype=torch.float64))
print(torch.fft.fftshift(torch.arange(6)), torch.fft.ifftshift(torch.arange(7)), torch.fft.fftshift(torch.arange(12).view(3, 4)),
      torch.fft.fftshift(torch.arange(12).view(3, 4), dim=1))''',
        TRY + '''for bad in (lambda: torch.fft.rfft(z), lambda: torch.fft.rfftn(z), lambda: torch.fft.fft(x, norm="half"),
            lambda: torch.fft.fft(x, n=0), lambda: torch.fft.fft(x, dim=2), lambda: torch.fft.irfft(torch.ones(1, dtype=torch.cfloat)),
            lambda: torch.fft.fftn(torch.ones(2, 2), dim=(0, 0)), lambda: torch.fft.fftn(torch.ones(2, 2), s=(2, 2, 2)),
            lambda: torch.fft.fftn(torch.ones(2, 2), s=(2,), dim=(0, 1)), lambda: torch.fft.fftfreq(4, dtype=torch.int64)):
    attempt(bad)''',
    ],
    "fft_gradients": [
        TRY + '''t = torch.randn(2, 8, requires_grad=True)
for make in (lambda: torch.fft.rfft(t).abs().pow(2).sum(), lambda: torch.fft.fft(t).real.sum(),
             lambda: torch.fft.ifft(t, norm="ortho").imag.sum(), lambda: torch.fft.irfft(torch.fft.rfft(t) * 0.5, n=8).pow(2).sum(),
             lambda: torch.fft.rfft(t, n=12).abs().sum(), lambda: torch.fft.fft(t, n=5).abs().sum(),
             lambda: torch.fft.irfft(torch.fft.rfft(t), n=7).sum(), lambda: torch.fft.rfft2(t).abs().sum(),
             lambda: torch.fft.irfft2(torch.fft.rfft2(t), s=(2, 8)).pow(2).sum(), lambda: torch.fft.fft2(t).abs().sum()):
    t.grad = None
    loss = make()
    loss.backward()
    print(loss.grad_fn.next_functions[0][0], loss.item(), t.grad[0].tolist())
u = torch.randn(6, dtype=torch.cfloat, requires_grad=True)
out = torch.fft.ifft(torch.fft.fft(u) * torch.arange(6.0)).abs().sum()
out.backward()
print(out, u.grad)''',
    ],
    "complex_parameters_and_optimizers": [
        TRY + '''class Spectral(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = torch.nn.Parameter(0.5 * torch.rand(2, 3, 4, dtype=torch.cfloat))
    def forward(self, u):
        u_ft = torch.fft.rfft(u)
        out_ft = torch.zeros(u.shape[0], 3, u.size(-1) // 2 + 1, dtype=torch.cfloat)
        out_ft[:, :, :4] = torch.einsum("bix,iox->box", u_ft[:, :, :4], self.weights)
        return torch.fft.irfft(out_ft, n=u.size(-1))
u, target = torch.randn(4, 2, 16), torch.randn(4, 3, 16)
for opt_name in ("Adam", "AdamW", "SGD", "RMSprop"):
    torch.manual_seed(1)
    layer = Spectral()
    opt = getattr(torch.optim, opt_name)(layer.parameters(), lr=0.05, **({"momentum": 0.9} if opt_name == "SGD" else {}))
    for step in range(3):
        opt.zero_grad()
        loss = ((layer(u) - target) ** 2).mean()
        loss.backward()
        opt.step()
    print(opt_name, f"{loss.item():.5f}", layer.weights[0, 0], sorted(opt.state[layer.weights]))
print(layer.weights.grad.dtype, layer.weights.grad[1, 2])''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe24_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
