# Imitates Sasha Rush's "Autodiff Puzzles" (srush/Autodiff-Puzzles): each puzzle is `fb_name(x)` returning a forward
# lambda f(o) and a derivative lambda dx(i, o); lib.py fills Jacobians with python loops (v, m), compares them to a
# numerical derivative made with torch.eye rows, and reports the mismatches (isclose + nonzero), as the notebook does.
import torch
import math

def v(s, f):
    ret = torch.zeros(s)
    for i in range(s):
        ret[i] = f(i)
    return ret

def m(inp, out, f):
    ret = torch.zeros(inp.shape[0], out.shape[0])
    for i in range(ret.shape[0]):
        for j in range(ret.shape[1]):
            ret[i, j] = f(i, j)
    return ret.T

def numerical_deriv(fb, x, out):
    s = x.shape[0]
    dx2 = torch.zeros(out.shape[0], s)
    for i in range(s):
        up = x + 1e-5 * torch.eye(s)[i]
        f = fb(up)
        for j in range(out.shape[0]):
            dx2[j, i] = (f(j) - out[j]) / 1e-5
    return dx2

def one_argf(fb, x, out_shape):
    f, dx = fb(x)
    out = v(out_shape, f)
    dx = m(x, out, dx)
    dx2 = numerical_deriv(lambda a: fb(a)[0], x, out)
    return out, dx, dx2

def check(dx, dx2):
    bad = {}
    df = []
    for j, i in (~torch.isclose(dx, dx2, atol=1e-2)).nonzero():
        bad.setdefault(i.item(), [])
        bad[i.item()].append(j.item())
        df.append({"In Index": i.item(), "Out Index": j.item()})
    return bad, df

torch.manual_seed(0)
gy = torch.tensor([math.sin(x / 3) * 0.5 + (0.1 * x % 0.3 - 0.15) for x in range(8)])
print(gy, gy.dtype)

# %%
def fb_constant(x):
    f = lambda o: 0.5
    dx = lambda i, o: 0
    return f, dx

def fb_id(x):
    f = lambda o: x[o]
    dx = lambda i, o: i == o
    return f, dx

def fb_square(x):
    f = lambda o: x[o] * x[o]
    dx = lambda i, o: (2 * x[o]) if i == o else 0
    return f, dx

for fb in [fb_constant, fb_id, fb_square]:
    out, dx, dx2 = one_argf(fb, gy, 8)
    bad, df = check(dx, dx2)
    print(fb.__name__, out[:3], dx.dtype, dx[0, :3], "bad:", len(df))

# %%
def fb_index(x):
    f = lambda o: x[o + 2]
    dx = lambda i, o: (o + 2) == i
    return f, dx

def fb_cumsum(x):
    f = lambda o: x[:o + 1].sum()
    dx = lambda i, o: i <= o
    return f, dx

def fb_running_mean(x):
    W = 3
    f = lambda o: sum([x[o - do] for do in range(W) if o - do >= 0]) / W
    dx = lambda i, o: (1 / W) if 0 <= o - i < W else 0
    return f, dx

def fb_sigmoid(x):
    f = lambda o: 1 / (1 + x[o].neg().exp())
    dx = lambda i, o: f(o) * (1 - f(o)) if i == o else 0
    return f, dx

for fb, n in [(fb_index, 6), (fb_cumsum, 8), (fb_running_mean, 8), (fb_sigmoid, 8)]:
    out, dx, dx2 = one_argf(fb, gy, n)
    bad, df = check(dx, dx2)
    print(fb.__name__, out.shape, dx.shape, bad, df[:2])
print(type(f := fb_cumsum(gy)[0](3)), f.dtype, f.shape)

# %%
# a wrong derivative on purpose: check finds the bad entries
def fb_wrong_square(x):
    f = lambda o: x[o] ** 2
    dx = lambda i, o: x[o] if i == o else 0
    return f, dx
out, dx, dx2 = one_argf(fb_wrong_square, gy, 8)
bad, df = check(dx, dx2)
print(sorted(bad.items())[:3], len(df))
q = dx
for i in range(2):
    print(q[:, i].nonzero(), q[:, i].nonzero()[:, 0], q[:, i].nonzero()[:, 0].tolist())
print((~torch.isclose(dx, dx2, atol=1e-2)).nonzero()[:3])
print(torch.isclose(dx, dx2, atol=1e-2).sum(), torch.isclose(dx, dx2, atol=1e-2).float().mean())

# %%
one = torch.tensor(1)
y = gy * 3
print(torch.maximum(torch.minimum(one, y), -one))
print(torch.minimum(one, y).dtype, torch.maximum(-one, torch.tensor([True, False])))
land = out / out
print(torch.cat([land, torch.tensor([0, 0])], 0))
print(torch.cat([torch.tensor([1, 2]), torch.tensor([True])]), torch.cat([torch.tensor([1], dtype=torch.int32), torch.tensor([2])]).dtype)
print(torch.stack([torch.tensor([1, 2]), torch.tensor([0.5, 1.0])]))
print(torch.arange(out.shape[0] + 1), torch.zeros(out.shape[0] + 1) - 0.1)
r = torch.zeros(3)
r[0] = True
r[1] = torch.tensor(7)
r[2] = torch.tensor(2.5, dtype=torch.float64)
print(r)
ri = torch.zeros(3, dtype=torch.long)
ri[0] = 2.7
ri[1] = torch.tensor(-2.7)
ri[2] = True
print(ri)
try:
    ri[0] = torch.tensor([1, 2])
except Exception as e:
    print(type(e).__name__, e)
