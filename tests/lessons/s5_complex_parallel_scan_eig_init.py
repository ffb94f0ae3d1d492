# Imitates S5 / LRU ("Resurrecting Recurrent Neural Networks") lessons in PyTorch: a HiPPO-N matrix diagonalised with
# torch.linalg.eig for a complex diagonal initialisation, polar-form eigenvalues (torch.polar, exp(-exp(nu))), the
# discretised diagonal recurrence run sequentially, as a Hillis-Steele associative scan and as a log-space cumsum with
# complex logs, torch.cumprod gradients (with zeros), Adam on complex parameters, and the dtype mistakes.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
N = 4
P = torch.sqrt(1 + 2 * torch.arange(N, dtype=torch.float32))
A = -(torch.tril(P[:, None] * P[None, :]) - torch.diag(torch.arange(N, dtype=torch.float32)))
S = A + 0.5 * P[:, None] * P[None, :]        # normal part of HiPPO-LegS
Lambda, V = torch.linalg.eig(S)
print(Lambda.dtype, V.dtype, V.shape)
print(Lambda.real.round(decimals=3))
print(Lambda.imag.abs().sort().values.round(decimals=3))

# %%
# the eigenvalues of the skew part, from eigh of -iS (Hermitian)
w, Vh = torch.linalg.eigh(S.to(torch.cfloat) * -1j)
print(w.dtype, Vh.dtype, w.round(decimals=3))
print(torch.dist(Vh @ torch.diag(w).to(Vh.dtype) @ Vh.conj().T, S * -1j) < 1e-4)

# %%
# LRU-style stable init: lambda = exp(-exp(nu) + i exp(theta))
torch.manual_seed(0)
Nh, L = 3, 6
r_min, r_max = 0.5, 0.9
u1, u2 = torch.rand(Nh), torch.rand(Nh)
nu_log = torch.log(-0.5 * torch.log(u1 * (r_max ** 2 - r_min ** 2) + r_min ** 2)).requires_grad_()
theta_log = torch.log(u2 * math.pi / 5).requires_grad_()
lam = torch.polar(torch.exp(-torch.exp(nu_log)), torch.exp(theta_log))
print(lam.dtype, lam.grad_fn, lam.abs())
lam2 = torch.exp(torch.complex(-torch.exp(nu_log), torch.exp(theta_log)))
print(torch.allclose(lam, lam2), lam2.grad_fn)
gamma_log = torch.log(torch.sqrt(1 - lam.abs() ** 2)).detach()
print(gamma_log)

# %%
Bu = torch.randn(L, Nh, dtype=torch.cfloat)
def seq_scan(lam, Bu):
    h = torch.zeros(Bu.shape[-1], dtype=Bu.dtype)
    hs = []
    for t in range(Bu.shape[0]):
        h = lam * h + Bu[t]
        hs.append(h)
    return torch.stack(hs)

hs = seq_scan(lam, Bu)
print(hs.shape, hs.dtype, hs.grad_fn)
print(hs[-1])

# %%
# Hillis-Steele associative scan on (a, b) pairs: (a1, b1) o (a2, b2) = (a1 a2, a2 b1 + b2)
def assoc_scan(a, b):
    a, b = a.clone(), b.clone()
    step = 1
    while step < a.shape[0]:
        a_prev = torch.cat([torch.ones_like(a[:step]), a[:-step]])
        b_prev = torch.cat([torch.zeros_like(b[:step]), b[:-step]])
        b = a * b_prev + b
        a = a * a_prev
        step *= 2
    return b

hs_par = assoc_scan(lam.expand(L, Nh), Bu)
print(torch.allclose(hs_par, hs, atol=1e-5), hs_par.grad_fn)

