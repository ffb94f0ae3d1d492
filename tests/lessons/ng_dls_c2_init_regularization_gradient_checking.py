# Imitates Andrew Ng's Deep Learning Specialization course 2 week 1 (Initialization, Regularization, Gradient
# Checking) ported to PyTorch by learners: zeros / large random / He initialisation printing costs every N
# iterations, the L2 cost term and its gradient by hand vs weight_decay, inverted dropout with
# torch.rand(...) < keep_prob divided by keep_prob vs nn.Dropout, and gradient checking with the parameters
# flattened (torch.cat of flatten, parameters_to_vector / vector_to_parameters, torch.linalg.norm relative difference).
import math
import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parameters_to_vector, vector_to_parameters

# %%
torch.manual_seed(0)
X = torch.randn(2, 60)
Y = ((X[0] * X[1]) > 0).float().reshape(1, -1)

def init(layers, kind):
    torch.manual_seed(3)
    p = {}
    for l in range(1, len(layers)):
        if kind == "zeros":
            p["W%d" % l] = torch.zeros((layers[l], layers[l - 1]))
        elif kind == "random":
            p["W%d" % l] = torch.randn(layers[l], layers[l - 1]) * 10
        else:
            p["W%d" % l] = torch.randn(layers[l], layers[l - 1]) * math.sqrt(2. / layers[l - 1])
        p["b%d" % l] = torch.zeros((layers[l], 1))
    return p

def forward(X, p):
    a = X
    L = len(p) // 2
    for l in range(1, L):
        a = torch.relu(p["W%d" % l] @ a + p["b%d" % l])
    return torch.sigmoid(p["W%d" % L] @ a + p["b%d" % L])

def cost_fn(a3, Y):
    logprobs = torch.multiply(-torch.log(a3), Y) + torch.multiply(-torch.log(1 - a3), 1 - Y)
    return 1. / Y.shape[1] * torch.nansum(logprobs)

for kind in ["zeros", "random", "he"]:
    p = {k: v.requires_grad_() for k, v in init([2, 10, 5, 1], kind).items()}
    for i in range(301):
        a3 = forward(X, p)
        cost = cost_fn(a3, Y)
        cost.backward()
        with torch.no_grad():
            for v in p.values():
                v -= 0.01 * v.grad
                v.grad.zero_()
        if i % 100 == 0:
            print(kind, "Cost after iteration {}: {}".format(i, cost))
    print(kind, p["W1"][:2], p["b3"], a3.min().item(), a3.max().item())

# %%
torch.manual_seed(1)
p = init([2, 5, 3, 1], "he")
a3 = forward(X, p)
lambd = 0.7
m = Y.shape[1]
cross_entropy_cost = F.binary_cross_entropy(a3, Y)
L2_regularization_cost = lambd / (2 * m) * (torch.sum(torch.square(p["W1"])) + torch.sum(torch.square(p["W2"]))
                                              + torch.sum(torch.square(p["W3"])))
print("cost = " + str(cross_entropy_cost + L2_regularization_cost), L2_regularization_cost.item())
print(sum(w.pow(2).sum() for k, w in p.items() if k.startswith("W")), torch.linalg.norm(p["W1"]) ** 2)
print(torch.linalg.norm(p["W1"], "fro"), torch.linalg.norm(p["W1"].flatten()), torch.norm(p["W1"]))

pa = {k: v.clone().requires_grad_() for k, v in p.items()}
loss = F.binary_cross_entropy(forward(X, pa), Y) + lambd / (2 * m) * sum(
    torch.sum(pa[k] ** 2) for k in pa if k[0] == "W")
loss.backward()
print(loss, loss.grad_fn)
pb = {k: v.clone().requires_grad_() for k, v in p.items()}
F.binary_cross_entropy(forward(X, pb), Y).backward()
print(torch.allclose(pa["W2"].grad, pb["W2"].grad + lambd / m * p["W2"]), pa["b2"].grad.T, pb["b2"].grad.T)
print((pa["W2"].grad - (pb["W2"].grad + lambd / m * p["W2"])).abs().max())

