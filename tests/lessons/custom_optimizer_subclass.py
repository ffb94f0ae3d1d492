# Imitates "write your own optimizer" tutorials: subclassing torch.optim.Optimizer (defaults, param_groups, state,
# @torch.no_grad() step with a closure), its state_dict, add_param_group, and step hooks.
import torch
import torch.nn as nn
from torch.optim import Optimizer

class SignSGD(Optimizer):
    def __init__(self, params, lr=0.01, momentum=0.0):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        defaults = dict(lr=lr, momentum=momentum)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = 0
                    state["buf"] = torch.zeros_like(p)
                state["step"] += 1
                buf = state["buf"]
                buf.mul_(group["momentum"]).add_(p.grad)
                p.add_(buf.sign(), alpha=-group["lr"])
        return loss

torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = SignSGD(model.parameters(), lr=0.1, momentum=0.9)
print(opt)
print(opt.defaults, len(opt.param_groups), sorted(opt.param_groups[0].keys()))
try:
    SignSGD(model.parameters(), lr=-1)
except ValueError as e:
    print(e)

# %%
x, y = torch.randn(8, 3), torch.randn(8, 1)
def closure():
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    return loss
for i in range(3):
    print(i, opt.step(closure).item())
print(opt.state[model.weight]["step"], opt.state[model.bias]["buf"])

# %%
sd = opt.state_dict()
print(sd.keys(), sd["param_groups"])
print(sd["state"][0]["step"], sd["state"][1]["buf"])
opt2 = SignSGD(model.parameters(), lr=0.5)
opt2.load_state_dict(sd)
print(opt2.param_groups[0]["lr"], opt2.state[model.bias]["step"])

# %%
extra = nn.Parameter(torch.zeros(2))
opt.add_param_group({"params": [extra], "lr": 1.0})
print(len(opt.param_groups), opt.param_groups[1]["momentum"], opt.param_groups[1]["lr"])
try:
    opt.add_param_group({"params": [extra]})
except ValueError as e:
    print(e)
try:
    SignSGD([], lr=0.1)
except ValueError as e:
    print(e)

# %%
calls = []
h1 = opt.register_step_pre_hook(lambda o, a, k: calls.append(("pre", len(a))))
h2 = opt.register_step_post_hook(lambda o, a, k: calls.append(("post", len(a))))
opt.step(closure)
print(calls)
h1.remove(); h2.remove()
opt.step(closure)
print(len(calls))
opt.zero_grad(set_to_none=False)
print(model.weight.grad)
opt.zero_grad()
print(model.weight.grad)

# %%
class AdamLike(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))
    @torch.no_grad()
    def step(self):
        for g in self.param_groups:
            b1, b2 = g["betas"]
            for p in g["params"]:
                if p.grad is None:
                    continue
                st = self.state[p]
                if not st:
                    st["t"] = 0; st["m"] = torch.zeros_like(p); st["v"] = torch.zeros_like(p)
                st["t"] += 1
                st["m"].lerp_(p.grad, 1 - b1)
                st["v"].mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                mhat = st["m"] / (1 - b1 ** st["t"])
                vhat = st["v"] / (1 - b2 ** st["t"])
                p.addcdiv_(mhat, vhat.sqrt().add_(g["eps"]), value=-g["lr"])

torch.manual_seed(0)
m1 = nn.Linear(3, 1); m2 = nn.Linear(3, 1); m2.load_state_dict(m1.state_dict())
o1 = AdamLike(m1.parameters(), lr=0.1); o2 = torch.optim.Adam(m2.parameters(), lr=0.1)
for _ in range(5):
    for m, o in ((m1, o1), (m2, o2)):
        o.zero_grad(); ((m(x) - y) ** 2).mean().backward(); o.step()
print(m1.weight, torch.allclose(m1.weight, m2.weight, atol=1e-6))
