# Imitates CS6910 Assignment 1 student solutions (IIT Madras, Mitesh Khapra's Deep Learning course / NPTEL): the
# update rules from the lecture slides (vanilla GD, momentum, NAG, RMSprop, Adam, Nadam) written by hand on torch
# tensors and compared step by step with torch.optim, printing the max difference per step as students do; the
# places where PyTorch's formulas differ from the slides (eps outside the sqrt in Adam, RMSprop's alpha being the
# slides' beta, SGD's Nesterov using the look-ahead in terms of the buffer, NAdam's momentum_decay schedule).
import math
import torch

# %%
torch.manual_seed(0)
X = torch.randn(8, 3)
y = torch.randn(8)
w0 = torch.randn(3)

def loss_fn(w):
    return ((X @ w - y) ** 2).mean()

def grad_of(w):
    w = w.detach().requires_grad_(True)
    loss_fn(w).backward()
    return w.grad

def compare(name, make_opt, manual_step, steps=4, state=None):
    w = w0.clone().requires_grad_(True)
    opt = make_opt([w])
    wm = w0.clone()
    state = {} if state is None else state
    diffs = []
    for t in range(1, steps + 1):
        opt.zero_grad()
        loss_fn(w).backward()
        opt.step()
        wm = manual_step(wm, grad_of(wm), state, t)
        diffs.append((w.detach() - wm).abs().max().item())
    print(f"{name:10s}", " ".join(f"{d:.1e}" for d in diffs), torch.allclose(w.detach(), wm, atol=1e-6))
    return opt

# %%
eta = 0.1
def gd(w, g, s, t):
    return w - eta * g
opt = compare("sgd", lambda p: torch.optim.SGD(p, lr=eta), gd)
print(opt)

def momentum(w, g, s, t, beta=0.9):
    # slides: u_t = beta * u_{t-1} + eta * g ; PyTorch: b = beta * b + g ; w -= lr * b
    s["u"] = beta * s.get("u", torch.zeros_like(w)) + eta * g
    return w - s["u"]
opt = compare("momentum", lambda p: torch.optim.SGD(p, lr=eta, momentum=0.9), momentum)
print(sorted(opt.state_dict()["state"][0].keys()), opt.state_dict()["param_groups"][0]["nesterov"])

def nag_torch(w, g, s, t, mu=0.9):
    b = g if t == 1 else mu * s["b"] + g
    s["b"] = b
    return w - eta * (g + mu * b)
compare("nesterov", lambda p: torch.optim.SGD(p, lr=eta, momentum=0.9, nesterov=True), nag_torch)

def nag_slides(w, g_unused, s, t, beta=0.9):
    u = s.get("u", torch.zeros_like(w))
    look = w - beta * u
    u = beta * u + eta * grad_of(look)
    s["u"] = u
    return w - u
compare("nag-slides", lambda p: torch.optim.SGD(p, lr=eta, momentum=0.9, nesterov=True), nag_slides)

for kw in [dict(nesterov=True), dict(momentum=0.9, dampening=0.1, nesterov=True), dict(lr=-1.0),
           dict(momentum=-0.5), dict(weight_decay=-1)]:
    try:
        torch.optim.SGD([torch.zeros(2, requires_grad=True)], **{"lr": 0.1, **kw})
    except Exception as e:
        print(type(e).__name__, e)

# %%
def rmsprop(w, g, s, t, beta=0.99, eps=1e-8):
    s["v"] = beta * s.get("v", torch.zeros_like(w)) + (1 - beta) * g ** 2
    return w - 0.01 * g / (torch.sqrt(s["v"]) + eps)
opt = compare("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01), rmsprop)
print(opt)
def rmsprop_slides(w, g, s, t, beta=0.9, eps=1e-8):
    s["v"] = beta * s.get("v", torch.zeros_like(w)) + (1 - beta) * g ** 2
    return w - 0.01 * g / torch.sqrt(s["v"] + eps)
compare("rms-alpha", lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9), rmsprop_slides)
compare("rms-wrong", lambda p: torch.optim.RMSprop(p, lr=0.01), rmsprop_slides)
opt = torch.optim.RMSprop([torch.zeros(2, requires_grad=True)], lr=0.01, centered=True, momentum=0.5)
opt.param_groups[0]["params"][0].grad = torch.ones(2)
opt.step()
print({k: v for k, v in opt.state[opt.param_groups[0]["params"][0]].items()})
try:
    torch.optim.RMSprop([torch.zeros(2, requires_grad=True)], alpha=-0.1)
