# Imitates sequence-alignment lessons (bioinformatics / NLP courses, "dynamic programming on GPU" blog posts):
# Levenshtein edit distance filled row by row and by anti-diagonals with torch.minimum and index tensors,
# Needleman-Wunsch global alignment scores with torch.maximum, longest common subsequence, diagonal(offset=...)
# views and learners' mistakes (integer tables mixed with float costs, inf arithmetic giving nan).
import torch

# %%
a = torch.tensor([3, 1, 4, 1, 5, 9])
b = torch.tensor([3, 4, 1, 5, 2])
n, m = len(a), len(b)
D = torch.zeros(n + 1, m + 1, dtype=torch.long)
D[:, 0] = torch.arange(n + 1)
D[0, :] = torch.arange(m + 1)
for i in range(1, n + 1):
    for j in range(1, m + 1):
        sub = D[i - 1, j - 1] + (a[i - 1] != b[j - 1]).long()
        D[i, j] = torch.minimum(torch.minimum(D[i - 1, j] + 1, D[i, j - 1] + 1), sub)
print(D)
print(D[n, m], D[n, m].item(), D.dtype)

# %%
# anti-diagonal fill: all cells with i + j = k at once
cost = (a[:, None] != b[None, :]).float()
print(cost.dtype, cost.shape)
E = torch.full((n + 1, m + 1), float("inf"))
E[0, 0] = 0.0
E[1:, 0] = torch.arange(1, n + 1, dtype=torch.float32)
E[0, 1:] = torch.arange(1, m + 1)
for k in range(2, n + m + 1):
    i = torch.arange(max(1, k - m), min(n, k - 1) + 1)
    j = k - i
    best = torch.minimum(E[i - 1, j] + 1, E[i, j - 1] + 1)
    best = torch.minimum(best, E[i - 1, j - 1] + cost[i - 1, j - 1])
    E[i, j] = best
print(E)
print(torch.equal(E.long(), D), (E == D).all())

# %%
# the diagonal views of the table
print(E.diagonal())
print(E.diagonal(offset=1), E.diagonal(offset=-2))
print(E.flip(1).diagonal(offset=2))
print(torch.diagonal(E, 0, 0, 1).shape, E.diagonal(offset=7).shape)
d = E.diagonal(offset=1)
print(d.is_contiguous(), d.stride(), d.storage_offset(), d._base is E)

# %%
# Needleman-Wunsch with a substitution matrix and gap penalty
torch.manual_seed(0)
S = torch.randint(-2, 3, (4, 4))
S = S + S.T
x = torch.tensor([0, 2, 1, 3, 3])
y = torch.tensor([0, 1, 3, 2])
gap = -2
F_ = torch.zeros(len(x) + 1, len(y) + 1)
F_[:, 0] = gap * torch.arange(len(x) + 1)
F_[0, :] = gap * torch.arange(len(y) + 1)
print(F_.dtype, (gap * torch.arange(3)).dtype)
for i in range(1, len(x) + 1):
    diag = F_[i - 1, :-1] + S[x[i - 1], y]
    up = F_[i - 1, 1:] + gap
    F_[i, 1:] = torch.maximum(diag, up)
    for j in range(1, len(y) + 1):
        F_[i, j] = torch.maximum(F_[i, j], F_[i, j - 1] + gap)
print(S)
print(F_)

# %%
# mistakes: integer table with float costs
Dint = torch.zeros(3, 3, dtype=torch.long)
Dint[1, 1] = 0.7
print(Dint)
try:
    Dint += torch.tensor(0.5)
    print(Dint)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    Dint += torch.full((3, 3), 0.5)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    print(torch.minimum(Dint, torch.ones(3, 3)))
    print(torch.minimum(Dint, torch.tensor(0.5)))
    print(torch.maximum(Dint, torch.tensor([1.5, 0.2, 3.0], dtype=torch.float64)))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    print(torch.minimum(Dint, 2))
except TypeError as e:
    print(type(e).__name__, e)
print(torch.clamp(Dint, max=0.5), torch.clamp(Dint, min=torch.tensor(0.25)))

# %%
# inf arithmetic
inf = float("inf")
t = torch.tensor([inf, -inf, 1.0, 0.0])
print(t - t, t * 0, t + t, t / t)
print(torch.minimum(t, torch.tensor(float("nan"))), torch.fmin(t, torch.tensor(float("nan"))))
print(torch.full((2, 2), inf).long() if False else torch.tensor([inf]).isinf())
print(torch.where(torch.isinf(t), torch.zeros_like(t), t))
Z = torch.full((3,), inf)
print(Z.min(), Z.argmin(), (Z - Z.min()).exp())
print(torch.minimum(torch.tensor([1, 5]), torch.tensor([2.0, inf])))

# %%
# longest common subsequence, table as a list of rows then stacked
s1 = torch.tensor([1, 2, 3, 2, 4, 1, 2])
s2 = torch.tensor([2, 4, 3, 1, 2, 1])
rows = [torch.zeros(len(s2) + 1, dtype=torch.int64)]
for i in range(len(s1)):
    prev = rows[-1]
    row = [torch.tensor(0)]
    for j in range(len(s2)):
        if s1[i] == s2[j]:
            row.append(prev[j] + 1)
        else:
            row.append(torch.maximum(prev[j + 1], row[-1]))
    rows.append(torch.stack(row))
L = torch.stack(rows)
print(L, L.shape, L.dtype)
print(L.max(), L.cummax(dim=1).values[-1], torch.cummax(L[-1], 0))
vals, idx = torch.cummin(torch.tensor([5, 3, 3, 4, 1, 1]), dim=0)
print(vals, idx)
vals, idx = torch.cummax(torch.tensor([1.0, float("nan"), 2.0, 0.5]), dim=0)
print(vals, idx)
