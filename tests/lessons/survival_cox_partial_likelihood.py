# Imitates a blog post on deep survival analysis (DeepSurv): a Cox proportional-hazards partial likelihood written
# by hand (sort by time descending, risk sets with logcumsumexp or cumsum of exp, censoring masks, Breslow ties),
# the concordance index with broadcasting comparisons, and the mistakes readers make (sorting without stable=True,
# cumsum of a bool mask giving int64, logcumsumexp of an int tensor, events of the wrong dtype in torch.where).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n, d = 12, 4
X = torch.randn(n, d)
beta_true = torch.tensor([0.8, -0.5, 0.0, 0.3])
time = torch.tensor([5., 3., 9., 3., 7., 1., 12., 5., 2., 8., 3., 10.])
event = torch.tensor([1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1])
print(X.shape, time.dtype, event.dtype, event.sum(), event.float().mean())

# %%
order = torch.argsort(time, descending=True)
print(order)
print(time[order])
vals, idx = torch.sort(time, descending=True, stable=True)
print(vals, idx)
print(torch.equal(order, idx))
print(torch.sort(time, stable=True))
print(time.argsort(stable=True, descending=True))

# %%
def cox_ph_loss(log_h, time, event):
    order = torch.argsort(time, descending=True, stable=True)
    log_h, event = log_h[order], event[order]
    log_risk = torch.logcumsumexp(log_h, dim=0)
    pll = (log_h - log_risk) * event
    return -pll.sum() / event.sum()

beta = torch.zeros(d, requires_grad=True)
loss = cox_ph_loss(X @ beta, time, event)
print(loss, loss.grad_fn)
loss.backward()
print(beta.grad)

# %%
# the same with cumsum of exp (numerically naive) and a float event mask
log_h = X @ beta_true
order = time.argsort(descending=True, stable=True)
lh = log_h[order]
risk = torch.cumsum(torch.exp(lh), dim=0)
print(risk)
print(torch.log(risk) - torch.logcumsumexp(lh, 0))
e = event[order].float()
print(-(e * (lh - torch.log(risk))).sum() / e.sum())
print(torch.logcumsumexp(lh.unsqueeze(0).repeat(2, 1), dim=1).shape)
print(lh.flip(0).logcumsumexp(0).flip(0)[:4])

# %%
# mistake: logcumsumexp of an integer tensor
torch.logcumsumexp(event, dim=0)

# %%
# mistake: the risk set reversed with flip() and no dims
time.flip()

# %%
# mistake: logaddexp of two integer tensors (counts of events)
torch.logaddexp(event, event)

# %%
print(torch.logaddexp(event, log_h), torch.logaddexp(event.float(), event.float())[:3])
print(torch.logcumsumexp(event.float(), dim=0))
print(torch.logcumsumexp(torch.tensor([1., float("-inf"), 2.]), 0))
print(torch.logcumsumexp(torch.tensor([float("-inf"), float("-inf")]), 0))
print(torch.logcumsumexp(torch.tensor(3.), 0), torch.logcumsumexp(torch.empty(0), 0))
print(torch.logcumsumexp(torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64), dim=-1))

# %%
# mistake: cumsum of a bool mask is int64, not float
at_risk = time.unsqueeze(0) >= time.unsqueeze(1)
print(at_risk.dtype, at_risk.sum(1))
c = torch.cumsum(event.bool(), 0)
print(c, c.dtype)
print(torch.cumsum(event, 0).dtype, torch.cumsum(event.to(torch.int32), 0).dtype, torch.cumsum(event, 0, dtype=torch.float32))
print(event.bool().cumsum(0).dtype, event.to(torch.uint8).cumsum(0).dtype, event.to(torch.int8).cumprod(0).dtype)
print(torch.cumsum(event.to(torch.int16), dim=0).dtype)

# %%
# Breslow ties: risk set of every subject as a matrix
R = (time.unsqueeze(0) >= time.unsqueeze(1)).float()
log_h = X @ beta
log_denom = torch.log((R * torch.exp(log_h).unsqueeze(0)).sum(1))
loss_b = -((log_h - log_denom) * event).sum() / event.sum()
print(loss_b)
# masked logsumexp version
masked = log_h.unsqueeze(0).masked_fill(R == 0, float("-inf"))
print(torch.logsumexp(masked, dim=1)[:5])
print(torch.where(R.bool(), log_h.unsqueeze(0), torch.tensor(float("-inf"))).logsumexp(1)[:5])

# %%
# mistake: torch.where with an int event as the condition
torch.where(event, log_h, torch.zeros_like(log_h))

# %%
print(torch.where(event.bool(), log_h, 0.0))
print(torch.where(event == 1, time, -1))
print(torch.where(event == 1)[0])
print(torch.where(event.bool(), 1, 0).dtype, torch.where(event.bool(), 1.0, 0).dtype)

# %%
# DeepSurv network trained with Adam
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(d, 8), nn.SELU(), nn.Dropout(0.1), nn.Linear(8, 1, bias=False))
opt = torch.optim.Adam(net.parameters(), lr=1e-2, weight_decay=1e-4)
net.train()
for step in range(40):
    opt.zero_grad()
    loss = cox_ph_loss(net(X).squeeze(-1), time, event)
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 4))

# %%
def concordance_index(risk, time, event):
    comparable = (time.unsqueeze(1) < time.unsqueeze(0)) & event.bool().unsqueeze(1)
    concordant = (risk.unsqueeze(1) > risk.unsqueeze(0)).float()
    ties = (risk.unsqueeze(1) == risk.unsqueeze(0)).float() * 0.5
    num = ((concordant + ties) * comparable).sum()
    return num / comparable.sum()

net.eval()
with torch.no_grad():
    risk = net(X).squeeze(-1)
print(concordance_index(risk, time, event))
print(concordance_index(X @ beta_true, time, event))
print(concordance_index(torch.zeros(n), time, event))
print((time.unsqueeze(1) < time.unsqueeze(0)).sum(), torch.triu(torch.ones(3, 3), diagonal=1))

# %%
# mistake: comparing a column with a row of the wrong length
risk[:, None] > risk[None, :5].t()

# %%
(time[:, None] == time[None, :5].t()) & event.bool()[:, None]

# %%
# mistake: sorting without stable=True leaves ties in an unspecified order; stable keeps input order
t2 = torch.tensor([3., 1., 3., 2., 3., 1.])
print(torch.sort(t2, stable=True).indices)
print(torch.sort(t2, descending=True, stable=True).indices)
print(torch.argsort(t2, dim=0, stable=True, descending=False))
print(t2.sort(0, True))
print(torch.msort(t2), torch.sort(t2.to(torch.int64), stable=True))
print(torch.sort(torch.tensor([2, 0, 1], dtype=torch.uint8), descending=True))
