"""What the sixty-fourth probe (problem sets graded by autograders: softmax / cross-entropy / batch norm / layer
norm / dropout / conv and max-pool by unfold / an LSTM cell written by hand and checked with allclose,
assert_close and gradcheck, central differences, seeding) found, each checked against PyTorch bit for bit (the
cells print float.hex of every value, so that a last-bit difference is a difference): float64 layer norm as
ATen's kernel computes it (its row moments and fused multiply-adds, as float32 already was); float64 batch norm
(statistics summed in ATen's order, the output as two fused multiply-adds); sums and means over dims that are not
one run (a batch norm by hand: X.mean(dim=(0, 2, 3))) in PyTorch's order, float32 and float64; float64
var / std / var_mean / std_mean over such dims in Welford's order; native_batch_norm's and native_layer_norm's
statistics as their kernels compute them."""
from helpers import assert_same_as_pytorch

HEX = '''def hx(t):
    return " ".join(v.hex() for v in t.detach().reshape(-1).tolist())
torch.manual_seed(0)
'''

CELLS = {
    "layer_norm_float64": [
        HEX + '''import torch.nn.functional as F
for shape, ns in [((3, 4), (4,)), ((2, 7), (7,)), ((2, 3, 10), (3, 10)), ((2, 70), (70,)), ((1, 5), (5,))]:
    x = torch.randn(shape, dtype=torch.float64) * 3 + 1
    w = torch.randn(ns, dtype=torch.float64)
    b = torch.randn(ns, dtype=torch.float64)
    print(hx(F.layer_norm(x, ns)))
    print(hx(F.layer_norm(x, ns, w, b)))
    print(hx(F.layer_norm(x, ns, None, b)))
    print(hx(F.layer_norm(x, ns, w, None, eps=1e-3)))''',
        '''ln = torch.nn.LayerNorm(6, dtype=torch.float64)
with torch.no_grad():
    ln.weight.uniform_(0.5, 1.5)
    ln.bias.normal_()
x = torch.randn(4, 6, dtype=torch.float64)
y = ln(x)
print(type(y.grad_fn).__name__, hx(y))
print(hx(torch.native_layer_norm(x, (6,), ln.weight, ln.bias, 1e-5)[0]))
for dtype in (torch.float32, torch.float64):
    for shape, ns in [((3, 4), (4,)), ((2, 3, 10), (3, 10)), ((2, 70), (70,)), ((2, 3, 17), (17,))]:
        out, mean, rstd = torch.native_layer_norm(torch.randn(shape, dtype=dtype) * 2 + 1, ns, None, None, 1e-5)
        print(mean.shape, mean.dtype, hx(mean), hx(rstd))''',
        # a numerical gradient by central differences: the forward's last bit shows in the relative error
        '''def num_grad(f, x, h=1e-5):
    g = torch.zeros_like(x)
    for i in range(x.numel()):
        old = x.view(-1)[i].item()
        x.view(-1)[i] = old + h
        fp = f(x).item()
        x.view(-1)[i] = old - h
        fm = f(x).item()
        x.view(-1)[i] = old
        g.view(-1)[i] = (fp - fm) / (2 * h)
    return g
W = torch.randn(3, 4, dtype=torch.double)
f = lambda W: F.layer_norm(W, (4,)).pow(3).sum()
Wg = W.clone().requires_grad_()
ga, = torch.autograd.grad(f(Wg), Wg)
with torch.no_grad():
    gn = num_grad(f, W.clone())
e = ((ga - gn).abs().max() / (ga.abs() + gn.abs()).max()).item()
print(f"{e:.3e}")''',
    ],
    "batch_norm_float64": [
        HEX + '''import torch.nn.functional as F
for shape in [(3, 3), (2, 4), (5, 4), (40, 3), (4, 3, 5), (2, 3, 4, 4), (6, 2, 3, 3)]:
    x = torch.randn(shape, dtype=torch.float64) * 2 + 0.5
    c = shape[1]
    w, b = torch.randn(c, dtype=torch.float64), torch.randn(c, dtype=torch.float64)
    print(shape, hx(F.batch_norm(x, None, None, training=True)))
    print(hx(F.batch_norm(x, None, None, w, b, training=True)))
    out, mean, invstd = torch.native_batch_norm(x, w, b, None, None, True, 0.1, 1e-5)
    print(hx(mean), hx(invstd))
    out, mean, invstd = torch.native_batch_norm(x.float(), None, None, None, None, True, 0.1, 1e-5)
    print(mean.dtype, hx(mean), hx(invstd))''',
        '''bn = torch.nn.BatchNorm2d(3, dtype=torch.float64)
with torch.no_grad():
    bn.weight.normal_()
    bn.bias.normal_()
x = torch.randn(4, 3, 5, 5, dtype=torch.float64)
y = bn(x)
print(hx(y[0]), hx(bn.running_mean))
bn.eval()
print(hx(bn(x)[1]))
bn1 = torch.nn.BatchNorm1d(4, dtype=torch.float64)
print(hx(bn1(torch.randn(6, 4, dtype=torch.float64))))''',
    ],
    "sums_over_dims_apart": [
        HEX + '''for shape in [(4, 3, 5, 5), (2, 3, 4), (6, 2, 9, 3), (3, 4, 5, 6), (2, 3, 2, 3, 5)]:
    for dims in [(0, 2), (0, 2, 3), (1, 3), (0, 1, 3), (0, 3), (1, 2), (0, 2, 4)]:
        if max(dims) >= len(shape):
            continue
        for dtype in (torch.float32, torch.float64):
            x = (torch.randn(shape) * 3).to(dtype)
            print(shape, dims, dtype, hx(x.sum(dim=dims)), hx(x.mean(dim=dims, keepdim=True)))''',
        # the check of a batch norm by hand: per-channel mean ~ 0, var ~ 1
        '''X = torch.randn(4, 3, 6, 6) * 2 + 0.5
mean = X.mean(dim=(0, 2, 3), keepdim=True)
var = ((X - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
Y = (X - mean) / torch.sqrt(var + 1e-5)
print(Y.mean(dim=(0, 2, 3)), Y.sum(dim=(0, 2, 3)))
Y64 = Y.double()
print(Y64.mean(dim=(0, 2, 3)), Y64.mean(dim=[0, -1, -2]))''',
    ],
    "var_std_over_dims_apart": [
        HEX + '''for shape, dims in [((4, 3, 5, 5), (0, 2, 3)), ((6, 2, 9, 3), (0, 2)), ((6, 2, 9, 3), (1, 3)),
                    ((5, 4, 3), (0, 2)), ((2, 3, 4, 5), (0, 1, 3))]:
    x = torch.randn(shape, dtype=torch.float64) + 2
    print(shape, dims, hx(x.var(dim=dims)), hx(x.std(dim=dims, correction=0)))
    v, m = torch.var_mean(x, dim=dims, keepdim=True)
    s, m2 = torch.std_mean(x, dim=dims)
    print(v.shape, hx(v), hx(m), hx(s), hx(m2))''',
    ],
}


def test_layer_norm_float64():
    assert_same_as_pytorch(CELLS["layer_norm_float64"], name="layer_norm_float64")


def test_batch_norm_float64():
    assert_same_as_pytorch(CELLS["batch_norm_float64"], name="batch_norm_float64")


def test_sums_over_dims_apart():
    assert_same_as_pytorch(CELLS["sums_over_dims_apart"], name="sums_over_dims_apart")


def test_var_std_over_dims_apart():
    assert_same_as_pytorch(CELLS["var_std_over_dims_apart"], name="var_std_over_dims_apart")
