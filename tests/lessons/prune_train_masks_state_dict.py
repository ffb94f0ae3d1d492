# Imitates a model-compression lesson built on torch.nn.utils.prune: custom_from_mask, training a pruned layer (the
# gradient of weight_orig is masked, weight is recomputed by the forward pre hook each call), ties in l1_unstructured,
# global_unstructured with importance_scores, saving / loading a pruned state_dict and the mistakes learners make.
import copy
import torch
import torch.nn as nn
import torch.nn.utils.prune as prune

torch.manual_seed(0)
fc = nn.Linear(4, 3)
mask = torch.tensor([[1, 0, 1, 0], [0, 1, 1, 1], [1, 1, 0, 0]])
prune.custom_from_mask(fc, name="weight", mask=mask)
print(fc.weight_mask.dtype, fc.weight_mask)
print(fc.weight, fc.weight.grad_fn, fc.weight.is_leaf)
print([n for n, _ in fc.named_parameters()], [n for n, _ in fc.named_buffers()])
hook = next(iter(fc._forward_pre_hooks.values()))
print(type(hook).__name__, hook._tensor_name, hook.PRUNING_TYPE)

# %%
x = torch.randn(5, 4)
opt = torch.optim.SGD(fc.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    loss = fc(x).pow(2).mean()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 6), fc.weight_orig.grad)
print(fc.weight)
print(fc.weight_orig)

# %%
t = torch.tensor([[0.5, -0.5, 0.1], [0.1, 2.0, -0.1]])
for amount in (1, 2, 3, 0.5):
    print(amount, prune.L1Unstructured(amount=amount).compute_mask(t, torch.ones_like(t)))
m = nn.Linear(3, 2, bias=False)
with torch.no_grad():
    m.weight.copy_(t)
prune.l1_unstructured(m, "weight", amount=2)
prune.l1_unstructured(m, "weight", amount=2)
print(m.weight_mask, m.weight)
print([type(p).__name__ for p in next(iter(m._forward_pre_hooks.values()))])

# %%
torch.manual_seed(3)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
scores = {net[0]: torch.arange(12.).view(4, 3), net[2]: torch.arange(8.).view(2, 4).flip(1)}
prune.global_unstructured([(net[0], "weight"), (net[2], "weight")], pruning_method=prune.L1Unstructured,
                          importance_scores={(net[0], "weight"): scores[net[0]], (net[2], "weight"): scores[net[2]]},
                          amount=6)
print(net[0].weight_mask, net[2].weight_mask)
print(list(net.state_dict().keys()))

# %%
try:
    pruned = copy.deepcopy(net)
except Exception as e:
    print(type(e).__name__, e)
sd = net.state_dict()
fresh = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
try:
    fresh.load_state_dict(sd)
except Exception as e:
    print(type(e).__name__, e)
print(fresh.load_state_dict(sd, strict=False))
for mod in (net[0], net[2]):
    prune.remove(mod, "weight")
print(list(net.state_dict().keys()))
print(fresh.load_state_dict(net.state_dict()))
print(torch.equal(fresh[0].weight, net[0].weight), (fresh[0].weight == 0).sum())

# %%
lin = nn.Linear(3, 3)
prune.random_unstructured(lin, "weight", amount=0.5)
for bad in (lambda: prune.custom_from_mask(lin, "bias", mask=torch.ones(2)),
            lambda: prune.l1_unstructured(lin, "weight_orig", amount=0.2),
            lambda: prune.global_unstructured([(lin, "weight")], pruning_method=prune.L1Unstructured),
            lambda: prune.global_unstructured([lin], pruning_method=prune.L1Unstructured, amount=0.2),
            lambda: prune.remove(lin, "bias")):
    try:
        bad()
        print("ok", [n for n, _ in lin.named_buffers()])
    except Exception as e:
        print(type(e).__name__, e)
