# Imitates the torch.optim documentation page ("How to use an optimizer", "Taking an optimization step" with
# optimizer.step(closure) for LBFGS, "Per-parameter options" with add_param_group, and Optimizer.state_dict /
# load_state_dict / zero_grad's Examples) as a learner copies them: state_dict() printed whole, param_groups keys,
# a reload into a fresh optimizer, zero_grad(set_to_none=False) and the errors for mismatched groups.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
x = torch.randn(8, 3)
y = torch.randn(8, 1)
loss_fn = nn.MSELoss()

# %%
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
print(optimizer.state_dict())
for input, target in zip(x.split(4), y.split(4)):
    optimizer.zero_grad()
    output = model(input)
    loss = loss_fn(output, target)
    loss.backward()
    optimizer.step()
sd = optimizer.state_dict()
print(sd.keys())
print(sd["param_groups"])
print(list(sd["state"].keys()))
print(sd["state"][3])

# %%
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn(model(x), y).backward()
optimizer.step()
sd = optimizer.state_dict()
print(sd["state"][0].keys())
print(sd["state"][3])
print(sd["param_groups"][0].keys())
opt2 = torch.optim.Adam(model.parameters(), lr=0.5)
opt2.load_state_dict(sd)
print(opt2.param_groups[0]["lr"], opt2.state[model[2].bias])
print(opt2)

# %%
optimizer = torch.optim.SGD([
    {"params": model[0].parameters()},
    {"params": model[2].parameters(), "lr": 1e-3},
], lr=1e-2, momentum=0.9)
print(optimizer)
print(len(optimizer.param_groups), [g["lr"] for g in optimizer.param_groups])
print(optimizer.state_dict()["param_groups"])
extra = nn.Parameter(torch.zeros(2))
optimizer.add_param_group({"params": extra, "lr": 0.5, "momentum": 0.0})
print(optimizer)
print(optimizer.state_dict()["param_groups"][2])
try:
    optimizer.add_param_group({"params": model[0].weight})
except Exception as e:
    print(type(e).__name__, e)
try:
    optimizer.add_param_group({"lr": 0.1})
except Exception as e:
    print(type(e).__name__, e)

# %%
optimizer.zero_grad()
print(model[0].weight.grad)
loss_fn(model(x), y).backward()
optimizer.zero_grad(set_to_none=False)
print(model[0].bias.grad)
optimizer.step()
print(optimizer.state_dict()["state"].keys())
small = torch.optim.SGD(model[0].parameters(), lr=0.1)
try:
    small.load_state_dict(optimizer.state_dict())
except Exception as e:
    print(type(e).__name__, e)
other = torch.optim.SGD([{"params": model[0].parameters()}, {"params": [model[2].weight]}], lr=0.1)
try:
    other.load_state_dict(torch.optim.SGD([{"params": model[0].parameters()}, {"params": model[2].parameters()}], lr=0.1).state_dict())
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
w = torch.randn(3, requires_grad=True)
optimizer = torch.optim.LBFGS([w], lr=1, max_iter=5, history_size=3, line_search_fn="strong_wolfe")
print(optimizer)
target = torch.tensor([1.0, -2.0, 0.5])
def closure():
    optimizer.zero_grad()
    loss = ((w - target) ** 2).sum() + (w ** 4).sum() * 0.1
    loss.backward()
    return loss
for i in range(3):
    loss = optimizer.step(closure)
    print(i, loss, w.data)
st = optimizer.state[w]
print(sorted(st.keys()))
print(st["func_evals"], st["n_iter"], len(st["old_dirs"]))
print(optimizer.state_dict()["state"][0]["n_iter"])
try:
    optimizer.step()
except Exception as e:
    print(type(e).__name__, e)

# %%
w2 = torch.zeros(2, requires_grad=True)
opt = torch.optim.LBFGS([w2], lr=0.5, max_iter=4)
def closure():
    opt.zero_grad()
    loss = (w2 - torch.tensor([3.0, -1.0])).pow(2).sum()
    loss.backward()
    return loss
print(opt.step(closure), w2)
print(opt.state[w2]["d"], opt.state[w2]["t"])
try:
    torch.optim.LBFGS([w2, torch.zeros(2, requires_grad=True)], lr=1).param_groups.append({})
    torch.optim.LBFGS([{"params": [w2]}, {"params": [torch.zeros(1, requires_grad=True)]}])
except Exception as e:
    print(type(e).__name__, e)
