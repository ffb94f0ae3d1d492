# Imitates the "implicit layers" tutorial (Deep Equilibrium models): a fixed-point solve under no_grad, one
# re-engaging step, and a backward hook that solves the adjoint fixed point with autograd.grad inside the hook.
import torch
import torch.nn as nn

torch.manual_seed(0)

def fixed_point(f, z0, iters=50, tol=1e-5):
    z = z0
    for k in range(iters):
        z_next = f(z)
        if (z_next - z).norm() / (1e-5 + z_next.norm()) < tol:
            return z_next, k
        z = z_next
    return z, iters

class DEQ(nn.Module):
    def __init__(self, d=6):
        super().__init__()
        self.lin = nn.Linear(d, d, bias=False)
        nn.init.normal_(self.lin.weight, 0, 0.1)
        self.hooks = []
    def f(self, z, x):
        return torch.tanh(self.lin(z) + x)
    def forward(self, x):
        with torch.no_grad():
            z, self.steps = fixed_point(lambda z: self.f(z, x), torch.zeros_like(x))
        z = self.f(z, x)
        z0 = z.clone().detach().requires_grad_()
        f0 = self.f(z0, x)
        def backward_hook(grad):
            g, _ = fixed_point(lambda y: torch.autograd.grad(f0, z0, y, retain_graph=True)[0] + grad, grad)
            return g
        if z.requires_grad:
            z.register_hook(backward_hook)
        return z

deq = DEQ()
x = torch.randn(4, 6, requires_grad=True)
z = deq(x)
print(deq.steps, z.shape, z.grad_fn)
print((z - deq.f(z, x)).abs().max() < 1e-4)

# %%
z.sum().backward()
print(x.grad[0])
print(deq.lin.weight.grad.norm())

# %%
# check against unrolled differentiation
x2 = x.detach().clone().requires_grad_()
zz = torch.zeros_like(x2)
for _ in range(60):
    zz = deq.f(zz, x2)
zz.sum().backward()
print(torch.allclose(x2.grad, x.grad, atol=1e-4))

# %%
h = torch.ones(2, requires_grad=True)
mid = h * 3
handle = mid.register_hook(lambda g: print("hook sees", g) or g * 0.5)
mid.retain_grad()
(mid ** 2).sum().backward()
print(mid.grad, h.grad)
handle.remove()
print(type(handle).__name__)

# %%
opt = torch.optim.SGD(deq.parameters(), lr=0.1)
target = torch.randn(4, 6).tanh()
for it in range(4):
    opt.zero_grad()
    loss = (deq(x.detach()) - target).pow(2).mean()
    loss.backward()
    opt.step()
    print(it, deq.steps, round(loss.item(), 5))
