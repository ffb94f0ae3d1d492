# Imitates the optimisation-course notebook where the whole model is one flat vector: parameters_to_vector /
# vector_to_parameters for a backtracking (Armijo) line search along the negative gradient, then gradient
# clipping as the exploding-gradient lecture shows it (norm types 2, inf, 1 and fractional, the returned total
# norm, grads that are None, error_if_nonfinite, clip_grad_value_), with the learners' mistakes.
import torch
import torch.nn as nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters

torch.manual_seed(0)
X = torch.randn(40, 3)
y = (X @ torch.tensor([2.0, -1.0, 0.5]) + 0.3 > 0).float().unsqueeze(1)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
loss_fn = nn.BCEWithLogitsLoss()

def closure():
    return loss_fn(model(X), y)

theta = parameters_to_vector(model.parameters())
print(theta.shape, theta.dtype, theta.requires_grad, theta.grad_fn)
print(theta[:5])

# %%
def flat_grad():
    model.zero_grad()
    loss = closure()
    loss.backward()
    return loss.detach(), parameters_to_vector(p.grad for p in model.parameters())

def armijo(alpha=1.0, c=1e-4, rho=0.5):
    theta = parameters_to_vector(model.parameters()).detach()
    loss0, g = flat_grad()
    d = -g
    while True:
        vector_to_parameters(theta + alpha * d, model.parameters())
        with torch.no_grad():
            new = closure()
        if new <= loss0 + c * alpha * g.dot(d) or alpha < 1e-8:
            return alpha, loss0.item(), new.item()
        alpha *= rho

for it in range(25):
    alpha, before, after = armijo()
    if it % 3 == 0:
        print(f"it {it:2d} alpha {alpha:.4f} loss {before:.6f} -> {after:.6f}")
print(parameters_to_vector(model.parameters()))

# %%
# vector_to_parameters shares memory with the vector, and needs a vector
v = torch.zeros(parameters_to_vector(model.parameters()).numel())
vector_to_parameters(v, model.parameters())
v[0] = 7.0
print(model[0].weight[0, 0], model[0].weight.requires_grad, model[0].weight.is_leaf)
try:
    vector_to_parameters([0.0] * 21, model.parameters())
except TypeError as e:
    print("TypeError:", e)
try:
    vector_to_parameters(torch.zeros(3), model.parameters())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    parameters_to_vector(model)
except Exception as e:
    print(type(e).__name__, e)
w = parameters_to_vector([torch.ones(2, 2, dtype=torch.float64), torch.arange(3.)])
print(w, w.dtype)

# %%
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.05)
Xb, yb = torch.randn(32, 3) * 20, torch.randn(32, 1) * 50
for step in range(30):
    opt.zero_grad()
    loss = nn.functional.mse_loss(net(Xb), yb)
    loss.backward()
    total = nn.utils.clip_grad_norm_(net.parameters(), max_norm=5.0)
    opt.step()
    if step % 5 == 0:
        print(step, f"{loss.item():.3f}", total, type(total).__name__, total.requires_grad)

# %%
for norm_type in (2, 2.0, "inf", float("inf"), 1, 0.5, 3, -float("inf"), 0):
    net.zero_grad()
    nn.functional.mse_loss(net(Xb), yb).backward()
    try:
        total = nn.utils.clip_grad_norm_(net.parameters(), 1.0, norm_type=norm_type)
        print(norm_type, total, parameters_to_vector(p.grad for p in net.parameters()).norm())
    except Exception as e:
        print(norm_type, type(e).__name__, e)

# %%
# a frozen layer: its grad is None, it is skipped
net[0].weight.requires_grad_(False)
net.zero_grad()
nn.functional.mse_loss(net(Xb), yb).backward()
print(net[0].weight.grad, [p.grad is None for p in net.parameters()])
print(nn.utils.clip_grad_norm_(net.parameters(), 0.1))
print(nn.utils.clip_grad_norm_([p for p in net.parameters() if p.grad is None], 0.1))
print(nn.utils.clip_grad_norm_(net[0].weight, 0.1))
net[0].weight.requires_grad_(True)

# %%
p = nn.Parameter(torch.tensor([1.0, 2.0, 3.0]))
p.grad = torch.tensor([0.3, float("inf"), -0.2])
try:
    nn.utils.clip_grad_norm_([p], max_norm=1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", e)
print(p.grad)
print(nn.utils.clip_grad_norm_([p], 1.0, norm_type=1, error_if_nonfinite=False), p.grad)
p.grad = torch.tensor([0.3, float("nan"), -0.2])
try:
    nn.utils.clip_grad_norm_([p], max_norm=1.0, norm_type="inf", error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", e)

# %%
q = nn.Parameter(torch.arange(6.0).view(2, 3))
q.grad = torch.tensor([[-3.0, 0.5, 2.0], [0.05, -0.2, 9.0]])
nn.utils.clip_grad_value_(q, clip_value=1.0)
print(q.grad)
q.grad = torch.tensor([[-3.0, 0.5, 2.0], [0.05, -0.2, 9.0]], dtype=torch.float64)
print(nn.utils.clip_grad_value_([q], 0.25), q.grad)
try:
    nn.utils.clip_grad_value_(q, clip_value=-1.0)
    print(q.grad)
except Exception as e:
    print(type(e).__name__, e)
h = nn.Parameter(torch.ones(2, dtype=torch.float64))
h.grad = torch.tensor([3.0, 4.0], dtype=torch.float64)
g32 = nn.Parameter(torch.ones(2))
g32.grad = torch.tensor([6.0, 8.0])
print(nn.utils.clip_grad_norm_([h, g32], 1.0), h.grad, g32.grad)
print(nn.utils.clip_grad_norm_([g32, h], torch.tensor(2.0)), h.grad, g32.grad)
