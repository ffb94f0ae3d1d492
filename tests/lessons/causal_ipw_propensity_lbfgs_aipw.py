# Imitates a "causal inference with PyTorch" lesson: propensity scores by logistic regression trained with
# torch.optim.LBFGS closures, inverse-probability weighting (plain, stabilised, clipped with clamp/where),
# the doubly robust AIPW estimator, and the learners' mistakes (integer treatment column in BCE, a float
# index for propensity lookups).
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(7)
n = 300
X = torch.randn(n, 3)
logit_true = 0.8 * X[:, 0] - 0.5 * X[:, 1] + 0.25
T = torch.bernoulli(torch.sigmoid(logit_true))
Y = 2.0 * T + X[:, 0] + 0.5 * X[:, 2] + 0.3 * torch.randn(n)
print(T.dtype, T.sum(), Y.mean(), Y[T == 1].mean() - Y[T == 0].mean())

# %%
model = torch.nn.Linear(3, 1)
opt = torch.optim.LBFGS(model.parameters(), lr=1.0, max_iter=50, history_size=10, line_search_fn="strong_wolfe")
losses = []
def closure():
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X).squeeze(1), T)
    loss.backward()
    losses.append(loss.item())
    return loss
for step in range(3):
    l = opt.step(closure)
    print(step, l, len(losses))
print(model.weight.data, model.bias.data)
print(opt.state_dict()["state"][0]["n_iter"], opt.state_dict()["state"][0]["func_evals"])

# %%
with torch.no_grad():
    e = torch.sigmoid(model(X)).squeeze(1)
print(e.min(), e.max(), e.shape, e.requires_grad)
w = T / e + (1 - T) / (1 - e)
ate_ipw = (T * Y / e).mean() - ((1 - T) * Y / (1 - e)).mean()
print(w.sum(), ate_ipw)
# stabilised weights
p_t = T.mean()
sw = torch.where(T == 1, p_t / e, (1 - p_t) / (1 - e))
print(sw.mean(), sw.max(), sw.dtype)
# clipped propensities
e_clip = e.clamp(0.05, 0.95)
e_clip2 = torch.clamp(e, min=torch.tensor(0.1), max=torch.tensor(0.9))
print((e_clip != e).sum(), e_clip2.min(), e_clip2.max())
hajek = (T * Y / e_clip).sum() / (T / e_clip).sum() - ((1 - T) * Y / (1 - e_clip)).sum() / ((1 - T) / (1 - e_clip)).sum()
hajek

# %%
# outcome models for AIPW: least squares in each arm
Xd = torch.cat([torch.ones(n, 1), X], dim=1)
b1 = torch.linalg.lstsq(Xd[T == 1], Y[T == 1].unsqueeze(1)).solution
b0 = torch.linalg.lstsq(Xd[T == 0], Y[T == 0].unsqueeze(1)).solution
mu1 = (Xd @ b1).squeeze(1)
mu0 = (Xd @ b0).squeeze(1)
aipw = mu1 - mu0 + T * (Y - mu1) / e_clip - (1 - T) * (Y - mu0) / (1 - e_clip)
print(b1.t(), b0.t())
print(aipw.mean(), aipw.std() / n ** 0.5)

# %%
# gradient of the IPW estimate w.r.t. the propensity logits
logits = model(X).squeeze(1).detach().requires_grad_()
e2 = torch.sigmoid(logits).clamp(0.05, 0.95)
est = (T * Y / e2).mean() - ((1 - T) * Y / (1 - e2)).mean()
est.backward()
print(est, est.grad_fn, logits.grad[:5], logits.grad.abs().sum())

# %%
# mistake: integer treatment column as the BCE target
T_int = T.long()
try:
    F.binary_cross_entropy_with_logits(model(X).squeeze(1), T_int)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(torch.sigmoid(model(X)).squeeze(1), T_int)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.binary_cross_entropy(torch.sigmoid(model(X)), T)
except Exception as e:
    print(type(e).__name__, e)

# %%
# mistake: where with an int and float branch, clamp of integer tensor with float bounds
print(torch.where(T_int == 1, T_int, 0.5).dtype, torch.where(T_int == 1, 1, 0).dtype)
print(T_int.clamp(0.5, 0.7)[:5], T_int.clamp(min=0)[:3].dtype)
try:
    torch.clamp(e, min=0.9, max=0.1)[:3]
except Exception as ex:
    print(type(ex).__name__, ex)
torch.clamp(e, min=0.9, max=0.1)[:3]

# %%
try:
    torch.clamp(e)
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    e[T]
except Exception as ex:
    print(type(ex).__name__, ex)
