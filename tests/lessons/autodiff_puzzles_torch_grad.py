# Imitates Sasha Rush's "Autodiff Puzzles" (srush/Autodiff-Puzzles) done the other way round, as learners post their
# solutions: write f(x) in plain PyTorch, derive the gradient by hand, and check it against torch.autograd.grad /
# .backward() and torch.autograd.functional.jacobian for elementwise, reduction, broadcasting, index, cumsum, roll,
# repeat, expand, matmul and conv-like (unfold / conv1d) puzzles.
import torch

torch.manual_seed(0)
x = torch.tensor([1., -2., 3., 0.5], requires_grad=True)
y = torch.tensor([0.5, 2., -1.], requires_grad=True)

def check(name, out, inputs, hand):
    got = torch.autograd.grad(out, inputs, retain_graph=True)
    ok = all(torch.allclose(g, h) for g, h in zip(got, hand))
    print(f"{name:12s}", "ok" if ok else "WRONG", [g.tolist() for g in got])

check("square", (x ** 2).sum(), x, [2 * x.detach()])
check("sigmoid", torch.sigmoid(x).sum(), x, [torch.sigmoid(x) * (1 - torch.sigmoid(x))])
check("relu", torch.where(x > 0, x, 0 * x).sum(), x, [(x > 0).float()])
check("relu0", torch.where(x > 0, x, 0.).sum(), x, [(x > 0).float()])
check("outer", (x[:, None] * y[None, :]).sum(), [x, y], [y.sum().expand(4), x.sum().expand(3)])
X = torch.arange(6.).view(2, 3).requires_grad_()
check("sum0", (X.sum(0) ** 2).sum(), X, [2 * X.sum(0).expand(2, 3)])
check("mean1", X.mean(1).sum(), X, [torch.full((2, 3), 1 / 3)])

# %%
t = torch.tensor([1., 3., 3., 2.], requires_grad=True)
check("max", t.max(), t, [torch.tensor([0., 0.5, 0.5, 0.])])
check("max_dim", t.max(0).values, t, [torch.tensor([0., 1., 0., 0.])])
check("amax", t.amax(), t, [torch.tensor([0., 0.5, 0.5, 0.])])
idx = torch.tensor([0, 0, 2])
check("index", x[idx].sum(), x, [torch.tensor([2., 0., 1., 0.])])
check("index_w", (x[idx] * torch.tensor([1., 2., 3.])).sum(), x, [torch.tensor([3., 0., 3., 0.])])
check("cumsum", (x.cumsum(0) * torch.arange(4.)).sum(), x, [torch.tensor([6., 6., 5., 3.])])
check("roll", (torch.roll(x, 1) * torch.arange(4.)).sum(), x, [torch.tensor([1., 2., 3., 0.])])
check("flip", (x.flip(0) * torch.arange(4.)).sum(), x, [torch.tensor([3., 2., 1., 0.])])
check("repeat", (x.repeat(2) * torch.arange(8.)).sum(), x, [torch.tensor([4., 6., 8., 10.])])
check("interleave", (x.repeat_interleave(2) * torch.arange(8.)).sum(), x, [torch.tensor([1., 5., 9., 13.])])
check("expand", x.expand(3, 4).sum(), x, [torch.full((4,), 3.)])
check("diff", (torch.diff(x) ** 2).sum(), x, [torch.tensor([6., -16., 15., -5.])])

# %%
W = torch.tensor([[1., 0., -1.], [2., 1., 0.]], requires_grad=True)
check("matvec", (W @ y).sum(), [W, y], [y.expand(2, 3), W.sum(0)])
check("dot", y @ y, y, [2 * y])
k = torch.tensor([1., -1.], requires_grad=True)
conv = torch.stack([x[i:i + 2] @ k for i in range(3)])
check("conv_loop", conv.sum(), [x, k], [torch.tensor([1., 0., 0., -1.]), torch.tensor([x[:3].sum(), x[1:].sum()])])
check("unfold", (x.unfold(0, 2, 1) @ k).sum(), [x, k], [torch.tensor([1., 0., 0., -1.]), torch.tensor([x[:3].sum(), x[1:].sum()])])
c1 = torch.nn.functional.conv1d(x.view(1, 1, 4), k.view(1, 1, 2))
check("conv1d", c1.sum(), [x, k], [torch.tensor([1., 0., 0., -1.]), torch.tensor([x[:3].sum(), x[1:].sum()])])
print(c1, c1.grad_fn.name())

# %%
J = torch.autograd.functional.jacobian
print(J(lambda v: v.cumsum(0), x.detach()))
print(J(lambda v: torch.roll(v, 1), x.detach()))
print(J(lambda v: torch.zeros(3).scatter_add(0, torch.tensor([0, 2, 2, 1]), v), x.detach()))
print(J(lambda v: torch.nn.functional.conv1d(v.view(1, 1, -1), torch.tensor([[[1., 2., 1.]]]), padding=1).flatten(), x.detach()))
print(J(lambda a, b: (a[:2] * b[:2], a[:3] @ b), (x.detach(), y.detach())))
print(torch.autograd.functional.hessian(lambda v: (v ** 3).sum(), x.detach()[:2]))

# %%
# .backward() accumulates: the learner's classic surprise
x.grad = None
(x ** 2).sum().backward()
print(x.grad)
(x ** 2).sum().backward()
print(x.grad)
x.grad.zero_()
(x * torch.arange(4)).sum().backward()
print(x.grad, x.grad.dtype)
s = x.exp().sum()
s.backward()
try:
    s.backward()
except Exception as e:
    print(type(e).__name__, str(e)[:80])
try:
    (x * 2).backward()
except Exception as e:
    print(type(e).__name__, e)
