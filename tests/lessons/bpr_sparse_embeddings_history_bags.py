# Imitates a "BPR matrix factorisation on implicit feedback" blog tutorial: sparse=True user/item embeddings with
# biases, a (user, positive, negative) triple sampler, the BPR loss by hand and with logsigmoid, SparseAdam and
# plain SGD on sparse gradients, a user represented as an EmbeddingBag over their history (per_sample_weights for
# recency, padding_idx for padded histories, max_norm), and a look at the printed sparse gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
n_users, n_items, k = 4, 8, 3
user_e = nn.Embedding(n_users, k, sparse=True)
item_e = nn.Embedding(n_items, k, sparse=True)
item_b = nn.Embedding(n_items, 1, sparse=True)
nn.init.normal_(user_e.weight, std=0.1)
nn.init.normal_(item_e.weight, std=0.1)
nn.init.zeros_(item_b.weight)
u = torch.tensor([0, 1, 1, 3])
pos = torch.tensor([2, 5, 5, 7])
neg = torch.randint(0, n_items, (4,))
print(neg)
x_ui = (user_e(u) * item_e(pos)).sum(-1) + item_b(pos).squeeze(-1)
x_uj = (user_e(u) * item_e(neg)).sum(-1) + item_b(neg).squeeze(-1)
loss = -F.logsigmoid(x_ui - x_uj).mean()
print(loss, loss.grad_fn, loss.grad_fn.next_functions[0][0])
manual = -torch.log(torch.sigmoid(x_ui - x_uj)).mean()
print(torch.allclose(loss, manual))
loss.backward()
print(item_e.weight.grad)
print(item_b.weight.grad)

# %%
g = item_e.weight.grad
c = g.coalesce()
print(c)
print(c.indices().dtype, c.values().dtype, c.is_coalesced(), g.is_coalesced())
print(c.to_dense())
print(torch.sparse.sum(g), g.to_dense().abs().sum(1))
print(user_e.weight.grad._values().shape, user_e.weight.grad._indices())

# %%
opt = torch.optim.SparseAdam([*user_e.parameters(), *item_e.parameters(), *item_b.parameters()], lr=0.1)
print(opt.defaults)
for step in range(25):
    neg = torch.randint(0, n_items, (4,))
    opt.zero_grad()
    x = (user_e(u) * (item_e(pos) - item_e(neg))).sum(-1) + (item_b(pos) - item_b(neg)).squeeze(-1)
    loss = -F.logsigmoid(x).mean()
    loss.backward()
    opt.step()
    if step % 8 == 0:
        print(step, round(loss.item(), 5))
print(opt.state[item_e.weight]["step"], opt.state[item_e.weight]["exp_avg"].is_sparse)

# %%
sgd = torch.optim.SGD(item_e.parameters(), lr=0.5)
item_e.zero_grad()
(item_e(torch.tensor([1, 1, 6])) ** 2).sum().backward()
print(item_e.weight.grad)
w0 = item_e.weight.detach().clone()
sgd.step()
print((item_e.weight.detach() - w0).abs().sum(1))
try:
    torch.optim.SGD(item_e.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4).step()
except Exception as e:
    print(type(e).__name__, e)
ada = torch.optim.Adagrad(item_e.parameters(), lr=0.1)
ada.step()
print(ada.state[item_e.weight]["sum"].is_sparse, ada.state[item_e.weight]["sum"][1])

# %%
hist_bag = nn.EmbeddingBag(n_items + 1, k, mode="sum", padding_idx=n_items)
histories = torch.tensor([[1, 2, 8, 8], [5, 5, 6, 0], [8, 8, 8, 8]])
recency = torch.tensor([[0.5, 1.0, 0.0, 0.0], [0.25, 0.5, 1.0, 0.1], [1.0, 1.0, 1.0, 1.0]])
pooled = hist_bag(histories, per_sample_weights=recency)
print(pooled, pooled.grad_fn)
pooled.pow(2).sum().backward()
print(hist_bag.weight.grad)
mean_bag = nn.EmbeddingBag(n_items + 1, k, mode="mean", padding_idx=n_items)
print(mean_bag(histories))
max_bag = nn.EmbeddingBag.from_pretrained(hist_bag.weight.detach(), mode="max", padding_idx=n_items)
print(max_bag(histories), max_bag.weight.requires_grad)

# %%
torch.manual_seed(3)
capped = nn.Embedding(n_items, k, max_norm=1.0)
with torch.no_grad():
    capped.weight.mul_(3)
print(capped.weight.norm(dim=1))
out = capped(torch.tensor([0, 3, 3]))
print(out.norm(dim=1))
print(capped.weight.norm(dim=1))
capped_bag = nn.EmbeddingBag(n_items, k, max_norm=0.5, mode="mean")
flat = torch.tensor([0, 1, 2, 7])
print(capped_bag(flat, torch.tensor([0, 2])))
print(capped_bag.weight.norm(dim=1))
sp_bag = nn.EmbeddingBag(n_items, k, mode="sum", sparse=True)
sp_bag(flat, torch.tensor([0, 1])).sum().backward()
print(sp_bag.weight.grad)

# %%
torch.manual_seed(5)
pop_bag = nn.EmbeddingBag(n_items, k, mode="sum", scale_grad_by_freq=True)
print(pop_bag)
clicks = torch.tensor([2, 2, 2, 5, 1, 2, 5, 7, 0, 2])
out = pop_bag(clicks, torch.tensor([0, 4, 7]))
out.sum().backward()
print(pop_bag.weight.grad)
w_hist = torch.rand(10, requires_grad=True)
out = pop_bag(clicks, torch.tensor([0, 4, 7]), per_sample_weights=w_hist)
print(out)
(out ** 2).sum().backward()
print(w_hist.grad)
try:
    sp = nn.EmbeddingBag(n_items, k, scale_grad_by_freq=True, sparse=True)
    sp(clicks, torch.tensor([0, 4])).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
