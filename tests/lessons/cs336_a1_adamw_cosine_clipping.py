# Imitates Stanford CS336 (Spring 2025) assignment 1 "basics": the handout's SGD example as a torch.optim.Optimizer
# subclass (lr / sqrt(t + 1), state["t"]) run with lr 1e1, 1e2, 1e3; AdamW written by hand (state m, v, t per
# parameter, bias-corrected alpha_t, decoupled weight decay) and compared step by step with torch.optim.AdamW;
# the custom optimizer's repr, param_groups, state_dict and its errors; the cosine learning-rate schedule with
# linear warmup (get_lr_cosine_schedule) also through LambdaLR; gradient clipping by hand (total l2 norm over all
# parameters, scale by max_norm / (norm + 1e-6)) compared with nn.utils.clip_grad_norm_.
import math
from typing import Callable, Optional
import torch
import torch.nn as nn

class SGD(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3):
        if lr < 0:
            raise ValueError(f"Invalid learning rate: {lr}")
        defaults = {"lr": lr}
        super().__init__(params, defaults)

    def step(self, closure: Optional[Callable] = None):
        loss = None if closure is None else closure()
        for group in self.param_groups:
            lr = group["lr"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                t = state.get("t", 0)
                grad = p.grad.data
                p.data -= lr / math.sqrt(t + 1) * grad
                state["t"] = t + 1
        return loss

for lr in [1e1, 1e2, 1e3]:
    torch.manual_seed(0)
    weights = torch.nn.Parameter(5 * torch.randn((10, 10)))
    opt = SGD([weights], lr=lr)
    losses = []
    for t in range(10):
        opt.zero_grad()
        loss = (weights ** 2).mean()
        losses.append(f"{loss.cpu().item():.4g}")
        loss.backward()
        opt.step()
    print(lr, losses)
print(opt.state[weights])
try:
    SGD([weights], lr=-1)
except Exception as e:
    print(type(e).__name__, e)
try:
    SGD([], lr=1.0)
except Exception as e:
    print(type(e).__name__, e)
try:
    SGD(weights, lr=1.0)
except Exception as e:
    print(type(e).__name__, e)

# %%
class AdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
        if lr < 0:
            raise ValueError(f"Invalid learning rate: {lr}")
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, (beta1, beta2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["t"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                state["t"] += 1
                t, m, v, g = state["t"], state["m"], state["v"], p.grad
                m.mul_(beta1).add_(g, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
                alpha_t = lr * math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
                p.sub_(alpha_t * m / (v.sqrt() + eps))
                p.sub_(lr * wd * p)
        return loss

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
ref = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
ref.load_state_dict(model.state_dict())
opt = AdamW(model.parameters(), lr=1e-2, weight_decay=0.1)
opt_ref = torch.optim.AdamW(ref.parameters(), lr=1e-2, weight_decay=0.1)
print(opt)
print(opt_ref)
X, Y = torch.randn(16, 4), torch.randn(16, 2)
for it in range(5):
    for m_, o_ in ((model, opt), (ref, opt_ref)):
        o_.zero_grad()
        loss = ((m_(X) - Y) ** 2).mean()
        loss.backward()
        o_.step()
    print(it, f"{loss.item():.5f}", torch.allclose(model[0].weight, ref[0].weight, atol=1e-6))
st = opt.state_dict()
print(st.keys(), len(st["state"]), st["state"][0]["t"], st["param_groups"][0])
print(opt_ref.state_dict()["state"][0].keys(), opt_ref.state_dict()["state"][0]["step"])
print(opt_ref.state_dict()["param_groups"][0])
print(torch.allclose(st["state"][3]["m"], opt_ref.state[ref[2].bias]["exp_avg"], atol=1e-6))

# %%
def closure():
    opt.zero_grad()
    l = ((model(X) - Y) ** 2).mean()
    l.backward()
    return l
print(opt.step(closure))
opt.add_param_group({"params": [nn.Parameter(torch.zeros(3))], "lr": 0.5})
print(len(opt.param_groups), opt.param_groups[1]["betas"], opt.param_groups[1]["lr"])
try:
    opt.add_param_group({"params": [model[0].weight]})
except Exception as e:
    print(type(e).__name__, e)
opt2 = AdamW([{"params": model[0].parameters(), "weight_decay": 0.0}, {"params": model[2].parameters()}], lr=1e-3)
print([g["weight_decay"] for g in opt2.param_groups], [len(g["params"]) for g in opt2.param_groups])
opt2.load_state_dict(opt.state_dict() if False else opt2.state_dict())
try:
    opt2.load_state_dict(opt.state_dict())
except Exception as e:
    print(type(e).__name__, e)

# %%
def get_lr_cosine_schedule(it, max_learning_rate, min_learning_rate, warmup_iters, cosine_cycle_iters):
    if it < warmup_iters:
        return it / warmup_iters * max_learning_rate
    if it <= cosine_cycle_iters:
        progress = (it - warmup_iters) / (cosine_cycle_iters - warmup_iters)
        return min_learning_rate + 0.5 * (1 + math.cos(math.pi * progress)) * (max_learning_rate - min_learning_rate)
    return min_learning_rate

print([round(get_lr_cosine_schedule(i, 1.0, 0.1, 3, 10), 4) for i in range(13)])
p = nn.Parameter(torch.ones(2))
o = torch.optim.AdamW([p], lr=1.0)
sched = torch.optim.lr_scheduler.LambdaLR(o, lambda it: get_lr_cosine_schedule(it, 1.0, 0.1, 3, 10))
lrs = []
for i in range(6):
    lrs.append(round(o.param_groups[0]["lr"], 4))
    p.sum().backward()
    o.step()
    sched.step()
print(lrs, sched.get_last_lr())
print(p)
for group in opt.param_groups:
    group["lr"] = get_lr_cosine_schedule(5, 1e-2, 1e-3, 3, 10)
print([round(g["lr"], 6) for g in opt.param_groups])

# %%
def gradient_clipping(parameters, max_l2_norm, eps=1e-6):
    grads = [p.grad for p in parameters if p.grad is not None]
    total = torch.sqrt(sum((g ** 2).sum() for g in grads))
    if total > max_l2_norm:
        for g in grads:
            g.mul_(max_l2_norm / (total + eps))
    return total

torch.manual_seed(1)
net = nn.Sequential(nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 1))
net2 = nn.Sequential(nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 1))
net2.load_state_dict(net.state_dict())
x = torch.randn(8, 5) * 10
for n in (net, net2):
    (n(x) ** 2).sum().backward()
print(gradient_clipping(list(net.parameters()), 1.0))
print(nn.utils.clip_grad_norm_(net2.parameters(), 1.0))
print(torch.allclose(net[0].weight.grad, net2[0].weight.grad, atol=1e-6))
print(torch.sqrt(sum((p.grad ** 2).sum() for p in net.parameters())))
print(nn.utils.clip_grad_norm_(net2.parameters(), 100.0), nn.utils.get_total_norm([p.grad for p in net2.parameters()]))
print(nn.utils.clip_grad_norm_(net2.parameters(), 1.0, norm_type="inf"))
p_none = nn.Parameter(torch.ones(2))
print(nn.utils.clip_grad_norm_([p_none], 1.0))
print(gradient_clipping([p_none], 1.0) if any(q.grad is not None for q in [p_none]) else "no grads")
try:
    gradient_clipping([p_none], 1.0)
except Exception as e:
    print(type(e).__name__, e)
