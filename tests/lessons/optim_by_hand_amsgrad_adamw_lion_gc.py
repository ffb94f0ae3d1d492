# Imitates teaching notebooks that write AMSGrad, AdamW's decoupled weight decay, Lion (sign of the interpolated
# momentum) and gradient centralisation by hand on a small seeded MLP, checked step by step against torch.optim.
import torch
import torch.nn as nn
import torch.nn.functional as F

def make_mlp(seed=0):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))

torch.manual_seed(1)
X = torch.randn(16, 4)
y = (X[:, :1] * 2 - X[:, 1:2]).sin()

def loss_of(model):
    return F.mse_loss(model(X), y)

# %%
# AMSGrad by hand vs torch.optim.Adam(amsgrad=True)
ref, mine = make_mlp(), make_mlp()
opt = torch.optim.Adam(ref.parameters(), lr=1e-2, betas=(0.9, 0.99), amsgrad=True)
state = {p: dict(m=torch.zeros_like(p), v=torch.zeros_like(p), vmax=torch.zeros_like(p)) for p in mine.parameters()}
b1, b2, eps, lr = 0.9, 0.99, 1e-8, 1e-2
for t in range(1, 6):
    opt.zero_grad(); loss_of(ref).backward(); opt.step()
    mine.zero_grad(); loss_of(mine).backward()
    with torch.no_grad():
        for p in mine.parameters():
            s = state[p]
            s["m"].mul_(b1).add_(p.grad, alpha=1 - b1)
            s["v"].mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
            torch.maximum(s["vmax"], s["v"], out=s["vmax"])
            bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
            denom = (s["vmax"].sqrt() / bc2 ** 0.5).add_(eps)
            p.addcdiv_(s["m"], denom, value=-lr / bc1)
    diff = max((a - b).abs().max().item() for a, b in zip(ref.parameters(), mine.parameters()))
    print(t, round(loss_of(ref).item(), 5), diff < 1e-6)
st = opt.state[ref[0].weight]
print(sorted(st.keys()), st["step"], st["max_exp_avg_sq"].shape, st["max_exp_avg_sq"].dtype)
print(torch.equal(st["max_exp_avg_sq"], torch.maximum(st["max_exp_avg_sq"], st["exp_avg_sq"])))

# %%
# AdamW's decoupled decay: p <- p * (1 - lr*wd), then the Adam step; Adam's L2 decay differs
ref, mine, l2 = make_mlp(), make_mlp(), make_mlp()
opt = torch.optim.AdamW(ref.parameters(), lr=5e-3, weight_decay=0.1)
opt_l2 = torch.optim.Adam(l2.parameters(), lr=5e-3, weight_decay=0.1)
m = [torch.zeros_like(p) for p in mine.parameters()]
v = [torch.zeros_like(p) for p in mine.parameters()]
for t in range(1, 4):
    for o, net in ((opt, ref), (opt_l2, l2)):
        o.zero_grad(); loss_of(net).backward(); o.step()
    mine.zero_grad(); loss_of(mine).backward()
    with torch.no_grad():
        for p, mi, vi in zip(mine.parameters(), m, v):
            p.mul_(1 - 5e-3 * 0.1)
            mi.lerp_(p.grad, 1 - 0.9)
            vi.mul_(0.999).add_(p.grad.square(), alpha=0.001)
            mhat = mi / (1 - 0.9 ** t)
            vhat = vi / (1 - 0.999 ** t)
            p.sub_(5e-3 * mhat / (vhat.sqrt() + 1e-8))
    print(t, [round((a - b).abs().max().item(), 6) for a, b in zip(ref.parameters(), mine.parameters())][:2],
          (ref[0].weight - l2[0].weight).abs().max().item() > 0)
print(opt.param_groups[0]["weight_decay"], opt_l2.defaults["weight_decay"], opt.defaults["amsgrad"])

# %%
# Lion: update = sign(beta1*m + (1-beta1)*g); m <- beta2*m + (1-beta2)*g; decoupled decay
def lion_step(params, states, lr=1e-3, betas=(0.9, 0.99), wd=0.01):
    with torch.no_grad():
        for p, m in zip(params, states):
            if p.grad is None:
                continue
            p.mul_(1 - lr * wd)
            update = m.mul(betas[0]).add(p.grad, alpha=1 - betas[0]).sign_()
            p.add_(update, alpha=-lr)
            m.lerp_(p.grad, 1 - betas[1])

net = make_mlp(3)
ms = [torch.zeros_like(p) for p in net.parameters()]
for step in range(5):
    net.zero_grad(set_to_none=True)
    loss = loss_of(net)
    loss.backward()
    lion_step(list(net.parameters()), ms, lr=1e-2)
    print(step, f"{loss.item():.5f}", ms[0].abs().sum().item() > 0)
upd = ms[1].mul(0.9).add(net[0].bias.grad, alpha=0.1)
print(upd.sign(), upd.sign().dtype, torch.sign(torch.tensor([0.0, -0.0, float("nan")])))
print(net[2].bias, net[2].bias.grad)

# %%
# gradient centralisation: subtract the mean over all dims except 0 from weight gradients (ndim > 1)
def centralize(grad):
    if grad.dim() > 1:
        dims = tuple(range(1, grad.dim()))
        return grad - grad.mean(dim=dims, keepdim=True)
    return grad

net = make_mlp(4)
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for step in range(3):
    opt.zero_grad()
    loss_of(net).backward()
    for p in net.parameters():
        p.grad.copy_(centralize(p.grad))
    print(step, net[0].weight.grad.mean(dim=1).abs().max().item() < 1e-6, net[0].bias.grad.shape)
    opt.step()
conv_w = torch.randn(3, 2, 3, 3, requires_grad=True)
(conv_w ** 2).sum().backward()
gc = centralize(conv_w.grad)
print(gc.shape, gc.mean(dim=(1, 2, 3)).abs().max() < 1e-6, gc.mean(dim=(1, 2, 3), keepdim=True).shape)
try:
    conv_w.grad.mean(dim=(1, 4))
except IndexError as e:
    print(type(e).__name__, e)
try:
    conv_w.grad.mean(dim=(1, 1))
except RuntimeError as e:
    print(type(e).__name__, e)
print(opt.state[net[0].weight]["momentum_buffer"].shape, list(opt.state_dict()["state"].keys()))
