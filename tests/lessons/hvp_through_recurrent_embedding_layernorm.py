# Imitates the "Hessian-vector products for language models" notebooks (influence functions, sharpness / the top
# Hessian eigenvalue by power iteration, PyHessian-style Hutchinson traces): an Embedding -> LSTM / GRU -> LayerNorm
# -> Linear classifier with cross_entropy, Hessian-vector products by the double-backward trick, by
# torch.autograd.functional.hvp / vhp over a flat parameter vector, and the errors learners meet on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd.functional import hvp, vhp

torch.manual_seed(0)


class TinyLM(nn.Module):
    def __init__(self, rnn="lstm"):
        super().__init__()
        self.emb = nn.Embedding(7, 4)
        self.rnn = (nn.LSTM if rnn == "lstm" else nn.GRU)(4, 5, batch_first=True)
        self.norm = nn.LayerNorm(5)
        self.head = nn.Linear(5, 7)

    def forward(self, tokens):
        out, _ = self.rnn(self.emb(tokens))
        return self.head(self.norm(out))


tokens = torch.randint(0, 7, (2, 3))
targets = torch.randint(0, 7, (2, 3))
model = TinyLM("lstm").double()
logits = model(tokens)
loss = F.cross_entropy(logits.reshape(-1, 7), targets.reshape(-1))
print(logits.shape, logits.dtype, logits.grad_fn.name())
print(round(loss.item(), 10), loss.grad_fn.name())

# %%
# the double-backward trick: grad with create_graph=True, dot with v, grad again
params = [p for p in model.parameters()]
grads = torch.autograd.grad(loss, params, create_graph=True)
print([g.shape for g in grads])
print([g.grad_fn.name() if g.grad_fn is not None else None for g in grads][:4])
torch.manual_seed(1)
vs = [torch.randn_like(p) for p in params]
dot = sum((g * v).sum() for g, v in zip(grads, vs))
print(dot.grad_fn.name(), dot.requires_grad)
hv = torch.autograd.grad(dot, params, retain_graph=True)
print([round(h.norm().item(), 8) for h in hv])
print(hv[0][tokens.unique()].sum(1))
print(hv[-1])

# %%
# the Hessian is symmetric: v1.H v2 == v2.H v1
torch.manual_seed(2)
v2 = [torch.randn_like(p) for p in params]
hv2 = torch.autograd.grad(sum((g * v).sum() for g, v in zip(grads, v2)), params, retain_graph=True)
a = sum((h * v).sum() for h, v in zip(hv, v2))
b = sum((h * v).sum() for h, v in zip(hv2, vs))
print(torch.allclose(a, b), round(a.item(), 8))

# %%
# power iteration for the top eigenvalue of the loss Hessian (the "sharpness")
torch.manual_seed(3)
v = [torch.randn_like(p) for p in params]
for it in range(4):
    norm = torch.sqrt(sum((x * x).sum() for x in v))
    v = [x / norm for x in v]
    Hv = torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)
    eig = sum((h * x).sum() for h, x in zip(Hv, v))
    v = [h.detach() for h in Hv]
    print(it, round(eig.item(), 8))

# %%
# Hutchinson's trace estimate with Rademacher vectors
torch.manual_seed(4)
est = []
for _ in range(3):
    z = [torch.randint_like(p, 0, 2) * 2 - 1 for p in params]
    Hz = torch.autograd.grad(grads, params, grad_outputs=z, retain_graph=True)
    est.append(sum((h * x).sum() for h, x in zip(Hz, z)).item())
print([round(e, 8) for e in est], z[0].dtype)

# %%
# hvp / vhp over a flat vector of the head and norm parameters with torch.func.functional_call
from torch.func import functional_call
names = ["norm.weight", "norm.bias", "head.weight", "head.bias"]
shapes = [dict(model.named_parameters())[n].shape for n in names]
sizes = [s.numel() for s in shapes]
flat0 = torch.cat([dict(model.named_parameters())[n].detach().reshape(-1) for n in names])
print(flat0.shape, sizes)


def loss_of(flat):
    chunks = flat.split(sizes)
    p = {n: c.view(s) for n, c, s in zip(names, chunks, shapes)}
    out = functional_call(model, p, (tokens,))
    return F.cross_entropy(out.reshape(-1, 7), targets.reshape(-1))


torch.manual_seed(5)
u = torch.randn_like(flat0)
val, h1 = hvp(loss_of, flat0, u)
val2, h2 = vhp(loss_of, flat0, u)
print(round(val.item(), 10), val.requires_grad, h1.shape, h1.requires_grad)
print(torch.allclose(h1, h2), h1[:6])
val3, h3 = hvp(loss_of, flat0, u, create_graph=True)
print(h3.requires_grad, h3.grad_fn is not None)

# %%
# a GRU model, with label smoothing and ignore_index in the loss
torch.manual_seed(6)
gmodel = TinyLM("gru")
tg = targets.clone()
tg[0, 0] = -100
out = gmodel(tokens)
loss = F.cross_entropy(out.reshape(-1, 7), tg.reshape(-1), label_smoothing=0.1)
print(round(loss.item(), 5), loss.grad_fn.name())
gp = list(gmodel.rnn.parameters())
g = torch.autograd.grad(loss, gp, create_graph=True)
print([x.shape for x in g], g[0].grad_fn.name())
pen = sum(x.pow(2).sum() for x in g)
pen.backward()
print([round(p.grad.norm().item(), 4) for p in gp])
print(gmodel.emb.weight.grad.shape, gmodel.emb.weight.grad.abs().sum() > 0)
print(gmodel.head.bias.grad)

# %%
# gradient norm penalty w.r.t. the embeddings' output (the "embedding smoothness" regulariser)
torch.manual_seed(7)
e = gmodel.emb(tokens)
e.retain_grad()
o, h = gmodel.rnn(e)
print(o.grad_fn.name(), h.grad_fn.name(), h.shape)
l2 = F.cross_entropy(gmodel.head(gmodel.norm(o)).transpose(1, 2), targets)
ge, = torch.autograd.grad(l2, e, create_graph=True)
print(ge.shape, ge.grad_fn.name())
r = ge.norm(dim=-1).mean()
print(round(r.item(), 5), r.grad_fn.name())
w_before = gmodel.emb.weight.grad.clone()
r.backward()
print(torch.equal(w_before, gmodel.emb.weight.grad))

# %%
# errors learners meet
try:
    hvp(loss_of, flat0, u[:3])
except RuntimeError as err:
    print(type(err).__name__, err)
try:
    vhp(lambda x: x * 2, flat0, u)
except RuntimeError as err:
    print(type(err).__name__, err)
l3 = F.cross_entropy(model(tokens).reshape(-1, 7), targets.reshape(-1))
g1 = torch.autograd.grad(l3, params)
try:
    torch.autograd.grad(g1[0].sum(), params[0])
except RuntimeError as err:
    print(type(err).__name__, err)
try:
    F.embedding(torch.tensor([7]), model.emb.weight)
except IndexError as err:
    print(type(err).__name__, err)
