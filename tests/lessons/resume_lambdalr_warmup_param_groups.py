# Imitates resuming a fine-tuning run as the Hugging Face forum answers and run_*_no_trainer.py scripts do it by
# hand ("resume_from_checkpoint" without Trainer): a LambdaLR warm-up schedule rebuilt with last_epoch, its
# state_dict with a plain function and with a callable object, AdamW's param_groups (no_decay split) saved and
# restored, add_param_group for a newly unfrozen layer, and the learners' errors on the way.
import io
import torch
import torch.nn as nn
from torch.optim.lr_scheduler import LambdaLR


def warmup_linear(num_warmup_steps, num_training_steps):
    def lr_lambda(step):
        if step < num_warmup_steps:
            return step / max(1, num_warmup_steps)
        return max(0.0, (num_training_steps - step) / max(1, num_training_steps - num_warmup_steps))
    return lr_lambda


class WarmupLinear:
    def __init__(self, warmup, total):
        self.warmup, self.total = warmup, total

    def __call__(self, step):
        if step < self.warmup:
            return step / max(1, self.warmup)
        return max(0.0, (self.total - step) / max(1, self.total - self.warmup))


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.Linear(8, 2))
decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
print(len(decay), len(no_decay))
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": no_decay, "weight_decay": 0.0}],
                        lr=1e-2, betas=(0.9, 0.95))
sched = LambdaLR(opt, warmup_linear(3, 10))
X, y = torch.randn(16, 4), torch.randint(0, 2, (16,))
for step in range(5):
    opt.zero_grad()
    nn.functional.cross_entropy(model(X), y).backward()
    opt.step()
    sched.step()
print(sched.get_last_lr(), sched.last_epoch)
sd = sched.state_dict()
print(sd)
print(opt.state_dict()["param_groups"])

# %%
# a callable object's attributes go into the state_dict, a function's do not
opt2 = torch.optim.SGD(model.parameters(), lr=0.1)
s2 = LambdaLR(opt2, WarmupLinear(2, 6))
print(s2.state_dict()["lr_lambdas"])
s2.lr_lambdas[0].warmup = 4
s3 = LambdaLR(torch.optim.SGD(model.parameters(), lr=0.1), WarmupLinear(2, 6))
s3.load_state_dict(s2.state_dict())
print(s3.lr_lambdas[0].warmup, s3.lr_lambdas[0].total)
s4 = LambdaLR(torch.optim.SGD(model.parameters(), lr=0.1), [WarmupLinear(1, 2)])
print(s4.state_dict()["lr_lambdas"], s4.get_last_lr())

# %%
# rebuilding the schedule with last_epoch on a fresh optimizer: initial_lr is missing
fresh = torch.optim.AdamW(model.parameters(), lr=1e-2)
try:
    LambdaLR(fresh, warmup_linear(3, 10), last_epoch=4)
except Exception as e:
    print(type(e).__name__, e)
buf = io.BytesIO()
torch.save({"optimizer": opt.state_dict(), "scheduler": sched.state_dict(), "step": 5}, buf)
buf.seek(0)
ck = torch.load(buf)
o2 = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": no_decay, "weight_decay": 0.0}],
                       lr=1e-2, betas=(0.9, 0.95))
o2.load_state_dict(ck["optimizer"])
print([g["initial_lr"] for g in o2.param_groups], [g["lr"] for g in o2.param_groups])
s5 = LambdaLR(o2, warmup_linear(3, 10), last_epoch=ck["step"] - 1)
print(s5.last_epoch, s5.get_last_lr(), [g["lr"] for g in o2.param_groups])
s5.step()
sched.step()
print(s5.get_last_lr(), sched.get_last_lr())

# %%
# add_param_group for a layer unfrozen later; its lr is the optimizer's default, its initial_lr missing
head = nn.Linear(2, 2)
opt.add_param_group({"params": head.parameters(), "weight_decay": 0.0, "lr": 1e-3})
print(len(opt.param_groups), sorted(opt.param_groups[2]), opt.param_groups[2]["lr"])
try:
    opt.add_param_group({"params": no_decay})
except Exception as e:
    print(type(e).__name__, e)
try:
    sched.step()
    print(sched.get_last_lr())
except Exception as e:
    print(type(e).__name__, e)
try:
    opt.add_param_group({"params": torch.zeros(2, requires_grad=True) * 2})
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.AdamW([{"params": decay}, {"params": decay}])
except Exception as e:
    print(type(e).__name__, e)
