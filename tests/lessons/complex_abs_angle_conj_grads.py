# Imitates the worked examples of PyTorch's "Autograd for Complex Numbers" note as a learner retypes them: gradients
# of |z|, angle(z), z.conj(), real/imag parts, view_as_real / view_as_complex round trips, complex leaves built with
# torch.complex, and the errors of backward on a complex output.
import torch

torch.manual_seed(0)
z = torch.tensor([3 + 4j, -1 + 1j, 0.5 - 2j], requires_grad=True)
a = z.abs()
print(a, type(a.grad_fn).__name__)
a.sum().backward()
print(z.grad, z.grad / (z.detach() / z.detach().abs()))

# %%
z.grad = None
ang = torch.angle(z)
print(ang, type(ang.grad_fn).__name__)
ang.sum().backward()
print(z.grad)

# %%
z.grad = None
c = z.conj()
print(c, c.is_conj(), type(c.grad_fn).__name__, c.resolve_conj().is_conj())
(c * torch.tensor([1j, 2, -1j])).real.sum().backward()
print(z.grad)

# %%
z.grad = None
(z.real * 2 + z.imag * 3).sum().backward()
print(z.grad, type(z.real.grad_fn).__name__, type(z.imag.grad_fn).__name__)

# %%
z.grad = None
r = torch.view_as_real(z)
print(r, r.shape, r.dtype, type(r.grad_fn).__name__)
(r ** 2).sum().backward()
print(z.grad, 2 * z.detach())
p = torch.randn(2, 2, requires_grad=True)
q = torch.view_as_complex(p)
print(q, type(q.grad_fn).__name__)
(q * (1 + 1j)).abs().sum().backward()
print(p.grad)

# %%
x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
y = torch.tensor([0.5, -1.0], dtype=torch.float64, requires_grad=True)
w = torch.complex(x, y)
print(w, type(w.grad_fn).__name__)
loss = (w * w).abs().sum()
loss.backward()
print(loss, x.grad, y.grad)

# %%
z2 = torch.tensor([1 + 2j, 3 - 1j], requires_grad=True)
out = z2 * z2
try:
    out.backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    out.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
out.backward(torch.ones_like(out))
print(z2.grad)
z2.grad = None
out2 = (z2 * z2).sum()
g, = torch.autograd.grad(out2, z2, grad_outputs=torch.tensor(1 + 0j))
print(g)
try:
    torch.autograd.grad(z2.abs().sum(), z2, grad_outputs=torch.tensor(1j))
except Exception as e:
    print(type(e).__name__, e)

# %%
s = torch.tensor([0j, 1 + 0j], requires_grad=True)
s.abs().sum().backward()
print(s.grad)
s.grad = None
torch.angle(s).sum().backward()
print(s.grad)
