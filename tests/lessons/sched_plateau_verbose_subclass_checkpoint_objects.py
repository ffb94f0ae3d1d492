# Imitates a "ReduceLROnPlateau lost verbose=True" forum answer and a checkpointing tutorial that saves whole
# objects: a ReduceLROnPlateau subclass overriding _reduce_lr to report each reduction, OneCycleLR's annealing
# functions plotted by hand, and torch.save / torch.load of an AdamW optimizer and its scheduler as objects.
import io
import torch
from torch import nn
from torch.optim import lr_scheduler

torch.set_printoptions(precision=6)


def setup(cls=torch.optim.AdamW, **kw):
    torch.manual_seed(3)
    model = nn.Sequential(nn.Linear(3, 3), nn.Tanh(), nn.Linear(3, 1))
    return model, cls(model.parameters(), **kw)


torch.manual_seed(0)
X, Y = torch.randn(6, 3), torch.randn(6, 1)


def epoch(model, opt):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(X), Y)
    loss.backward()
    opt.step()
    return loss.item()

# %%
class VerbosePlateau(lr_scheduler.ReduceLROnPlateau):
    def _reduce_lr(self, epoch):
        before = [group["lr"] for group in self.optimizer.param_groups]
        super()._reduce_lr(epoch)
        for i, (old, group) in enumerate(zip(before, self.optimizer.param_groups)):
            if group["lr"] != old:
                print(f"Epoch {epoch}: reducing learning rate of group {i} to {group['lr']:.4e}.")


model, opt = setup(lr=0.05)
plateau = VerbosePlateau(opt, mode="min", factor=0.3, patience=1, min_lr=1e-3)
for e in range(8):
    loss = epoch(model, opt)
    plateau.step(round(loss, 1))
    print(e, round(loss, 6), plateau.get_last_lr(), plateau.num_bad_epochs)

# %%
pcts = [i / 4 for i in range(5)]
print([lr_scheduler.OneCycleLR._annealing_cos(0.1, 0.001, p) for p in pcts])
print([lr_scheduler.OneCycleLR._annealing_linear(0.1, 0.001, p) for p in pcts])
print([lr_scheduler.CyclicLR._triangular2_scale_fn(c) for c in (1, 2, 3)])

# %%
model, opt = setup(lr=0.01, weight_decay=0.05)
sched = lr_scheduler.OneCycleLR(opt, max_lr=0.05, total_steps=10, anneal_strategy="linear")
for e in range(4):
    epoch(model, opt)
    sched.step()
buf = io.BytesIO()
torch.save({"optimizer": opt, "scheduler": sched, "model": model.state_dict()}, buf)
buf.seek(0)
ckpt = torch.load(buf, weights_only=False)
opt2, sched2 = ckpt["optimizer"], ckpt["scheduler"]
print(type(opt2).__name__, type(sched2).__name__, sched2.last_epoch, sched2.get_last_lr())
print(opt2.state_dict()["param_groups"][0])
print(opt2.state_dict()["state"][0]["exp_avg"])

# %%
model, opt = setup(torch.optim.NAdam, lr=0.01)
epoch(model, opt)
buf = io.BytesIO()
torch.save(opt, buf)
buf.seek(0)
opt3 = torch.load(buf, weights_only=False)
print(opt3)
print(opt3.state_dict()["state"][1])
