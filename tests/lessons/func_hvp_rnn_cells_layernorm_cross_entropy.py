# Imitates the "Hessian-vector products with torch.func" sections of optimisation courses (Newton-CG / K-FAC
# sanity checks, influence functions for a small text classifier): hvp as jvp of grad and as vjp of grad, over a
# parameter dict through F.embedding -> nn.GRUCell / nn.LSTMCell steps -> F.layer_norm -> F.cross_entropy, the exact
# Hessian of cross_entropy in the logits (softmax's diag(p) - p p^T), torch.autograd.functional.hessian with
# create_graph, and the errors learners meet.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call, grad, jvp, vjp, hessian

torch.manual_seed(0)
emb = nn.Embedding(6, 3).double()
cell = nn.GRUCell(3, 4).double()
head = nn.Linear(4, 5).double()
tokens = torch.tensor([[1, 4, 2], [0, 5, 5]])
target = torch.tensor([3, 1])


def loss_fn(p):
    e = F.embedding(tokens, p["emb"])
    h = torch.zeros(2, 4, dtype=torch.float64)
    for t in range(tokens.shape[1]):
        h = functional_call(cell, {"weight_ih": p["w_ih"], "weight_hh": p["w_hh"], "bias_ih": p["b_ih"],
                                   "bias_hh": p["b_hh"]}, (e[:, t], h))
    h = F.layer_norm(h, (4,), p["ln_w"], p["ln_b"])
    return F.cross_entropy(h @ p["head"].T, target)


params = {"emb": emb.weight.detach(), "w_ih": cell.weight_ih.detach(), "w_hh": cell.weight_hh.detach(),
          "b_ih": cell.bias_ih.detach(), "b_hh": cell.bias_hh.detach(),
          "ln_w": torch.ones(4, dtype=torch.float64), "ln_b": torch.zeros(4, dtype=torch.float64),
          "head": head.weight.detach()}
print(round(loss_fn(params).item(), 10))
g = grad(loss_fn)(params)
print({k: tuple(v.shape) for k, v in g.items()})
print(g["emb"])

# %%
# hvp = jvp of grad (forward-over-reverse) and vjp of grad (reverse-over-reverse) agree
torch.manual_seed(1)
v = {k: torch.randn_like(x) for k, x in params.items()}
_, hv1 = jvp(grad(loss_fn), (params,), (v,))
_, vjp_fn = vjp(grad(loss_fn), params)
hv2, = vjp_fn(v)
print(sorted(hv1) == sorted(hv2), all(torch.allclose(hv1[k], hv2[k]) for k in hv1))
print(hv1["ln_w"], hv1["ln_b"])
print(hv1["emb"][3], hv1["emb"][[1, 4]].abs().sum() > 0)
print(round(sum((hv1[k] * v[k]).sum() for k in v).item(), 8))

# %%
# the Hessian of cross_entropy in the logits: (diag(p) - p p^T) / batch, rows summing to zero
logits = torch.randn(2, 5, dtype=torch.float64)
H = hessian(lambda z: F.cross_entropy(z, target))(logits)
print(H.shape)
p = logits.softmax(-1)
print(torch.allclose(H[0, :, 0], (torch.diag(p[0]) - p[0, :, None] * p[0]) / 2), H[0, :, 1].abs().max())
print(H.sum(dim=(2, 3)).abs().max() < 1e-12)
H_ls = hessian(lambda z: F.cross_entropy(z, target, label_smoothing=0.2))(logits)
print(torch.allclose(H, H_ls))

# %%
# an LSTMCell and layer_norm with torch.autograd.functional: hvp, vhp and hessian with create_graph
from torch.autograd.functional import hvp, vhp, hessian as ahessian
lstm = nn.LSTMCell(2, 3).double()
xseq = torch.randn(4, 1, 2, dtype=torch.float64)


def seq_loss(w_ih):
    h = c = torch.zeros(1, 3, dtype=torch.float64)
    for x in xseq:
        h, c = functional_call(lstm, {"weight_ih": w_ih}, (x, (h, c)))
    return F.layer_norm(h, (3,)).pow(3).sum()


w0 = lstm.weight_ih.detach()
u = torch.randn_like(w0)
val, hv = hvp(seq_loss, w0, u)
val2, vh = vhp(seq_loss, w0, u)
print(round(val.item(), 10), hv.shape, torch.allclose(hv, vh))
Hw = ahessian(seq_loss, w0)
print(Hw.shape, torch.allclose(Hw.reshape(24, 24) @ u.reshape(-1), hv.reshape(-1)))
w1 = w0.clone().requires_grad_()
val3, hv3 = hvp(seq_loss, w1, u, create_graph=True)
print(val3.grad_fn is not None, hv3.requires_grad)
print(torch.autograd.grad(hv3.sum(), w1)[0].shape)

# %%
# errors learners meet
try:
    hessian(lambda z: F.cross_entropy(z, target))(logits.long())
except (RuntimeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    jvp(grad(loss_fn), (params,), (v["emb"],))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    hvp(seq_loss, w0, u.T)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    grad(lambda z: F.cross_entropy(z, target, reduction="none"))(logits)
except RuntimeError as e:
    print(type(e).__name__, e)