# %%
torch.manual_seed(1)
A1 = torch.relu(torch.randn(3, 5))
keep_prob = 0.7
D1 = torch.rand(A1.shape[0], A1.shape[1])
print(D1)
D1 = (D1 < keep_prob)
print(D1, D1.dtype, D1.sum(), D1.float().mean())
A1d = A1 * D1
print(A1d.dtype)
A1d = A1d / keep_prob
print(A1d)
D1i = (torch.rand(A1.shape) < keep_prob).int()
print(D1i.dtype, (A1 * D1i).dtype, (A1 * D1i / keep_prob)[0])
A1.requires_grad_()
out = (A1 * D1.float()) / keep_prob
out.sum().backward()
print(out.grad_fn.name(), out.grad_fn.next_functions[0][0].name(), A1.grad)
torch.manual_seed(7)
drop = nn.Dropout(p=1 - keep_prob)
y = drop(torch.ones(4, 6))
print(drop, y, y.unique(), (y == 0).sum())
drop.eval()
print(drop(torch.ones(2, 3)), drop.training)
print(F.dropout(torch.ones(2, 4), p=0.3, training=False))
try:
    nn.Dropout(p=1.3)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.dropout(torch.ones(3), p=-0.1)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 3), nn.ReLU(), nn.Linear(3, 1))
model = model.double()
Xg = torch.randn(6, 4, dtype=torch.float64)
Yg = (torch.rand(6, 1, dtype=torch.float64) > 0.5).double()
loss_fn = nn.BCEWithLogitsLoss()

def J(theta):
    m2 = copy.deepcopy(model)
    vector_to_parameters(theta, m2.parameters())
    return loss_fn(m2(Xg), Yg)

theta = parameters_to_vector(model.parameters()).detach()
print(theta.shape, theta.dtype, theta.requires_grad, theta[:6])
flat = torch.cat([p.flatten() for p in model.parameters()])
print(torch.equal(flat, theta), flat.grad_fn.name(), flat.requires_grad)
print(parameters_to_vector(model.parameters()).grad_fn)
model.zero_grad()
loss_fn(model(Xg), Yg).backward()
grad = torch.cat([p.grad.reshape(-1) for p in model.parameters()])
eps = 1e-7
gradapprox = torch.zeros_like(theta)
for i in range(theta.numel()):
    tp = theta.clone(); tp[i] += eps
    tm = theta.clone(); tm[i] -= eps
    gradapprox[i] = (J(tp) - J(tm)) / (2 * eps)
numerator = torch.linalg.norm(grad - gradapprox)
denominator = torch.linalg.norm(grad) + torch.linalg.norm(gradapprox)
difference = numerator / denominator
print(numerator.dtype, difference < 2e-7, f"{difference.item():.2e}")
if difference > 2e-7:
    print("\033[93m" + "There is a mistake in the backward propagation! difference = " + str(difference) + "\033[0m")
else:
    print("\033[92m" + "Your backward propagation works perfectly fine! difference = " + str(difference.item() < 1e-6) + "\033[0m")

# %%
vec = parameters_to_vector(model.parameters())
print(vec.shape, vec.grad_fn.name() if vec.grad_fn is not None else None)
new = torch.arange(vec.numel(), dtype=torch.float64) / 100
vector_to_parameters(new, model.parameters())
print(model[0].bias, model[4].weight, model[4].bias.requires_grad, model[4].bias.grad_fn)
try:
    vector_to_parameters(new[:-1], model.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(torch.cat([new, new[:2]]), model.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(new.tolist(), model.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(new.reshape(2, -1), model.parameters())
except Exception as e:
    print(type(e).__name__, e)
try:
    parameters_to_vector(torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    vector_to_parameters(new.float(), model.parameters())
    print(model[0].weight.dtype, model[0].weight[0])
except Exception as e:
    print(type(e).__name__, e)
