# Imitates a blog post fitting AR(p) and ARMA(1,1) models in plain PyTorch: lagged design matrices built with
# unfold, as_strided and torch.roll, least squares with torch.linalg.lstsq, then the conditional Gaussian
# likelihood minimised with Adam and LBFGS; and the mistakes learners make (unfold with a step larger than the
# size, float64 data with a float32 model).
import torch
import torch.nn as nn

torch.manual_seed(1)
n, p = 200, 3
phi_true = torch.tensor([0.5, -0.3, 0.1], dtype=torch.float64)
eps = torch.randn(n, dtype=torch.float64)
x = torch.zeros(n, dtype=torch.float64)
for i in range(p, n):
    x[i] = (phi_true * x[i - p:i].flip(0)).sum() + eps[i]
print(x[:5], x.dtype)

# %%
windows = x.unfold(0, p + 1, 1)
print(windows.shape, windows.stride(), windows.is_contiguous())
X = windows[:, :p].flip(1)
target = windows[:, p]
sol = torch.linalg.lstsq(X, target.unsqueeze(1))
print(sol.solution.squeeze(), sol.residuals, sol.rank, sol.singular_values)
print(type(sol).__name__, sol._fields if hasattr(sol, "_fields") else None)

# %%
sol2 = torch.linalg.lstsq(X, target.unsqueeze(1), driver="gelsd")
print(sol2.solution.squeeze(), sol2.rank, sol2.singular_values)
sol3 = torch.linalg.lstsq(X, target, driver="gelsy")
print(sol3.solution, sol3.rank, sol3.residuals)
print(torch.linalg.lstsq(X.float(), target.float().unsqueeze(-1)).solution.squeeze())

# %%
lagged = torch.as_strided(x, size=(n - p, p), stride=(1, 1))
print(lagged.shape, torch.equal(lagged.flip(1)[:, :], X[: n - p]))
print(torch.as_strided(x, (3, 2), (2, 1), storage_offset=4))
rolled = torch.stack([torch.roll(x, k) for k in range(1, p + 1)], dim=1)[p:]
print(torch.allclose(rolled, X), torch.roll(torch.arange(6).view(2, 3), shifts=(1, -1), dims=(0, 1)))

# %%
# Mistakes: a step or a size larger than the series
print(x.unfold(0, 4, 10).shape, x[:5].unfold(0, 5, 7))
x[:5].unfold(0, 6, 1)

# %%
x.unfold(1, 2, 1)

# %%
x.unfold(0, 2, 0)

# %%
torch.arange(5.).unfold(0, 0, 1)

# %%
# The AR model as a module fitted by conditional maximum likelihood
class AR(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.phi = nn.Parameter(torch.zeros(p))
        self.log_sigma = nn.Parameter(torch.zeros(()))
    def forward(self, lags):
        return lags @ self.phi

model = AR(p)
try:
    model(X)
except RuntimeError as e:
    print("RuntimeError:", e)
model = model.double()
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for step in range(150):
    opt.zero_grad()
    resid = target - model(X)
    sigma = model.log_sigma.exp()
    nll = -torch.distributions.Normal(0.0, sigma).log_prob(resid).mean()
    nll.backward()
    opt.step()
print(round(nll.item(), 4), model.phi.data, model.log_sigma.exp())

# %%
def arma_nll(params, x):
    phi, theta, log_s = params[0], params[1], params[2]
    e_prev = torch.zeros((), dtype=x.dtype)
    errors = []
    for i in range(1, len(x)):
        e = x[i] - phi * x[i - 1] - theta * e_prev
        errors.append(e)
        e_prev = e
    e = torch.stack(errors)
    s2 = torch.exp(2 * log_s)
    return 0.5 * (e.numel() * torch.log(2 * torch.pi * s2) + (e ** 2).sum() / s2) / e.numel()

params = torch.tensor([0.1, 0.1, 0.0], dtype=torch.float64, requires_grad=True)
opt = torch.optim.LBFGS([params], lr=1, max_iter=30, history_size=10, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    loss = arma_nll(params, x[:80])
    loss.backward()
    return loss
for i in range(2):
    loss = opt.step(closure)
    print(i, loss.detach(), params.detach())
print(opt.state_dict()["state"][0]["n_iter"], opt.state_dict()["state"][0]["func_evals"])

# %%
hess = torch.autograd.functional.hessian(lambda q: arma_nll(q, x[:80]), params.detach())
se = torch.linalg.inv(hess * 79).diagonal().sqrt()
print(hess.shape, se)

# %%
# Forecast h steps ahead recursively from the last p values
hist = list(x[-p:].unbind())
with torch.no_grad():
    for h in range(5):
        nxt = (model.phi * torch.stack(hist[-p:]).flip(0)).sum()
        hist.append(nxt)
print(torch.stack(hist[p:]))

# %%
torch.linalg.lstsq(X, target.float())

# %%
torch.linalg.lstsq(X[:, 0], target)

# %%
torch.linalg.lstsq(X, target[:-1].unsqueeze(1))

# %%
# Mistake: an intercept column twice in the design (rank deficient): gels (QR) refuses it
D = torch.cat([torch.ones(len(X), 2, dtype=torch.float64), X], dim=1)
print(torch.linalg.matrix_rank(D), torch.linalg.lstsq(D, target.unsqueeze(1), driver="gelsd").rank)
torch.linalg.lstsq(D, target.unsqueeze(1), driver="gels")

# %%
# Lags with torch.roll on the wrong tensor: a 0-d value has no dims to roll
torch.roll(x[-1], 1, 0)

# %%
torch.roll(x, shifts=[])
