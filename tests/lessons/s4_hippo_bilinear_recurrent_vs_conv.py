# Imitates "The Annotated S4" first part ported to PyTorch: the HiPPO-LegS matrix built with loops and torch.where,
# bilinear and zero-order-hold discretisation with torch.linalg.inv / torch.linalg.solve / matrix_exp, unrolling the
# recurrence with a Python loop, the convolution kernel by matrix powers, the two modes agreeing, a tiny training
# loop fitting a 1-D SSM, and the in-place state update that breaks backward.
import torch
import torch.nn as nn

torch.manual_seed(0)

def make_hippo(N):
    P = torch.sqrt(1 + 2 * torch.arange(N, dtype=torch.float64))
    A = P[:, None] * P[None, :]
    A = torch.tril(A) - torch.diag(torch.arange(N, dtype=torch.float64))
    return -A

A = make_hippo(4)
print(A)
print(A.dtype, torch.linalg.eigvals(A).dtype)

# %%
N, L = 4, 16
A = make_hippo(N).float()
B = torch.randn(N, 1)
C = torch.randn(1, N)
step = 1.0 / L
I = torch.eye(N)
BL = torch.linalg.inv(I - (step / 2.0) * A)
Ab = BL @ (I + (step / 2.0) * A)
Bb = (BL * step) @ B
print(Ab)
print(Bb.T)

# %%
# the same with solve instead of the inverse
Ab2 = torch.linalg.solve(I - (step / 2.0) * A, I + (step / 2.0) * A)
Bb2 = torch.linalg.solve(I - (step / 2.0) * A, step * B)
print(torch.allclose(Ab, Ab2, atol=1e-6), torch.allclose(Bb, Bb2, atol=1e-6))
print((Ab - Ab2).abs().max() < 1e-5)

# %%
# zero-order hold with matrix_exp
Ad = torch.matrix_exp(step * A)
Bd = torch.linalg.solve(A, (Ad - I) @ B)
print(Ad.diagonal(), Bd.squeeze())

# %%
def scan_SSM(Ab, Bb, Cb, u, x0):
    x = x0
    ys = []
    for k in range(u.shape[0]):
        x = Ab @ x + Bb @ u[k:k + 1]
        ys.append(Cb @ x)
    return x, torch.stack(ys).reshape(-1)

u = torch.randn(L)
x_last, y_rec = scan_SSM(Ab, Bb, C, u, torch.zeros(N))
print(x_last, y_rec[:4])

# %%
def K_conv(Ab, Bb, Cb, L):
    return torch.stack([(Cb @ torch.linalg.matrix_power(Ab, l) @ Bb).reshape(()) for l in range(L)])

K = K_conv(Ab, Bb, C, L)
print(K[:5], K.grad_fn)
y_conv = torch.stack([(K[:k + 1].flip(0) * u[:k + 1]).sum() for k in range(L)])
print(torch.allclose(y_conv, y_rec, atol=1e-5))

# %%
# FFT mode of the same convolution
ud = torch.fft.rfft(u, n=2 * L)
Kd = torch.fft.rfft(K, n=2 * L)
y_fft = torch.fft.irfft(ud * Kd, n=2 * L)[:L]
print(y_fft.shape, torch.allclose(y_fft, y_rec, atol=1e-5))
print(torch.fft.irfft(ud * Kd)[:L].shape, torch.fft.irfft(ud * Kd).shape)

# %%
# gradients through inv and solve
A_p = make_hippo(3).float().requires_grad_()
B_p = torch.ones(3, 1, requires_grad=True)
I3 = torch.eye(3)
inv = torch.linalg.inv(I3 - 0.05 * A_p)
Ab_p = inv @ (I3 + 0.05 * A_p)
Bb_p = torch.linalg.solve(I3 - 0.05 * A_p, 0.1 * B_p)
print(inv.grad_fn, Bb_p.grad_fn, Ab_p.grad_fn)
(Ab_p.sum() + Bb_p.pow(2).sum()).backward()
print(A_p.grad)
print(B_p.grad.T)

# %%
torch.linalg.solve(torch.eye(3), torch.ones(4, 1))

# %%
torch.linalg.inv(torch.ones(3, 3))

# %%
torch.linalg.inv(torch.ones(2, 3))

# %%
torch.linalg.solve(torch.eye(3), torch.ones(3, dtype=torch.float64))

# %%
torch.matrix_exp(torch.ones(2, 3))

# %%
# training a scalar-input SSM kernel to match a target response
class SSMConv(nn.Module):
    def __init__(self, N, L):
        super().__init__()
        self.A = nn.Parameter(make_hippo(N).float())
        self.B = nn.Parameter(torch.randn(N, 1) * 0.5)
        self.C = nn.Parameter(torch.randn(1, N) * 0.5)
        self.log_step = nn.Parameter(torch.tensor(-2.0))
        self.L = L

    def kernel(self):
        N = self.A.shape[0]
        I = torch.eye(N)
        step = self.log_step.exp()
        BL = torch.linalg.inv(I - (step / 2.0) * self.A)
        Ab = BL @ (I + (step / 2.0) * self.A)
        Bb = (BL * step) @ self.B
        ks, x = [], Bb
        for _ in range(self.L):
            ks.append((self.C @ x).squeeze())
            x = Ab @ x
        return torch.stack(ks)

    def forward(self, u):
        n = 2 * self.L
        return torch.fft.irfft(torch.fft.rfft(u, n=n) * torch.fft.rfft(self.kernel(), n=n), n=n)[..., :self.L]

torch.manual_seed(0)
L = 12
model = SSMConv(3, L)
u = torch.randn(8, L)
target = torch.cumsum(u, dim=-1) * 0.1
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for it in range(6):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(u), target)
    loss.backward()
    opt.step()
    print(it, round(loss.item(), 4))
print(model.log_step.grad, model.A.grad.shape)

# %%
# updating the state in place inside the graph
x = torch.zeros(3, 1)
Abt = torch.eye(3) * 0.9
Bbt = torch.ones(3, 1, requires_grad=True)
for k in range(3):
    x += Bbt * float(k)
    x = torch.tanh(Abt @ x)
    x[0] = 0.0
x.sum().backward()
print(Bbt.grad.T)

# %%
x = torch.zeros(3, 1)
for k in range(3):
    y = torch.tanh(x + Bbt)
    x.copy_(y)
x.sum().backward()

# %%
h = torch.zeros(2, 3)
W = torch.randn(3, 3, requires_grad=True)
for t in range(2):
    h[t] = torch.sigmoid(h[t - 1] @ W)
h.sum().backward()
print(W.grad.sum())
