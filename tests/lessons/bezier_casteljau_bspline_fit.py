# Imitates a "curves for graphics" course notebook: Bezier curves by de Casteljau's algorithm with torch.lerp
# (scalar, tensor and broadcast weights), Bernstein polynomials with torch.special / lgamma binomials, a B-spline
# basis by the Cox-de Boor recursion, fitting control points to noisy samples by least squares (torch.linalg.lstsq)
# and by gradient descent, arc length with diff and norm, and the mistakes learners make on the way.
import math
import torch

torch.manual_seed(0)
ctrl = torch.tensor([[0.0, 0.0], [1.0, 2.0], [3.0, 3.0], [4.0, 0.0]], requires_grad=True)

def de_casteljau(P, t):
    pts = P.unsqueeze(0).expand(t.shape[0], -1, -1)
    while pts.shape[1] > 1:
        pts = torch.lerp(pts[:, :-1], pts[:, 1:], t[:, None, None])
    return pts[:, 0]

t = torch.linspace(0, 1, 5)
curve = de_casteljau(ctrl, t)
print(curve)
print(curve.grad_fn)
curve.sum().backward()
print(ctrl.grad)

# %%
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 0.0, -1.0], requires_grad=True)
w = torch.tensor([0.25, 0.5, 0.9], requires_grad=True)
out = torch.lerp(a, b, w)
print(out, out.grad_fn)
out.pow(2).sum().backward()
print(a.grad, b.grad, w.grad)
print(torch.lerp(a, b, 0.5), a.lerp(b, 1.5))
print(torch.lerp(a.detach(), b.detach(), torch.tensor([[0.0], [1.0]])))

# %%
try:
    torch.lerp(torch.arange(3), torch.arange(3), 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.lerp(torch.ones(3), torch.ones(3, dtype=torch.float64), 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.lerp(torch.ones(3), torch.ones(3), torch.tensor([0.5], dtype=torch.float64))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.lerp(torch.ones(3), torch.ones(4), 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
def bernstein(n, i, t):
    binom = torch.exp(torch.lgamma(torch.tensor(n + 1.0)) - torch.lgamma(torch.tensor(i + 1.0))
                      - torch.lgamma(torch.tensor(n - i + 1.0)))
    return binom * t ** i * (1 - t) ** (n - i)

t = torch.linspace(0, 1, 7, dtype=torch.float64)
B = torch.stack([bernstein(3, i, t) for i in range(4)], dim=-1)
print(B)
print(B.sum(-1))
print(math.comb(3, 1), torch.special.gammaln(torch.tensor(4.0)))

# %%
def bspline_basis(x, knots, i, k):
    if k == 0:
        return ((knots[i] <= x) & (x < knots[i + 1])).to(x.dtype)
    left_den = knots[i + k] - knots[i]
    right_den = knots[i + k + 1] - knots[i + 1]
    left = (x - knots[i]) / left_den * bspline_basis(x, knots, i, k - 1) if left_den > 0 else torch.zeros_like(x)
    right = ((knots[i + k + 1] - x) / right_den * bspline_basis(x, knots, i + 1, k - 1)
             if right_den > 0 else torch.zeros_like(x))
    return left + right

knots = torch.tensor([0.0, 0.0, 0.0, 0.0, 0.5, 1.0, 1.0, 1.0, 1.0])
x = torch.linspace(0, 0.999, 9)
N = torch.stack([bspline_basis(x, knots, i, 3) for i in range(len(knots) - 4)], dim=-1)
print(N)
print(N.sum(-1))
print(N.shape, N.dtype)

# %%
torch.manual_seed(0)
xs = torch.linspace(0, 0.999, 40)
ys = torch.sin(2 * math.pi * xs) + 0.05 * torch.randn(40)
A = torch.stack([bspline_basis(xs, knots, i, 3) for i in range(5)], dim=-1)
sol = torch.linalg.lstsq(A, ys.unsqueeze(-1))
print(sol.solution.squeeze(-1))
print(torch.linalg.matrix_rank(A))
coef = torch.zeros(5, requires_grad=True)
opt = torch.optim.SGD([coef], lr=0.5)
for step in range(30):
    loss = ((A @ coef - ys) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(round(loss.item(), 5), coef)

# %%
torch.manual_seed(0)
target = torch.stack([torch.linspace(0, 4, 20), torch.sin(torch.linspace(0, 3, 20)) * 2], dim=-1)
P = torch.tensor([[0.0, 0.0], [1.0, 1.0], [3.0, 1.0], [4.0, 0.0]], requires_grad=True)
opt = torch.optim.Adam([P], lr=0.05)
tt = torch.linspace(0, 1, 20)
for step in range(40):
    c = de_casteljau(P, tt)
    loss = (c - target).pow(2).sum(-1).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(round(loss.item(), 5))
print(P)
seg = torch.diff(de_casteljau(P, torch.linspace(0, 1, 50)), dim=0)
print(seg.norm(dim=-1).sum(), torch.linalg.vector_norm(seg, dim=1).sum())

# %%
P = torch.randn(4, 2, requires_grad=True)
tq = torch.tensor(0.3, requires_grad=True)
c = de_casteljau(P, tq.reshape(1))[0]
(dc,) = torch.autograd.grad(c.sum(), tq, create_graph=True)
print(dc)
(d2c,) = torch.autograd.grad(dc, tq)
print(d2c)

# %%
P = torch.randn(4, 2)
de_casteljau(P, 0.5)

# %%
P = torch.tensor([[0.0, 0.0], [1.0, 2.0], [3.0, 3.0], [4.0, 0.0]])
t = torch.linspace(0, 1, 5)
for dt in (torch.float16, torch.bfloat16):
    c = de_casteljau(P.to(dt), t.to(dt))
    print(c.dtype, c)
    print(torch.lerp(P[0].to(dt), P[3].to(dt), torch.tensor(0.3)))
w = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
a = torch.tensor([1.0, 2.0], requires_grad=True)
out = torch.lerp(a, torch.tensor([3.0, -1.0]), w)
out.sum().backward()
print(out, a.grad, a.grad.dtype, w.grad)
