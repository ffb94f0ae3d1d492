# "Adam from scratch" (the update as written in PyTorch's own torch/optim/adam.py single-tensor path and in
# d2l.ai's "Adam" chapter): exp_avg.lerp_ / mul_().add_(alpha=), exp_avg_sq.mul_().addcmul_(value=), then
# param.addcdiv_(exp_avg, denom, value=-step_size), compared with torch.optim.Adam on a small regression, in
# float32 and float64, printing the max differences; then huber_loss with Adam's hand-written step.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
X = torch.linspace(-2, 2, 40).unsqueeze(1)
y = 3 * X.squeeze(1) ** 2 - X.squeeze(1) + 0.5


def features(x):
    return torch.cat([x, x ** 2, torch.sin(x)], dim=1)


def adam_by_hand(params, state, lr=1e-2, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    with torch.no_grad():
        for p in params:
            s = state.setdefault(p, {"step": 0, "m": torch.zeros_like(p), "v": torch.zeros_like(p)})
            s["step"] += 1
            s["m"].lerp_(p.grad, 1 - b1)
            s["v"].mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
            bias1 = 1 - b1 ** s["step"]
            bias2 = 1 - b2 ** s["step"]
            denom = (s["v"].sqrt() / bias2 ** 0.5).add_(eps)
            p.addcdiv_(s["m"], denom, value=-lr / bias1)


# %%
def train(dtype, steps=25):
    w0 = torch.tensor([[0.3, -0.2, 0.1]], dtype=dtype)
    mine = [w0.clone().requires_grad_(), torch.zeros(1, dtype=dtype, requires_grad=True)]
    ref = [w0.clone().requires_grad_(), torch.zeros(1, dtype=dtype, requires_grad=True)]
    opt = torch.optim.Adam(ref, lr=1e-2)
    state = {}
    phi, target = features(X).to(dtype), y.to(dtype)
    for step in range(steps):
        for params in (mine, ref):
            for p in params:
                p.grad = None
            loss = F.mse_loss(phi @ params[0].T + params[1], target.unsqueeze(1))
            loss.backward()
        adam_by_hand(mine, state)
        opt.step()
    return mine, ref, state, opt, loss


mine, ref, state, opt, loss = train(torch.float32)
print("loss", loss.item())
for a, b in zip(mine, ref):
    print("max |diff| float32:", (a - b).abs().max().item())
print(mine[0])
print(ref[0])

# %%
mine, ref, state, opt, loss = train(torch.float64)
for a, b in zip(mine, ref):
    print("max |diff| float64:", (a - b).abs().max().item())
torch.set_printoptions(precision=15)
print(mine[0])
s = state[mine[0]]
print(s["m"], s["v"])
print(opt.state[ref[0]]["exp_avg"], opt.state[ref[0]]["exp_avg_sq"])
torch.set_printoptions(profile="default")

# %%
# the same step on a robust loss (huber), and the ops one at a time
w = torch.zeros(3, requires_grad=True)
phi = features(X)
state = {}
for step in range(10):
    w.grad = None
    loss = F.huber_loss(phi @ w, y, delta=0.5)
    loss.backward()
    adam_by_hand([w], state, lr=5e-2)
print(loss.item(), w)
print(w.grad)
g = torch.linspace(-1, 1, 7, dtype=torch.float64)
v = torch.full((7,), 0.25, dtype=torch.float64)
print(v.addcmul(g, g, value=0.001).tolist())
print(v.lerp(g, 0.1).tolist(), v.lerp(g, 0.9).tolist())

# %%
try:
    torch.zeros(3).addcmul_(torch.ones(2), torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(3).lerp_(torch.ones(3, dtype=torch.float64), 0.5)
except Exception as e:
    print(type(e).__name__, e)
