# Imitates the pointwise-math "Example::" blocks (torch.xlogy, torch.sqrt, torch.abs, torch.clamp with tensor bounds,
# torch.logit with and without eps, torch.hypot, torch.copysign with -0.0, torch.lerp with tensor weights) turned
# into autograd exercises, as in the "gradients at the edge points" questions of the PyTorch forums: the learner
# puts requires_grad on the docs' inputs, calls backward and prints the gradients at 0, at the bounds, outside the
# domain.
import torch

# %%
x = torch.zeros(5, requires_grad=True)
y = torch.tensor([-1, 0, 1, float('inf'), float('nan')], requires_grad=True)
out = torch.xlogy(x, y)
print(out)
out.sum().backward()
print(x.grad, y.grad)

# %%
a = torch.tensor([0.0, 1.0, -1.0, 2.0], requires_grad=True)
for f in (torch.sqrt, torch.abs, torch.rsqrt, torch.sgn, torch.special.entr):
    a.grad = None
    f(a).sum().backward()
    print(f.__name__, a.grad)

# %%
p = torch.tensor([-0.5, 0.0, 0.3, 1.0, 1.5], requires_grad=True)
print(torch.logit(p))
torch.logit(p).sum().backward()
print(p.grad)
p.grad = None
torch.logit(p, eps=0.2).sum().backward()
print(p.grad)
p.grad = None
torch.special.logit(p.double(), eps=-1.0).sum().backward()
print(p.grad)

# %%
x = torch.tensor([1.0, 5.0, 3.0, 2.0], requires_grad=True)
lo = torch.tensor([4.0, 4.0, 3.0, 0.0], requires_grad=True)
hi = torch.tensor([2.0, 2.0, 3.0, 2.0], requires_grad=True)
y = torch.clamp(x, lo, hi)
print(y)
y.sum().backward()
print(x.grad, lo.grad, hi.grad)
x.grad = None
torch.clamp(x, min=2.0, max=3.0).sum().backward()
print(x.grad)
x.grad = None
torch.clip(x, min=4.0, max=2.0).sum().backward()
print(x.grad)

# %%
a = torch.tensor([0.0, 3.0, -4.0], requires_grad=True)
b = torch.tensor([0.0, 4.0, 0.0], requires_grad=True)
torch.hypot(a, b).sum().backward()
print(a.grad, b.grad)
a.grad = None
c = torch.copysign(a, -0.0)
print(c)
c.sum().backward()
print(a.grad)
a.grad = None
b.grad = None
torch.copysign(a, b).sum().backward()
print(a.grad, b.grad)

# %%
start = torch.arange(1., 5., requires_grad=True)
end = torch.full((4,), 10.0, requires_grad=True)
w = torch.tensor([0.0, 0.25, 0.75, 1.5], requires_grad=True)
out = torch.lerp(start, end, w)
print(out, out.grad_fn)
out.sum().backward()
print(start.grad, end.grad, w.grad)
