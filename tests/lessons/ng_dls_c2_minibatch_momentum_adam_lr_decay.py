# Imitates Andrew Ng's Deep Learning Specialization course 2 week 2 ("Optimization Methods") ported to PyTorch by
# learners: random_mini_batches from torch.randperm (the last partial batch), velocity / RMSprop / Adam updates by
# hand with bias correction compared step by step to torch.optim.SGD(momentum), RMSprop and Adam, and the learning
# rate decay schedules (1 / (1 + decay_rate * epoch), fixed-interval scheduling) vs torch.optim.lr_scheduler.
import math
import torch
import torch.nn as nn

# %%
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    torch.manual_seed(seed)
    m = X.shape[1]
    permutation = torch.randperm(m)
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    mini_batches = []
    num_complete = math.floor(m / mini_batch_size)
    for k in range(num_complete):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size:], shuffled_Y[:, num_complete * mini_batch_size:]))
    return mini_batches, permutation

torch.manual_seed(1)
X = torch.randn(12288, 148)[:3]
Y = (torch.randn(1, 148) < 0.5).float()
mbs, perm = random_mini_batches(X, Y, 64)
print(perm[:10], perm.dtype, len(mbs))
for bx, by in mbs:
    print(bx.shape, by.shape, by.sum().item())
print(mbs[-1][0][0, :5], X[0, perm[128:133]])
print(torch.split(torch.arange(10), 4), torch.randperm(10).chunk(3))
print(X[:, perm].is_contiguous(), X[:, perm].stride(), X.T[perm].shape)

# %%
def make_params():
    torch.manual_seed(2)
    return {"W1": torch.randn(4, 3), "b1": torch.randn(4, 1), "W2": torch.randn(1, 4), "b2": torch.randn(1, 1)}

def grads_of(p, X, Y):
    q = {k: v.clone().requires_grad_() for k, v in p.items()}
    a = torch.sigmoid(q["W2"] @ torch.relu(q["W1"] @ X + q["b1"]) + q["b2"])
    loss = nn.functional.binary_cross_entropy(a, Y)
    loss.backward()
    return {"d" + k: v.grad for k, v in q.items()}, loss.item()

Xs, Ys = mbs[0][0], mbs[0][1]
p = make_params()
v = {"d" + k: torch.zeros_like(val) for k, val in p.items()}
beta, lr = 0.9, 0.01
for it in range(3):
    g, loss = grads_of(p, Xs, Ys)
    for k in p:
        v["d" + k] = beta * v["d" + k] + (1 - beta) * g["d" + k]
        p[k] = p[k] - lr * v["d" + k]
    print(it, loss, p["b2"].item(), v["db2"].item())

# PyTorch's momentum is v = beta v + g, p -= lr v (no (1 - beta)): the same direction, lr scaled by 1 / (1 - beta)
p2 = {k: nn.Parameter(val) for k, val in make_params().items()}
opt = torch.optim.SGD(p2.values(), lr=lr * (1 - beta), momentum=beta)
for it in range(3):
    opt.zero_grad()
    a = torch.sigmoid(p2["W2"] @ torch.relu(p2["W1"] @ Xs + p2["b1"]) + p2["b2"])
    loss = nn.functional.binary_cross_entropy(a, Ys)
    loss.backward()
    opt.step()
    print(it, loss.item(), p2["b2"].item(), opt.state[p2["b2"]]["momentum_buffer"].item() * (1 - beta))
print(torch.allclose(p["W1"], p2["W1"]), f'{(p["W1"] - p2["W1"]).abs().max().item():.3e}')
print(opt)

# %%
def adam_by_hand(steps=4, lr=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    p = make_params()
    v = {k: torch.zeros_like(val) for k, val in p.items()}
    s = {k: torch.zeros_like(val) for k, val in p.items()}
    for t in range(1, steps + 1):
        g, loss = grads_of(p, Xs, Ys)
        for k in p:
            v[k] = beta1 * v[k] + (1 - beta1) * g["d" + k]
            v_corr = v[k] / (1 - beta1 ** t)
            s[k] = beta2 * s[k] + (1 - beta2) * torch.pow(g["d" + k], 2)
            s_corr = s[k] / (1 - beta2 ** t)
            p[k] = p[k] - lr * v_corr / (torch.sqrt(s_corr) + epsilon)
    return p, v, s

ph, vh, sh = adam_by_hand()
p3 = {k: nn.Parameter(val) for k, val in make_params().items()}
opt = torch.optim.Adam(p3.values(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)
for it in range(4):
    opt.zero_grad()
    a = torch.sigmoid(p3["W2"] @ torch.relu(p3["W1"] @ Xs + p3["b1"]) + p3["b2"])
    nn.functional.binary_cross_entropy(a, Ys).backward()
    opt.step()
st = opt.state[p3["W1"]]
print(sorted(st), st["step"], st["exp_avg"][0], vh["W1"][0])
print(torch.allclose(st["exp_avg_sq"], sh["W1"]), torch.equal(st["exp_avg"], vh["W1"]))
for k in p3:
    print(k, torch.allclose(p3[k], ph[k], atol=1e-6), f"{(p3[k] - ph[k]).abs().max().item():.2e}")
print(p3["b2"], ph["b2"])

# %%
p4 = {k: nn.Parameter(val) for k, val in make_params().items()}
opt = torch.optim.RMSprop(p4.values(), lr=0.01, alpha=0.9, eps=1e-8)
pr = make_params()
sq = {k: torch.zeros_like(val) for k, val in pr.items()}
for it in range(3):
    opt.zero_grad()
    a = torch.sigmoid(p4["W2"] @ torch.relu(p4["W1"] @ Xs + p4["b1"]) + p4["b2"])
    nn.functional.binary_cross_entropy(a, Ys).backward()
    opt.step()
    g, _ = grads_of(pr, Xs, Ys)
    for k in pr:
        sq[k] = 0.9 * sq[k] + 0.1 * g["d" + k] ** 2
        pr[k] = pr[k] - 0.01 * g["d" + k] / (sq[k].sqrt() + 1e-8)
print([(k, f"{(p4[k] - pr[k]).abs().max().item():.1e}") for k in pr])
print(opt.state[p4["b1"]]["square_avg"].T, sq["b1"].T)

# %%
def update_lr(learning_rate0, epoch_num, decay_rate):
    return 1 / (1 + decay_rate * epoch_num) * learning_rate0

def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return 1 / (1 + decay_rate * math.floor(epoch_num / time_interval)) * learning_rate0

print("Original learning rate: ", 0.5)
print("Updated learning rate: ", update_lr(0.5, 2, 1))
print("Updated learning rate: ", schedule_lr_decay(0.5, 100, 1, 100))
w = nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([w], lr=0.5)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=lambda e: 1 / (1 + 1 * e))
lrs = []
for epoch in range(5):
    opt.step()
    sched.step()
    lrs.append(sched.get_last_lr()[0])
print(lrs, [update_lr(0.5, e + 1, 1) for e in range(5)])
opt = torch.optim.SGD([w], lr=0.5)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1 / (1 + math.floor(e / 2)))
print([(opt.step(), sched.step(), opt.param_groups[0]["lr"])[2] for _ in range(6)])
opt = torch.optim.SGD([w], lr=0.5)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.95)
for _ in range(3):
    opt.step(); sched.step()
print(sched.get_last_lr(), 0.5 * 0.95 ** 3, sched.state_dict()["_last_lr"])
opt = torch.optim.SGD([w], lr=0.5)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
print([(opt.step(), sched.step(), sched.get_last_lr()[0])[2] for _ in range(5)])
