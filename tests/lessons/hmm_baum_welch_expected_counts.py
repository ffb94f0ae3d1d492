# Imitates the "EM is gradient of log Z" part of a structured-prediction course notebook (Jason Eisner's "Inside-
# outside and forward-backward are just backprop" exercise, Sasha Rush's torch-struct tutorials): expected transition
# and emission counts of an HMM as torch.autograd.grad of the log-partition with respect to the log-parameters,
# a Baum-Welch M-step that renormalises the counts, counts by hand with one_hot / einsum / index_add_ / bincount for
# comparison, the max semiring (Viterbi) next to the log semiring, and the errors learners hit.
import torch
import torch.nn.functional as F

# %%
torch.manual_seed(3)
K, V = 3, 5
log_pi = torch.log_softmax(torch.randn(K), 0).requires_grad_()
log_A = torch.log_softmax(torch.randn(K, K), 1).requires_grad_()
log_B = torch.log_softmax(torch.randn(K, V), 1).requires_grad_()
obs = torch.tensor([[0, 3, 3, 1, 4, 2], [2, 2, 0, 1, 1, 0], [4, 0, 1, 3, 2, 2]])
print(log_pi.is_leaf, log_A.requires_grad, obs.shape, obs.dtype)


def log_partition(log_pi, log_A, log_B, obs, semiring="log"):
    reduce = (lambda t, d: torch.logsumexp(t, d)) if semiring == "log" else (lambda t, d: t.max(d).values)
    alpha = log_pi + log_B[:, obs[:, 0]].T
    for t in range(1, obs.shape[1]):
        alpha = reduce(alpha[:, :, None] + log_A[None], 1) + log_B[:, obs[:, t]].T
    return reduce(alpha, 1)


logZ = log_partition(log_pi, log_A, log_B, obs)
print(logZ, logZ.grad_fn.name())

# %%
# E-step: the gradient of log Z gives the expected counts
c_pi, c_A, c_B = torch.autograd.grad(logZ.sum(), (log_pi, log_A, log_B))
print(c_pi, c_pi.sum())
print(c_A, c_A.sum())
print(c_B.sum(1), c_B.sum())

# %%
# the same counts by hand from the posteriors (forward-backward)
with torch.no_grad():
    N, T = obs.shape
    em = log_B[:, obs].permute(1, 2, 0)             # (N, T, K)
    alphas = [log_pi + em[:, 0]]
    for t in range(1, T):
        alphas.append(torch.logsumexp(alphas[-1][:, :, None] + log_A, 1) + em[:, t])
    betas = [torch.zeros(N, K)]
    for t in range(T - 1, 0, -1):
        betas.insert(0, torch.logsumexp(log_A + (em[:, t] + betas[0])[:, None, :], 2))
    post = torch.exp(torch.stack(alphas, 1) + torch.stack(betas, 1) - logZ[:, None, None])
    onehot = F.one_hot(obs, V).float()
    counts_B = torch.einsum("ntk,ntv->kv", post, onehot)
    print(torch.allclose(counts_B, c_B, atol=1e-5), counts_B.dtype)
    flat = torch.zeros(K, V).index_add_(1, obs.reshape(-1), post.reshape(-1, K).T)
    print(torch.allclose(flat, counts_B, atol=1e-5))
    print(torch.bincount(obs.reshape(-1), minlength=V), onehot.sum((0, 1)))

# %%
# M-step: renormalise and repeat; the log-likelihood never goes down
lp, lA, lB = log_pi.detach(), log_A.detach(), log_B.detach()
for it in range(4):
    lp.requires_grad_(); lA.requires_grad_(); lB.requires_grad_()
    ll = log_partition(lp, lA, lB, obs).sum()
    g_pi, g_A, g_B = torch.autograd.grad(ll, (lp, lA, lB))
    print(it, round(ll.item(), 4))
    lp = torch.log(g_pi / g_pi.sum())
    lA = torch.log(g_A / g_A.sum(1, keepdim=True))
    lB = torch.log(g_B / g_B.sum(1, keepdim=True))
print(lA.exp(), lB.exp().sum(1))

# %%
# the max semiring: its gradient is the one-hot Viterbi path
v = log_partition(log_pi, log_A, log_B, obs, semiring="max")
print(v, v.grad_fn.name())
g_A_max, g_B_max = torch.autograd.grad(v.sum(), (log_A, log_B))
print(g_A_max, g_A_max.sum(), (T - 1) * N)
print(g_B_max.sum(1), g_B_max.nonzero().shape)

# %%
# second order: the Hessian of log Z is the covariance of the counts
lp1 = log_pi.detach().requires_grad_()
g1, = torch.autograd.grad(log_partition(lp1, log_A.detach(), log_B.detach(), obs[:1]).sum(), lp1, create_graph=True)
print(g1, g1.grad_fn.name())
H = torch.stack([torch.autograd.grad(g1[i], lp1, retain_graph=True)[0] for i in range(K)])
print(H, torch.allclose(H, H.T, atol=1e-6))

# %%
# mistakes: grad of a non-scalar, grad after the graph is freed, a count tensor of the wrong size, a non-leaf .grad
z = log_partition(log_pi, log_A, log_B, obs)
try:
    torch.autograd.grad(z, log_A)
except RuntimeError as e:
    print(type(e).__name__, e)
torch.autograd.grad(z.sum(), log_A)
try:
    torch.autograd.grad(z.sum(), log_A)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:80])
try:
    torch.zeros(K, V - 1).index_add_(1, obs.reshape(-1), torch.ones(K, obs.numel()))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
try:
    torch.bincount(obs.float())
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bincount(obs)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.one_hot(obs, 4)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.einsum("ntk,ntv->kv", torch.ones(3, 6, K), torch.ones(3, 5, V))
except RuntimeError as e:
    print(type(e).__name__, e)
