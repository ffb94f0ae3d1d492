# Imitates spectral-GNN tutorials (Defferrard et al.'s ChebNet as "GNNs from scratch" blog posts and course notebooks
# write it in plain PyTorch): the normalised Laplacian L = I - D^-1/2 A D^-1/2 built as a sparse COO tensor from an
# edge list (degrees with bincount, pow(-0.5) and the isolated node's inf masked), the rescaled L~ = 2L/lmax - I,
# the Chebyshev recursion T_k = 2 L~ T_{k-1} - T_{k-2} with torch.sparse.mm, and a small ChebConv trained on it.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(7)
N = 7
edge_index = torch.tensor([[0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 0, 2],
                           [1, 0, 2, 1, 3, 2, 4, 3, 5, 4, 2, 0]])   # node 6 has no edges
row, col = edge_index
deg = torch.bincount(row, minlength=N).float()
print(deg)
d_inv_sqrt = deg.pow(-0.5)
print(d_inv_sqrt)
d_inv_sqrt = d_inv_sqrt.masked_fill(torch.isinf(d_inv_sqrt), 0.)
w = d_inv_sqrt[row] * d_inv_sqrt[col]
A_norm = torch.sparse_coo_tensor(edge_index, w, (N, N))
I = torch.sparse_coo_tensor(torch.arange(N).repeat(2, 1), torch.ones(N), (N, N))
print(A_norm.is_coalesced(), I.is_coalesced())

# %%
L = I - A_norm
print(L)
L = L.coalesce()
print(L.values()[:5], L.is_coalesced(), L._nnz())
print(torch.allclose(L.to_dense(), torch.eye(N) - A_norm.to_dense()))
print(torch.sub(I, A_norm, alpha=0.5).coalesce().values()[:4])

# %%
evals = torch.linalg.eigvalsh(L.to_dense())
print(evals)
lmax = evals.max()
L_tilde = (L * (2.0 / lmax) - I).coalesce()
print(L_tilde.values()[:6])
print((L_tilde - L_tilde.t()).coalesce().values().abs().max())

# %%
def cheb_basis(L_t, x, K):
    Tx = [x, torch.sparse.mm(L_t, x)]
    for _ in range(2, K):
        Tx.append(2 * torch.sparse.mm(L_t, Tx[-1]) - Tx[-2])
    return Tx[:K]

x = torch.randn(N, 3)
Tx = cheb_basis(L_tilde, x, 4)
print([t.shape for t in Tx])
print(Tx[2][:2], Tx[3][:2])

# %%
class ChebConv(nn.Module):
    def __init__(self, c_in, c_out, K):
        super().__init__()
        self.K = K
        self.lins = nn.ModuleList([nn.Linear(c_in, c_out, bias=False) for _ in range(K)])
        self.bias = nn.Parameter(torch.zeros(c_out))

    def forward(self, x, L_t):
        Tx = cheb_basis(L_t, x, self.K)
        return sum(lin(t) for lin, t in zip(self.lins, Tx)) + self.bias

conv = ChebConv(3, 2, K=3)
out = conv(x, L_tilde)
print(out, out.grad_fn)
out.pow(2).sum().backward()
print(conv.lins[2].weight.grad)
print(conv.bias.grad)

# %%
y = torch.tensor([0, 0, 0, 1, 1, 1, 1])
train_mask = torch.tensor([True, False, True, False, True, False, True])
model = nn.ModuleList([ChebConv(3, 8, K=3), ChebConv(8, 2, K=3)])
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for epoch in range(25):
    opt.zero_grad()
    h = F.relu(model[0](x, L_tilde))
    logits = model[1](h, L_tilde)
    loss = F.cross_entropy(logits[train_mask], y[train_mask])
    loss.backward()
    opt.step()
    if epoch % 8 == 0:
        acc = (logits.argmax(1)[~train_mask] == y[~train_mask]).float().mean()
        print(f"epoch {epoch:2d} loss {loss.item():.4f} test acc {acc:.3f}")

# %%
# what a learner tries on the way: a number or a dense matrix subtracted from a sparse one, the other order
for make in [lambda: 1 - A_norm,
             lambda: A_norm - torch.eye(N),
             lambda: A_norm.sub(0.5),
             lambda: torch.ones(N) - A_norm,
             lambda: 1 + A_norm,
             lambda: torch.eye(N) - A_norm,
             lambda: torch.eye(N).to_sparse() - A_norm]:
    try:
        r = make()
        print(r.layout, r.shape, r.is_sparse)
    except Exception as e:
        print(type(e).__name__, e)

# %%
v = torch.rand(edge_index.size(1), requires_grad=True)
A_w = torch.sparse_coo_tensor(edge_index, v, (N, N))
L_w = I - A_w
print(L_w.grad_fn, L_w.requires_grad)
torch.sparse.mm(L_w, torch.ones(N, 1)).sum().backward()
print(v.grad)
