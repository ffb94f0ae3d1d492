# Problem set 3: conv2d and max-pool with unfold, an LSTM cell by hand, numerical gradients
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)

def conv2d_unfold(x, w, b=None, stride=1, padding=0, dilation=1):
    N, C, H, W = x.shape
    OC, _, kh, kw = w.shape
    cols = F.unfold(x, (kh, kw), dilation=dilation, padding=padding, stride=stride)
    print("cols", cols.shape)
    out = w.view(OC, -1) @ cols
    if b is not None:
        out = out + b.view(1, -1, 1)
    Ho = (H + 2 * padding - dilation * (kh - 1) - 1) // stride + 1
    Wo = (W + 2 * padding - dilation * (kw - 1) - 1) // stride + 1
    return out.view(N, OC, Ho, Wo)

x = torch.randn(2, 3, 7, 6, dtype=torch.float64, requires_grad=True)
w = torch.randn(4, 3, 3, 2, dtype=torch.float64, requires_grad=True)
b = torch.randn(4, dtype=torch.float64, requires_grad=True)
for s, p, d in [(1, 0, 1), (2, 1, 1), (1, 2, 2), ((2, 1), (1, 0), (1, 2))]:
    mine = conv2d_unfold(x, w, b, s, p, d)
    ref = F.conv2d(x, w, b, stride=s, padding=p, dilation=d)
    print(s, p, d, tuple(mine.shape), torch.allclose(mine, ref))
print(torch.autograd.gradcheck(lambda x, w, b: conv2d_unfold(x, w, b, 2, 1), (x, w, b)))

# %%
def maxpool_unfold(x, k, s):
    N, C, H, W = x.shape
    cols = F.unfold(x, k, stride=s)
    cols = cols.view(N, C, k * k, -1)
    out = cols.max(dim=2).values
    return out.view(N, C, (H - k) // s + 1, (W - k) // s + 1)

x = torch.randn(2, 2, 6, 6, requires_grad=True)
mp = maxpool_unfold(x, 2, 2)
ref = F.max_pool2d(x, 2, 2)
assert mp.shape == ref.shape, (mp.shape, ref.shape)
print(torch.equal(mp, ref), mp.grad_fn, ref.grad_fn)
g1, = torch.autograd.grad(mp.sum(), x)
g2, = torch.autograd.grad(ref.sum(), x)
print(torch.equal(g1, g2))
pool_t = x.unfold(2, 2, 2).unfold(3, 2, 2)
print(pool_t.shape, pool_t.amax(dim=(-1, -2)).sub(ref).abs().max())

# %%
# fold is the adjoint of unfold: <unfold(x), y> == <x, fold(y)>
x = torch.randn(1, 2, 5, 5, dtype=torch.double)
y = torch.randn(1, 2 * 9, 9, dtype=torch.double)
lhs = (F.unfold(x, 3, padding=1, stride=2) * y).sum()
rhs = (x * F.fold(y, (5, 5), 3, padding=1, stride=2)).sum()
print(torch.isclose(lhs, rhs), f"{(lhs - rhs).abs().item():.2e}")
try:
    F.unfold(torch.randn(2, 5, 5), 3)
    print("3-D input accepted")
except Exception as e:
    print(type(e).__name__, e)
try:
    F.fold(y, (5, 5), 2)
except RuntimeError as e:
    print(e)

# %%
def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.t() + b_ih + h @ W_hh.t() + b_hh
    i, f, g, o = gates.chunk(4, dim=1)
    i, f, g, o = i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()
    c2 = f * c + i * g
    h2 = o * c2.tanh()
    return h2, c2

cell = nn.LSTMCell(5, 3)
x = torch.randn(4, 5)
h0, c0 = torch.zeros(4, 3), torch.zeros(4, 3)
h1, c1 = lstm_cell(x, h0, c0, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
rh, rc = cell(x, (h0, c0))
torch.testing.assert_close(h1, rh)
torch.testing.assert_close(c1, rc)
print(h1.shape, rh.grad_fn.__class__.__name__, h1.grad_fn.__class__.__name__)
lstm = nn.LSTM(5, 3, batch_first=True)
out, (hn, cn) = lstm(x.unsqueeze(0))
assert out.shape == (1, 4, 3), out.shape
print(hn.shape, cn.shape, out.shape == torch.Size((1, 4, 3)))

# %%
# numerical gradient by central differences, relative error table
def num_grad(f, x, h=1e-5):
    g = torch.zeros_like(x)
    flat, gflat = x.view(-1), g.view(-1)
    for i in range(flat.numel()):
        old = flat[i].item()
        flat[i] = old + h
        fp = f(x).item()
        flat[i] = old - h
        fm = f(x).item()
        flat[i] = old
        gflat[i] = (fp - fm) / (2 * h)
    return g

def rel_error(a, b):
    return ((a - b).abs().max() / (a.abs() + b.abs()).clamp(min=1e-8).max()).item()

W = torch.randn(3, 4, dtype=torch.double)
funcs = {"softmax": lambda W: F.softmax(W, 1).pow(2).sum(),
         "log_softmax": lambda W: F.log_softmax(W, 0)[1].sum(),
         "tanh": lambda W: W.tanh().sum(),
         "layer_norm": lambda W: F.layer_norm(W, (4,)).pow(3).sum()}
print(f"{'function':<12}|{'rel. error':>12}")
for name, f in funcs.items():
    Wg = W.clone().requires_grad_()
    ga, = torch.autograd.grad(f(Wg), Wg)
    with torch.no_grad():
        gn = num_grad(f, W.clone())
    e = rel_error(ga, gn)
    print(f"{name:<12}|{e:>12.3e}", "OK" if e < 1e-7 else "FAIL", "%e" % (e > 0))

# %%
# numerical grad on float32: the error is much larger
W32 = W.float()
Wg = W32.clone().requires_grad_()
ga, = torch.autograd.grad(funcs["tanh"](Wg), Wg)
with torch.no_grad():
    gn = num_grad(funcs["tanh"], W32.clone(), h=1e-3)
print(ga.dtype, gn.dtype, torch.allclose(ga, gn, atol=1e-2))
try:
    torch.allclose(ga, gn.double())
except RuntimeError as e:
    print(e)