# %%
# log-space: h_t = sum_s lam^(t-s) Bu_s with lam^k from cumsum of logs
log_lam = torch.log(lam)
print(log_lam.dtype, log_lam.grad_fn)
cum = torch.cumsum(log_lam.expand(L, Nh), dim=0)
print(cum.dtype, cum.grad_fn)
w = torch.exp(cum.unsqueeze(1) - cum.unsqueeze(0))          # (t, s, n)
mask = torch.tril(torch.ones(L, L, dtype=torch.bool))[..., None]
w = torch.where(mask, w, torch.zeros((), dtype=w.dtype))
hs_log = torch.einsum('tsn,sn->tn', w, Bu)
print(torch.allclose(hs_log, hs, atol=1e-5), w.grad_fn, hs_log.grad_fn)

# %%
# powers through cumprod instead
pows = torch.cumprod(lam.expand(L, Nh), dim=0)
print(pows.grad_fn, torch.allclose(pows[-1], lam ** L))
C = torch.randn(2, Nh, dtype=torch.cfloat)
y = (hs @ C.T).real * 2
print(y.shape, y.dtype)
y.pow(2).sum().backward()
print(nu_log.grad)
print(theta_log.grad)

# %%
# cumprod gradients with zeros in the input
a = torch.tensor([2., 0., 3., 0.5, 4.], requires_grad=True)
p = torch.cumprod(a, 0)
p.sum().backward()
print(p, a.grad)
b = torch.tensor([[1., 2., 0.], [0., 0., 3.]], requires_grad=True)
torch.cumprod(b, dim=1).backward(torch.ones(2, 3))
print(b.grad)
c = torch.randn(4, dtype=torch.cdouble, requires_grad=True)
torch.cumprod(c, 0).abs().sum().backward()
print(c.grad)

# %%
print(torch.cumsum(torch.tensor([1 + 2j, 3 - 1j]), 0), torch.cumprod(torch.tensor([1 + 2j, 3 - 1j]), 0))
print(torch.cumsum(torch.ones(3, dtype=torch.bool), 0), torch.cumprod(torch.tensor([True, False]), 0))
print(torch.cumsum(torch.arange(4.), 0, dtype=torch.float64), torch.cumsum(torch.arange(4), -1).dtype)

# %%
# complex parameters and Adam
class LRU(nn.Module):
    def __init__(self, d, n):
        super().__init__()
        self.nu_log = nn.Parameter(torch.log(torch.linspace(0.1, 0.4, n)))
        self.theta_log = nn.Parameter(torch.log(torch.linspace(0.1, 1.0, n)))
        self.B = nn.Parameter(torch.randn(n, d, dtype=torch.cfloat) / math.sqrt(2 * d))
        self.C = nn.Parameter(torch.randn(d, n, dtype=torch.cfloat) / math.sqrt(n))
        self.D = nn.Parameter(torch.randn(d))

    def forward(self, x):                  # x: (L, d)
        lam = torch.exp(torch.complex(-torch.exp(self.nu_log), torch.exp(self.theta_log)))
        Bu = x.to(torch.cfloat) @ self.B.T
        h = torch.zeros_like(Bu[0])
        ys = []
        for t in range(x.shape[0]):
            h = lam * h + Bu[t]
            ys.append((self.C @ h).real)
        return torch.stack(ys) + x * self.D

torch.manual_seed(0)
lru = LRU(2, 3)
print(lru.B.dtype, lru.B.shape)
xs = torch.randn(5, 2)
opt = torch.optim.Adam(lru.parameters(), lr=0.01)
for i in range(4):
    opt.zero_grad()
    loss = (lru(xs) - xs.flip(0)).pow(2).mean()
    loss.backward()
    opt.step()
    print(i, f"{loss.item():.5f}")
print(lru.B.grad)
print(opt.state[lru.B]['exp_avg_sq'].dtype, opt.state[lru.B]['exp_avg'].dtype)

# %%
# mistakes: real parameter times a complex tensor in place, complex matmul with a float
hr = torch.zeros(3)
hr.mul_(lam.detach())

# %%
torch.randn(2, 3) @ torch.randn(3, 2, dtype=torch.cfloat)

# %%
torch.cumsum(torch.randn(3, dtype=torch.cfloat), 0, dtype=torch.float32)

# %%
torch.polar(torch.ones(2), torch.ones(2, dtype=torch.float64))

# %%
torch.linalg.eig(torch.ones(2, 3))

# %%
lam.detach() < 1
