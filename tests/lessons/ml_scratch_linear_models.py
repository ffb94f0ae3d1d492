# Imitates the supervised "ML from scratch with PyTorch" notebooks (linear and logistic regression, ridge, SVM) and
# the d2l / scientific-computing exercises that solve them in closed form: a randperm train/test split,
# standardisation with training statistics, polynomial features with torch.vander and pow, least squares by
# linalg.lstsq / solve / pinv, ridge regression over a grid of penalties, logistic regression fitted by L-BFGS
# (a closure, strong Wolfe line search), and a linear SVM trained on the hinge loss with subgradients.
import torch

# %%
torch.manual_seed(0)
n = 60
x = torch.rand(n) * 4 - 2
y = 0.5 * x**3 - x**2 + 0.3 * x + 1.0 + 0.3 * torch.randn(n)
perm = torch.randperm(n)
train, test = perm[:45], perm[45:]
x_tr, y_tr, x_te, y_te = x[train], y[train], x[test], y[test]
print(perm[:10], x_tr.shape, x_te.shape)

def poly_features(x, degree):
    return torch.stack([x**d for d in range(degree + 1)], dim=1)

P = poly_features(x_tr, 3)
V = torch.vander(x_tr, N=4, increasing=True)
print(torch.equal(P, V), P[:3])
torch.vander(torch.tensor([1, 2, 3]), N=3), torch.vander(torch.tensor([0.5, 2.0]))

# %%
mu, sigma = P[:, 1:].mean(0), P[:, 1:].std(0)
Ptr = torch.cat([torch.ones(len(x_tr), 1), (P[:, 1:] - mu) / sigma], dim=1)
Pte = poly_features(x_te, 3)
Pte = torch.cat([torch.ones(len(x_te), 1), (Pte[:, 1:] - mu) / sigma], dim=1)
w_lstsq = torch.linalg.lstsq(Ptr, y_tr.unsqueeze(1)).solution.squeeze(1)
w_normal = torch.linalg.solve(Ptr.T @ Ptr, Ptr.T @ y_tr)
w_pinv = torch.linalg.pinv(Ptr) @ y_tr
print(w_lstsq, w_normal, w_pinv, sep="\n")
print(torch.allclose(w_lstsq, w_normal, atol=1e-4), torch.allclose(w_pinv, w_normal, atol=1e-4))
mse = lambda w, X, y: ((X @ w - y) ** 2).mean()
mse(w_lstsq, Ptr, y_tr), mse(w_lstsq, Pte, y_te)

# %%
def ridge(X, y, lam):
    d = X.shape[1]
    reg = lam * torch.eye(d)
    reg[0, 0] = 0.0     # the bias is not penalised
    return torch.linalg.solve(X.T @ X + reg, X.T @ y)

# degree 9 through torch.vander (running products, as numpy.vander)
P9 = torch.vander(x_tr, N=10, increasing=True)
m9, s9 = P9[:, 1:].mean(0), P9[:, 1:].std(0)
X9 = torch.cat([torch.ones(len(x_tr), 1), (P9[:, 1:] - m9) / s9], 1)
X9te = torch.cat([torch.ones(len(x_te), 1), (torch.vander(x_te, N=10, increasing=True)[:, 1:] - m9) / s9], 1)
for lam in [0.0, 1e-3, 1e-1, 1.0, 10.0]:
    w = ridge(X9, y_tr, lam)
    print(f"lambda={lam:<6} |w|={w.norm():8.3f} train={mse(w, X9, y_tr):.4f} test={mse(w, X9te, y_te):.4f}")
print(torch.linalg.cond(X9.T @ X9) > 1e3, torch.linalg.matrix_rank(X9))
sol = torch.linalg.lstsq(X9, y_tr.unsqueeze(1), driver="gelsd")
sol.rank, sol.singular_values.shape, sol.residuals

# %%
# the ridge solution through the SVD: w = V diag(s / (s^2 + lam)) U^T y
U, s, Vh = torch.linalg.svd(X9, full_matrices=False)
lam = 0.1
w_svd = Vh.T @ ((s / (s**2 + lam)) * (U.T @ y_tr))
X9b = X9.clone()
w_full = torch.linalg.solve(X9b.T @ X9b + lam * torch.eye(10), X9b.T @ y_tr)
print(torch.allclose(w_svd, w_full, atol=1e-3))
torch.linalg.pinv(X9[:4, :3]), torch.linalg.pinv(torch.ones(2, 2)), torch.pinverse(torch.tensor([[2.0, 0.0], [0.0, 0.0]]))

# %%
torch.manual_seed(1)
X = torch.cat([torch.randn(40, 2) + torch.tensor([1.5, 1.0]), torch.randn(40, 2) - torch.tensor([1.0, 1.5])])
t = torch.cat([torch.ones(40), torch.zeros(40)])
perm = torch.randperm(80)
Xtr, ttr, Xte, tte = X[perm[:60]], t[perm[:60]], X[perm[60:]], t[perm[60:]]
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.LBFGS([w, b], lr=1, max_iter=20, history_size=5, line_search_fn="strong_wolfe")
losses = []
def closure():
    opt.zero_grad()
    loss = torch.nn.functional.binary_cross_entropy_with_logits(Xtr @ w + b, ttr) + 1e-3 * w.pow(2).sum()
    loss.backward()
    losses.append(round(loss.item(), 5))
    return loss
for epoch in range(2):
    out = opt.step(closure)
print(losses, out)
print(w, b)
acc = (((Xte @ w + b) > 0).float() == tte).float().mean()
acc, opt.state[w]["func_evals"], opt.state[w]["n_iter"]

# %%
# a linear SVM: labels in {-1, +1}, hinge loss plus an L2 penalty, plain subgradient steps
ysvm = 2 * ttr - 1
W = torch.zeros(2, requires_grad=True)
c = torch.zeros((), requires_grad=True)
opt = torch.optim.SGD([W, c], lr=0.05)
C_reg = 0.01
for step in range(60):
    margins = ysvm * (Xtr @ W + c)
    loss = torch.clamp(1 - margins, min=0).mean() + C_reg * W.dot(W)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 15 == 0:
        print(step, round(loss.item(), 4), (margins < 1).sum().item())
support = (ysvm * (Xtr @ W + c) <= 1 + 1e-3).nonzero().squeeze(1)
print(W, c, support[:8])
hinge = torch.nn.functional.relu(1 - ysvm * (Xtr @ W + c))
hinge.mean(), torch.nn.functional.hinge_embedding_loss(Xtr @ W + c, ysvm), torch.nn.MultiMarginLoss()(
    torch.stack([-(Xtr @ W + c), Xtr @ W + c], 1), ttr.long())
