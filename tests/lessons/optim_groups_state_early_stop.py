# Imitates the "training loop, properly" chapter of a deep-learning course: an optimizer with parameter groups
# (no weight decay on biases and norms, a smaller lr for the body), add_param_group when a frozen layer is
# unfrozen, the optimizer's state_dict printed, saved and loaded into a fresh optimizer, zero_grad with and without
# set_to_none, and early stopping that keeps the best weights with copy.deepcopy(model.state_dict()); with the
# learners' mistakes (a parameter in two groups, a bad group, a state_dict of another optimizer).
import copy
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
X = torch.randn(80, 5)
w_true = torch.tensor([[1.0], [-2.0], [0.5], [0.0], [3.0]])
y = X @ w_true + 0.3 * torch.randn(80, 1)
Xtr, ytr, Xva, yva = X[:60], y[:60], X[60:], y[60:]

model = nn.Sequential(nn.Linear(5, 8), nn.LayerNorm(8), nn.ReLU(), nn.Linear(8, 1))
decay, no_decay = [], []
for name, p in model.named_parameters():
    (no_decay if name.endswith("bias") or name.startswith("1.") else decay).append(p)
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                         {"params": no_decay, "weight_decay": 0.0}], lr=0.01, betas=(0.9, 0.99))
print(opt)
print([len(g["params"]) for g in opt.param_groups], opt.defaults["weight_decay"])

# %%
for epoch in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(Xtr), ytr)
    loss.backward()
    opt.step()
sd = opt.state_dict()
print(sd.keys(), sorted(sd["state"]))
print(sd["param_groups"])
print(sd["state"][0]["step"], sd["state"][0]["exp_avg"].shape, sd["state"][5]["exp_avg_sq"])

# %%
print(opt.state_dict()["state"][2])
print(type(opt.state), len(opt.state), list(opt.state[model[3].bias].keys()))

# %%
# zero_grad: None (the default) or zeros in place
opt.zero_grad(set_to_none=False)
print(model[3].bias.grad, model[0].weight.grad.abs().sum())
g = model[3].bias.grad
nn.functional.mse_loss(model(Xtr), ytr).backward()
print(g is model[3].bias.grad, g)
opt.zero_grad()
print(model[3].bias.grad, [p.grad for p in model.parameters()][:2])
model.zero_grad(set_to_none=False)
print(model[3].bias.grad)
model.zero_grad()
print(model[3].bias.grad)

# %%
# a parameter in two groups, a group that is not a dict, parameters given as a set
try:
    torch.optim.SGD([{"params": decay}, {"params": decay[:1], "lr": 0.1}], lr=0.01)
except ValueError as e:
    print("ValueError:", e)
try:
    opt.add_param_group([model[0].weight])
except TypeError as e:
    print("TypeError:", e)
try:
    torch.optim.SGD(set(model.parameters()), lr=0.1)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.optim.SGD(model.parameters())
    print("no lr: fine in this version")
except TypeError as e:
    print("TypeError:", e)
try:
    torch.optim.SGD(model.parameters(), lr=-0.1)
except ValueError as e:
    print("ValueError:", e)
try:
    torch.optim.Adam(model.parameters(), betas=(0.9, 1.0))
except ValueError as e:
    print("ValueError:", e)
try:
    torch.optim.AdamW([], lr=0.1)
except ValueError as e:
    print("ValueError:", e)

# %%
# unfreeze: a new head trained with its own lr, the scheduler sees the new group
head2 = nn.Linear(8, 1)
opt.add_param_group({"params": head2.parameters(), "lr": 0.003})
print(len(opt.param_groups), opt.param_groups[2]["lr"], opt.param_groups[2]["betas"],
      opt.param_groups[2]["weight_decay"], sorted(opt.param_groups[2]))
print(opt.state_dict()["param_groups"][2]["params"])
opt.param_groups[0]["lr"] = 0.02
print([g["lr"] for g in opt.param_groups])

# %%
# save / load: the checkpoint of a tutorial
buf = io.BytesIO()
torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": opt.state_dict()}, buf)
buf.seek(0)
ckpt = torch.load(buf, weights_only=True)
model2 = nn.Sequential(nn.Linear(5, 8), nn.LayerNorm(8), nn.ReLU(), nn.Linear(8, 1))
model2.load_state_dict(ckpt["model"])
opt2 = torch.optim.AdamW([{"params": [p for n, p in model2.named_parameters() if not (n.endswith("bias") or n.startswith("1."))]},
                          {"params": [p for n, p in model2.named_parameters() if n.endswith("bias") or n.startswith("1.")]}],
                         lr=0.5)
try:
    opt2.load_state_dict(ckpt["optimizer"])
except ValueError as e:
    print("ValueError:", e)
