# Imitates the torch.func "whirlwind tour" and the functional_call / stack_module_state API docs: a model's
# parameters as a dict, torch.func.grad of a loss over that dict, a few functional SGD steps with grad_and_value,
# an ensemble of models run with vmap over functional_call, and what their outputs print.
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call, grad, grad_and_value, vmap, stack_module_state
torch.manual_seed(0)

model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
params = {k: v.detach() for k, v in model.named_parameters()}
x = torch.randn(8, 3)
y = x.sum(1, keepdim=True)

def compute_loss(params, x, y):
    pred = functional_call(model, params, (x,))
    return F.mse_loss(pred, y)

grads = grad(compute_loss)(params, x, y)
print(list(grads.keys()))
print(grads["2.bias"])
print(grads["0.weight"].shape, grads["0.weight"].requires_grad)

# %%
# the same gradients as autograd on the module
model.zero_grad()
F.mse_loss(model(x), y).backward()
print(all(torch.allclose(grads[k], p.grad, atol=1e-6) for k, p in model.named_parameters()))

# %%
# functional SGD: the loss value comes along with grad_and_value
lr = 0.1
for step in range(3):
    g, loss = grad_and_value(compute_loss)(params, x, y)
    params = {k: p - lr * g[k] for k, p in params.items()}
    print(step, round(loss.item(), 4))
print(functional_call(model, params, (x[:2],)))

# %%
# per-example gradients of the dict: vmap over the data, not the parameters
def loss_one(params, xi, yi):
    return compute_loss(params, xi.unsqueeze(0), yi.unsqueeze(0))

per_example = vmap(grad(loss_one), in_dims=(None, 0, 0))(params, x, y)
print({k: tuple(v.shape) for k, v in per_example.items()})
print(torch.allclose(per_example["2.bias"].mean(0), grad(compute_loss)(params, x, y)["2.bias"], atol=1e-6))

# %%
# an ensemble: parameters stacked along a new leading dimension
models = [nn.Linear(3, 2) for _ in range(4)]
e_params, e_buffers = stack_module_state(models)
print({k: (tuple(v.shape), v.requires_grad, v.is_leaf) for k, v in e_params.items()})
base = copy.deepcopy(models[0]).to("meta")

def fmodel(params, buffers, x):
    return functional_call(base, (params, buffers), (x,))

out_same = vmap(fmodel, in_dims=(0, 0, None))(e_params, e_buffers, x[:2])
print(out_same.shape)
print(out_same[1])
print(torch.allclose(out_same[1], models[1](x[:2])))
out_tanh = vmap(lambda p, b, xb: fmodel(p, b, xb).tanh())(e_params, e_buffers, torch.randn(4, 2, 3))
print(out_tanh.grad_fn)
print(out_tanh.sum(-1))

# %%
# training the ensemble's stacked parameters with autograd
loss = vmap(fmodel, in_dims=(0, 0, None))(e_params, e_buffers, x).pow(2).mean()
loss.backward()
print(loss)
print(e_params["bias"].grad)
print(models[0].bias.grad)

# %%
for make in [
    lambda: functional_call(model, {"0.weight": torch.zeros(4, 3), "extra": torch.zeros(1)}, (x,), strict=True),
    lambda: stack_module_state([]),
    lambda: stack_module_state([nn.Linear(3, 2), nn.Linear(3, 3)]),
    lambda: grad(compute_loss)(params, x),
]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
