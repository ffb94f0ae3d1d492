# Imitates a survival-analysis course notebook: the Kaplan-Meier estimator from unique event times (unique with
# counts, bincount, scatter_add, cumprod, searchsorted to read the curve), Nelson-Aalen with cumsum, the Cox partial
# likelihood with Efron's correction for tied times (index_add over tie groups, a loop over the ties), the
# concordance index over all comparable pairs, and the mistakes readers make (bincount of float times, unique of a
# tensor that requires grad, index_add with int64 sources into a float tensor, searchsorted on an unsorted curve).
import torch

torch.manual_seed(11)
time = torch.tensor([6., 6., 6., 7., 10., 13., 16., 22., 23., 6., 9., 10., 11., 17., 19., 20., 25., 32., 32., 34.])
event = torch.tensor([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
X = torch.randn(20, 2)
print(time.shape, event.sum().item(), time.unique().numel())

# %%
uniq, inv, counts = torch.unique(time, return_inverse=True, return_counts=True)
print(uniq, counts)
d = torch.zeros_like(uniq).scatter_add(0, inv, event.float())
print(d)
d2 = torch.bincount(inv, weights=event.float(), minlength=len(uniq))
print(torch.equal(d, d2), d2.dtype, torch.bincount(inv).dtype)
at_risk = counts.flip(0).cumsum(0).flip(0)
print(at_risk, at_risk.dtype)

# %%
surv = torch.cumprod(1 - d / at_risk, dim=0)
print(surv)
na = torch.cumsum(d / at_risk, 0)
print(na, torch.exp(-na)[:4])
var_terms = d / (at_risk * (at_risk - d)).clamp_min(1)
se = surv * torch.sqrt(torch.cumsum(var_terms, 0))
print(se[:5])
print((surv - 1.96 * se).clamp(0, 1)[:3], (surv + 1.96 * se).clamp(max=1)[:3])

# %%
# reading the curve at given times: the last step at or before t
query = torch.tensor([0., 6., 8., 12.5, 40.])
pos = torch.searchsorted(uniq, query, right=True) - 1
print(pos)
print(torch.where(pos >= 0, surv[pos.clamp(min=0)], torch.ones(())))
median = uniq[(surv <= 0.5).nonzero()[0]] if (surv <= 0.5).any() else None
print(median, (surv <= 0.5).any())

# %%
# mistake: bincount of the float times
torch.bincount(time)

# %%
# mistake: bincount with weights of another length
torch.bincount(inv, weights=event.float()[:5])

# %%
# mistake: index_add of an int64 source into a float tensor
torch.zeros(len(uniq)).index_add(0, inv, event)

# %%
# mistake: scatter_add with an index of another dtype
torch.zeros(len(uniq)).scatter_add(0, inv.int(), event.float())

# %%
# mistake: searchsorted on a curve that is not sorted gives garbage silently; with a sorter it is right
print(torch.searchsorted(surv, torch.tensor([0.5])))
print(torch.searchsorted(surv, torch.tensor([0.5]), sorter=torch.argsort(surv)))
print(torch.searchsorted(surv.flip(0), torch.tensor([0.5, 0.9])), torch.searchsorted(-surv, -0.5))

# %%
# Cox with Efron's correction for ties
def efron_nll(beta, X, time, event):
    eta = X @ beta
    uniq, inv = torch.unique(time, return_inverse=True)
    exp_eta = eta.exp()
    risk = torch.zeros(len(uniq)).index_add(0, inv, exp_eta).flip(0).cumsum(0).flip(0)
    ev = event.float()
    d = torch.zeros(len(uniq)).index_add(0, inv, ev)
    tie_sum = torch.zeros(len(uniq)).index_add(0, inv, exp_eta * ev)
    eta_sum = torch.zeros(len(uniq)).index_add(0, inv, eta * ev)
    ll = eta_sum.sum()
    for k in range(len(uniq)):
        n_k = int(d[k])
        for j in range(n_k):
            ll = ll - torch.log(risk[k] - j / n_k * tie_sum[k])
    return -ll / ev.sum()

beta = torch.zeros(2, requires_grad=True)
loss = efron_nll(beta, X, time, event)
print(loss, loss.grad_fn)
loss.backward()
print(beta.grad)

# %%
opt = torch.optim.LBFGS([beta], lr=0.5, max_iter=20)
def closure():
    opt.zero_grad()
    l = efron_nll(beta, X, time, event)
    l.backward()
    return l
for _ in range(3):
    opt.step(closure)
print(beta.detach(), efron_nll(beta, X, time, event).item() < loss.item())

# %%
# mistake: torch.unique of a tensor that requires grad keeps no gradient path
t_req = time.clone().requires_grad_()
u = torch.unique(t_req)
print(u.requires_grad, u.grad_fn)
u.sum().backward()

# %%
def c_index(risk, time, event):
    t_i, t_j = time.unsqueeze(1), time.unsqueeze(0)
    r_i, r_j = risk.unsqueeze(1), risk.unsqueeze(0)
    comparable = (t_i < t_j) & (event.unsqueeze(1) == 1)
    conc = ((r_i > r_j) & comparable).sum()
    ties = ((r_i == r_j) & comparable).sum()
    return (conc + 0.5 * ties) / comparable.sum()

with torch.no_grad():
    print(c_index(X @ beta, time, event), c_index(torch.zeros(20), time, event))
    print(c_index((X @ beta).round(decimals=1), time, event))
    print(((time.unsqueeze(1) < time.unsqueeze(0)) & (event.unsqueeze(1) == 1)).sum().dtype)
