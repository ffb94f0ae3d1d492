# Imitates the hand-written Poincare-ball lessons (Poincare embeddings tutorials and geoopt-free blog posts):
# Mobius addition, the Poincare distance with acosh / atanh and clamping near the boundary, exponential and
# logarithmic maps with tanh and norm(dim=-1, keepdim=True), and what happens to points on the boundary.
import torch

torch.manual_seed(0)
EPS = 1e-5

# %%
def mobius_add(x, y, c=1.0):
    xy = (x * y).sum(dim=-1, keepdim=True)
    x2 = x.pow(2).sum(dim=-1, keepdim=True)
    y2 = y.pow(2).sum(dim=-1, keepdim=True)
    num = (1 + 2 * c * xy + c * y2) * x + (1 - c * x2) * y
    den = 1 + 2 * c * xy + c ** 2 * x2 * y2
    return num / den.clamp_min(1e-15)

x = torch.tensor([[0.1, 0.2], [0.3, -0.4]], requires_grad=True)
y = torch.tensor([[-0.2, 0.5], [0.0, 0.1]], requires_grad=True)
z = mobius_add(x, y)
print(z)
print(z.grad_fn, z.grad_fn.next_functions)
print(mobius_add(-x, x))

# %%
def poincare_dist(u, v, eps=EPS):
    sq = ((u - v) ** 2).sum(dim=-1)
    nu = (1 - (u ** 2).sum(dim=-1)).clamp(min=eps)
    nv = (1 - (v ** 2).sum(dim=-1)).clamp(min=eps)
    arg = 1 + 2 * sq / (nu * nv)
    return torch.acosh(arg)

d = poincare_dist(x, y)
print(d, d.grad_fn)
d.sum().backward()
print(x.grad)
print(y.grad)

# %%
def dist_atanh(u, v, c=1.0):
    sqrt_c = c ** 0.5
    m = mobius_add(-u, v, c).norm(dim=-1, p=2)
    return 2 / sqrt_c * torch.atanh((sqrt_c * m).clamp(max=1 - EPS))

x.grad = None; y.grad = None
d2 = dist_atanh(x, y)
print(d2)
print(torch.allclose(d, d2, atol=1e-5), (d - d2).abs().max())
d2.sum().backward()
print(x.grad, d2.grad_fn.name())

# %%
def expmap0(v, c=1.0):
    sqrt_c = c ** 0.5
    vn = v.norm(dim=-1, keepdim=True).clamp_min(1e-15)
    return torch.tanh(sqrt_c * vn) * v / (sqrt_c * vn)

def logmap0(y, c=1.0):
    sqrt_c = c ** 0.5
    yn = y.norm(dim=-1, keepdim=True).clamp_min(1e-15)
    return torch.atanh((sqrt_c * yn).clamp(max=1 - 1e-5)) * y / (sqrt_c * yn)

v = torch.randn(4, 3) * 2
p = expmap0(v)
print(p)
print(p.norm(dim=-1))
print(logmap0(p))
print((logmap0(p) - v).abs().max() < 1e-3)
big = torch.tensor([[20.0, 0.0, 0.0]])
print(expmap0(big), expmap0(big).norm(dim=-1))
print(logmap0(expmap0(big)))

# %%
def expmap(x, v, c=1.0):
    vn = v.norm(dim=-1, keepdim=True).clamp_min(1e-15)
    lam = 2 / (1 - c * x.pow(2).sum(-1, keepdim=True)).clamp_min(1e-15)
    second = torch.tanh(c ** 0.5 * lam * vn / 2) * v / (c ** 0.5 * vn)
    return mobius_add(x, second, c)

x0 = torch.tensor([[0.2, 0.1, -0.3]], dtype=torch.float64, requires_grad=True)
v0 = torch.tensor([[0.5, -0.5, 0.25]], dtype=torch.float64, requires_grad=True)
e = expmap(x0, v0)
print(e, e.dtype)
e.norm().backward()
print(x0.grad, v0.grad)

# %%
# points on the boundary: without the clamp, inf and nan
u = torch.tensor([[1.0, 0.0], [0.6, 0.8]], requires_grad=True)
w = torch.tensor([[0.0, 0.5], [0.0, 0.0]])
sq = ((u - w) ** 2).sum(-1)
raw = torch.acosh(1 + 2 * sq / ((1 - (u ** 2).sum(-1)) * (1 - (w ** 2).sum(-1))))
print(raw)
raw.sum().backward()
print(u.grad)
u.grad = None
safe = poincare_dist(u, w)
print(safe)
safe.sum().backward()
print(u.grad)
print(torch.atanh(torch.tensor([1.0, -1.0, 0.99999, 1.0000001])))
print(torch.acosh(torch.tensor([0.5, 1.0, 1.0000001, float('inf')])))

# %%
t = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
a = torch.acosh(t)
a.sum().backward()
print(a, t.grad)
t.grad = None
b = torch.atanh(t * 0.5)
b.sum().backward()
print(b, t.grad, b.grad_fn)
print(torch.arccosh(torch.tensor(2.0)), torch.arctanh(torch.tensor(0.5)))
print(torch.tensor([3.0]).acosh_(), torch.tensor([0.2]).atanh_())
