# Imitates structured-prediction lessons (CKY / inside algorithm for PCFGs in torch-struct style notebooks,
# 0/1 knapsack and DP exercises in tensor-programming courses): inside scores with logsumexp over split points,
# span tables as diagonals (diagonal(offset=...) and diag_embed), the gradient of log Z as span marginals,
# knapsack rows with torch.where on shifted rows, torch.cummax / cummin with gradients, and the errors learners hit.
import torch

# %%
torch.manual_seed(0)
n, NT = 4, 3
span_scores = torch.randn(n, n, requires_grad=True)
rule = torch.randn(NT, NT, NT).log_softmax(-1).log_softmax(-2)
print(rule.shape, rule.grad_fn)
chart = {}
for i in range(n):
    chart[(i, i + 1)] = span_scores[i, i].expand(NT)
for w in range(2, n + 1):
    for i in range(0, n - w + 1):
        k = i + w
        splits = []
        for j in range(i + 1, k):
            left, right = chart[(i, j)], chart[(j, k)]
            splits.append(torch.logsumexp(left[:, None] + right[None, :] + rule, dim=(1, 2)))
        chart[(i, k)] = torch.logsumexp(torch.stack(splits), dim=0) + span_scores[i, k - 1]
logZ = torch.logsumexp(chart[(0, n)], 0)
print(logZ, logZ.grad_fn.name())
logZ.backward()
print(span_scores.grad)
print(span_scores.grad.diagonal(), span_scores.grad.diagonal(offset=1).sum())

# %%
# batched inside over diagonals of a (B, n, n) score table
torch.manual_seed(1)
B = 2
s = torch.randn(B, n, n, requires_grad=True)
beta = torch.full((B, n, n + 1), float("-inf"))
diag0 = s.diagonal(dim1=1, dim2=2)
print(diag0.shape, diag0.grad_fn.name())
rows = [diag0]
inside = {(i, i + 1): diag0[:, i] for i in range(n)}
for w in range(2, n + 1):
    vals = []
    for i in range(n - w + 1):
        k = i + w
        parts = torch.stack([inside[(i, j)] + inside[(j, k)] for j in range(i + 1, k)], dim=-1)
        inside[(i, k)] = torch.logsumexp(parts, -1) + s[:, i, k - 1]
        vals.append(inside[(i, k)])
    rows.append(torch.stack(vals, -1))
print([r.shape for r in rows])
table = torch.stack([torch.nn.functional.pad(r, (0, w)) for w, r in enumerate(rows)], 1)
print(table.shape, table.grad_fn.name())
marg = torch.autograd.grad(inside[(0, n)].sum(), s)[0]
print(marg)
print(torch.diag_embed(rows[1], offset=1).shape, torch.diag_embed(rows[0]).grad_fn.name())
print(torch.diag_embed(rows[2].detach(), offset=-2, dim1=0, dim2=2).shape)
print(torch.diag_embed(torch.arange(3.), offset=1))

# %%
# knapsack: best value with capacity c, rows updated out of place with torch.where
weights = torch.tensor([2, 3, 4, 5])
values = torch.tensor([3.0, 4.0, 5.0, 6.0])
cap = 8
best = torch.zeros(cap + 1)
history = [best]
for wgt, val in zip(weights, values):
    shifted = torch.cat([torch.full((int(wgt),), float("-inf")), best[:-int(wgt)]])
    take = shifted + val
    best = torch.where(take > best, take, best)
    history.append(best)
H = torch.stack(history)
print(H)
print(H[-1].max(), H[-1].argmax(), H.argmax(dim=1))
caps = torch.arange(cap + 1)
print(torch.where(caps >= weights[2], values[2], 0), torch.where(caps >= 4, 1, 0.5).dtype)
print(torch.where(caps % 2 == 0, caps, -1).dtype, torch.where(caps > 3, caps, values[0]).dtype)
try:
    print(torch.where(caps > 3, caps))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.where(torch.tensor([1, 0, 1]), torch.ones(3), torch.zeros(3))
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# running max / min with gradients
torch.manual_seed(2)
x = torch.tensor([1.0, 3.0, 2.0, 3.0, 5.0, 4.0, 5.0], requires_grad=True)
mx = torch.cummax(x, dim=0)
print(mx, mx.values.grad_fn.name())
mx.values.sum().backward()
print(x.grad)
x.grad = None
mn = x.cummin(0)
(mn.values * torch.arange(7.)).sum().backward()
print(mn.indices, x.grad)
M = torch.randn(3, 4, requires_grad=True)
v, i = torch.cummax(M, dim=-1)
print(v, i)
v.sum().backward()
print(M.grad)
print(torch.cummax(torch.tensor([2, 2, 1, 2]), 0), torch.cummin(torch.tensor([True, False, True]), 0))
print(torch.logcumsumexp(x.detach(), 0), torch.cumsum(torch.tensor([1, 2, 3], dtype=torch.int32), 0).dtype)
try:
    torch.cummax(M, dim=2)
except IndexError as e:
    print(type(e).__name__, e)
print(torch.cummax(torch.tensor(3.0), 0), torch.cummin(torch.empty(0), 0))

# %%
# diagonal views, writes through them, and their errors
A = torch.zeros(4, 5)
A.diagonal(offset=1).fill_(1.0)
A.diagonal(offset=-1).copy_(torch.arange(3.0))
print(A)
A.diagonal().add_(10)
print(A.diagonal(), A.trace())
P = torch.randn(3, 3, requires_grad=True)
Q = P * 1
Q.diagonal().zero_()
print(Q.grad_fn.name())
Q.sum().backward()
print(P.grad)
try:
    P.diagonal().zero_()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    A.diagonal(dim1=0, dim2=0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.diag_embed(torch.ones(3), dim1=1, dim2=1)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.diagonal_scatter(torch.zeros(3, 3), torch.ones(2), 1))
try:
    torch.diagonal_scatter(torch.zeros(3, 3), torch.ones(3), 1)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
# knapsack rows shifted with F.pad: a -inf fill fits a float row, not an integer one
import torch.nn.functional as F
row = torch.tensor([0.0, 3.0, 3.0, 4.0])
print(F.pad(row[:-2], (2, 0), value=float("-inf")))
irow = torch.tensor([0, 3, 3, 4])
for v in (float("-inf"), -1e30, -1.0):
    try:
        print(F.pad(irow[:-2], (2, 0), value=v))
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    print(F.pad(irow.to(torch.uint8), (1, 0), value=-1))
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.constant_pad_nd(irow.to(torch.uint8), (1, 0), -1), F.pad(irow, (-1, 0), value=float("inf")))

# %%
# a running max of the table, then the table written in place before backward
Tb = torch.tensor([[1.0, 3.0, 2.0], [0.5, 0.2, 4.0]], requires_grad=True)
tab = Tb * 1
best = tab.cummax(dim=1).values
tab[0, 0] = 9.0
try:
    best.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
