# Imitates "The Annotated S4" / S4D lessons ported to PyTorch: a diagonal complex state matrix built with
# torch.complex from log-parameters, zero-order-hold discretisation with complex exp, the SSM convolution kernel by a
# Vandermonde product, the causal convolution with torch.fft.rfft/irfft and n=, gradients through the complex
# parameters, view_as_real, and the complex/real dtype mistakes learners make.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
H, N, L = 3, 4, 8
log_dt = torch.rand(H) * (math.log(0.1) - math.log(0.001)) + math.log(0.001)
log_A_real = torch.log(0.5 * torch.ones(H, N // 2))
A_imag = math.pi * torch.arange(N // 2).repeat(H, 1).float()
C = torch.randn(H, N // 2, dtype=torch.cfloat)
print(log_dt.dtype, A_imag.dtype, C.dtype, C.shape)
print(C[0])

# %%
log_dt.requires_grad_()
log_A_real.requires_grad_()
A_imag.requires_grad_()
C.requires_grad_()
A = torch.complex(-torch.exp(log_A_real), A_imag)
print(A.dtype, A.grad_fn, A[1])
dt = torch.exp(log_dt)
dtA = A * dt.unsqueeze(-1)
print(dtA.dtype, dtA.grad_fn)

# %%
# ZOH: B-bar folded into C, the kernel by a Vandermonde product
K_exp = dtA.unsqueeze(-1) * torch.arange(L, device=A.device)
print(K_exp.shape, K_exp.dtype, K_exp.grad_fn)
C_bar = C * (torch.exp(dtA) - 1.) / A
K = 2 * torch.einsum('hn,hnl->hl', C_bar, torch.exp(K_exp)).real
print(K.shape, K.dtype, K.grad_fn)
print(K)

# %%
# the same kernel through a Vandermonde matrix product
V = torch.exp(dtA.unsqueeze(-1) * torch.arange(L))
K2 = 2 * (C_bar.unsqueeze(1) @ V).squeeze(1).real
print(torch.allclose(K, K2), K2.grad_fn)
print(torch.view_as_real(C_bar).shape, torch.view_as_real(C_bar).grad_fn)

# %%
# the causal convolution by FFT, padded to 2L
u = torch.randn(2, H, L)
k_f = torch.fft.rfft(K, n=2 * L)
u_f = torch.fft.rfft(u, n=2 * L)
print(k_f.shape, k_f.dtype, k_f.grad_fn)
y = torch.fft.irfft(u_f * k_f, n=2 * L)[..., :L]
print(y.shape, y.dtype, y.grad_fn)
D = torch.randn(H)
y = y + u * D.unsqueeze(-1)
print(y[0, 0])

# %%
# check against a direct causal convolution
y_direct = F.conv1d(F.pad(u, (L - 1, 0)), K.flip(-1).unsqueeze(1), groups=H)
print(y_direct.shape, torch.allclose(y_direct + u * D.unsqueeze(-1), y, atol=1e-5))

# %%
loss = y.pow(2).mean()
loss.backward()
print(log_dt.grad)
print(log_A_real.grad)
print(A_imag.grad.shape, A_imag.grad.dtype)
print(C.grad)

# %%
# a complex parameter in a module, then a real view for the optimizer
class S4DKernel(nn.Module):
    def __init__(self, d_model, N=4, L=8):
        super().__init__()
        H = d_model
        self.L = L
        self.log_dt = nn.Parameter(torch.linspace(math.log(1e-3), math.log(1e-1), H))
        self.C = nn.Parameter(torch.view_as_real(torch.randn(H, N // 2, dtype=torch.cfloat)))
        self.log_A_real = nn.Parameter(torch.log(0.5 * torch.ones(H, N // 2)))
        self.A_imag = nn.Parameter(math.pi * torch.arange(N // 2).float().repeat(H, 1))

    def forward(self):
        dt = torch.exp(self.log_dt)
        C = torch.view_as_complex(self.C)
        A = -torch.exp(self.log_A_real) + 1j * self.A_imag
        dtA = A * dt.unsqueeze(-1)
        K = dtA.unsqueeze(-1) * torch.arange(self.L)
        C = C * (torch.exp(dtA) - 1.) / A
        return 2 * torch.einsum('hn,hnl->hl', C, torch.exp(K)).real

torch.manual_seed(0)
kern = S4DKernel(3)
print([(n, p.shape, p.dtype) for n, p in kern.named_parameters()])
k = kern()
print(k.shape, k.grad_fn)
k.sum().backward()
print(kern.C.grad)
print(kern.A_imag.grad)

# %%
# mistakes: complex meets real
torch.complex(torch.ones(2), torch.ones(2, dtype=torch.float64))

# %%
torch.complex(torch.ones(2, dtype=torch.int64), torch.ones(2, dtype=torch.int64))

# %%
torch.view_as_complex(torch.randn(3, 4))

# %%
torch.view_as_real(torch.randn(3))

# %%
h = torch.zeros(2, dtype=torch.float32)
h += torch.tensor([1 + 1j, 2j])

# %%
torch.fft.irfft(torch.randn(4, dtype=torch.cfloat), n=6).shape, torch.fft.rfft(torch.randn(5), n=3)

# %%
torch.fft.rfft(torch.randn(4, dtype=torch.cfloat))

# %%
torch.fft.rfft(torch.randn(4), n=0)

# %%
x = torch.randn(4, dtype=torch.cfloat, requires_grad=True)
x.abs().sum().backward()
print(x.grad)
(x * x).real.sum().backward()
print(x.grad)

# %%
z = torch.randn(3, dtype=torch.cfloat, requires_grad=True)
z.sum().backward()
