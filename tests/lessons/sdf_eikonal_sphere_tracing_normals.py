# Imitates a "neural implicit surfaces" course notebook: signed distance functions for a sphere, a box and a torus
# written with torch.norm(dim=-1), clamp and torch.maximum, smooth unions with logsumexp and a polynomial smooth-min,
# normals as the SDF's gradient from torch.autograd.grad(create_graph=True), an Eikonal loss trained through the
# double backward, sphere tracing in a fixed-step loop, and the mistakes learners make on the way.
import torch
import torch.nn as nn

torch.manual_seed(0)

def sd_sphere(p, r=1.0):
    return torch.norm(p, dim=-1) - r

def sd_box(p, b):
    q = p.abs() - b
    outside = torch.norm(torch.clamp(q, min=0.0), dim=-1)
    inside = torch.clamp(torch.max(q, dim=-1).values, max=0.0)
    return outside + inside

def sd_torus(p, R=1.0, r=0.25):
    q = torch.stack([torch.norm(p[..., [0, 2]], dim=-1) - R, p[..., 1]], dim=-1)
    return q.norm(dim=-1) - r

pts = torch.tensor([[0.0, 0.0, 0.0], [1.5, 0.0, 0.0], [0.3, 0.4, 0.5], [-1.0, 2.0, 0.5]])
print(sd_sphere(pts))
print(sd_box(pts, torch.tensor([0.5, 0.5, 0.5])))
print(sd_torus(pts))
print(sd_sphere(pts).grad_fn, sd_box(pts, torch.tensor([0.5, 0.5, 0.5])).dtype)

# %%
def smooth_union_lse(a, b, k=8.0):
    return -torch.logsumexp(torch.stack([-k * a, -k * b], dim=-1), dim=-1) / k

def smooth_min_poly(a, b, k=0.3):
    h = torch.clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0)
    return torch.lerp(b, a, h) - k * h * (1.0 - h)

p = torch.randn(6, 3)
d1 = sd_sphere(p - torch.tensor([0.5, 0.0, 0.0]), 0.6)
d2 = sd_box(p + torch.tensor([0.5, 0.0, 0.0]), torch.full((3,), 0.4))
print(torch.minimum(d1, d2))
print(smooth_union_lse(d1, d2))
print(smooth_min_poly(d1, d2))
print(torch.maximum(d1, -d2))
print(smooth_union_lse(d1, d2).grad_fn, smooth_min_poly(d1, d2).grad_fn)

# %%
x = torch.randn(5, 3, requires_grad=True)
d = sd_box(x, torch.tensor([0.5, 0.3, 0.2]))
(n,) = torch.autograd.grad(d.sum(), x, create_graph=True)
print(n)
print(n.norm(dim=-1))
print(n.grad_fn, n.requires_grad)
normals = torch.nn.functional.normalize(n, dim=-1)
print(normals)

# %%
x = torch.randn(4, 3, requires_grad=True)
d = sd_torus(x)
g = torch.autograd.grad(d, x, grad_outputs=torch.ones_like(d), create_graph=True)[0]
print(g)
lap = sum(torch.autograd.grad(g[:, i].sum(), x, retain_graph=True)[0][:, i] for i in range(3))
print(lap)

# %%
class SDFNet(nn.Module):
    def __init__(self, h=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, h), nn.Softplus(beta=10), nn.Linear(h, h), nn.Softplus(beta=10),
                                 nn.Linear(h, 1))

    def forward(self, p):
        return self.net(p).squeeze(-1)

torch.manual_seed(1)
model = SDFNet()
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(15):
    surf = torch.nn.functional.normalize(torch.randn(32, 3), dim=-1)
    free = (torch.rand(32, 3) * 2 - 1).requires_grad_(True)
    pred = model(free)
    (grad,) = torch.autograd.grad(pred.sum(), free, create_graph=True)
    eik = ((grad.norm(dim=-1) - 1.0) ** 2).mean()
    on = model(surf).abs().mean()
    fit = ((pred - sd_sphere(free.detach())) ** 2).mean()
    loss = on + 0.1 * eik + fit
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, round(loss.item(), 4), round(eik.item(), 4))
print(model.net[0].weight.grad.norm())

# %%
def sphere_trace(sdf, origins, dirs, steps=20):
    t = torch.zeros(origins.shape[0])
    for _ in range(steps):
        p = origins + t[:, None] * dirs
        t = t + sdf(p)
    return t, origins + t[:, None] * dirs

origins = torch.tensor([[0.0, 0.0, -3.0], [0.3, 0.2, -3.0], [2.0, 2.0, -3.0]])
dirs = torch.nn.functional.normalize(torch.tensor([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]), dim=-1)
radius = torch.tensor(1.0, requires_grad=True)
t, hitp = sphere_trace(lambda p: sd_sphere(p, radius), origins, dirs)
print(t)
hit = sd_sphere(hitp, radius).abs() < 1e-3
print(hit)
t[hit].sum().backward()
print(radius.grad)

# %%
x = torch.randn(3, 3)
d = sd_sphere(x)
torch.autograd.grad(d.sum(), x)

# %%
x = torch.randn(3, 3, requires_grad=True)
d = sd_sphere(x)
torch.autograd.grad(d, x)

# %%
x = torch.randn(3, 3, requires_grad=True)
d = sd_sphere(x)
g = torch.autograd.grad(d.sum(), x)[0]
print(g.requires_grad, g.grad_fn)
(g.norm(dim=-1) - 1).pow(2).mean().backward()

# %%
a = torch.randn(4, 3, requires_grad=True)
print(torch.clamp(a, min=torch.zeros(3), max=torch.ones(3)))
print(torch.clamp(a, 0.5, -0.5))
try:
    torch.clamp(a)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.maximum(a, 0.0)
except TypeError as e:
    print(type(e).__name__, e)
print(torch.logsumexp(a, dim=(0, 1)), torch.logsumexp(a, -1, keepdim=True).shape)
try:
    torch.logsumexp(a)
except TypeError as e:
    print(type(e).__name__, str(e)[:200])
