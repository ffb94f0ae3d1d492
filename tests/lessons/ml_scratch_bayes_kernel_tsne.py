# Imitates three classic "from scratch in PyTorch" notebooks: Gaussian naive Bayes (per-class means and variances
# with index_add_ / bincount, log-likelihoods through Normal.log_prob and by hand, log-posteriors with logsumexp),
# Nadaraya-Watson kernel regression as in d2l's attention-pooling chapter (a Gaussian kernel softmax, then a learned
# bandwidth fitted by SGD with leave-one-out masking), and t-SNE written by hand (binary search for each point's
# perplexity, symmetrised P, Student-t Q, a few gradient steps with early exaggeration and momentum).
import math
import torch

# %%
torch.manual_seed(0)
means = torch.tensor([[0.0, 2.0], [2.5, 0.0], [-2.0, -1.5]])
scales = torch.tensor([[0.8, 0.5], [0.6, 1.0], [0.7, 0.7]])
y = torch.randint(0, 3, (120,))
X = means[y] + scales[y] * torch.randn(120, 2)
perm = torch.randperm(120)
tr, te = perm[:90], perm[90:]
Xtr, ytr, Xte, yte = X[tr], y[tr], X[te], y[te]
counts = torch.bincount(ytr, minlength=3)
priors = counts.float() / len(ytr)
mu = torch.zeros(3, 2).index_add_(0, ytr, Xtr) / counts[:, None]
var = torch.zeros(3, 2).index_add_(0, ytr, (Xtr - mu[ytr]) ** 2) / counts[:, None] + 1e-9
print(counts, priors)
mu, var

# %%
def log_likelihood(X, mu, var):
    return (-0.5 * torch.log(2 * math.pi * var) - (X[:, None, :] - mu) ** 2 / (2 * var)).sum(-1)

ll = log_likelihood(Xte, mu, var)
dist = torch.distributions.Normal(mu, var.sqrt())
ll2 = dist.log_prob(Xte[:, None, :]).sum(-1)
print(torch.allclose(ll, ll2, atol=1e-5))
log_post = ll + priors.log()
log_post = log_post - torch.logsumexp(log_post, dim=1, keepdim=True)
pred = log_post.argmax(1)
print(log_post[:3].exp(), pred[:10], yte[:10])
acc = (pred == yte).float().mean()
conf = torch.zeros(3, 3, dtype=torch.long)
conf.index_put_((yte, pred), torch.tensor(1), accumulate=True)
acc, conf

# %%
# Nadaraya-Watson: f(x) = sum_i softmax(-(x - x_i)^2 / (2 h^2)) y_i
torch.manual_seed(1)
n = 40
x_train, _ = torch.sort(torch.rand(n) * 5)
f = lambda x: 2 * torch.sin(x) + x**0.8
y_train = f(x_train) + torch.normal(0.0, 0.5, (n,))
x_test = torch.arange(0, 5, 0.25)
def nw(x_query, x_keys, y_vals, h):
    w = torch.softmax(-((x_query[:, None] - x_keys[None, :]) ** 2) / (2 * h**2), dim=1)
    return w @ y_vals, w
for h in [0.1, 0.5, 2.0]:
    y_hat, w = nw(x_test, x_train, y_train, h)
    print(h, round(((y_hat - f(x_test)) ** 2).mean().item(), 4), w.max(1).values[:4])
w.sum(1)[:3], w.shape

# %%
# a learned bandwidth: each training point predicted from the others (leave-one-out through a mask)
log_h = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([log_h], lr=0.5)
mask = ~torch.eye(n, dtype=torch.bool)
for epoch in range(15):
    h = log_h.exp()
    scores = -((x_train[:, None] - x_train[None, :]) ** 2) / (2 * h**2)
    scores = scores.masked_fill(~mask, float("-inf"))
    pred = torch.softmax(scores, dim=1) @ y_train
    loss = ((pred - y_train) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 5 == 0:
        print(epoch, round(loss.item(), 5), log_h.grad)
log_h.exp(), loss.grad_fn, scores.grad_fn

# %%
# t-SNE: affinities with a per-point binary search on the precision beta = 1 / (2 sigma^2)
torch.manual_seed(2)
pts = torch.cat([torch.randn(15, 5) + 3, torch.randn(15, 5) - 3, torch.randn(15, 5) * 0.5])
D = torch.cdist(pts, pts) ** 2
def row_probs(d, beta):
    p = torch.exp(-d * beta)
    return p / p.sum(), torch.log(p.sum()) + beta * (d * p).sum() / p.sum()
def x2p(D, perplexity=8.0, tol=1e-4, steps=40):
    n = D.shape[0]
    P = torch.zeros(n, n)
    target = math.log(perplexity)
    for i in range(n):
        lo, hi, beta = 0.0, float("inf"), 1.0
        d = torch.cat([D[i, :i], D[i, i + 1:]])
        for _ in range(steps):
            p, H = row_probs(d, beta)
            if abs(H - target) < tol:
                break
            if H > target:
                lo = beta
                beta = beta * 2 if hi == float("inf") else (beta + hi) / 2
            else:
                hi = beta
                beta = beta / 2 if lo == 0.0 else (beta + lo) / 2
        P[i, torch.arange(n) != i] = p
    return P
P = x2p(D)
P = (P + P.T) / (2 * P.shape[0])
print(P.sum(), P.max(), (P > 0).sum(), torch.allclose(P, P.T))
P.diagonal().abs().sum(), P[0, :6]

# %%
torch.manual_seed(3)
Y = torch.randn(45, 2) * 1e-2
velocity = torch.zeros_like(Y)
for it in range(30):
    exag = 4.0 if it < 10 else 1.0
    num = 1.0 / (1.0 + torch.cdist(Y, Y) ** 2)
    num.fill_diagonal_(0.0)
    Q = (num / num.sum()).clamp_min(1e-12)
    PQ = exag * P - Q
    grad = 4 * ((PQ * num).unsqueeze(2) * (Y.unsqueeze(1) - Y.unsqueeze(0))).sum(1)
    momentum = 0.5 if it < 15 else 0.8
    velocity = momentum * velocity - 10.0 * grad
    Y = Y + velocity
    Y = Y - Y.mean(0)
    if it % 10 == 9:
        kl = (P * torch.log(P.clamp_min(1e-12) / Q)).sum()
        print(it, round(kl.item(), 4))
groups = torch.arange(3).repeat_interleave(15)
centroids = torch.stack([Y[groups == g].mean(0) for g in range(3)])
centroids.shape, torch.cdist(centroids, centroids).min() > 0

# %%
# the same KL, minimised with autograd instead of the hand-written gradient
Yg = (torch.randn(45, 2, generator=torch.Generator().manual_seed(4)) * 1e-2).requires_grad_()
opt = torch.optim.Adam([Yg], lr=0.5)
for it in range(20):
    num = 1.0 / (1.0 + torch.cdist(Yg, Yg) ** 2)
    num = num * (1 - torch.eye(45))
    Q = num / num.sum()
    kl = (P * (torch.log(P + 1e-12) - torch.log(Q + 1e-12))).sum()
    opt.zero_grad()
    kl.backward()
    opt.step()
print(round(kl.item(), 3), Yg.grad.abs().max() < 1.0)
kl.grad_fn, num.grad_fn.next_functions
