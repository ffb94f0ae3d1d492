# Imitates fleuret.org/dlc practicals 1 and 2 ("multiple views of a storage", "flops per second", "playing with
# strides"; "nearest neighbor", "data normalization", "PCA") and handout 1-5 (linear regression with lstsq / pinv).
import torch

# %%
m = torch.full((13, 13), 1)
m.narrow(0, 1, 1).fill_(2)
m.narrow(0, 6, 1).fill_(2)
m.narrow(0, 11, 1).fill_(2)
m.narrow(1, 1, 1).fill_(2)
m.narrow(1, 6, 1).fill_(2)
m.narrow(1, 11, 1).fill_(2)
m[3:5, 3:5].fill_(3)
m[3:5, 8:10].fill_(3)
m[8:10, 3:5].fill_(3)
m[8:10, 8:10].fill_(3)
print(m)

# %%
torch.manual_seed(0)
mm = torch.empty(20, 20).normal_()
d = torch.diag(torch.arange(1, mm.size(0) + 1).float())
q = mm.inverse() @ d @ mm
v, _ = torch.linalg.eig(q)
print(v.real.sort().values[:5])
print(v.dtype)
ev = torch.linalg.eigvals(q).real.sort().values
print(torch.allclose(ev, torch.arange(1., 21.), atol=1e-3))

# %%
x = torch.arange(0, 1000).view(1, -1)
print(x.size())
print(x.t().size(), x.t().stride())
y = x.expand(3, -1)
print(y.size(), y.stride(), y.narrow(1, 10, 3))

# %%
def mul_row(m):
    r = torch.empty(m.size())
    for i in range(m.size(0)):
        for j in range(m.size(1)):
            r[i, j] = m[i, j] * (i + 1)
    return r

def mul_row_fast(m):
    c = torch.arange(1, m.size(0) + 1).view(-1, 1).float()
    return m.mul(c)

m = torch.full((4, 8), 2.0)
print(mul_row(m))
print(torch.equal(mul_row(m), mul_row_fast(m)))
print(torch.full((2, 2), 2).dtype, torch.full((2,), True).dtype)

# %%
torch.manual_seed(1)
train_input = torch.randn(20, 5)
train_target = torch.randint(0, 3, (20,))
test_input = torch.randn(7, 5)
mu, std = train_input.mean(0), train_input.std(0)
train_input.sub_(mu).div_(std)
test_input.sub_(mu).div_(std)
print(train_input.mean(0).abs().max() < 1e-6, train_input.std(0))

def nearest_classification(train_input, train_target, x):
    dist = (train_input - x).pow(2).sum(1).view(-1)
    _, n = torch.min(dist, 0)
    return train_target[n.item()]

print([int(nearest_classification(train_input, train_target, t)) for t in test_input])
dd = torch.cdist(test_input, train_input)
print(dd.shape, train_target[dd.argmin(1)])
print(torch.allclose(dd[0] ** 2, (train_input - test_input[0]).pow(2).sum(1), atol=1e-4))

# %%
def PCA(x):
    mean = x.mean(0)
    b = x - mean
    Sigma = b.t() @ b
    eigen_values, eigen_vectors = torch.linalg.eigh(Sigma)
    right_order = eigen_values.abs().sort(descending=True).indices
    eigen_vectors = eigen_vectors.t()[right_order]
    return mean, eigen_vectors

torch.manual_seed(2)
x = torch.randn(30, 4) @ torch.tensor([[3., 0, 0, 0], [1, 1, 0, 0], [0, 0, 0.1, 0], [0, 0, 0, 0.5]])
mean, basis = PCA(x)
print(basis.shape, (basis @ basis.t() - torch.eye(4)).abs().max() < 1e-5)
for k in [1, 2, 4]:
    proj = (x - mean) @ basis[:k].t() @ basis[:k] + mean
    print(k, round((x - proj).pow(2).sum(1).mean().item(), 3))
try:
    torch.symeig(x.t() @ x)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(3)
xs = torch.linspace(-1, 1, 15).view(-1, 1)
ys = 2.5 * xs - 0.7 + 0.05 * torch.randn(15, 1)
X = torch.cat((xs, torch.ones_like(xs)), 1)
sol = torch.linalg.lstsq(X, ys)
print(type(sol).__name__, sol.solution.shape, sol.solution.view(-1))
print(sol.residuals, sol.rank, sol.singular_values)
print(torch.linalg.pinv(X).shape, (torch.linalg.pinv(X) @ ys).view(-1))
try:
    torch.linalg.lstsq(X, ys[:10])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(X, ys.view(-1).long())
except Exception as e:
    print(type(e).__name__, e)
