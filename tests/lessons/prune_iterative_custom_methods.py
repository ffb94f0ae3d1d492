# Imitates the second half of PyTorch's "Pruning Tutorial" and the lottery-ticket blog posts built on it: iterative
# pruning of one parameter (PruningContainer, _pruning_method, compute_mask), a custom BasePruningMethod
# (the tutorial's FooBarPruningMethod), random_structured / ln_structured with n=inf, importance_scores,
# global_unstructured with sparsity prints, state_dict / named_buffers after pruning, prune.remove and its errors.
import torch
from torch import nn
import torch.nn.utils.prune as prune

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3))
fc = model[0]
prune.l1_unstructured(fc, name="weight", amount=0.3)
print(list(fc._forward_pre_hooks.values()))
hook = list(fc._forward_pre_hooks.values())[0]
print(type(hook).__name__, hook._tensor_name, hook.amount, hook.PRUNING_TYPE)
print(int((fc.weight == 0).sum()), fc.weight_mask.sum())

# %%
prune.ln_structured(fc, name="weight", amount=2, n=2, dim=0)
hook = list(fc._forward_pre_hooks.values())[0]
print(type(hook).__name__, len(hook._pruning_methods))
print([type(m).__name__ for m in hook])
print(fc.weight_mask)
print("Sparsity in fc.weight: {:.2f}%".format(100. * float(torch.sum(fc.weight == 0)) / float(fc.weight.nelement())))

# %%
prune.random_structured(fc, "weight", amount=0.4, dim=1)
print(fc.weight_mask.sum(dim=0))
print(len(list(fc._forward_pre_hooks.values())[0]._pruning_methods))
print(list(dict(fc.named_buffers()).keys()), [n for n, _ in fc.named_parameters()])
print(list(model.state_dict().keys()))

# %%
class FooBarPruningMethod(prune.BasePruningMethod):
    """Prune every other entry in a tensor"""
    PRUNING_TYPE = 'unstructured'

    def compute_mask(self, t, default_mask):
        mask = default_mask.clone()
        mask.view(-1)[::2] = 0
        return mask

def foobar_unstructured(module, name):
    FooBarPruningMethod.apply(module, name)
    return module

foobar_unstructured(model[2], name='bias')
print(model[2].bias_mask)
print(model[2].bias)
print(model[2].bias.grad_fn.__class__.__name__)

# %%
m = nn.Linear(4, 3)
scores = torch.arange(12.).reshape(3, 4)
prune.l1_unstructured(m, "weight", amount=5, importance_scores=scores)
print(m.weight_mask)
try:
    prune.ln_structured(m, "bias", amount=1, n=float("inf"), dim=0)
except Exception as e:
    print(type(e).__name__, e)
prune.ln_structured(m, "weight", amount=1, n=float("inf"), dim=1)
print(m.weight_mask)
prune.identity(m, "weight")
print([type(x).__name__ for x in m._forward_pre_hooks.values()])

# %%
for make in [
    lambda: prune.l1_unstructured(nn.Linear(2, 2), "weight", amount=5),
    lambda: prune.l1_unstructured(nn.Linear(2, 2), "weight", amount=1.5),
    lambda: prune.l1_unstructured(nn.Linear(2, 2), "weight", amount=-1),
    lambda: prune.l1_unstructured(nn.Linear(2, 2), "weight", amount="0.3"),
    lambda: prune.l1_unstructured(nn.Linear(2, 2), "weights", amount=0.5),
    lambda: prune.remove(nn.Linear(2, 2), "weight"),
    lambda: prune.ln_structured(nn.Linear(2, 2), "weight", amount=0.5, n=1, dim=3),
    lambda: prune.random_structured(nn.Linear(2, 2), "bias", amount=0.5, dim=1),
]:
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(1)
net = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(2 * 4 * 4, 4))
parameters_to_prune = ((net[0], 'weight'), (net[2], 'weight'))
prune.global_unstructured(parameters_to_prune, pruning_method=prune.L1Unstructured, amount=0.25)
for mod, name in parameters_to_prune:
    w = getattr(mod, name)
    print(type(mod).__name__, "{:.2f}%".format(100. * float(torch.sum(w == 0)) / float(w.nelement())))
total = sum(float(torch.sum(getattr(m, n) == 0)) for m, n in parameters_to_prune)
print("Global sparsity: {:.2f}%".format(100. * total / sum(getattr(m, n).nelement() for m, n in parameters_to_prune)))
try:
    prune.global_unstructured(parameters_to_prune, pruning_method=prune.LnStructured, amount=0.2)
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.randn(2, 1, 6, 6)
out = net(x).sum()
out.backward()
print(net[0].weight_orig.grad.abs().sum() > 0, net[0].weight_orig.grad[net[0].weight_mask == 0].abs().sum())
print(prune.is_pruned(net), prune.is_pruned(nn.Linear(1, 1)))
for mod, name in parameters_to_prune:
    prune.remove(mod, name)
print(prune.is_pruned(net), [n for n, _ in net.named_parameters()], list(net.named_buffers()))
print(net[0].weight.requires_grad, net[0].weight.grad_fn, type(net[0].weight).__name__)

# %%
# the methods on their own (the docs' "prune(t)" / compute_mask), channels counted from the last dim
torch.manual_seed(2)
t = torch.randn(3, 4)
print(prune.LnStructured(amount=0.5, n=2).compute_mask(t, torch.ones_like(t)))
print(prune.RandomStructured(amount=1).compute_mask(t, torch.ones_like(t)).sum(0))
print(prune.L1Unstructured(amount=0.5).prune(t))
conv = nn.Conv2d(2, 3, 2)
prune.ln_structured(conv, "weight", amount=1, n=1, dim=-1)
print(conv.weight_mask.sum(dim=(0, 1, 2)))
prune.random_structured(conv, "weight", amount=1, dim=-2)
print(conv.weight_mask.sum(dim=(0, 1, 3)), len(conv._forward_pre_hooks[next(iter(conv._forward_pre_hooks))]))
for make in [
    lambda: prune.PruningContainer(prune.L1Unstructured(0.3)),
    lambda: prune.PruningContainer(),
    lambda: prune.L1Unstructured(0.3).remove(nn.Linear(2, 2)),
    lambda: prune.l1_unstructured(nn.Linear(2, 2, bias=False), "bias", amount=0.5),
]:
    try:
        print("ok", make())
    except Exception as e:
        print(type(e).__name__, e)
