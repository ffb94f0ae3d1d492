# Imitates the API docs' examples a compression lesson copies: checkpoint inside a module's forward, functions that
# return tuples and non-tensors, backward(inputs=...), preserve_rng_state=False with dropout, and the prune docs'
# PruningContainer / Identity / RandomUnstructured on a conv with structured pruning along several dims.
import torch
import torch.nn as nn
import torch.nn.utils.prune as prune
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(4, 4); self.b = nn.Linear(4, 4)
    def inner(self, x, k):
        h = torch.relu(self.a(x))
        return h, self.b(h) * k, "tag"
    def forward(self, x, reent):
        h, o, tag = checkpoint(self.inner, x, 2, use_reentrant=reent)
        return h, o, tag

blk = Block()
x = torch.randn(3, 4, requires_grad=True)
for reent in (True, False):
    h, o, tag = blk(x, reent)
    print(reent, tag, h.grad_fn.name(), o.grad_fn.name(), h.requires_grad)
    (h.sum() + o.pow(2).sum()).backward()
    print(x.grad.sum().item(), blk.a.weight.grad.sum().item(), blk.b.bias.grad)
    x.grad = None; blk.zero_grad()

# %%
h, o, _ = blk(x, False)
o.sum().backward(inputs=[x])
print(x.grad, blk.a.weight.grad)
x.grad = None
h, o, _ = blk(x, True)
try:
    o.sum().backward(inputs=[x])
except Exception as e:
    print(type(e).__name__, e)
print(x.grad)

# %%
drop = nn.Dropout(0.5)
def noisy(t):
    return drop(t) * 3
torch.manual_seed(2)
v = torch.ones(6, requires_grad=True)
out = checkpoint(noisy, v, use_reentrant=True, preserve_rng_state=True)
out.sum().backward()
print(out, v.grad)

# %%
torch.manual_seed(0)
conv = nn.Conv2d(2, 4, 3)
prune.ln_structured(conv, "weight", amount=0.5, n=1, dim=0)
prune.ln_structured(conv, "weight", amount=1, n=2, dim=1)
prune.random_unstructured(conv, "weight", amount=0.25)
hook = conv._forward_pre_hooks[next(iter(conv._forward_pre_hooks))]
print(type(hook).__name__, [type(m).__name__ for m in hook._pruning_methods])
print(conv.weight_mask.sum(dim=(1, 2, 3)), conv.weight_mask.sum(), (conv.weight == 0).sum())
prune.identity(conv, "bias")
print(conv.bias_mask, conv.bias.grad_fn.name())
y = conv(torch.randn(1, 2, 5, 5))
y.sum().backward()
print(conv.weight_orig.grad[0, 0], conv.bias_orig.grad)

# %%
c = prune.PruningContainer()
c._tensor_name = "weight"
m1 = prune.L1Unstructured(amount=2); m1._tensor_name = "weight"
c.add_pruning_method(m1)
t = torch.tensor([[3., -1., 0.5], [2., -4., 0.25]])
print(c.compute_mask(t, torch.ones_like(t)))
try:
    other = prune.L1Unstructured(amount=1); other._tensor_name = "bias"
    c.add_pruning_method(other)
except Exception as e:
    print(type(e).__name__, e)
try:
    c.add_pruning_method("l1")
except Exception as e:
    print(type(e).__name__, e)
print(prune.RandomUnstructured(amount=0.0).compute_mask(t, torch.ones_like(t)))
