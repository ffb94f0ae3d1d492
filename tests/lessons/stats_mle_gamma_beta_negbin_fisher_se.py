# Imitates a statistics course notebook "Maximum likelihood with autograd" (after the PyTorch-as-a-calculator
# lectures of computational statistics courses): gamma, beta and negative binomial fits in float64 on an
# unconstrained scale by gradient descent and by LBFGS with a closure, standard errors from the observed Fisher
# information (torch.autograd.functional.hessian + torch.linalg.inv), the delta method, lgamma/digamma/polygamma
# by hand against the analytic score, set_printoptions(precision=...) and the learner's usual mistakes.
import torch
from torch.autograd.functional import hessian, jacobian

# %%
torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=6)
torch.manual_seed(189)
x = torch.distributions.Gamma(torch.tensor(2.5), torch.tensor(1.5)).sample((200,))
print(x.dtype, x.shape, x[:5])
print(x.mean(), x.var(), x.log().mean())

# %%
def gamma_nll(theta, x=x):
    log_a, log_b = theta[0], theta[1]
    a, b = log_a.exp(), log_b.exp()
    return -(a * torch.log(b) - torch.lgamma(a) + (a - 1) * torch.log(x) - b * x).sum()

theta = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([theta], lr=0.05)
for step in range(300):
    opt.zero_grad()
    loss = gamma_nll(theta)
    loss.backward()
    opt.step()
    if step % 100 == 0:
        print(step, loss.item(), theta.grad)
print(theta.detach().exp(), loss)

# %%
theta2 = torch.zeros(2, requires_grad=True)
lbfgs = torch.optim.LBFGS([theta2], lr=1, max_iter=50, line_search_fn="strong_wolfe", tolerance_grad=1e-10)
def closure():
    lbfgs.zero_grad()
    l = gamma_nll(theta2)
    l.backward()
    return l
out = lbfgs.step(closure)
print(out, theta2, theta2.grad)
state = lbfgs.state[lbfgs.param_groups[0]["params"][0]]
print(state["func_evals"], state["n_iter"], sorted(state.keys()))

# %%
# score by hand: d/da = n log b - n digamma(a) + sum log x ; d/db = n a / b - sum x
a_hat, b_hat = theta2.detach().exp()
n = x.numel()
score = torch.stack([n * b_hat.log() - n * torch.digamma(a_hat) + x.log().sum(), n * a_hat / b_hat - x.sum()])
print(score)
info = torch.tensor([[n * torch.polygamma(1, a_hat), -n / b_hat], [-n / b_hat, n * a_hat / b_hat ** 2]])
print(info, torch.linalg.inv(info).diagonal().sqrt())

# %%
def nll_ab(params):
    a, b = params[0], params[1]
    return -(a * torch.log(b) - torch.lgamma(a) + (a - 1) * torch.log(x) - b * x).sum()

H = hessian(nll_ab, torch.stack([a_hat, b_hat]))
print(H, H.dtype, H.requires_grad)
cov = torch.linalg.inv(H)
se = cov.diagonal().sqrt()
print(cov, se)
print(torch.allclose(H, info), (H - info).abs().max())
Ht = hessian(gamma_nll, theta2.detach())
J = jacobian(lambda t: t.exp(), theta2.detach())
print(Ht, J, J @ torch.linalg.inv(Ht) @ J.T)

# %%
torch.set_printoptions(precision=3)
ci = torch.stack([torch.stack([a_hat, b_hat]) - 1.96 * se, torch.stack([a_hat, b_hat]) + 1.96 * se], dim=1)
print(ci)
torch.set_printoptions(precision=10)
print(se, ci[0])
torch.set_printoptions(precision=4, sci_mode=True)
print(cov)
torch.set_printoptions(profile="default")
print(cov, torch.polygamma(2, torch.tensor([0.5, 1.0, 2.5])), torch.polygamma(3, torch.tensor(1.5)))

# %%
torch.manual_seed(2)
p = torch.distributions.Beta(torch.tensor(2.0), torch.tensor(5.0)).sample((150,))
def betaln(a, b):
    return torch.lgamma(a) + torch.lgamma(b) - torch.lgamma(a + b)
def beta_nll(t):
    a, b = t.exp()
    return -((a - 1) * p.log() + (b - 1) * torch.log1p(-p) - betaln(a, b)).sum()
t = torch.zeros(2, requires_grad=True)
opt = torch.optim.LBFGS([t], max_iter=100, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    l = beta_nll(t)
    l.backward()
    return l
for _ in range(3):
    l = opt.step(closure)
print(l, t.exp(), t.grad.abs().max() < 1e-5)
d = torch.distributions.Beta(*t.detach().exp())
print(-d.log_prob(p).sum(), d.mean, d.variance, d.entropy())
print(torch.special.betaln(t.detach().exp()[0], t.detach().exp()[1]) if hasattr(torch.special, "betaln") else "no betaln")

# %%
torch.manual_seed(3)
counts = torch.distributions.NegativeBinomial(total_count=torch.tensor(4.0), probs=torch.tensor(0.3)).sample((120,))
print(counts[:10], counts.mean(), counts.var())
def nb_nll(t):
    r, logit_p = t[0].exp(), t[1]
    ll = (torch.lgamma(counts + r) - torch.lgamma(r) - torch.lgamma(counts + 1)
          + r * torch.nn.functional.logsigmoid(-logit_p) + counts * torch.nn.functional.logsigmoid(logit_p))
    return -ll.sum()
t = torch.tensor([0.0, 0.0], requires_grad=True)
opt = torch.optim.LBFGS([t], max_iter=200, line_search_fn="strong_wolfe")
def closure():
    opt.zero_grad()
    l = nb_nll(t)
    l.backward()
    return l
opt.step(closure)
print(t, nb_nll(t))
d = torch.distributions.NegativeBinomial(total_count=t[0].exp(), logits=t[1])
print(-d.log_prob(counts).sum(), d.mean, d.variance)
H = hessian(nb_nll, t.detach())
print(H, torch.linalg.inv(H).diagonal().sqrt(), torch.linalg.eigvalsh(H))

# %%
try:
    hessian(gamma_nll, torch.zeros(2, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    hessian(lambda v: v.exp(), torch.zeros(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.inv(torch.tensor([[1.0, 2.0], [2.0, 4.0]]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.polygamma(1.5, torch.tensor(1.0))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.lgamma(torch.tensor([1, 2, 3])).dtype, torch.digamma(torch.tensor([0, 1]))
except Exception as e:
    print(type(e).__name__, e)
print(torch.lgamma(torch.tensor([1, 2, 3])), torch.digamma(torch.tensor([0.0, -1.0, -1.5])), torch.lgamma(torch.tensor([0.0, -1.0, -0.5])))
