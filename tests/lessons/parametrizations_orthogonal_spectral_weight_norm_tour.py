# Imitates the torch.nn.utils.parametrizations docs and blog posts on orthogonal RNN weights, spectral and weight
# normalisation: orthogonal with each orthogonal_map and use_trivialization, tall/wide weights, complex weights,
# spectral_norm's n_power_iterations / eps / dim on a ConvTranspose, weight_norm dim=None / dim=1, their errors,
# an optimizer step and removing them.
import torch
import torch.nn as nn
from torch.nn.utils import parametrizations as PZ
import torch.nn.utils.parametrize as P

def attempt(make):
    try:
        out = make()
        print("ok", out if not isinstance(out, nn.Module) else type(out).__name__)
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
for omap in ["matrix_exp", "cayley", "householder"]:
    for triv in [True, False]:
        for shape in [(5, 3), (3, 5)]:
            q = PZ.orthogonal(nn.Linear(*shape), orthogonal_map=omap, use_trivialization=triv)
            W = q.weight
            print(omap, triv, shape, W.shape, list(q.state_dict().keys()))
            print(W)
            k = min(W.shape)
            G = W @ W.T if W.shape[0] < W.shape[1] else W.T @ W
            print((G - torch.eye(k)).abs().max() < 1e-5)

# %%
torch.manual_seed(1)
q = PZ.orthogonal(nn.Linear(4, 4))
print(q)
print(q.parametrizations.weight.original)
print(q.parametrizations.weight[0])
opt = torch.optim.SGD(q.parameters(), lr=0.1)
x = torch.randn(6, 4)
loss = q(x).pow(2).sum()
loss.backward()
print(q.parametrizations.weight.original.grad)
opt.step()
print(q.weight)
print((q.weight @ q.weight.T - torch.eye(4)).abs().max() < 1e-5)

# %%
attempt(lambda: PZ.orthogonal(nn.Linear(3, 3), name="bias"))
attempt(lambda: PZ.orthogonal(nn.Linear(3, 3), orthogonal_map="svd"))
attempt(lambda: PZ.orthogonal(nn.Linear(3, 3), name="nope"))
emb = nn.Embedding(4, 4)
attempt(lambda: PZ.orthogonal(emb))
print(type(emb).__name__)

# %%
torch.manual_seed(2)
qc = PZ.orthogonal(nn.Linear(3, 3).to(torch.complex64))
print(qc.weight.dtype)
print((qc.weight @ qc.weight.conj().T - torch.eye(3)).abs().max() < 1e-5)
print(qc.weight)
print(qc.parametrizations.weight[0].base)
qd = PZ.orthogonal(nn.Linear(3, 3).double(), orthogonal_map="cayley")
print(qd.weight)

# %%
torch.manual_seed(3)
sn = PZ.spectral_norm(nn.Linear(5, 4), n_power_iterations=3, eps=1e-8)
print(sn)
print(list(sn.state_dict().keys()))
print(sn.parametrizations.weight[0]._u, sn.parametrizations.weight[0]._v)
print(sn.parametrizations.weight[0].n_power_iterations, sn.parametrizations.weight[0].eps, sn.parametrizations.weight[0].dim)
sn.train()
w1 = sn.weight
print(torch.linalg.matrix_norm(w1, 2))
sn.eval()
w2 = sn.weight
print(torch.equal(w1, w2), w2)
attempt(lambda: PZ.spectral_norm(nn.Linear(5, 4), n_power_iterations=0))

# %%
torch.manual_seed(4)
ct = PZ.spectral_norm(nn.ConvTranspose2d(3, 2, 3))
print(ct.parametrizations.weight[0].dim)
print(ct.parametrizations.weight[0]._u.shape, ct.parametrizations.weight[0]._v.shape)
print(ct.weight.shape)
sn1 = PZ.spectral_norm(nn.Linear(5, 4), dim=1)
print(sn1.parametrizations.weight[0]._u.shape, sn1.parametrizations.weight[0]._v.shape)
b = nn.Linear(3, 3)
attempt(lambda: PZ.spectral_norm(b, name="bias"))

# %%
torch.manual_seed(5)
for dim in [0, 1, None, -1]:
    wn = PZ.weight_norm(nn.Linear(4, 3), dim=dim)
    g = wn.parametrizations.weight.original0
    v = wn.parametrizations.weight.original1
    print(dim, g.shape, v.shape, list(wn.state_dict().keys()))
    print(g)
    print(wn.parametrizations.weight[0].dim)
wn = PZ.weight_norm(nn.Conv1d(2, 3, 3))
print(wn)
x = torch.randn(2, 2, 5)
wn(x).sum().backward()
print(wn.parametrizations.weight.original0.grad.flatten())
print(wn.parametrizations.weight.original1.grad)
P.remove_parametrizations(wn, "weight")
print(wn, wn.weight.requires_grad)

# %%
torch.manual_seed(6)
lin = nn.Linear(3, 3)
PZ.orthogonal(lin)
PZ.spectral_norm(lin)
print(lin)
print(list(lin.state_dict().keys()))
print(lin.weight)
P.remove_parametrizations(lin, "weight", leave_parametrized=False)
print(lin.weight)
