# Imitates a "torch.special cheat sheet": erf/erfinv, logit/expit, xlogy, entr, gamma-family functions,
# Bessel i0/i1, sinc, ndtr/ndtri/log_ndtr and zeta, with their values and gradients.
import torch

x = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)
print(torch.special.erf(x), torch.special.erfc(x))
print(torch.special.expit(x), torch.sigmoid(x))
y = torch.special.erf(x).sum()
y.backward()
print(x.grad)

# %%
p = torch.tensor([0.0, 0.25, 0.5, 1.0])
print(torch.special.logit(p), torch.special.logit(p, eps=1e-6))
print(torch.special.erfinv(torch.tensor([-0.5, 0.0, 0.9, 1.0])))
print(torch.special.ndtr(torch.tensor([-1.96, 0.0, 1.96])), torch.special.ndtri(torch.tensor([0.025, 0.5, 0.975])))
print(torch.special.log_ndtr(torch.tensor([-10.0, 0.0, 3.0])))

# %%
q = torch.tensor([0.0, 0.2, 0.8, 1.0], requires_grad=True)
h = torch.special.entr(q)
print(h, h.sum())
h.sum().backward()
print(q.grad)
print(torch.special.xlogy(torch.tensor([0.0, 1.0, 2.0]), torch.tensor([0.0, 2.0, 3.0])))
print(torch.xlogy(torch.tensor([0.0, 2.0]), 3.0), torch.special.xlog1py(torch.tensor([0.0, 2.0]), torch.tensor([-1.0, 1.0])))

# %%
a = torch.tensor([0.5, 1.0, 3.0, 10.0], requires_grad=True)
print(torch.special.gammaln(a), torch.lgamma(a))
print(torch.special.digamma(a), torch.special.polygamma(1, a))
torch.special.gammaln(a).sum().backward()
print(a.grad)
print(torch.special.multigammaln(torch.tensor([2.5, 3.0]), 2))
print(torch.special.gammainc(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 3.0])), torch.special.gammaincc(torch.tensor([1.0]), torch.tensor([1.0])))

# %%
b = torch.tensor([0.0, 0.5, 1.0, 2.5], requires_grad=True)
print(torch.special.i0(b), torch.special.i0e(b), torch.special.i1(b), torch.special.i1e(b))
print(torch.special.sinc(b), torch.special.round(torch.tensor([1.5, 2.5, -0.5])))
torch.special.i0(b).sum().backward()
print(b.grad)
print(torch.special.log1p(torch.tensor([1e-10])), torch.special.expm1(torch.tensor([1e-10])), torch.special.exp2(torch.tensor([3.0])))

# %%
s = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
print(torch.special.logsumexp(s, dim=1), torch.special.softmax(s, dim=1), torch.special.log_softmax(s, 1))
print(torch.special.zeta(torch.tensor([2.0, 4.0]), torch.tensor([1.0])))
try:
    torch.special.zeta(torch.tensor([2.0], requires_grad=True), torch.tensor([1.0])).backward()
except Exception as e:
    print(type(e).__name__, e)
