# Imitates a "meshes in PyTorch" tutorial: vertices + long faces, gathering triangle corners with index_select and
# fancy indexing, face normals with cross products, vertex normals accumulated with index_add_ / scatter_add_,
# edges and a Laplacian (dense and sparse adjacency), Laplacian smoothing, fitting a mesh to target points with Adam,
# and the mistakes: faces as float, in-place on a leaf vertex tensor, int32 indices.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
verts = torch.tensor([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.5, 0.5, 0.8]])
faces = torch.tensor([[0, 1, 4], [1, 2, 4], [2, 3, 4], [3, 0, 4], [0, 2, 1], [0, 3, 2]])
print(faces.dtype, faces.shape)
tri = verts[faces]
print(tri.shape)
v0 = verts.index_select(0, faces[:, 0])
v1, v2 = verts[faces[:, 1]], verts[faces[:, 2]]
print(torch.equal(v0, tri[:, 0]))
fn = torch.linalg.cross(v1 - v0, v2 - v0, dim=-1)
area = 0.5 * fn.norm(dim=-1)
print(area, area.sum())
F.normalize(fn, dim=-1)

# %%
vn = torch.zeros_like(verts)
for k in range(3):
    vn.index_add_(0, faces[:, k], fn)
print(F.normalize(vn, dim=1))
vn2 = torch.zeros_like(verts).scatter_add_(0, faces.reshape(-1, 1).expand(-1, 3), fn.repeat_interleave(3, dim=0))
print(torch.allclose(vn, vn2))
print(torch.zeros(5, 3).index_add(0, faces[:, 0], fn, alpha=2.0))

# %%
faces.float()[0]
verts[faces.float()]

# %%
verts.index_select(0, faces[:, 0].float())

# %%
torch.zeros_like(verts).index_add_(0, faces[:, 0].int(), fn)

# %%
torch.zeros_like(verts).index_add_(0, faces[:, 0], fn.double())

# %%
torch.zeros(5, 3).scatter_add_(0, faces.reshape(-1, 1).expand(-1, 3).int(), fn.repeat_interleave(3, dim=0))

# %%
torch.zeros(5, 3).index_add_(0, torch.tensor([0, 7]), torch.ones(2, 3))

# %%
e = torch.cat([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]], dim=0)
e = torch.sort(e, dim=1).values
edges = torch.unique(e, dim=0)
print(edges.shape, edges[:4])
A = torch.zeros(5, 5)
A[edges[:, 0], edges[:, 1]] = 1.0
A[edges[:, 1], edges[:, 0]] = 1.0
deg = A.sum(1)
L = torch.diag(deg) - A
print(deg, L.sum(1))
A_sp = torch.sparse_coo_tensor(torch.cat([edges.T, edges.T.flip(0)], dim=1), torch.ones(2 * edges.shape[0]), (5, 5))
print(A_sp.is_sparse, torch.allclose(A_sp.to_dense(), A))
print(torch.sparse.mm(A_sp, verts) - A @ verts)

# %%
def laplacian_smooth(v, A, lam=0.5):
    nb = (A @ v) / A.sum(1, keepdim=True)
    return v + lam * (nb - v)
vs = verts.clone()
for _ in range(3):
    vs = laplacian_smooth(vs, A)
print(vs)
print(torch.sparse.sum(A_sp, dim=1).to_dense())
vs2 = verts + 0.5 * (torch.sparse.mm(A_sp, verts) / deg[:, None] - verts)
print(vs2[:2])

# %%
V = verts.clone().requires_grad_()
V[0] = torch.tensor([0.1, 0.1, 0.1])

# %%
V.add_(0.1)

# %%
with torch.no_grad():
    V[4, 2] += 0.2
print(V.is_leaf, V[4], V.grad_fn)
V.data[0] = 0.0
print(V[0])

# %%
torch.manual_seed(1)
target = verts + 0.05 * torch.randn_like(verts)
target[4, 2] = 1.2
offset = torch.zeros_like(verts, requires_grad=True)
opt = torch.optim.Adam([offset], lr=0.01)
for it in range(100):
    opt.zero_grad()
    V = verts + offset
    fit = ((V - target) ** 2).sum(1).mean()
    lap = ((L @ V) ** 2).sum(1).mean()
    loss = fit + 0.1 * lap
    loss.backward()
    opt.step()
    if it % 25 == 0:
        print(it, f"{fit.item():.4f} {lap.item():.4f}")
print(offset.grad.shape, loss.grad_fn)

# %%
def vertex_normals(V, faces):
    a, b, c = V[faces[:, 0]], V[faces[:, 1]], V[faces[:, 2]]
    n = torch.cross(b - a, c - a, dim=1)
    out = torch.zeros_like(V).index_add(0, faces[:, 0], n).index_add(0, faces[:, 1], n).index_add(0, faces[:, 2], n)
    return F.normalize(out, dim=1)

Vg = verts.clone().requires_grad_()
nrm = vertex_normals(Vg, faces)
nrm[:, 2].sum().backward()
print(nrm.grad_fn, Vg.grad)
print(torch.cross(verts[:2], verts[2:4]))
