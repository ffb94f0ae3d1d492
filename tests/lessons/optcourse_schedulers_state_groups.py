# Imitates the "training the optimiser" lecture of an optimisation course with PyTorch (notebooks comparing
# learning-rate schedules on one quadratic: StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, OneCycleLR,
# CyclicLR and ReduceLROnPlateau side by side, then an optimizer with parameter groups, its state_dict saved and
# loaded back mid-run, and a scheduler's state_dict round trip).
import copy
import io

import torch
from torch.optim import lr_scheduler

torch.manual_seed(0)
A = torch.tensor([[3.0, 0.5], [0.5, 1.0]])
b = torch.tensor([1.0, -2.0])

def loss_fn(x):
    return 0.5 * x @ A @ x - b @ x

x_star = torch.linalg.solve(A, b)
print(x_star, loss_fn(x_star))

# %%
def run(make_sched, steps=20, lr=0.1, opt_cls=torch.optim.SGD, **opt_kw):
    x = torch.zeros(2, requires_grad=True)
    opt = opt_cls([x], lr=lr, **opt_kw)
    sched = make_sched(opt)
    lrs, losses = [], []
    for t in range(steps):
        opt.zero_grad()
        loss = loss_fn(x)
        loss.backward()
        opt.step()
        lrs.append(opt.param_groups[0]["lr"])
        losses.append(loss.item())
        if isinstance(sched, lr_scheduler.ReduceLROnPlateau):
            sched.step(loss.item())
        else:
            sched.step()
    return x.detach(), lrs, losses, sched

schedules = {
    "step": lambda o: lr_scheduler.StepLR(o, step_size=5, gamma=0.5),
    "multistep": lambda o: lr_scheduler.MultiStepLR(o, milestones=[4, 12], gamma=0.3),
    "exp": lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9),
    "cosine": lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=20, eta_min=0.01),
    "onecycle": lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=20),
    "cyclic": lambda o: lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.3, step_size_up=4),
    "plateau": lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=2, threshold=1e-3),
}
for name, make in schedules.items():
    xf, lrs, losses, sched = run(make)
    print(f"{name:10s} x={xf.numpy().round(4)} loss={losses[-1]:.6f} lrs={[round(v, 4) for v in lrs[::4]]}")
    print("    last_lr", [round(v, 5) for v in sched.get_last_lr()] if hasattr(sched, "get_last_lr") else None)

# %%
_, lrs, _, sched = run(schedules["onecycle"], momentum=0.9)
print([round(v, 5) for v in lrs])
print(sched.optimizer.param_groups[0]["momentum"], sorted(k for k in sched.state_dict() if not k.startswith("_")))
_, lrs, _, sched = run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=20, anneal_strategy="linear",
                                                         three_phase=True), momentum=0.9)
print([round(v, 5) for v in lrs])
# stepping past total_steps
try:
    sched.step()
except ValueError as e:
    print("ValueError:", e)

# %%
_, lrs, losses, sched = run(schedules["plateau"], steps=30, lr=0.45)
print([round(v, 4) for v in lrs])
print(sched.num_bad_epochs, sched.best, sched.cooldown_counter, sched.get_last_lr())
print(sched.state_dict()["mode"], sched.state_dict()["_last_lr"])
# a negative loss makes the relative threshold generous: with an absolute one the plateau is seen
_, lrs, losses, sched = run(lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=2, threshold=1e-3,
                                                                     threshold_mode="abs", cooldown=1, min_lr=0.02),
                            steps=30, lr=0.45)
print([round(v, 4) for v in lrs])
print(sched.num_bad_epochs, sched.best, sched.cooldown_counter, sched.get_last_lr(), sched.min_lrs)

# %%
# parameter groups: a different lr and weight decay per coordinate block
w1 = torch.zeros(2, requires_grad=True)
w2 = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([{"params": [w1]}, {"params": [w2], "lr": 0.01, "weight_decay": 0.1}], lr=0.1, momentum=0.9)
print(opt)
for t in range(3):
    opt.zero_grad()
    (loss_fn(w1) + loss_fn(w2)).backward()
    opt.step()
print(w1, w2)
print([g["lr"] for g in opt.param_groups], [len(g["params"]) for g in opt.param_groups])
sd = opt.state_dict()
print(sd["param_groups"])
print({k: v["momentum_buffer"] for k, v in sd["state"].items()})

# %%
# save the optimizer mid-run, load it into a fresh one, and continue: both runs agree
buf = io.BytesIO()
torch.save({"w1": w1.detach().clone(), "w2": w2.detach().clone(), "opt": opt.state_dict()}, buf)
buf.seek(0)
ckpt = torch.load(buf)
v1 = ckpt["w1"].clone().requires_grad_(True)
v2 = ckpt["w2"].clone().requires_grad_(True)
opt2 = torch.optim.SGD([{"params": [v1]}, {"params": [v2], "lr": 0.5}], lr=0.3, momentum=0.0)
opt2.load_state_dict(ckpt["opt"])
print(opt2.param_groups[1]["lr"], opt2.param_groups[0]["momentum"], opt2.state[v1]["momentum_buffer"])
for t in range(3):
    for o, (a, c) in ((opt, (w1, w2)), (opt2, (v1, v2))):
        o.zero_grad()
        (loss_fn(a) + loss_fn(c)).backward()
        o.step()
print(torch.equal(w1, v1), torch.equal(w2, v2), w2)

# %%
# a scheduler's state_dict round trip, and add_param_group with a scheduler attached
x = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([x], lr=0.1)
sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for t in range(5):
    opt.step()
    sched.step()
state = copy.deepcopy(sched.state_dict())
print(state)
opt_b = torch.optim.Adam([torch.zeros(2, requires_grad=True)], lr=0.1)
sched_b = lr_scheduler.StepLR(opt_b, step_size=3, gamma=0.9)
sched_b.load_state_dict(state)
print(sched_b.step_size, sched_b.gamma, sched_b.last_epoch, sched_b.get_last_lr(), opt_b.param_groups[0]["lr"])
y = torch.ones(3, requires_grad=True)
opt.add_param_group({"params": [y], "lr": 0.05})
print(len(opt.param_groups), opt.param_groups[1]["betas"], opt.param_groups[1].get("initial_lr"))
sched.step()
print([g["lr"] for g in opt.param_groups])

# %%
# learner mistakes: the same tensor in two groups, a scheduler's step before the optimizer's
z = torch.zeros(2, requires_grad=True)
try:
    torch.optim.SGD([{"params": [z]}, {"params": [z]}], lr=0.1)
except ValueError as e:
    print("ValueError:", e)
try:
    opt.add_param_group({"params": [x]})
except ValueError as e:
    print("ValueError:", e)
o = torch.optim.SGD([z], lr=0.1)
s = lr_scheduler.StepLR(o, step_size=1)
s.step()
print(o.param_groups[0]["lr"])
