# Imitates Sasha Rush's "Tensor Puzzles" (srush/Tensor-Puzzles) checker in lib.py: each puzzle has a spec filled
# with python loops, random int32 numpy arrays become tensors with torch.tensor, the learner's answer is broadcast
# to the spec's shape (torch.broadcast_to) and compared with torch.equal; the puzzles (ones, sum, outer, diag, eye,
# triu, cumsum, diff, vstack, roll, flip, compress, pad_to, sequence_mask, bincount, scatter_add, flatten, linspace,
# heaviside, repeat, bucketize) solved with arange, where, [None, :] indexing and broadcasting.
import numpy as np
import torch

tensor = torch.tensor
rng = np.random.RandomState(0)

def arange(i: int):
    return torch.arange(i)

def where(q, a, b):
    return (q * a) + (~q) * b

def check(name, problem, spec, *arrays, sizes=()):
    out = np.zeros(spec_shape[name], dtype=np.int32)
    out[:] = 0
    out = out.tolist()
    spec(*arrays, out)
    yours = problem(*map(tensor, arrays), *sizes)
    target = tensor(out)
    yours2 = torch.broadcast_to(yours, target.shape)
    print(name, "ok" if torch.equal(target, yours2) else "WRONG", yours.dtype, target.dtype, tuple(yours2.shape))
    return yours

a32 = rng.randint(-5, 5, size=(4,)).astype(np.int32)
b32 = rng.randint(-5, 5, size=(3,)).astype(np.int32)
print(a32, b32, tensor(a32), tensor(a32).dtype, tensor(np.int32(3)))

# %%
spec_shape = {"ones": (4,), "sum": (1,), "outer": (4, 3), "diag": (3,), "eye": (3, 3), "triu": (3, 3)}

def ones_spec(out):
    for i in range(len(out)):
        out[i] = 1
def ones(i: int):
    return where(arange(i) > -1, 1, 0)
check("ones", lambda i: ones(i), ones_spec, sizes=(4,))

def sum_spec(a, out):
    out[0] = 0
    for i in range(len(a)):
        out[0] += a[i]
def sum(a):
    return ones(a.shape[0]) @ a[:, None]
try:
    check("sum", sum, sum_spec, a32)
except Exception as e:
    print(type(e).__name__, e)
def sum(a):
    return (ones(a.shape[0]) * a).sum(0, keepdim=True)
r = check("sum", sum, sum_spec, a32)

def outer_spec(a, b, out):
    for i in range(len(out)):
        for j in range(len(out[0])):
            out[i][j] = a[i] * b[j]
def outer(a, b):
    return a[:, None] * b[None, :]
check("outer", outer, outer_spec, a32, b32)

m33 = rng.randint(-5, 5, size=(3, 3)).astype(np.int32)
def diag_spec(a, out):
    for i in range(len(a)):
        out[i] = a[i][i]
def diag(a):
    return a[arange(a.shape[0]), arange(a.shape[0])]
check("diag", diag, diag_spec, m33)

def eye_spec(out):
    for i in range(len(out)):
        out[i][i] = 1
def eye(j: int):
    return 1 * (arange(j)[:, None] == arange(j))
check("eye", eye, eye_spec, sizes=(3,))

def triu_spec(out):
    for i in range(len(out)):
        for j in range(len(out)):
            out[i][j] = 1 if i <= j else 0
def triu(j: int):
    return 1 * (arange(j)[:, None] <= arange(j))
check("triu", triu, triu_spec, sizes=(3,))

# %%
spec_shape.update({"cumsum": (4,), "diff": (4,), "vstack": (2, 4), "roll": (4,), "flip": (4,)})

def cumsum_spec(a, out):
    total = 0
    for i in range(len(out)):
        out[i] = total + a[i]
        total += a[i]
def cumsum(a):
    return (a[None, :] * triu(a.shape[0]).T).sum(1)
check("cumsum", cumsum, cumsum_spec, a32)
print(torch.cumsum(tensor(a32), 0), torch.cumsum(tensor(a32), 0).dtype, tensor(a32).cumsum(0, dtype=torch.int32).dtype)

def diff_spec(a, out):
    out[0] = a[0]
    for i in range(1, len(out)):
        out[i] = a[i] - a[i - 1]
def diff(a, i: int):
    return a[arange(i)] - where(arange(i) > 0, a[arange(i) - 1], 0)
check("diff", diff, diff_spec, a32, sizes=(4,))
print(torch.diff(tensor(a32), prepend=tensor([0])), torch.diff(tensor(a32), prepend=tensor([0])).dtype)

a2 = rng.randint(-5, 5, size=(4,)).astype(np.int32)
def vstack_spec(a, b, out):
    for i in range(len(out[0])):
        out[0][i] = a[i]
        out[1][i] = b[i]
def vstack(a, b):
    return where(arange(2)[:, None] == 0, a, b)
check("vstack", vstack, vstack_spec, a32, a2)
print(torch.vstack([tensor(a32), tensor(a2)]).dtype, torch.vstack([tensor(a32), torch.tensor(a2).long()]).dtype)

def roll_spec(a, out):
    for i in range(len(out)):
        out[i] = a[i + 1] if i + 1 < len(out) else a[i + 1 - len(out)]
