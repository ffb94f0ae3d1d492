# Imitates the matching-network re-implementations (Vinyals et al. 2016; the learn2learn and the few-shot
# tutorials): cosine similarities between a query batch and a support set by broadcasting F.cosine_similarity and
# by normalised matmul, softmax attention over the support, predictions as attention @ one_hot labels, the full
# context embeddings' bmm, and the learners' mistakes: one_hot of a float label, a batched cosine of mismatched
# shapes, bmm of unbatched tensors, softmax without dim.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
n_way, k_shot, n_query, dim = 3, 2, 4, 6
support = torch.randn(n_way * k_shot, dim)
support_y = torch.arange(n_way).repeat_interleave(k_shot)
query = torch.randn(n_query, dim)
query_y = torch.tensor([0, 1, 2, 1])
g = nn.Sequential(nn.Linear(dim, 8), nn.Tanh(), nn.Linear(8, 8))
es, eq = g(support), g(query)
sims = F.cosine_similarity(eq.unsqueeze(1), es.unsqueeze(0), dim=-1)
print(sims.shape, sims.grad_fn)
sims2 = F.normalize(eq, dim=-1) @ F.normalize(es, dim=-1).t()
print(torch.allclose(sims, sims2, atol=1e-6), (sims - sims2).abs().max() < 1e-5)
attn = F.softmax(sims, dim=1)
one_hot = F.one_hot(support_y, n_way).float()
print(one_hot, one_hot.dtype)
probs = attn @ one_hot
print(probs, probs.sum(1))
loss = F.nll_loss(torch.log(probs + 1e-8), query_y)
print(loss, probs.argmax(1).eq(query_y).sum())
loss.backward()
print(g[2].bias.grad, g[0].weight.grad.abs().max())

# %%
# the full-context embedding with an attention LSTM's read (batched)
B = 2
S = torch.randn(B, n_way * k_shot, 8, requires_grad=True)
Q = torch.randn(B, n_query, 8, requires_grad=True)
scores = torch.bmm(Q, S.transpose(1, 2))
a = scores.softmax(dim=-1)
r = torch.bmm(a, S)
print(r.shape, r.grad_fn, a.grad_fn)
cos = F.cosine_similarity(Q.unsqueeze(2), S.unsqueeze(1), dim=-1, eps=1e-8)
print(cos.shape, cos[0, 0])
onehot_b = F.one_hot(support_y, n_way).float().expand(B, -1, -1)
pred = torch.einsum("bqs,bsc->bqc", cos.softmax(-1), onehot_b)
print(pred[1], pred.grad_fn)
pred.log().mean().backward()
print(S.grad[0, 0], Q.grad[1, -1])

# %%
lstm = nn.LSTMCell(8, 8)
h = eq.detach()
c = torch.zeros_like(h)
for step in range(2):
    attn = F.softmax(h @ es.detach().T, dim=1)
    read = attn @ es.detach()
    h, c = lstm(eq.detach(), (h + read, c))
    print(step, h.shape, h.grad_fn)
print(h[0, :4])

# %%
F.one_hot(support_y.float(), n_way)

# %%
F.one_hot(torch.tensor([0, 3]), 3)

# %%
F.one_hot(torch.tensor([0, -1]))

# %%
print(F.one_hot(torch.tensor([2, 0])), F.one_hot(torch.tensor([[1], [0]]), num_classes=-1).shape, F.one_hot(torch.tensor([], dtype=torch.long), 4).shape)
F.cosine_similarity(eq.unsqueeze(1), es.unsqueeze(0)[:, :, :5], dim=-1)

# %%
F.cosine_similarity(eq, es)

# %%
torch.bmm(eq, es.T)

# %%
torch.bmm(Q, S)

# %%
F.softmax(sims)

# %%
print(F.cosine_similarity(torch.tensor([1, 2]).float(), torch.tensor([2., 4]), dim=0), F.cosine_similarity(torch.randn(3, dtype=torch.float64), torch.randn(3, dtype=torch.float64), dim=0).dtype)
F.cosine_similarity(torch.tensor([1, 2]), torch.tensor([2, 4]), dim=0)
