# Imitates the Kernel Inception Distance of torch-fidelity / clean-fid-style blog posts written with tensors: the
# cubic polynomial kernel (x @ y.T / d + 1) ** 3, unbiased MMD^2 estimates that drop the diagonal (fill_diagonal_,
# diagonal sums, triu with offset 1), subsets drawn with randperm, mean and std over subsets, float64.
import torch

torch.manual_seed(2)
feat_r = torch.randn(40, 16)
feat_f = torch.randn(36, 16) + 0.2

def poly_kernel(x, y, degree=3, gamma=None, coef0=1.0):
    if gamma is None:
        gamma = 1.0 / x.shape[1]
    return (gamma * x @ y.T + coef0) ** degree

k_rr = poly_kernel(feat_r, feat_r)
k_ff = poly_kernel(feat_f, feat_f)
k_rf = poly_kernel(feat_r, feat_f)
print(k_rr.shape, k_rf.shape, k_rr.diagonal()[:4])
m, n = k_rr.shape[0], k_ff.shape[0]
mmd = ((k_rr.sum() - k_rr.diagonal().sum()) / (m * (m - 1))
       + (k_ff.sum() - torch.diagonal(k_ff).sum()) / (n * (n - 1)) - 2 * k_rf.mean())
print(mmd)

# %%
a = k_rr.clone()
a.fill_diagonal_(0)
print(a[:3, :3], a.sum() / (m * (m - 1)))
b = k_ff.clone().fill_diagonal_(0.0)
print(b.diagonal().abs().sum(), b.sum() / (n * (n - 1)))
tri = torch.triu(k_rr, diagonal=1)
print(tri[:3, :3], 2 * tri.sum() / (m * (m - 1)))
idx = torch.triu_indices(m, m, offset=1)
print(idx.shape, k_rr[idx[0], idx[1]].mean())
rect = torch.ones(3, 5)
print(rect.fill_diagonal_(2), torch.ones(5, 3).fill_diagonal_(4, wrap=True))
print(torch.ones(7, 3).fill_diagonal_(4, wrap=True))
print(torch.tril(k_rf[:4, :4], -1), k_rf[:3, :5].triu(2))

# %%
def kid(x, y, n_subsets=4, subset_size=20):
    vals = []
    for _ in range(n_subsets):
        xs = x[torch.randperm(x.shape[0])[:subset_size]]
        ys = y[torch.randperm(y.shape[0])[:subset_size]]
        kxx, kyy, kxy = poly_kernel(xs, xs), poly_kernel(ys, ys), poly_kernel(xs, ys)
        s = subset_size
        v = (kxx.sum() - kxx.trace()) / (s * (s - 1)) + (kyy.sum() - kyy.trace()) / (s * (s - 1)) - 2 * kxy.mean()
        vals.append(v)
    vals = torch.stack(vals)
    return vals.mean(), vals.std(unbiased=False)

torch.manual_seed(3)
print(kid(feat_r, feat_f))
torch.manual_seed(3)
print(kid(feat_r.double(), feat_f.double()))

# %%
try:
    torch.ones(2, 3, 4).fill_diagonal_(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.ones(5).fill_diagonal_(1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.triu(torch.ones(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    poly_kernel(feat_r, feat_f[:, :8])
except Exception as e:
    print(type(e).__name__, e)
leaf = torch.ones(3, 3, requires_grad=True)
try:
    leaf.fill_diagonal_(0)
except Exception as e:
    print(type(e).__name__, e)

# %%
x = feat_f[:10].clone().requires_grad_()
kxx = poly_kernel(x, x)
kxy = poly_kernel(x, feat_r[:12])
off = kxx - torch.diag_embed(kxx.diagonal())
loss = off.sum() / 90 - 2 * kxy.mean()
print(loss, off.grad_fn.name(), kxx.grad_fn.name())
loss.backward()
print(x.grad[:2, :4])
y = feat_f[:6].clone().requires_grad_()
k = poly_kernel(y, y).clone()
k.fill_diagonal_(0)
print(k.grad_fn.name())
k.triu(1).sum().backward()
print(y.grad[:2, :4])
