# Imitates time-series alignment lessons (tslearn / "soft-DTW in PyTorch" blog posts, Cuturi & Blondel's
# soft-DTW notebook): pairwise cost matrices with torch.cdist, classic DTW filled under no_grad, soft-DTW with the
# soft-min -gamma * logsumexp(-x / gamma) built out-of-place with torch.stack, the expected alignment matrix as the
# gradient of the soft-DTW value, anti-diagonal soft-DTW, and the in-place table mistake autograd refuses.
import torch

# %%
torch.manual_seed(0)
x = torch.randn(6, 2, requires_grad=True)
y = torch.randn(5, 2)
C = torch.cdist(x, y) ** 2
print(C.shape, C.grad_fn.name())
C2 = ((x[:, None, :] - y[None, :, :]) ** 2).sum(-1)
print(torch.allclose(C, C2, atol=1e-5), (C - C2).abs().max() < 1e-4)
print(C2.grad_fn.name())

# %%
# hard DTW filled in place under no_grad
with torch.no_grad():
    n, m = C2.shape
    R = torch.full((n + 1, m + 1), float("inf"))
    R[0, 0] = 0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            R[i, j] = C2[i - 1, j - 1] + torch.min(torch.stack([R[i - 1, j], R[i, j - 1], R[i - 1, j - 1]]))
print(R)
print(R.requires_grad, R[-1, -1])

# %%
def softmin(a, b, c, gamma):
    z = torch.stack([a, b, c])
    return -gamma * torch.logsumexp(-z / gamma, dim=0)

def soft_dtw(C, gamma=1.0):
    n, m = C.shape
    inf = torch.tensor(float("inf"))
    rows = [torch.cat([torch.zeros(1), inf.expand(m)])]
    for i in range(1, n + 1):
        row = [inf]
        for j in range(1, m + 1):
            row.append(C[i - 1, j - 1] + softmin(rows[i - 1][j], row[j - 1], rows[i - 1][j - 1], gamma))
        rows.append(torch.stack(row))
    return torch.stack(rows)

R = soft_dtw(C2, gamma=0.1)
print(R[-1, -1], R.grad_fn.name())
R[-1, -1].backward()
print(x.grad)

# %%
# expected alignment matrix = d softDTW / d C
for gamma in (1.0, 0.1, 0.01):
    Cl = C2.detach().clone().requires_grad_(True)
    v = soft_dtw(Cl, gamma)[-1, -1]
    (E,) = torch.autograd.grad(v, Cl)
    print(gamma, v.item(), E.sum(1), E.sum())
print(E.round(decimals=3))

# %%
# inf - inf gives nan in the softmin when every option is inf
z = torch.tensor([float("inf"), float("inf"), float("inf")], requires_grad=True)
s = -1.0 * torch.logsumexp(-z / 1.0, dim=0)
print(s)
s.backward()
print(z.grad)
w = torch.tensor([float("inf"), 1.0, 2.0], requires_grad=True)
s = -0.5 * torch.logsumexp(-w / 0.5, dim=0)
s.backward()
print(s, w.grad)
big = torch.tensor([1e4, 1e4 + 1, 3.0])
print(torch.log(torch.exp(-big).sum()), torch.logsumexp(-big, 0))

# %%
# mistake: filling the table in place while autograd records it
Ci = C2.detach().clone().requires_grad_(True)
R = torch.full((7, 6), float("inf"))
R[0, 0] = 0
try:
    for i in range(1, 7):
        for j in range(1, 6):
            R[i, j] = Ci[i - 1, j - 1] + softmin(R[i - 1, j], R[i, j - 1], R[i - 1, j - 1], 1.0)
    print(R.grad_fn.name(), R._version)
    R[-1, -1].backward()
    print(Ci.grad)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
t = torch.zeros(3, requires_grad=True)
try:
    t[0] = 1.0
except RuntimeError as e:
    print(type(e).__name__, e)
u = torch.ones(3, requires_grad=True)
table = u.exp()
table[1] = 5.0
print(table, table.grad_fn.name(), table._version)
try:
    table.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
v = torch.ones(3, requires_grad=True)
tab = v * 2
out = tab.sigmoid()
tab[0] = 0
try:
    out.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# symmetric cost table from a transposed view, then the table scaled in place
Cs = C2.detach().clone()[:5, :5].requires_grad_(True)
T = Cs.clone()
sym = torch.minimum(T, T.t())
T.mul_(0.5)
try:
    sym.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
T = Cs.clone()
lse = torch.logsumexp(-T, dim=0)
T.diagonal().zero_()
try:
    lse.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
