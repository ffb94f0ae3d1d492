# Imitates Cambridge MLMI4-style notebooks on approximate inference: the Laplace approximation of a Bayesian
# logistic regression (MAP by LBFGS, torch.autograd.functional.hessian with its options and errors, the posterior as
# a MultivariateNormal with precision_matrix), hvp / vhp / jvp / vjp, jacobian strategies and their errors, the
# forward-over-reverse Hessian (outer_jacobian_strategy="forward-mode") checked against the reverse one, and a
# Hamiltonian Monte Carlo sampler with autograd gradients and leapfrog steps.
import torch
from torch.autograd.functional import hessian, jacobian, hvp, vhp, jvp, vjp
torch.manual_seed(0)
X = torch.randn(20, 3); w_true = torch.tensor([1., -2., 0.5]); yb = (torch.sigmoid(X @ w_true) > torch.rand(20)).float()
def neg_log_post(w):
    logits = X @ w
    return torch.nn.functional.binary_cross_entropy_with_logits(logits, yb, reduction="sum") + 0.5 * (w ** 2).sum()
# %%
w = torch.zeros(3, requires_grad=True)
opt = torch.optim.LBFGS([w], lr=1, max_iter=50, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad(); l = neg_log_post(w); l.backward(); return l
print(opt.step(closure))
w_map = w.detach().clone()
H = hessian(neg_log_post, w_map)
print(H, H.shape, H.requires_grad)
cov = torch.linalg.inv(H)
print(torch.linalg.eigvalsh(H), torch.linalg.cholesky(cov))
post = torch.distributions.MultivariateNormal(w_map, precision_matrix=H)
print(post, post.stddev)
# %%
print(hessian(neg_log_post, w_map, vectorize=True).shape)
print(hessian(neg_log_post, w_map, create_graph=True).requires_grad)
print(hessian(lambda a, b: (a * b).sum() ** 2, (torch.ones(2), torch.ones(3, 1))))
try:
    hessian(lambda a: a * 2, torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    hessian(neg_log_post, w_map, outer_jacobian_strategy="forward-mode")
except Exception as e:
    print(type(e).__name__, e)
Hf = hessian(neg_log_post, w_map, outer_jacobian_strategy="forward-mode", vectorize=True)
print(Hf.shape, torch.allclose(Hf, H, atol=1e-5), (Hf - Hf.T).abs().max() < 1e-5)
try:
    hessian(lambda a: torch.tensor(1.0), torch.ones(2), strict=True)
except Exception as e:
    print(type(e).__name__, e)
print(hessian(lambda a: torch.tensor(1.0), torch.ones(2)))
# %%
print(hvp(neg_log_post, w_map, torch.ones(3)))
print(vhp(neg_log_post, w_map, torch.ones(3)))
print(jvp(lambda a: a.exp(), torch.ones(2), torch.ones(2)))
print(vjp(lambda a: a.exp(), torch.ones(2), torch.ones(2)))
try:
    hvp(neg_log_post, w_map)
except Exception as e:
    print(type(e).__name__, e)
try:
    hvp(neg_log_post, w_map, torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
# %%
J = jacobian(lambda a: torch.stack([a[0] * a[1], a[1].sin()]), torch.tensor([1., 2.]))
print(J, torch.linalg.slogdet(J), torch.linalg.det(J))
print(jacobian(lambda a: a.exp(), torch.ones(2, 2)).shape)
print(jacobian(lambda a, b: a * b, (torch.ones(2), torch.ones(2))))
print(jacobian(lambda a: (a, a * 2), torch.ones(2)))
print(jacobian(lambda a: a.exp(), torch.ones(3), strategy="forward-mode", vectorize=True))
try:
    jacobian(lambda a: a.exp(), torch.ones(3), strategy="forward-mode")
except Exception as e:
    print(type(e).__name__, e)
try:
    jacobian(lambda a: a.exp(), torch.ones(3), strategy="backward")
except Exception as e:
    print(type(e).__name__, e)
try:
    jacobian(lambda a: 3.0, torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    jacobian(lambda a: a, [1.0, 2.0])
except Exception as e:
    print(type(e).__name__, e)
# %%
def U(q): return 0.5 * (q ** 2).sum() + 0.1 * (q ** 4).sum()
def grad_U(q):
    q = q.detach().requires_grad_(True)
    return torch.autograd.grad(U(q), q)[0]
def leapfrog(q, p, eps, L):
    p = p - 0.5 * eps * grad_U(q)
    for i in range(L):
        q = q + eps * p
        if i < L - 1:
            p = p - eps * grad_U(q)
    p = p - 0.5 * eps * grad_U(q)
    return q, -p
q = torch.zeros(2); samples = []; acc = 0
for it in range(50):
    p0 = torch.randn(2)
    q1, p1 = leapfrog(q, p0, 0.2, 10)
    H0 = U(q) + 0.5 * p0 @ p0
    H1 = U(q1) + 0.5 * p1 @ p1
    if torch.rand(()) < torch.exp(H0 - H1):
        q = q1; acc += 1
    samples.append(q)
S = torch.stack(samples)
print(acc / 50, S.mean(0), S.std(0), S.shape)
print(torch.exp(H0 - H1).clamp(max=1), torch.log(torch.rand(())) < H0 - H1)
