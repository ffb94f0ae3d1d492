# Imitates the MMD (maximum mean discrepancy) losses of public domain-adaptation and two-sample-test code, whose
# Gaussian kernel is built from torch.cdist(X, Y) ** 2 (or the expanded |x|^2 - 2 x.y + |y|^2 form) with a few
# bandwidths, and the RBF kernel matrix of Gaussian-process tutorials (GPyTorch-style lengthscale): values and the
# gradient that moves one sample towards the other, on 40 and 32 points (cdist's matrix-product path); the GP's
# kernel gets a noise term (K + 0.1 I) as in those tutorials before its log-determinant.
import torch

def gaussian_kernel(x, y, sigmas=(0.5, 1.0, 2.0)):
    d2 = torch.cdist(x, y) ** 2
    return sum(torch.exp(-d2 / (2 * s ** 2)) for s in sigmas)

def mmd(x, y):
    return gaussian_kernel(x, x).mean() + gaussian_kernel(y, y).mean() - 2 * gaussian_kernel(x, y).mean()

torch.manual_seed(1)
source = torch.randn(40, 5, requires_grad=True)
target = torch.randn(32, 5) + 0.7
loss = mmd(source, target)
print(loss)
loss.backward()
print(source.grad[:3])

# %%
xs = source.detach()
expanded = (xs.pow(2).sum(1, keepdim=True) - 2 * xs @ target.T + target.pow(2).sum(1)).clamp_min(0)
print(torch.cdist(xs, target).pow(2)[:2, :4])
print(expanded[:2, :4])

# %%
X = torch.linspace(0, 5, 30, dtype=torch.float64)[:, None]
lengthscale = torch.tensor(0.8, dtype=torch.float64, requires_grad=True)
K = torch.exp(-0.5 * torch.cdist(X / lengthscale, X / lengthscale) ** 2)
print(K[0, :5].tolist())
nll_like = (K + 0.1 * torch.eye(30, dtype=torch.float64)).logdet()
nll_like.backward()
print(nll_like.item(), lengthscale.grad.item())

# %%
opt_x = torch.randn(30, 3, requires_grad=True)
tgt = torch.randn(30, 3) * 0.5 + 1.0
opt = torch.optim.SGD([opt_x], lr=2.0)
for step in range(3):
    opt.zero_grad()
    l = mmd(opt_x, tgt)
    l.backward()
    opt.step()
    print(step, l.item())
