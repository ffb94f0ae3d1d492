# Imitates Sasha Rush's "Tensor Puzzles": re-implement numpy/torch functions with only arange, where, indexing
# and broadcasting (ones, sum, outer, diag, eye, triu, cumsum, diff, vstack, roll, flip, compress, pad_to,
# sequence_mask, bincount, scatter_add, flatten, linspace, heaviside, repeat, bucketize), checked against torch.
import torch

print(torch.tensor(range(4)))

# %%
def arange(i: int):
    return torch.arange(i)

def where(q, a, b):
    return (q * a) + (~q) * b

def ones(i):
    return where(arange(i) >= 0, 1, 0)
print(ones(5), ones(5).dtype)

def sum(a):
    return ones(a.shape[0]) @ a[:, None]
print(sum(torch.tensor([1, 2, 3])))

def outer(a, b):
    return a[:, None] * b[None, :]
print(outer(torch.tensor([1, 2]), torch.tensor([3, 4, 5])))

def diag(a):
    return a[arange(a.shape[0]), arange(a.shape[0])]
print(diag(torch.arange(9).view(3, 3)))

def eye(j):
    return where(arange(j)[:, None] == arange(j), 1, 0)
print(eye(3))

def triu(j):
    return where(arange(j)[:, None] <= arange(j), 1, 0)
print(triu(3), torch.triu(torch.ones(3, 3, dtype=torch.long)))

# %%
def cumsum(a):
    return a @ where(arange(a.shape[0])[:, None] <= arange(a.shape[0]), 1, 0)
print(cumsum(torch.tensor([1, 2, 3, 4])), torch.tensor([1, 2, 3, 4]).cumsum(0))

def diff(a, i):
    return a[arange(i)] - where(arange(i) != 0, a[arange(i) - 1], 0)
print(diff(torch.tensor([1, 3, 6, 10]), 4), torch.diff(torch.tensor([1, 3, 6, 10]), prepend=torch.tensor([0])))

def vstack(a, b):
    return where(arange(2)[:, None] == ones(a.shape[0]), b, a)
print(vstack(torch.tensor([1, 2]), torch.tensor([3, 4])))

def roll(a, i):
    return a[(arange(i) + 1) % i]
print(roll(torch.tensor([1, 2, 3, 4]), 4), torch.roll(torch.tensor([1, 2, 3, 4]), -1))

def flip(a, i):
    return a[i - arange(i) - 1]
print(flip(torch.tensor([1, 2, 3]), 3), torch.flip(torch.tensor([1, 2, 3]), [0]))

# %%
def compress(g, v, i):
    return v * g @ where(cumsum(1 * g) - 1 == arange(i)[:, None], 1, 0).T
print(compress(torch.tensor([True, False, True, True]), torch.tensor([5, 6, 7, 8]), 4))

def pad_to(a, i, j):
    return a @ where(arange(i)[:, None] == arange(j), 1, 0)
print(pad_to(torch.tensor([1, 2, 3]), 3, 5), pad_to(torch.tensor([1, 2, 3]), 3, 2))

def sequence_mask(values, length):
    return where(length[:, None] > arange(values.shape[1]), values, 0)
print(sequence_mask(torch.arange(12).view(3, 4), torch.tensor([1, 3, 0])))

def bincount(a, j):
    return ones(a.shape[0]) @ eye(j)[a]
print(bincount(torch.tensor([0, 1, 1, 3]), 5), torch.bincount(torch.tensor([0, 1, 1, 3]), minlength=5))

def scatter_add(values, link, j):
    return values @ eye(j)[link]
print(scatter_add(torch.tensor([1, 2, 3, 4]), torch.tensor([0, 2, 2, 1]), 3))
print(torch.zeros(3, dtype=torch.long).scatter_add(0, torch.tensor([0, 2, 2, 1]), torch.tensor([1, 2, 3, 4])))

# %%
def flatten(a, i, j):
    return a[arange(i * j) // j, arange(i * j) % j]
print(flatten(torch.arange(6).view(2, 3), 2, 3))

def linspace(i, j, n):
    return i + (j - i) * arange(n) / max(1, n - 1)
print(linspace(0., 1., 5), torch.linspace(0, 1, 5))
print(linspace(torch.tensor(2.), 3., 1))

def heaviside(a, b):
    return where(a == 0, b, a > 0)
print(heaviside(torch.tensor([-1., 0., 2.]), torch.tensor([0.5, 0.5, 0.5])))
print(torch.heaviside(torch.tensor([-1., 0., 2.]), torch.tensor([0.5])))

def repeat(a, d):
    return ones(d)[:, None] * a
print(repeat(torch.tensor([1, 2]), 3))

def bucketize(v, boundaries):
    return (1 * (v[:, None] >= boundaries)) @ ones(boundaries.shape[0])
print(bucketize(torch.tensor([1, 5, 9]), torch.tensor([2, 4, 6, 8])))
print(torch.bucketize(torch.tensor([1, 5, 9]), torch.tensor([2, 4, 6, 8])))
print(torch.bucketize(torch.tensor([2, 4]), torch.tensor([2, 4, 6, 8]), right=True))

# %%
# the puzzle checker style: random small tensors and comparison to the spec
torch.manual_seed(0)
for _ in range(3):
    a = torch.randint(-5, 5, (6,))
    b = torch.randint(-5, 5, (6,))
    assert (outer(a, b) == torch.outer(a, b)).all()
    assert (cumsum(a) == torch.cumsum(a, 0)).all()
print("passed", a, b)
print(torch.where(a > 0, a, b), torch.where(a > 0))
print(torch.arange(4).dtype, torch.tensor([True, False]) * 3, ~torch.tensor([1, 0]))
print(torch.tensor([True, False]) + torch.tensor([True, True]))
print(torch.tensor([True, False]) - torch.tensor([True, True]))
