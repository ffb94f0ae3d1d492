# Imitates a second-order MAML tutorial (Finn et al. 2017, "learn2learn from scratch" style): a functional model
# with F.batch_norm(training=True) / F.layer_norm, inner steps taken with torch.autograd.grad(create_graph=True)
# on regression losses (mse_loss, smooth_l1_loss, huber_loss) and a soft_margin_loss classifier, the learner
# printing the fast weights' grad_fn, walking next_functions to the loss's double-backward node, and the
# meta-gradient reaching the slow weights through the second-order graph.
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(0)
params = {
    "w1": (torch.randn(8, 1) * 0.5).requires_grad_(),
    "b1": torch.zeros(8, requires_grad=True),
    "g1": torch.ones(8, requires_grad=True),
    "beta1": torch.zeros(8, requires_grad=True),
    "w2": (torch.randn(1, 8) * 0.3).requires_grad_(),
    "b2": torch.zeros(1, requires_grad=True),
}


def forward(x, p, norm="batch"):
    h = F.linear(x, p["w1"], p["b1"])
    if norm == "batch":
        h = F.batch_norm(h, None, None, p["g1"], p["beta1"], training=True)
    else:
        h = F.layer_norm(h, (8,), p["g1"], p["beta1"])
    return F.linear(torch.tanh(h), p["w2"], p["b2"])


def task(n=10, seed=0):
    g = torch.Generator().manual_seed(seed)
    amp = torch.rand(1, generator=g) * 4 + 0.1
    phase = torch.rand(1, generator=g) * 3
    x = torch.rand(n, 1, generator=g) * 10 - 5
    return x, amp * torch.sin(x + phase)


x_s, y_s = task(seed=1)
x_q, y_q = task(seed=2)
print(x_s.shape, y_s[:3].view(-1))

# %%
def inner(p, loss_fn, norm="batch", lr=0.01):
    loss = loss_fn(forward(x_s, p, norm), y_s)
    grads = torch.autograd.grad(loss, list(p.values()), create_graph=True)
    return {k: v - lr * g for (k, v), g in zip(p.items(), grads)}, grads, loss


fast, grads, loss = inner(params, F.mse_loss)
print(loss)
for k, g in zip(params, grads):
    print(k, g.grad_fn.name(), g.shape)
print(fast["w1"].grad_fn, fast["w1"].grad_fn.next_functions[1][0].name())

# %%
def find(fn, name, seen=None, depth=0):
    """depth-first search for a node name, as learners debug their meta-graph"""
    seen = set() if seen is None else seen
    if fn is None or fn in seen or depth > 12:
        return None
    seen.add(fn)
    if fn.name() == name:
        return fn
    for nxt, _ in fn.next_functions:
        got = find(nxt, name, seen, depth + 1)
        if got is not None:
            return got
    return None


for name in ["MseLossBackwardBackward0", "NativeBatchNormBackwardBackward0", "TanhBackwardBackward0"]:
    node = find(grads[0].grad_fn, name)
    print(name, node is not None, None if node is None else len(node.next_functions))
node = find(grads[0].grad_fn, "MseLossBackwardBackward0")
print([None if f is None else f.name() for f, _ in node.next_functions])

# %%
meta_loss = F.mse_loss(forward(x_q, fast), y_q)
meta_loss.backward()
print(meta_loss)
for k, v in params.items():   # (BatchNorm cancels b1: its meta-gradient is rounding noise)
    print(k, v.grad.view(-1)[:4] if k not in ("w1", "b1") else v.grad.abs().max() < 1e-3)

# %%
for loss_fn in [F.smooth_l1_loss, F.huber_loss, lambda a, b: F.huber_loss(a, b, delta=0.5, reduction="sum")]:
    for v in params.values():
        v.grad = None
    fast, grads, loss = inner(params, loss_fn, norm="layer")
    node = find(grads[0].grad_fn, "SmoothL1LossBackwardBackward0") or find(grads[0].grad_fn, "HuberLossBackwardBackward0")
    print(loss, node.name(), find(grads[0].grad_fn, "NativeLayerNormBackwardBackward0") is not None)
    F.mse_loss(forward(x_q, fast, "layer"), y_q).backward()
    print(params["w1"].grad.view(-1)[:4], params["g1"].grad[:4])

# %%
labels = torch.tensor([1., -1., 1., 1., -1., -1., 1., -1., 1., -1.]).view(-1, 1)
for v in params.values():
    v.grad = None
fast, grads, loss = inner(params, lambda out, _: F.soft_margin_loss(out, labels), lr=0.1)
print(loss, [g.grad_fn.name() for g in grads[-2:]])
print(find(grads[0].grad_fn, "SoftMarginLossBackwardBackward0").next_functions[2])
out = forward(x_q, fast)
F.soft_margin_loss(out, labels).backward()
print(params["w2"].grad)

# %%
pred = torch.randn(4, requires_grad=True)
target = torch.randn(4, requires_grad=True)
for fn in [F.mse_loss, F.smooth_l1_loss, F.huber_loss]:
    gp, gt = torch.autograd.grad(fn(pred * 2, target), [pred, target], create_graph=True)
    print(fn.__name__, gp.grad_fn.name(), gt.grad_fn.name(), gt.grad_fn.next_functions[1][0].name())
    hp, ht = torch.autograd.grad((gp * gt).sum(), [pred, target])
    print(hp, ht)
