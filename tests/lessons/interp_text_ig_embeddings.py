# Imitates Integrated Gradients on a text classifier written by hand: interpolating embeddings, the [PAD] baseline,
# per-token attributions summed over the embedding dimension, L2 norms, top tokens.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(9)
vocab = ["[PAD]", "the", "movie", "was", "not", "good", "great", "bad"]
emb = nn.Embedding(len(vocab), 6, padding_idx=0)
gru = nn.GRU(6, 5, batch_first=True)
head = nn.Linear(5, 2)
def classify(e):
    o, h = gru(e)
    return head(h[-1])
ids = torch.tensor([[1, 2, 3, 4, 5]])
E = emb(ids).detach()
base = emb(torch.zeros_like(ids)).detach()
print(base.abs().sum(), E.dtype, ids.dtype)
with torch.no_grad():
    p = F.softmax(classify(E), -1)
print(p)

# %%
m = 20
alphas = torch.linspace(0, 1, m)
path = base + alphas[:, None, None] * (E - base)
path = path.squeeze(1) if path.dim() == 4 else path
path.requires_grad_(True)
logits = classify(path)
g, = torch.autograd.grad(logits[:, 1].sum(), path)
print(g.shape)
avg = (g[:-1] + g[1:]).div(2).mean(0, keepdim=True)
attr = ((E - base) * avg).sum(-1)
print(attr)
print(torch.trapezoid(g, alphas, dim=0).sub(avg[0]).abs().max())
with torch.no_grad():
    d = classify(E)[0, 1] - classify(base)[0, 1]
print(attr.sum(), d)
norms = ((E - base) * avg).norm(dim=-1)
print(norms, norms / norms.sum())
top = attr[0].abs().topk(3)
print([vocab[ids[0, i]] for i in top.indices], top.values)

# %%
# gradient x input at the embedding layer with a hook that stores the embedding output
store = {}
def save_emb(m, i, o):
    o.retain_grad()
    store["e"] = o
h = emb.register_forward_hook(save_emb)
out = classify(emb(ids))
out[0, 1].backward()
h.remove()
e = store["e"]
print(e.grad.shape, (e.grad * e).sum(-1))
print(emb.weight.grad[ids[0]].sum(-1), emb.weight.grad[0])
try:
    ids.requires_grad_()
except RuntimeError as err:
    print(type(err).__name__, err)
try:
    torch.autograd.grad(classify(emb(ids))[0, 1], ids)
except RuntimeError as err:
    print(type(err).__name__, err)
try:
    ids.float().requires_grad_().long().sum().backward()
except RuntimeError as err:
    print(type(err).__name__, err)
z = ids.float().requires_grad_()
print(z.long().requires_grad, z.long().grad_fn, z.round().grad_fn)
