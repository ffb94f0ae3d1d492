# Imitates a "mechanistic models as nn.Modules" lesson (SIR / SEIR as torch.nn.Module with nn.Parameter log-rates,
# Poisson / negative-binomial likelihoods of daily cases, a time-varying contact rate, batched implicit steps,
# sensitivities by jacobian / hvp / vhp and torch.func, parameter uncertainty from the observed information): the
# code after the "fit a compartmental model" chapter of a computational-epidemiology course.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd.functional import jacobian, hessian, hvp, vhp, vjp, jvp

torch.manual_seed(3)

# %%
class SIR(nn.Module):
    def __init__(self, N=1000.0):
        super().__init__()
        self.log_beta = nn.Parameter(torch.tensor(math.log(0.4)))
        self.raw_gamma = nn.Parameter(torch.tensor(-2.0))
        self.register_buffer("N", torch.tensor(N))

    @property
    def gamma(self):
        return F.softplus(self.raw_gamma, beta=2.0, threshold=10.0)

    def forward(self, I0, days, dt=0.5):
        S, I = self.N - I0, I0
        steps = int(days / dt)
        incid = []
        beta = self.log_beta.exp()
        for k in range(steps):
            new_inf = dt * beta * S * I / self.N
            new_rec = dt * self.gamma * I
            S = S - new_inf
            I = I + new_inf - new_rec
            incid.append(new_inf)
        incid = torch.stack(incid)
        return incid.view(-1, int(1 / dt)).sum(1)

model = SIR()
print(model)
print([(n, p.shape, p.requires_grad) for n, p in model.named_parameters()])
print(list(model.state_dict().keys()), model.gamma)
daily = model(torch.tensor(5.0), 30)
print(daily.shape, daily.grad_fn, daily[:5])

# %%
with torch.no_grad():
    truth = SIR()
    truth.log_beta.fill_(math.log(0.55))
    truth.raw_gamma.copy_(torch.tensor(-1.0))
    lam = truth(torch.tensor(5.0), 30)
cases = torch.poisson(lam)
print(cases[:10], cases.dtype, cases.sum())
print(torch.cumsum(cases, 0)[-1], torch.cumsum(cases.long(), 0).dtype, cases.cumsum(0, dtype=torch.float64).dtype)

# %%
opt = torch.optim.Adam(model.parameters(), lr=0.05)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=40, gamma=0.5)
for it in range(80):
    opt.zero_grad()
    lam_hat = model(torch.tensor(5.0), 30)
    loss = F.poisson_nll_loss(lam_hat, cases, log_input=False, full=True)
    loss.backward()
    gn = torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
    opt.step()
    sched.step()
    if it % 20 == 0:
        print(it, f"{loss.item():.5f}", f"{gn.item():.4f}", sched.get_last_lr())
print(model.log_beta.exp().item(), model.gamma.item())

# %%
# negative binomial likelihood through torch.distributions
log_r = torch.tensor(1.0, requires_grad=True)
lam_hat = model(torch.tensor(5.0), 30).detach()
r = log_r.exp()
nb = torch.distributions.NegativeBinomial(total_count=r, logits=torch.log(lam_hat) - torch.log(r))
ll = nb.log_prob(cases).sum()
ll.backward()
print(ll, log_r.grad)
print(nb.mean[:4], nb.variance[:4])
pois = torch.distributions.Poisson(lam_hat)
print(pois.log_prob(cases).sum(), pois.log_prob(cases).grad_fn)

# %%
# the observed information of the fitted parameters from the functional API
params = torch.stack([model.log_beta.detach(), model.raw_gamma.detach()])
def negll(p):
    m = SIR()
    beta, gamma = p[0].exp(), F.softplus(p[1], beta=2.0)
    S, I = m.N - 5.0, torch.tensor(5.0)
    out = []
    for k in range(30):
        inf = beta * S * I / m.N
        S, I = S - inf, I + inf - gamma * I
        out.append(inf)
    lam = torch.stack(out)
    return F.poisson_nll_loss(lam, cases, log_input=False, reduction="sum")
H = hessian(negll, params)
print(H)
v = torch.tensor([1.0, 0.0])
print(hvp(negll, params, v))
print(vhp(negll, params, v))
cov = torch.linalg.inv(H)
print(cov.diagonal().sqrt(), torch.linalg.cholesky(H))
print(torch.cholesky_inverse(torch.linalg.cholesky(H)))

# %%
# sensitivities of the incidence curve
def incidence(p):
    beta, gamma = p.exp().unbind()
    S, I = torch.tensor(995.0), torch.tensor(5.0)
    out = []
    for k in range(10):
        inf = beta * S * I / 1000
        S, I = S - inf, I + inf - gamma * I
        out.append(inf)
    return torch.stack(out)
p0 = torch.log(torch.tensor([0.5, 0.2]))
J = jacobian(incidence, p0)
print(J.shape, J[-3:])
out, vj = vjp(incidence, p0, torch.ones(10))
print(out[:3], vj)
out, jv = jvp(incidence, p0, torch.tensor([1.0, 0.0]))
print(jv[:4])
print(torch.allclose(jv, J[:, 0]), torch.allclose(vj, J.sum(0)))
Jr = torch.func.jacrev(incidence)(p0)
Jf = torch.func.jacfwd(incidence)(p0)
print(torch.allclose(Jr, J), torch.allclose(Jf, J))

# %%
# batched implicit step for many parameter sets at once: (I - dt A) y_next = y
ks = torch.tensor([[0.3, 0.1], [0.6, 0.2], [1.0, 0.05]], requires_grad=True)
B = ks.shape[0]
A = torch.zeros(B, 3, 3)
A = A.index_put((torch.arange(B), torch.tensor([0] * B), torch.tensor([0] * B)), -ks[:, 0])
A = A.index_put((torch.arange(B), torch.tensor([1] * B), torch.tensor([0] * B)), ks[:, 0])
A = A.index_put((torch.arange(B), torch.tensor([1] * B), torch.tensor([1] * B)), -ks[:, 1])
A = A.index_put((torch.arange(B), torch.tensor([2] * B), torch.tensor([1] * B)), ks[:, 1])
print(A.grad_fn, A[1])
M = torch.eye(3) - 0.5 * A
y = torch.tensor([1.0, 0.0, 0.0]).repeat(B, 1)
hist = []
for _ in range(6):
    y = torch.linalg.solve(M, y)
    hist.append(y)
hist = torch.stack(hist, 1)
print(hist.shape, hist.grad_fn, hist[:, -1])
hist[:, :, 2].sum().backward()
print(ks.grad)
y2 = torch.linalg.solve(M, torch.ones(B, 3, 1))
print(y2.shape, y2.squeeze(-1)[0])
print(torch.linalg.solve(M[0], torch.ones(3, 2), left=False if False else True).shape)
print(torch.linalg.solve(M[0], torch.ones(2, 3), left=False))

# %%
# errors learners hit
try:
    torch.linalg.solve(M, torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)
try:
    hvp(negll, params, torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.poisson_nll_loss(lam_hat, cases[:5])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.distributions.Poisson(-lam_hat)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.poisson(cases.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    model.log_beta = torch.tensor(0.1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.cholesky(-H)
except Exception as e:
    print(type(e).__name__, e)
