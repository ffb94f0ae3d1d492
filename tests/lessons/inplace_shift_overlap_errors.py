# A learner shifting a sequence in place (a running "previous value" difference, a moving window, a time-series
# lag) the way forum posts try it first: a[1:] += a[:-1], a[1:].add_(a[:-1]), a[1:] = a[:-1], torch.add(...,
# out=a[...]), and PyTorch's "some elements of the input tensor and the written-to tensor refer to a single memory
# location" error, then the clone() fix it suggests; the same elements on both sides (a.add_(a)) are allowed.
import torch

torch.manual_seed(0)
a = torch.arange(8.)
print(a, a.dtype)

# %%
for label, step in [("a[1:] += a[:-1]", lambda t: t[1:].__iadd__(t[:-1])),
                    ("a[1:].add_(a[:-1])", lambda t: t[1:].add_(t[:-1])),
                    ("a[1:] = a[:-1]", lambda t: t.__setitem__(slice(1, None), t[:-1])),
                    ("torch.add(a[1:], a[:-1], out=a[:-1])", lambda t: torch.add(t[1:], t[:-1], out=t[:-1])),
                    ("a[2:6].sub_(a[:4], alpha=2)", lambda t: t[2:6].sub_(t[:4], alpha=2))]:
    t = torch.arange(8.)
    try:
        step(t)
        print(label, "->", t)
    except RuntimeError as e:
        print(label, "->", type(e).__name__, e)
    print("  unchanged:", t)

# %%
# the fix: clone the source first
a = torch.arange(8.)
a[1:] += a[:-1].clone()
print(a)
b = torch.arange(8.)
b[1:] = b[:-1].clone()
print(b)
c = torch.arange(8.)
torch.add(c[1:], c[:-1].clone(), out=c[:-1])
print(c)

# %%
# the same elements on both sides are fine, and so are disjoint halves
a = torch.arange(6.)
a.add_(a)
a.mul_(a)
print(a)
a[:3].add_(a[3:])
print(a)
a[::2] -= a[1::2]
print(a)
x = torch.randn(3, 4)
x.T.T.mul_(x)
print(x.round(decimals=3))

# %%
# a lag feature built without writing into the series itself
series = torch.tensor([3., 5., 4., 8., 10., 9.])
lagged = torch.zeros_like(series)
lagged[1:] = series[:-1]
diff = series - lagged
print(lagged, diff)
print(torch.roll(series, 1), torch.diff(series))
