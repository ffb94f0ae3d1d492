# Imitates the Barlow Twins (facebookresearch/barlowtwins) and VICReg (facebookresearch/vicreg) re-implementations:
# batch standardisation, the cross-correlation matrix, torch.diagonal with add_(-1).pow_(2), the off-diagonal
# trick flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten(), BatchNorm1d(affine=False) as the normaliser, VICReg's
# invariance / variance (torch.sqrt(z.var(dim=0) + 1e-4), F.relu) / covariance terms, and the mistakes: view on a
# non-contiguous matrix, a bool eye used arithmetically, an eye of the wrong dtype in a mask.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)

def off_diagonal(x):
    n, m = x.shape
    assert n == m
    return x.flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten()

m = torch.arange(16.).view(4, 4)
print(off_diagonal(m))
print(torch.diagonal(m), torch.diagonal(m, offset=1), torch.diagonal(m, 0, 1, 0), m.diagonal(-1))
print(m.flatten()[:-1].view(3, 5))

# %%
N, D = 16, 8
z_a = torch.randn(N, D, requires_grad=True)
z_b = (z_a.detach() + 0.3 * torch.randn(N, D)).requires_grad_()
bn = nn.BatchNorm1d(D, affine=False)
print(bn, bn.weight, bn.running_mean.shape)
c = bn(z_a).T @ bn(z_b)
c.div_(N)
print(c.shape, c.grad_fn)
on_diag = torch.diagonal(c).add_(-1).pow_(2).sum()
off_diag = off_diagonal(c).pow_(2).sum()
lambd = 0.0051
loss = on_diag + lambd * off_diag
print(on_diag, off_diag, loss)
loss.backward()
print(z_a.grad.norm(), z_b.grad[0])

# %%
z_a_norm = (z_a - z_a.mean(0)) / z_a.std(0)
z_b_norm = (z_b - z_b.mean(0)) / z_b.std(0)
c2 = torch.mm(z_a_norm.T, z_b_norm) / N
c_diff = (c2 - torch.eye(D)).pow(2)
c_diff[~torch.eye(D, dtype=bool)] *= lambd
print(c_diff.sum(), c_diff.grad_fn)
print(torch.diag(c2).shape, torch.diag_embed(torch.diagonal(c2)).shape, c2.diagonal().sum() == c2.trace())
print(z_a.std(0, unbiased=False)[:3], z_a.var(0, correction=0)[:3], torch.var_mean(z_a, 0)[0][:3])

# %%
def vicreg_loss(x, y, sim_coeff=25.0, std_coeff=25.0, cov_coeff=1.0):
    repr_loss = F.mse_loss(x, y)
    x = x - x.mean(dim=0)
    y = y - y.mean(dim=0)
    std_x = torch.sqrt(x.var(dim=0) + 0.0001)
    std_y = torch.sqrt(y.var(dim=0) + 0.0001)
    std_loss = torch.mean(F.relu(1 - std_x)) / 2 + torch.mean(F.relu(1 - std_y)) / 2
    n, d = x.shape
    cov_x = (x.T @ x) / (n - 1)
    cov_y = (y.T @ y) / (n - 1)
    cov_loss = off_diagonal(cov_x).pow_(2).sum().div(d) + off_diagonal(cov_y).pow_(2).sum().div(d)
    return sim_coeff * repr_loss + std_coeff * std_loss + cov_coeff * cov_loss, (repr_loss, std_loss, cov_loss)

z_a.grad = z_b.grad = None
loss, parts = vicreg_loss(z_a, z_b)
print(loss, parts)
loss.backward()
print(z_a.grad.abs().sum(), z_b.grad[:2])
print(torch.cov(z_a.T).shape, torch.allclose(torch.cov(z_a.detach().T), ((z_a - z_a.mean(0)).T @ (z_a - z_a.mean(0)) / (N - 1)).detach(), atol=1e-6))

# %%
collapsed = torch.ones(N, D, requires_grad=True)
l, (r, s, cv) = vicreg_loss(collapsed, collapsed * 1.0)
print(l, r, s, cv)
l.backward()
print(collapsed.grad.unique())

# %%
# the trick applied to a transposed (non-contiguous) matrix
ct = c.detach().T
ct.flatten()[:-1].view(D - 1, D + 1).shape

# %%
ct.view(-1)

# %%
print(ct.is_contiguous(), ct.reshape(-1).shape, ct.contiguous().view(-1)[:3], ct.flatten().is_contiguous())
cv = c.detach()
print(cv.flatten()._base is cv, cv.flatten()[:-1].view(D - 1, D + 1)[:, 1:].is_contiguous())

# %%
cv.view(D + 1, D - 1)

# %%
# masks: an eye of the wrong dtype
mask = torch.eye(D)
cv.masked_fill(mask, 0.0)

# %%
cv[mask]

# %%
print(cv.masked_fill(mask.bool(), 0.0).diagonal(), cv[~mask.bool()].shape)
mask_b = torch.eye(D, dtype=torch.bool)
print((cv * ~mask_b).sum() == off_diagonal(cv).sum(), (1 - mask_b.int()).dtype)
1 - mask_b

# %%
-mask_b

# %%
torch.eye(3, dtype=torch.long) * 0.5 + torch.eye(3, 4, dtype=torch.int8)