except Exception as e:
    print(type(e).__name__, e)

# %%
def adam(w, g, s, t, b1=0.9, b2=0.999, eps=1e-8, lr=0.01):
    s["m"] = b1 * s.get("m", torch.zeros_like(w)) + (1 - b1) * g
    s["v"] = b2 * s.get("v", torch.zeros_like(w)) + (1 - b2) * g ** 2
    m_hat = s["m"] / (1 - b1 ** t)
    v_hat = s["v"] / (1 - b2 ** t)
    return w - lr * m_hat / (torch.sqrt(v_hat) + eps)
opt = compare("adam", lambda p: torch.optim.Adam(p, lr=0.01), adam)
print(opt)
st = opt.state[opt.param_groups[0]["params"][0]]
print(st["step"], st["exp_avg"].shape, st["exp_avg_sq"].dtype, type(st["step"]).__name__)

def adam_eps_inside(w, g, s, t, b1=0.9, b2=0.999, eps=1e-8, lr=0.01):
    s["m"] = b1 * s.get("m", torch.zeros_like(w)) + (1 - b1) * g
    s["v"] = b2 * s.get("v", torch.zeros_like(w)) + (1 - b2) * g ** 2
    return w - lr * (s["m"] / (1 - b1 ** t)) / torch.sqrt(s["v"] / (1 - b2 ** t) + eps)
compare("adam-in", lambda p: torch.optim.Adam(p, lr=0.01), adam_eps_inside)
compare("amsgrad", lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True), adam)
for kw in [dict(betas=(1.0, 0.999)), dict(betas=(0.9, -0.1)), dict(eps=-1e-8), dict(betas=0.9)]:
    try:
        torch.optim.Adam([torch.zeros(2, requires_grad=True)], **kw)
    except Exception as e:
        print(type(e).__name__, e)

# %%
def nadam_slides(w, g, s, t, b1=0.9, b2=0.999, eps=1e-8, lr=0.01):
    s["m"] = b1 * s.get("m", torch.zeros_like(w)) + (1 - b1) * g
    s["v"] = b2 * s.get("v", torch.zeros_like(w)) + (1 - b2) * g ** 2
    m_hat = s["m"] / (1 - b1 ** t)
    v_hat = s["v"] / (1 - b2 ** t)
    return w - lr / (torch.sqrt(v_hat) + eps) * (b1 * m_hat + (1 - b1) * g / (1 - b1 ** t))
compare("nadam-sl", lambda p: torch.optim.NAdam(p, lr=0.01), nadam_slides)

def nadam_torch(w, g, s, t, b1=0.9, b2=0.999, eps=1e-8, lr=0.01, psi=0.004):
    mu_t = b1 * (1 - 0.5 * 0.96 ** (t * psi))
    mu_next = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
    s["prod"] = s.get("prod", 1.0) * mu_t
    s["m"] = b1 * s.get("m", torch.zeros_like(w)) + (1 - b1) * g
    s["v"] = b2 * s.get("v", torch.zeros_like(w)) + (1 - b2) * g ** 2
    denom = torch.sqrt(s["v"] / (1 - b2 ** t)) + eps
    w = w - lr * (1 - mu_t) / (1 - s["prod"]) * g / denom
    return w - lr * mu_next / (1 - s["prod"] * mu_next) * s["m"] / denom
opt = compare("nadam", lambda p: torch.optim.NAdam(p, lr=0.01), nadam_torch)
print(opt)
st = opt.state[opt.param_groups[0]["params"][0]]
print(sorted(st.keys()), st["mu_product"], st["step"])
try:
    torch.optim.NAdam([torch.zeros(2, requires_grad=True)], momentum_decay=-1)
except Exception as e:
    print(type(e).__name__, e)

# %%
# the assignment's L2 regularisation: added to the loss, or as weight_decay (coupled in Adam, decoupled in AdamW)
lam = 0.05
def adam_l2(w, g, s, t):
    return adam(w, g + lam * w, s, t)
compare("adam-wd", lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=lam), adam_l2)
def adamw(w, g, s, t):
    return adam(w * (1 - 0.01 * lam), g, s, t)
compare("adamw", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=lam), adamw)
compare("nadamw", lambda p: torch.optim.NAdam(p, lr=0.01, weight_decay=lam, decoupled_weight_decay=True),
        lambda w, g, s, t: nadam_torch(w * (1 - 0.01 * lam), g, s, t))
print(torch.optim.AdamW([torch.zeros(1, requires_grad=True)]).defaults["weight_decay"])
