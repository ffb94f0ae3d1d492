# Imitates the MAML-on-Omniglot/miniImageNet notebooks that use torch.func.functional_call on a small "Conv4"
# network (Conv2d -> BatchNorm2d -> ReLU -> MaxPool2d blocks, a Linear head): second-order inner steps with
# create_graph=True over a parameter dict, BatchNorm in train mode with its running stats passed as buffers (or
# left untouched with track_running_stats=False, as in the original MAML code), the meta-gradient flowing into the
# initial parameters, a learned per-layer inner learning rate, and what learners print on the way.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call

torch.manual_seed(0)


def block(cin, cout, track=True):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout, track_running_stats=track),
                         nn.ReLU(), nn.MaxPool2d(2))


class Conv4(nn.Module):
    def __init__(self, n_way=3, track=True):
        super().__init__()
        self.features = nn.Sequential(block(1, 4, track), block(4, 4, track))
        self.head = nn.Linear(4 * 2 * 2, n_way)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


net = Conv4().double()
print([n for n, _ in net.named_parameters()][:4])
print([n for n, _ in net.named_buffers()][:3])
xs, ys = torch.randn(6, 1, 8, 8, dtype=torch.float64), torch.tensor([0, 1, 2, 0, 1, 2])
xq, yq = torch.randn(6, 1, 8, 8, dtype=torch.float64), torch.tensor([2, 1, 0, 2, 1, 0])

# %%
# one second-order inner step on the support set
params = dict(net.named_parameters())
buffers = dict(net.named_buffers())
out = functional_call(net, (params, buffers), (xs,))
print(out.shape, out.grad_fn.name())
loss = F.cross_entropy(out, ys)
grads = torch.autograd.grad(loss, list(params.values()), create_graph=True)
print(round(loss.item(), 10))
print({n: g.grad_fn.name() for n, g in zip(params, grads) if "head" in n or "0.0" in n})
fast = {n: p - 0.4 * g for (n, p), g in zip(params.items(), grads)}
print(fast["head.bias"].grad_fn.name(), fast["head.bias"].requires_grad)
print(buffers["features.0.1.num_batches_tracked"], buffers["features.0.1.running_mean"])

# %%
# the query loss with the adapted weights, and the meta-gradient into the initial weights
qout = functional_call(net, (fast, buffers), (xq,))
qloss = F.cross_entropy(qout, yq)
print(round(qloss.item(), 10), qloss.grad_fn.name())
net.zero_grad()
qloss.backward()
print(net.head.bias.grad)
print(net.features[0][0].weight.grad.shape, round(net.features[0][0].weight.grad.norm().item(), 8))
print(net.features[1][1].weight.grad)
print(buffers["features.1.1.num_batches_tracked"])

# %%
# first-order MAML: the same step with the inner gradient detached
fo = {n: p - 0.4 * g.detach() for (n, p), g in zip(params.items(), grads)}
l_fo = F.cross_entropy(functional_call(net, fo, (xq,)), yq)
g_fo = torch.autograd.grad(l_fo, list(params.values()))
g_so = torch.autograd.grad(F.cross_entropy(functional_call(net, fast, (xq,)), yq), list(params.values()),
                           retain_graph=True)
print([round((a - b).norm().item(), 8) for a, b in zip(g_fo, g_so)][:4])

# %%
# the original MAML: BatchNorm without running statistics, several inner steps, a meta-batch of tasks
torch.manual_seed(1)
net2 = Conv4(track=False).double()
print([n for n, _ in net2.named_buffers()])
meta_opt = torch.optim.Adam(net2.parameters(), lr=1e-2)
for step in range(2):
    meta_opt.zero_grad()
    total = 0.0
    for task in range(2):
        xs_t = torch.randn(3, 1, 8, 8, dtype=torch.float64)
        xq_t = torch.randn(3, 1, 8, 8, dtype=torch.float64)
        y_t = torch.tensor([0, 1, 2])
        p = dict(net2.named_parameters())
        for inner in range(2):
            l = F.cross_entropy(functional_call(net2, p, (xs_t,)), y_t)
            g = torch.autograd.grad(l, list(p.values()), create_graph=True)
            p = {n: w - 0.5 * gw for (n, w), gw in zip(p.items(), g)}
        lq = F.cross_entropy(functional_call(net2, p, (xq_t,)), y_t)
        (lq / 2).backward()
        total += lq.item() / 2
    meta_opt.step()
    print(step, round(total, 8), round(net2.head.weight.grad.norm().item(), 8))

# %%
# a learned per-layer inner learning rate (Meta-SGD / MAML++ style) gets its gradient through the inner step
torch.manual_seed(2)
lrs = {n: torch.tensor(0.1, dtype=torch.float64, requires_grad=True) for n, _ in net2.named_parameters()}
p = dict(net2.named_parameters())
l = F.cross_entropy(functional_call(net2, p, (xs[:3],)), ys[:3])
g = torch.autograd.grad(l, list(p.values()), create_graph=True)
fast = {n: w - lrs[n] * gw for (n, w), gw in zip(p.items(), g)}
lq = F.cross_entropy(functional_call(net2, fast, (xq[:3],)), yq[:3])
lr_grads = torch.autograd.grad(lq, list(lrs.values()))
print([round(v.item(), 8) for n, v in zip(lrs, lr_grads) if not n.endswith(".0.bias")], lr_grads[0].shape)
# a conv bias right before BatchNorm: the normalisation removes it, so its gradient is (rounding-level) zero
print([n for n, v in zip(lrs, lr_grads) if n.endswith(".0.bias") and v.abs() < 1e-12])

# %%
# eval mode uses the running statistics: the inner gradient still flows through BatchNorm
net.eval()
out = functional_call(net, (dict(net.named_parameters()), dict(net.named_buffers())), (xs,))
g = torch.autograd.grad(F.cross_entropy(out, ys), net.features[0][1].weight, create_graph=True)[0]
print(g.shape, g.requires_grad)
h = torch.autograd.grad(g.sum(), net.features[0][0].weight)[0]
print(h.shape, round(h.norm().item(), 8))
net.train()

# %%
# errors learners meet
try:
    functional_call(net, {"head.weight": torch.zeros(2, 2)}, (xs,))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    functional_call(net, {"head.wieght": torch.zeros(3, 16)}, (xs,), strict=True)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:120])
l = F.cross_entropy(functional_call(net, dict(net.named_parameters()), (xs,)), ys)
g = torch.autograd.grad(l, list(net.parameters()))
try:
    torch.autograd.grad(g[0].sum(), list(net.parameters()))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(l, list(net.parameters()))
except RuntimeError as e:
    print(type(e).__name__, str(e)[:90])
