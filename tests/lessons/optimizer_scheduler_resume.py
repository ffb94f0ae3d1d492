# Imitates the "Saving and loading a general checkpoint" recipe carried on to schedulers, as training scripts and
# forum answers resume a run: a checkpoint dict with the model, an Adam optimizer with two parameter groups, a
# StepLR and a ReduceLROnPlateau; resuming so that the next steps match the uninterrupted run, and the mistakes: an
# optimizer state_dict loaded into an optimizer of other groups, the optimizer made before the model is moved
# or replaced, a scheduler loaded before the optimizer, and saving the optimizer object itself.
import io
import torch
import torch.nn as nn

# %%
def make():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
    opt = torch.optim.Adam([{"params": model[0].parameters()},
                            {"params": model[2].parameters(), "lr": 0.01}], lr=0.05, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    return model, opt, sched

torch.manual_seed(1)
X, y = torch.randn(16, 3), torch.randn(16, 1)

def train(model, opt, sched, epochs):
    for epoch in range(epochs):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
        sched.step()
    return loss.item()

model, opt, sched = make()
print(round(train(model, opt, sched, 3), 5), sched.get_last_lr())
print(sched.state_dict())
print(opt.state_dict()["param_groups"])
print(opt.state_dict()["state"][0]["step"], opt.state_dict()["state"][3]["exp_avg_sq"])

# %%
buf = io.BytesIO()
torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": opt.state_dict(),
            "scheduler": sched.state_dict()}, buf)
buf.seek(0)
ckpt = torch.load(buf, weights_only=True)
print(sorted(ckpt), ckpt["scheduler"]["last_epoch"])

m2, o2, s2 = make()
m2.load_state_dict(ckpt["model"])
o2.load_state_dict(ckpt["optimizer"])
s2.load_state_dict(ckpt["scheduler"])
print(o2.param_groups[1]["lr"], s2.get_last_lr(), s2.last_epoch)
print(o2.state[m2[2].bias]["step"], o2.state[m2[2].bias]["exp_avg"])

# %%
a = train(model, opt, sched, 2)
b = train(m2, o2, s2, 2)
print(round(a, 5), round(b, 5), a == b, sched.get_last_lr() == s2.get_last_lr())
print(torch.equal(model[0].weight, m2[0].weight))

# %%
m3, o3, s3 = make()
s3.load_state_dict(ckpt["scheduler"])
print(o3.param_groups[0]["lr"], s3.get_last_lr())
o3.load_state_dict(ckpt["optimizer"])
print(o3.param_groups[0]["lr"], o3.param_groups[0]["initial_lr"], s3.get_last_lr())

# %%
one_group = torch.optim.Adam(m2.parameters(), lr=0.05)
try:
    one_group.load_state_dict(ckpt["optimizer"])
except ValueError as e:
    print("ValueError", e)
other = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))
o4 = torch.optim.Adam([{"params": other[0].parameters()}, {"params": other[2].parameters()}], lr=0.05)
try:
    o4.load_state_dict(ckpt["optimizer"])
    print("loaded", o4.state[other[0].weight]["exp_avg"].shape, other[0].weight.shape)
except Exception as e:
    print(type(e).__name__, e)
sgd = torch.optim.SGD([{"params": other[0].parameters()}, {"params": other[2].parameters()}], lr=0.1)
sgd.load_state_dict(ckpt["optimizer"])
print(sorted(sgd.param_groups[0]), sorted(sgd.state[other[0].bias]))

# %%
plateau_model, popt, _ = make()
plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(popt, mode="min", factor=0.1, patience=1)
for val in [1.0, 0.9, 0.95, 0.97, 0.99]:
    plateau.step(val)
sd = plateau.state_dict()
print({k: v for k, v in sd.items() if k != "mode_worse"}, plateau.get_last_lr())
p2 = torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.Adam(make()[0].parameters()), factor=0.1, patience=1)
p2.load_state_dict(sd)
print(p2.best, p2.num_bad_epochs, p2.last_epoch, p2.optimizer.param_groups[0]["lr"])

# %%
buf2 = io.BytesIO()
torch.save(opt, buf2)
buf2.seek(0)
try:
    torch.load(buf2)
except Exception as e:
    print(type(e).__name__, str(e).split("\n")[-3][:160])
buf2.seek(0)
o5 = torch.load(buf2, weights_only=False)
print(type(o5).__name__, len(o5.param_groups), o5.param_groups[1]["lr"])
buf3 = io.BytesIO()
torch.save(sched.state_dict(), buf3)
buf3.seek(0)
print(torch.load(buf3, weights_only=True))
