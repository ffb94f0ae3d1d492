# Imitates a "GBDT from scratch, part 1" notebook: exact greedy split search on one feature with argsort + cumsum of
# gradients and hessians, gains with where / clamp, leaf values -G / (H + lambda), a depth-2 tree stored as arrays,
# and errors learners meet on the way.
import torch

torch.manual_seed(0)

# %%
n = 24
x = torch.rand(n, 3)
y = (x[:, 0] + 0.5 * x[:, 1] > 0.8).float()
raw = torch.zeros(n)
p = torch.sigmoid(raw)
g = p - y
h = p * (1 - p)
print(g[:6], h[:6], g.dtype, h.sum())

# %%
def best_split(xf, g, h, lam=1.0, min_child=1e-3):
    order = torch.argsort(xf)
    xs, gs, hs = xf[order], g[order], h[order]
    GL = torch.cumsum(gs, 0)[:-1]
    HL = torch.cumsum(hs, 0)[:-1]
    G, H = gs.sum(), hs.sum()
    GR, HR = G - GL, H - HL
    gain = GL ** 2 / (HL + lam) + GR ** 2 / (HR + lam) - G ** 2 / (H + lam)
    valid = (HL > min_child) & (HR > min_child) & (xs[1:] > xs[:-1])
    gain = torch.where(valid, gain, torch.tensor(float("-inf")))
    i = torch.argmax(gain)
    thr = (xs[i] + xs[i + 1]) / 2
    return gain[i], thr, i

for f in range(3):
    gn, thr, i = best_split(x[:, f], g, h)
    print(f, round(gn.item(), 5), round(thr.item(), 5), i.item(), i.dtype)

# %%
gains = torch.stack([best_split(x[:, f], g, h)[0] for f in range(3)])
best_f = int(gains.argmax())
print(gains, best_f, gains.clamp(min=0), torch.clamp(gains - 0.5, min=0.0).nonzero())
_, thr, _ = best_split(x[:, best_f], g, h)
left = x[:, best_f] <= thr
print(left.sum(), (~left).sum(), left.dtype)
lam = 1.0
wl = -g[left].sum() / (h[left].sum() + lam)
wr = -g[~left].sum() / (h[~left].sum() + lam)
print(wl, wr)

# %%
feature = torch.tensor([best_f, -1, -1])
threshold = torch.tensor([thr.item(), 0.0, 0.0])
left_child = torch.tensor([1, -1, -1])
right_child = torch.tensor([2, -1, -1])
value = torch.tensor([0.0, wl.item(), wr.item()])
node = torch.zeros(n, dtype=torch.long)
for _ in range(2):
    is_leaf = feature[node] < 0
    f = feature[node].clamp(min=0)
    xv = x.gather(1, f.unsqueeze(1)).squeeze(1)
    go_left = xv <= threshold[node]
    nxt = torch.where(go_left, left_child[node], right_child[node])
    node = torch.where(is_leaf, node, nxt)
print(node, value.index_select(0, node)[:8])
pred = value[node]
print(pred.shape, pred.dtype, torch.unique(pred, return_counts=True))

# %%
w = torch.zeros(3, requires_grad=True)
leaf_of = node - 1
out = w.index_select(0, node)
loss = torch.nn.functional.binary_cross_entropy_with_logits(out, y)
loss.backward()
print(loss, loss.grad_fn, w.grad, out.grad_fn)
w2 = torch.zeros(3, requires_grad=True)
out2 = torch.gather(w2, 0, node)
loss2 = torch.nn.functional.binary_cross_entropy_with_logits(out2, y, reduction="sum")
loss2.backward()
print(loss2, out2.grad_fn, w2.grad)
# Newton step equals -G/(H+lambda) with lambda 0
print(-w2.grad / torch.zeros(3).index_add_(0, node, h).clamp(min=1e-6))

# %%
try:
    torch.cumsum(g.long(), 0, dtype=torch.float32).dtype
    print(torch.cumsum(g > 0, 0)[-3:], torch.cumsum(g > 0, 0).dtype)
    torch.argsort(x, dim=2)
except IndexError as e:
    print(type(e).__name__, e)
try:
    torch.where(valid_mask := (h > 0), g, 0).dtype
    print(torch.where(h > 0, g.double(), 0).dtype, torch.where(h > 0, 1, 0).dtype, torch.where(h > 0, 1., 0).dtype)
    torch.where(h, g, 0.)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    x[:, 0].gather(0, torch.tensor([0.0, 1.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.clamp(g, min=torch.tensor([0.0, 1.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