opt2.add_param_group({"params": nn.Linear(8, 1).parameters()})
opt2.load_state_dict(ckpt["optimizer"])
print([g["lr"] for g in opt2.param_groups], [g["weight_decay"] for g in opt2.param_groups])
p0 = opt2.param_groups[0]["params"][0]
print(opt2.state[p0]["step"], torch.equal(opt2.state[p0]["exp_avg"], opt.state[decay[0]]["exp_avg"]))
try:
    torch.optim.SGD(model2.parameters(), lr=0.1).load_state_dict(ckpt["optimizer"])
except ValueError as e:
    print("ValueError:", e)
sgd = torch.optim.SGD([{"params": g["params"]} for g in opt2.param_groups], lr=0.1, momentum=0.9)
sgd.load_state_dict(ckpt["optimizer"])
print(sgd.param_groups[0].keys())

# %%
# early stopping: keep the best weights, stop after `patience` epochs without improvement
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(5, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)
best, best_state, best_epoch, bad, patience = float("inf"), None, -1, 0, 4
history = []
for epoch in range(50):
    model.train()
    for i in range(0, 60, 15):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(Xtr[i:i + 15]), ytr[i:i + 15])
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        val = nn.functional.mse_loss(model(Xva), yva).item()
    history.append(round(val, 5))
    if val < best - 1e-4:
        best, best_epoch, bad = val, epoch, 0
        best_state = copy.deepcopy(model.state_dict())
    else:
        bad += 1
        if bad >= patience:
            print(f"early stop at epoch {epoch}, best {best:.5f} at {best_epoch}")
            break
print(history[::3])
print(best_state["0.bias"][:4], best_state["2.weight"].requires_grad, type(best_state).__name__)

# %%
# the trap: a state_dict without deepcopy follows the model
alias = model.state_dict()
kept = copy.deepcopy(model.state_dict())
with torch.no_grad():
    model[2].bias.add_(10.0)
print(alias["2.bias"], kept["2.bias"])
model.load_state_dict(best_state)
with torch.no_grad():
    print(nn.functional.mse_loss(model(Xva), yva), model[2].bias)
print(model.load_state_dict(best_state, strict=False))
try:
    model.load_state_dict({"0.weight": best_state["0.weight"]})
except RuntimeError as e:
    print("RuntimeError:", e)

# %%
# a second optimizer loaded straight from the first one's state_dict() shares its buffers (no deepcopy)
a = nn.Parameter(torch.tensor([1.0, -1.0]))
b = nn.Parameter(torch.tensor([1.0, -1.0]))
opt_a = torch.optim.Adam([a], lr=0.1)
opt_b = torch.optim.Adam([b], lr=0.1)
a.grad = torch.tensor([0.5, -0.5])
opt_a.step()
opt_b.load_state_dict(opt_a.state_dict())
print(opt_b.state[b]["exp_avg"] is opt_a.state[a]["exp_avg"])
for _ in range(4):
    for p, o in ((a, opt_a), (b, opt_b)):
        p.grad = torch.tensor([0.5, -0.5])
        o.step()
print(a, b, opt_a.state[a]["step"], opt_b.state[b]["step"])
opt_c = torch.optim.Adam([nn.Parameter(torch.tensor([1.0, -1.0]))], lr=0.1)
opt_c.load_state_dict(copy.deepcopy(opt_a.state_dict()))
print(opt_c.state_dict()["state"][0]["step"], opt_c.state_dict()["state"][0] is opt_a.state[a])

# %%
# hooks around state_dict(): drop the state of a frozen parameter, log a load
h1 = opt_a.register_state_dict_post_hook(lambda o, sd: {"state": {}, "param_groups": sd["param_groups"]})
h2 = opt_b.register_load_state_dict_pre_hook(lambda o, sd: print("loading", sorted(sd), len(sd["state"])))
h3 = opt_b.register_load_state_dict_post_hook(lambda o: print("loaded", len(o.state)), prepend=True)
opt_b.load_state_dict(opt_a.state_dict())
h1.remove()
opt_b.load_state_dict(opt_a.state_dict())
print(type(h1).__name__, len(opt_b.state))

# %%
# unfreezing after the scheduler was made: the new group has no initial_lr, and the lambdas count the groups
from torch.optim import lr_scheduler
body, top = nn.Linear(4, 4), nn.Linear(4, 1)
for make in (lambda o: lr_scheduler.StepLR(o, step_size=1, gamma=0.5),
             lambda o: lr_scheduler.LambdaLR(o, lambda e: 0.5 ** e),
             lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=3),
             lambda o: lr_scheduler.ReduceLROnPlateau(o, patience=0, min_lr=[1e-4])):
    opt = torch.optim.SGD(top.parameters(), lr=0.1, momentum=0.9)
    sched = make(opt)
    opt.add_param_group({"params": body.parameters(), "lr": 0.01})
    try:
        for _ in range(4):
            opt.step()
            sched.step(1.0) if isinstance(sched, lr_scheduler.ReduceLROnPlateau) else sched.step()
        print(type(sched).__name__, [round(g["lr"], 5) for g in opt.param_groups])
    except (ValueError, RuntimeError, KeyError) as e:
        print(type(sched).__name__, type(e).__name__, e)
