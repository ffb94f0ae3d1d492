# Imitates a research-tutorial notebook on differentiable particle filters: a linear-Gaussian model whose parameters
# are learned by maximising the particle estimate of the log marginal likelihood with backward(), soft resampling
# (mixing the weights with a uniform and importance-correcting), a straight-through estimator for the resampled
# particles, the reparameterised noise, gradients checked against the Kalman filter, and unscented-transform sigma
# points from torch.linalg.cholesky (with its error for a matrix that is not positive definite).
import math
import torch

torch.manual_seed(2)
T, N = 15, 64
a_true, q_true, r_true = 0.8, 0.5, 0.3
x = torch.zeros(())
ys = []
for t in range(T):
    x = a_true * x + math.sqrt(q_true) * torch.randn(())
    ys.append(x + math.sqrt(r_true) * torch.randn(()))
ys = torch.stack(ys)
print(ys[:5])

# %%
def dpf_loglik(ys, a, log_q, log_r, N, gen, alpha=0.5, straight_through=False):
    q, r = log_q.exp(), log_r.exp()
    x = torch.randn(N, generator=gen)
    logw = torch.full((N,), -math.log(N))
    ll = torch.zeros(())
    for y in ys:
        x = a * x + q.sqrt() * torch.randn(N, generator=gen)
        logw = logw + (-0.5 * (y - x) ** 2 / r - 0.5 * torch.log(2 * math.pi * r))
        lse = torch.logsumexp(logw, 0)
        ll = ll + lse
        logw = logw - lse
        w = logw.exp()
        q_mix = alpha * w + (1 - alpha) / N
        idx = torch.multinomial(q_mix.detach(), N, replacement=True, generator=gen)
        new_w = w[idx] / q_mix[idx]
        logw = torch.log(new_w / new_w.sum())
        if straight_through:
            x = x[idx].detach() + (x[idx] - x[idx].detach())
        else:
            x = x[idx]
    return ll

a = torch.tensor(0.5, requires_grad=True)
log_q = torch.tensor(0.0, requires_grad=True)
log_r = torch.tensor(0.0, requires_grad=True)
gen = torch.Generator().manual_seed(5)
ll = dpf_loglik(ys, a, log_q, log_r, N, gen)
print(ll, ll.grad_fn.name())
ll.backward()
print(a.grad, log_q.grad, log_r.grad)

# %%
opt = torch.optim.Adam([a, log_q, log_r], lr=0.05)
for step in range(8):
    opt.zero_grad()
    loss = -dpf_loglik(ys, a, log_q, log_r, N, gen, straight_through=(step % 2 == 1))
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4), a.item(), log_q.exp().item())

# %%
def kalman_ll(ys, a, q, r):
    m, P = torch.zeros(()), torch.ones(())
    ll = torch.zeros(())
    for y in ys:
        m, P = a * m, a * a * P + q
        S = P + r
        ll = ll - 0.5 * (torch.log(2 * math.pi * S) + (y - m) ** 2 / S)
        K = P / S
        m, P = m + K * (y - m), (1 - K) * P
    return ll
a2 = torch.tensor(0.5, requires_grad=True)
kll = kalman_ll(ys, a2, torch.tensor(1.0), torch.tensor(1.0))
g, = torch.autograd.grad(kll, a2)
print(kll, g)

# %%
# unscented transform: sigma points
n = 2
mu = torch.tensor([1.0, -0.5], dtype=torch.float64)
P = torch.tensor([[0.5, 0.1], [0.1, 0.3]], dtype=torch.float64)
alpha, beta, kappa = 1e-1, 2.0, 0.0
lam = alpha ** 2 * (n + kappa) - n
L = torch.linalg.cholesky((n + lam) * P)
print(L, L.dtype)
sigmas = torch.cat([mu[None], mu + L.T, mu - L.T])
Wm = torch.full((2 * n + 1,), 1 / (2 * (n + lam)), dtype=torch.float64)
Wc = Wm.clone()
Wm[0] = lam / (n + lam)
Wc[0] = lam / (n + lam) + (1 - alpha ** 2 + beta)
print(sigmas, Wm, Wc, Wm.sum())
Y = torch.stack([torch.sin(sigmas[:, 0]), sigmas[:, 0] * sigmas[:, 1]], dim=1)
ym = (Wm[:, None] * Y).sum(0)
dY = Y - ym
Py = dY.T @ torch.diag(Wc) @ dY
print(ym, Py)
Lu = torch.linalg.cholesky(P, upper=True)
print(Lu, torch.allclose(Lu.T @ Lu, P))
L32, info = torch.linalg.cholesky_ex(P.float())
print(L32, info)

# %%
Pr = torch.tensor([[0.5, 0.1], [0.1, 0.3]], requires_grad=True)
L = torch.linalg.cholesky(Pr)
print(L.grad_fn.name() if hasattr(L.grad_fn, 'name') else type(L.grad_fn).__name__)
L.sum().backward()
print(Pr.grad)
for bad in [torch.tensor([[1.0, 2.0], [2.0, 1.0]]), torch.tensor([[1.0, 0.0], [0.0, -1e-3]]),
            torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]),
            torch.zeros(2, 2, 2) + torch.eye(2) * torch.tensor([1.0, -1.0]).view(2, 1, 1),
            torch.randn(2, 3), torch.tensor([[1, 0], [0, 1]])]:
    try:
        print(torch.linalg.cholesky(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(torch.linalg.cholesky_ex(torch.tensor([[1.0, 2.0], [2.0, 1.0]])))
try:
    torch.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except Exception as e:
    print(type(e).__name__, e)

# %%
# several independent filters at once with torch.vmap: resampling needs randomness='different'
torch.manual_seed(3)
W = torch.softmax(torch.randn(4, 6), dim=1)
resample = lambda w: torch.multinomial(w, 6, replacement=True)
for mode in ["error", "same", "different"]:
    try:
        print(mode, torch.vmap(resample, randomness=mode)(W))
    except Exception as e:
        print(mode, type(e).__name__, e)
cats = torch.vmap(lambda w: torch.distributions.Categorical(probs=w).sample((3,)), randomness="different")(W)
print(cats, cats.shape)