def roll(a, i: int):
    return a[(arange(i) + 1) % i]
check("roll", roll, roll_spec, a32, sizes=(4,))

def flip_spec(a, out):
    for i in range(len(out)):
        out[i] = a[len(out) - i - 1]
def flip(a, i: int):
    return a[i - 1 - arange(i)]
check("flip", flip, flip_spec, a32, sizes=(4,))

# %%
spec_shape.update({"sequence_mask": (3, 4), "bincount": (5,), "scatter_add": (3,), "flatten": (6,),
                   "heaviside": (4,), "repeat": (3, 4), "bucketize": (4,)})
vals = rng.randint(-5, 5, size=(3, 4)).astype(np.int32)
lens = np.array([1, 4, 0], dtype=np.int32)
def sequence_mask_spec(values, length, out):
    for i in range(len(out)):
        for j in range(len(out[0])):
            out[i][j] = values[i][j] if j < length[i] else 0
def sequence_mask(values, length):
    return where(length[:, None] > arange(values.shape[1]), values, 0)
check("sequence_mask", sequence_mask, sequence_mask_spec, vals, lens)

idx = np.array([0, 1, 1, 4, 2], dtype=np.int32)
def bincount_spec(a, out):
    for i in range(len(a)):
        out[a[i]] += 1
def bincount(a, j: int):
    return (eye(j)[a]).sum(0)
check("bincount", bincount, bincount_spec, idx, sizes=(5,))
print(torch.bincount(tensor(idx), minlength=5), torch.bincount(tensor(idx)).dtype)

link = np.array([0, 2, 2, 1], dtype=np.int32)
def scatter_add_spec(values, link, out):
    for j in range(len(values)):
        out[link[j]] += values[j]
def scatter_add(values, link, j: int):
    return (values[:, None] * eye(j)[link]).sum(0)
check("scatter_add", scatter_add, scatter_add_spec, a32, link, sizes=(3,))
try:
    print(torch.zeros(3, dtype=torch.int32).scatter_add(0, tensor(link), tensor(a32)))
except Exception as e:
    print(type(e).__name__, e)
print(torch.zeros(3, dtype=torch.int32).scatter_add(0, tensor(link).long(), tensor(a32)))

m23 = rng.randint(-5, 5, size=(2, 3)).astype(np.int32)
def flatten_spec(a, out):
    k = 0
    for i in range(len(a)):
        for j in range(len(a[0])):
            out[k] = a[i][j]
            k += 1
def flatten(a, i: int, j: int):
    return a[arange(i * j) // j, arange(i * j) % j]
check("flatten", flatten, flatten_spec, m23, sizes=(2, 3))

hb = np.array([2, 2, -1, 7], dtype=np.int32)
ha = np.array([0, -3, 0, 4], dtype=np.int32)
def heaviside_spec(a, b, out):
    for k in range(len(out)):
        out[k] = b[k] if a[k] == 0 else int(a[k] > 0)
def heaviside(a, b):
    return where(a == 0, b, a > 0)
check("heaviside", heaviside, heaviside_spec, ha, hb)
print(torch.heaviside(tensor(ha), tensor(hb)))

def repeat_spec(a, d, out):
    for i in range(d[0]):
        for k in range(len(a)):
            out[i][k] = a[k]
def repeat(a, d):
    return ones(d[0])[:, None] * a
check("repeat", repeat, repeat_spec, a32, np.array([3], dtype=np.int32))
print(tensor(a32).repeat(3, 1).dtype, tensor(a32).repeat(2).shape)
try:
    tensor(a32).repeat()
except Exception as e:
    print(type(e).__name__, e)

bnd = np.array([-3, 0, 2], dtype=np.int32)
def bucketize_spec(v, boundaries, out):
    for i, val in enumerate(v):
        out[i] = 0
        for j in range(len(boundaries) - 1):
            if val >= boundaries[j]:
                out[i] = j + 1
        if val >= boundaries[-1]:
            out[i] = len(boundaries)
def bucketize(v, boundaries):
    return (v[:, None] >= boundaries).sum(1)
check("bucketize", bucketize, bucketize_spec, a32, bnd)
print(torch.bucketize(tensor(a32), tensor(bnd), right=True), torch.bucketize(tensor(a32), tensor(bnd), out_int32=True).dtype)

# %%
# learner mistakes on the way: a bool arange, linspace of ints, an int that does not fit, an empty repeat
for make in [lambda: torch.arange(4, dtype=torch.bool), lambda: torch.arange(0, 4, 0, dtype=torch.bool),
             lambda: torch.arange(3, dtype=torch.complex64), lambda: torch.linspace(0, 1, 3, dtype=torch.bool),
             lambda: torch.linspace(0, 1, 1, dtype=torch.bool), lambda: torch.linspace(0, 10, 4, dtype=torch.int32),
             lambda: torch.tensor([1, 2**63]), lambda: torch.tensor([2**63 - 1, -2**63]), lambda: torch.tensor(2**64),
             lambda: torch.tensor(3).repeat(), lambda: torch.tensor(3).reshape(), lambda: torch.tensor(3).view(),
             lambda: torch.tensor(3).expand(), lambda: torch.tensor(3).repeat(2)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
