# Imitates a molecular-vibrations lesson: the Hessian of a harmonic/Morse energy with
# torch.autograd.functional.hessian and torch.func, mass-weighting, normal modes with torch.linalg.eigh,
# pdist / pairwise_distance, and the errors learners hit with the functional API.
import torch
from torch.autograd.functional import hessian, jacobian, hvp, vhp
torch.set_printoptions(precision=4, sci_mode=False)
# a bent triatomic (water-like), flattened coordinates
x0 = torch.tensor([[0.0, 0.0, 0.0], [0.96, 0.0, 0.0], [-0.24, 0.93, 0.0]], dtype=torch.float64)
bonds = torch.tensor([[0, 1], [0, 2]])
def energy(flat, kb=500.0, r0=0.96, ka=50.0, th0=1.82):
    x = flat.view(-1, 3)
    d = x[bonds[:, 1]] - x[bonds[:, 0]]
    r = torch.linalg.vector_norm(d, dim=1)
    cos = (d[0] * d[1]).sum() / (r[0] * r[1])
    th = torch.acos(cos.clamp(-1 + 1e-7, 1 - 1e-7))
    return 0.5 * kb * ((r - r0) ** 2).sum() + 0.5 * ka * (th - th0) ** 2
flat = x0.flatten()
print(energy(flat))
H = hessian(energy, flat)
print(H.shape, H.dtype, H.requires_grad)
print(H[:3, :3])
print(torch.allclose(H, H.T))

# %%
masses = torch.tensor([16.0, 1.0, 1.0], dtype=torch.float64).repeat_interleave(3)
Minv = masses.rsqrt()
Hm = Minv[:, None] * H * Minv[None, :]
w, V = torch.linalg.eigh(Hm)
print(w)
freqs = torch.sqrt(torch.clamp(w, min=0))
print(freqs[-3:])
print(V[:, -1])
print((w.abs() < 1e-6).sum())
print(torch.linalg.eigvalsh(Hm)[-3:])

# %%
# Hessian by double backward and by torch.func
f = flat.clone().requires_grad_(True)
E = energy(f)
g, = torch.autograd.grad(E, f, create_graph=True)
print(g.grad_fn)
rows = [torch.autograd.grad(g[i], f, retain_graph=True)[0] for i in range(9)]
H2 = torch.stack(rows)
print((H2 - H).abs().max())
H3 = torch.func.hessian(energy)(flat)
print((H3 - H).abs().max())
H4 = hessian(energy, flat, vectorize=True)
print((H4 - H).abs().max())
H5 = hessian(energy, flat, create_graph=True)
print(H5.requires_grad, H5.grad_fn is None)
Hf = torch.func.jacfwd(torch.func.grad(energy))(flat)
print((Hf - H).abs().max())

# %%
# forces, the Jacobian of the forces, hvp along a normal mode
force = lambda p: -torch.func.grad(energy)(p)
J = jacobian(force, flat)
print((J + H).abs().max())
_, hv = hvp(energy, flat, V[:, -1])
print(hv / V[:, -1] * Minv.reciprocal() ** 2 / w[-1] if False else hv)
_, vh = vhp(energy, flat, V[:, -1])
print((hv - vh).abs().max())

# %%
# pdist and pairwise_distance
torch.manual_seed(0)
pts = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
pd = torch.pdist(pts)
print(pd, pd.grad_fn)
print(torch.nn.functional.pdist(pts, p=1))
i, j = torch.triu_indices(5, 5, 1)
print((pd - torch.cdist(pts, pts)[i, j]).abs().max())
pd.sum().backward()
print(pts.grad)
pw = torch.nn.functional.pairwise_distance(pts[i], pts[j])
print(pw - pd, pw.grad_fn)
print(torch.dist(pts[0], pts[1]), torch.dist(pts[0], pts[1], p=1).grad_fn)

# %%
# a batch of configurations: cdist on 3-D input
torch.manual_seed(1)
B = torch.randn(2, 4, 3, requires_grad=True)
Db = torch.cdist(B, B)
print(Db.shape, Db[1])
Db.pow(2).sum().backward()
print(B.grad[0])
print(torch.cdist(B, B, compute_mode='donot_use_mm_for_euclid_dist')[0, 0])
try:
    torch.cdist(B, B[:, :, :2])
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    torch.cdist(B, B, p=-1)
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    torch.pdist(B)
except Exception as ex:
    print(type(ex).__name__, ex)

# %%
# errors with the functional API
try:
    hessian(lambda p: p ** 2, flat)
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    jacobian(lambda p: p.sum(), [flat])
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    hvp(energy, flat, torch.ones(3, dtype=torch.float64))
except Exception as ex:
    print(type(ex).__name__, ex)
print(jacobian(lambda p: p.sum(), (flat,))[0][:3])
print(hessian(lambda a, b: (a * b).sum(), (flat[:2], flat[2:4])))
try:
    hessian(lambda p: (p * 0).sum() + 1.0, flat, strict=True)
except Exception as ex:
    print(type(ex).__name__, ex)

# %%
# what a second derivative goes through: the graph of the gradient itself (create_graph=True)
th = torch.tensor([0.3, 1.2], dtype=torch.float64, requires_grad=True)
for f in (torch.asin, torch.acos, torch.atan, torch.sqrt, torch.log10, torch.exp2):
    g, = torch.autograd.grad(f(th * 0.5).sum(), th, create_graph=True)
    print(f.__name__, g.grad_fn.name(), [n.name() if n else None for n, _ in g.grad_fn.next_functions])
r = torch.linalg.vector_norm(f_ := flat.clone().requires_grad_(True))
gr, = torch.autograd.grad(r, f_, create_graph=True)
print([n.name() for n, _ in gr.grad_fn.next_functions[1][0].next_functions[0][0].next_functions])
s = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
gs, = torch.autograd.grad(s.std(), s, create_graph=True)
print(gs.grad_fn.next_functions[1][0].name(), gs.grad_fn.next_functions[1][0].next_functions[0][0].name())
