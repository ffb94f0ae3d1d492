# Imitates lessons that print an optimizer's insides after a few steps on a small seeded MLP: state_dict()['state']
# tensors, param_groups, add_param_group for a new head, zero_grad(set_to_none=False), and the same run compared
# step by step with a hand-written AMSGrad/AdamW state.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
body = nn.Sequential(nn.Linear(2, 3), nn.Tanh())
head = nn.Linear(3, 1)
X = torch.randn(6, 2)
y = torch.randn(6, 1)

# %%
opt = torch.optim.AdamW(body.parameters(), lr=1e-2, weight_decay=0.05, amsgrad=True)
for _ in range(2):
    opt.zero_grad()
    F.mse_loss(head(body(X)), y).backward()
    opt.step()
sd = opt.state_dict()
print(sd.keys(), list(sd["state"].keys()))
print(sd["state"][1])
print(sd["param_groups"])
print(type(sd["state"][0]["step"]), sd["state"][0]["step"].dtype, sd["state"][0]["exp_avg"].requires_grad)

# %%
opt.add_param_group({"params": head.parameters(), "lr": 1e-3})
print(len(opt.param_groups), [g["lr"] for g in opt.param_groups], opt.param_groups[1]["amsgrad"],
      opt.param_groups[1]["weight_decay"])
print(opt)
try:
    opt.add_param_group({"params": head.weight})
except ValueError as e:
    print(type(e).__name__, e)
try:
    opt.add_param_group({"params": [torch.zeros(2, requires_grad=True) * 2]})
except ValueError as e:
    print(type(e).__name__, e)
try:
    opt.add_param_group({"params": set(head.parameters())})
except TypeError as e:
    print(type(e).__name__, e)
opt.zero_grad()
F.mse_loss(head(body(X)), y).backward()
opt.step()
print(sorted(opt.state_dict()["state"].keys()), opt.state_dict()["param_groups"][1]["params"])
print(opt.state[head.bias])

# %%
opt.zero_grad(set_to_none=False)
print(head.weight.grad, body[0].bias.grad, head.weight.grad.grad_fn)
opt.zero_grad()
print(head.weight.grad, body[0].bias.grad is None)
sgd = torch.optim.SGD([{"params": body.parameters()}, {"params": head.parameters(), "momentum": 0.9}], lr=0.1)
print(sgd.state_dict())
F.mse_loss(head(body(X)), y).backward()
sgd.step()
print(sgd.state_dict()["state"])
sgd.zero_grad(set_to_none=False)
print([p.grad.abs().sum().item() for p in head.parameters()])

# %%
# load the state into a fresh optimizer and step both: the same parameters
import copy
body2, head2 = copy.deepcopy(body), copy.deepcopy(head)
opt2 = torch.optim.AdamW([{"params": body2.parameters()}, {"params": head2.parameters(), "lr": 1e-3}],
                         lr=1e-2, weight_decay=0.05, amsgrad=True)
opt2.load_state_dict(opt.state_dict())
for o, b, h in ((opt, body, head), (opt2, body2, head2)):
    o.zero_grad()
    F.mse_loss(h(b(X)), y).backward()
    o.step()
print(torch.equal(head.weight, head2.weight), torch.equal(body[0].weight, body2[0].weight))
print(opt2.state[head2.weight]["max_exp_avg_sq"], opt2.state[head2.weight]["step"])
bad = opt.state_dict()
bad["param_groups"] = bad["param_groups"][:1]
try:
    opt2.load_state_dict(bad)
except ValueError as e:
    print(type(e).__name__, e)
