# Imitates "Transformers are RNNs" / Performer walk-through notebooks: linear attention with the elu(x)+1 feature
# map, the causal case with cumulative sums of k v^T outer products (and as a recurrent loop), Performer positive
# random features built from orthogonal random matrices (torch.linalg.qr of Gaussian blocks, chi-distributed row
# norms), and how close each comes to softmax attention, with gradients.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
def phi(x):
    return F.elu(x) + 1

B, N, D, M = 2, 6, 4, 5
Q, K = torch.randn(2, B, N, D).unbind(0)
V = torch.randn(B, N, M)
Qf, Kf = phi(Q), phi(K)
print(Qf.min() > 0, Qf.grad_fn, phi(torch.tensor([-2.0, 0.0, 3.0])))
KV = torch.einsum('bnd,bnm->bdm', Kf, V)
Z = 1 / (torch.einsum('bnd,bd->bn', Qf, Kf.sum(dim=1)) + 1e-6)
out = torch.einsum('bnd,bdm,bn->bnm', Qf, KV, Z)
print(out.shape, KV.shape, Z.shape)
print(out[0].round(decimals=4))
A = Qf @ Kf.transpose(1, 2)
quad = (A / A.sum(-1, keepdim=True)) @ V
print(torch.allclose(out, quad, atol=1e-5), (out - quad).abs().max() < 1e-5)

# %%
kv = torch.einsum('bnd,bnm->bndm', Kf, V)
S = kv.cumsum(dim=1)
Zc = Kf.cumsum(dim=1)
num = torch.einsum('bnd,bndm->bnm', Qf, S)
den = torch.einsum('bnd,bnd->bn', Qf, Zc).unsqueeze(-1)
causal = num / den
mask = torch.tril(torch.ones(N, N))
Ac = (Qf @ Kf.transpose(1, 2)) * mask
ref = (Ac / Ac.sum(-1, keepdim=True)) @ V
print(causal.shape, S.shape, torch.allclose(causal, ref, atol=1e-5))
print(causal[1, :2])
s = torch.zeros(B, D, M)
z = torch.zeros(B, D)
outs = []
for t in range(N):
    s = s + Kf[:, t, :, None] * V[:, t, None, :]
    z = z + Kf[:, t]
    outs.append((Qf[:, t, None, :] @ s).squeeze(1) / (Qf[:, t] * z).sum(-1, keepdim=True))
rnn = torch.stack(outs, dim=1)
print(rnn.shape, torch.allclose(rnn, causal, atol=1e-5), rnn.grad_fn)

# %%
Qg = Q.clone().requires_grad_(True)
Vg = V.clone().requires_grad_(True)
qf = phi(Qg)
o = torch.einsum('bnd,bndm->bnm', qf, S) / torch.einsum('bnd,bnd->bn', qf, Zc).unsqueeze(-1)
loss = o.square().mean()
loss.backward()
print(loss, Qg.grad[0, 0], Qg.grad.shape)
kvg = torch.einsum('bnd,bnm->bndm', Kf, Vg).cumsum(1)
kvg.sum().backward()
print(Vg.grad[0], kvg.grad_fn.name())

# %%
def orthogonal_matrix(m, d):
    blocks = []
    for _ in range(math.ceil(m / d)):
        q, r = torch.linalg.qr(torch.randn(d, d))
        blocks.append(q.T)
    W = torch.cat(blocks)[:m]
    norms = torch.randn(m, d).norm(dim=1)
    return norms[:, None] * W

torch.manual_seed(1)
W = orthogonal_matrix(6, 4)
print(W.shape, W.norm(dim=1))
q0, r0 = torch.linalg.qr(torch.randn(4, 4))
print(torch.allclose(q0 @ q0.T, torch.eye(4), atol=1e-6), torch.dist(q0 @ r0, q0 @ r0), r0.triu().equal(r0))
qr_res = torch.linalg.qr(torch.randn(5, 3), mode='complete')
print(qr_res.Q.shape, qr_res.R.shape, type(qr_res).__name__)
print(torch.linalg.qr(torch.randn(5, 3), mode='r').Q.shape)
try:
    torch.linalg.qr(torch.randn(3, 3), mode='full')
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
def positive_features(x, W):
    xw = x @ W.T
    return torch.exp(xw - x.pow(2).sum(-1, keepdim=True) / 2) / math.sqrt(W.shape[0])

torch.manual_seed(2)
d = 4
q = torch.randn(8, d) / d ** 0.25
k = torch.randn(8, d) / d ** 0.25
v = torch.randn(8, 3)
exact = torch.softmax(q @ k.T, dim=-1) @ v
errs = []
for m in (4, 64, 1024):
    Wm = orthogonal_matrix(m, d)
    qp, kp = positive_features(q, Wm), positive_features(k, Wm)
    approx = (qp @ (kp.T @ v)) / (qp @ kp.sum(0)).unsqueeze(-1)
    errs.append(round((approx - exact).abs().max().item(), 1))
print(qp.shape, (qp > 0).all(), errs[-1] < 0.5)
Wg = orthogonal_matrix(16, d).requires_grad_()
feat = positive_features(q, Wg)
feat.sum().backward()
print(Wg.grad.shape, feat.grad_fn, Wg.grad.norm() > 0)
try:
    positive_features(q, torch.randn(16, 5))
except RuntimeError as e:
    print(type(e).__name__, e)
