# Imitates a lesson on complex autograd: PyTorch's conjugate Wirtinger convention, the gradient of a real loss with
# respect to a complex leaf, torch.complex from two real leaves, and gradients through the FFT.
import torch

# %%
z = torch.tensor([1 + 2j, 3 - 1j], requires_grad=True)
print(z, z.dtype)
loss = (z.abs() ** 2).sum()
print(loss)
loss.backward()
z.grad

# %%
z.grad = None
loss = (z * z.conj()).real.sum()
print(loss.grad_fn, loss.grad_fn.next_functions)
loss.backward()
z.grad

# %%
w = torch.tensor([0.5 - 1j, 2 + 0.5j])
z.grad = None
y = z * w
print(y)
y.real.sum().backward()
z.grad

# %%
z.grad = None
(z * w).imag.sum().backward()
z.grad

# %%
y = z * w
y.sum().backward()

# %%
z.sum().abs().backward()
z.grad

# %%
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([0.5, -1.0], requires_grad=True)
c = torch.complex(a, b)
print(c, c.grad_fn)
(c.abs() ** 2).sum().backward()
print(a.grad, b.grad)

# %%
torch.complex(a.detach(), torch.tensor([1, 2]))

# %%
x = torch.tensor([1.0, -2.0, 3.0, 0.5, 0.0, 1.5], requires_grad=True)
X = torch.fft.rfft(x)
print(X.grad_fn)
energy = (X.abs() ** 2).sum()
energy.backward()
x.grad

# %%
x.grad = None
Xc = torch.fft.fft(x)
print(Xc.grad_fn)
Xc.real.sum().backward()
x.grad

# %%
x.grad = None
y = torch.fft.irfft(torch.fft.rfft(x) * torch.tensor([1.0, 0.5, 0.25, 0.0]), n=6)
print(y.grad_fn, y)
y.sum().backward()
x.grad

# %%
zz = torch.tensor([[1 + 1j, 2 - 1j], [0.5j, -1 + 0j]], requires_grad=True)
m = zz @ zz.conj().T
print(m)
m.diagonal().real.sum().backward()
zz.grad

# %%
zz.grad = None
p = torch.view_as_real(zz)
print(p.grad_fn)
p[..., 1].sum().backward()
zz.grad

# %%
u = torch.randn(3, dtype=torch.cfloat)
print(u.dtype)
torch.manual_seed(0)
torch.randn(3, dtype=torch.complex64), torch.zeros(2, dtype=torch.complex128)

# %%
q = torch.tensor([1 + 1j, 2 + 0j]) + torch.tensor([1.0, 2.0])
print(q, q * 2, q / 2, 1j * torch.tensor([1.0, 2.0]))
torch.tensor([1, 2]) * (2 + 1j)
