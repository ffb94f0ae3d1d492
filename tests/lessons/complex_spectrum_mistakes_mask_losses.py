# A learner working through a speech-enhancement tutorial by hand: complex spectra (real/imag, conj, atan2,
# torch.complex), compressed magnitudes, what works and fails on complex tensors (comparisons, clamp, sigmoid,
# losses), spectral losses, and a PIT loss over three speakers with a pairwise SI-SDR matrix.
import itertools
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
x = torch.randn(3, 160)
w = torch.hann_window(32)
S = torch.stft(x, 32, 8, window=w, return_complex=True)
print(S.real.dtype, S.imag.shape, S.real.is_contiguous(), S.conj().is_conj(), S.conj()[0, 1, 1])
mag = torch.sqrt(S.real ** 2 + S.imag ** 2 + 1e-9)
ph = torch.atan2(S.imag, S.real)
print((mag - S.abs()).abs().max() < 1e-3, (ph - S.angle()).abs().max() < 1e-6, ph.dtype)
Z = torch.complex(mag * torch.cos(ph), mag * torch.sin(ph))
print(Z.dtype, (Z - S).abs().max() < 1e-4)
comp = S.abs().pow(0.3) * torch.exp(1j * S.angle())
print(comp.dtype, comp[1, 2, :2])

# %%
for name, fn in [("gt", lambda: S > 0), ("clamp", lambda: S.clamp_min(1e-8)), ("sigmoid", lambda: torch.sigmoid(S)),
                 ("relu", lambda: F.relu(S)), ("max", lambda: S.max()), ("mse", lambda: F.mse_loss(S, S * 0.5)),
                 ("l1", lambda: F.l1_loss(S, S * 0.5)), ("log10", lambda: torch.log10(S)[0, 0, :2]),
                 ("where", lambda: torch.where(S.abs() > 1, S, 0)[0, 0, :2]), ("sort", lambda: S.sort()),
                 ("tanh", lambda: torch.tanh(S)[0, 0, 0]), ("eq", lambda: (S == S).all()),
                 ("sign", lambda: S.sgn()[0, 1, 1]), ("isclose", lambda: torch.isclose(S, S).all())]:
    try:
        out = fn()
        print(name, out if out.numel() < 5 else (out.shape, out.dtype))
    except Exception as e:
        print(name, type(e).__name__, e)

# %%
Sr = S.detach().requires_grad_()
a = Sr.angle()
a.sum().backward()
print(Sr.grad[0, 1, :3], a.grad_fn)
Sr.grad = None
(Sr.abs() ** 2).sum().backward()
print(Sr.grad[0, 1, :3])
Sr.grad = None
F.mse_loss(torch.view_as_real(Sr), torch.zeros(S.shape + (2,))).backward()
print(Sr.grad[0, 1, :3])
re = S.real.detach().requires_grad_()
im = S.imag.detach().requires_grad_()
z = torch.complex(re, im)
(z.abs() + z.angle()).sum().backward()
print(re.grad[0, 0, :3], im.grad[0, 0, :3], z.grad_fn)
zero = torch.zeros(3, dtype=torch.complex64, requires_grad=True)
(zero.abs().sum() + zero.angle().sum()).backward()
print(zero.grad)


# %%
def si_sdr_matrix(est, ref, eps=1e-8):
    est = est - est.mean(-1, keepdim=True)
    ref = ref - ref.mean(-1, keepdim=True)
    e = est.unsqueeze(1)
    r = ref.unsqueeze(0)
    proj = (e * r).sum(-1, keepdim=True) / (r.pow(2).sum(-1, keepdim=True) + eps) * r
    noise = e - proj
    return 10 * torch.log10(proj.pow(2).sum(-1) / (noise.pow(2).sum(-1) + eps) + eps)


torch.manual_seed(1)
refs = torch.randn(3, 160)
ests = (refs[[2, 0, 1]] + 0.3 * torch.randn(3, 160)).requires_grad_()
M = si_sdr_matrix(ests, refs)
print(M.shape, M.diagonal(), M.argmax(1))
scores = torch.stack([M[list(range(3)), list(p)].mean() for p in itertools.permutations(range(3))])
best = scores.max()
print(scores, scores.argmax(), best.grad_fn)
(-best).backward()
print(ests.grad[:, :3], ests.grad.norm(dim=-1))

# %%
torch.manual_seed(2)
est = torch.randn(2, 160, requires_grad=True)
ref = torch.randn(2, 160)
E = torch.stft(est, 32, 8, window=w, return_complex=True)
R = torch.stft(ref, 32, 8, window=w, return_complex=True)
sc = torch.norm(R.abs() - E.abs(), p="fro") / torch.norm(R.abs(), p="fro")
logmag = F.l1_loss(torch.log(E.abs().clamp_min(1e-7)), torch.log(R.abs().clamp_min(1e-7)))
cplx = (E - R).abs().pow(2).mean()
total = sc + logmag + cplx
total.backward()
print(sc, logmag, cplx, est.grad[0, :4], est.grad.dtype)
print(torch.linalg.vector_norm(E - R, dim=(-2, -1)), torch.norm(E - R, dim=(-2, -1)).dtype)

# %%
try:
    torch.stft(x.half(), 32, window=w.half(), return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stft(S[0, :, 0], 8, window=torch.hann_window(8), return_complex=True, onesided=True)
except Exception as e:
    print(type(e).__name__, e)
print(torch.stft(S[0, :, 0], 8, window=torch.hann_window(8), return_complex=True).shape)
try:
    torch.istft(S, 32, 8, window=w, return_complex=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.istft(S.double(), 32, 8, window=w)
except Exception as e:
    print(type(e).__name__, e)
print(torch.istft(S.cdouble(), 32, 8, window=w).dtype)
try:
    torch.view_as_complex(torch.randn(3, 4))
except Exception as e:
    print(type(e).__name__, e)
try:
    S.float()
except Exception as e:
    print(type(e).__name__, e)
