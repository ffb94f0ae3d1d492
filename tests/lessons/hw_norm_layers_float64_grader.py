# Problem set 4: normalisation layers by hand in float64, graded exactly; seeding and shape checks
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
print(torch.initial_seed())
state = torch.get_rng_state()
a = torch.rand(3)
torch.set_rng_state(state)
b = torch.rand(3)
print(torch.equal(a, b), state.dtype, state.shape)
g = torch.Generator().manual_seed(123)
print(torch.randn(2, generator=g), g.initial_seed())
torch.use_deterministic_algorithms(True, warn_only=True)
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(False)
print(torch.backends.cudnn.enabled, torch.backends.cudnn.is_available(), torch.cuda.is_available())

# %%
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(dim=0)
    var = ((x - mu) ** 2).mean(dim=0)
    x_hat = (x - mu) / torch.sqrt(var + eps)
    return gamma * x_hat + beta

torch.manual_seed(0)
x = torch.randn(6, 4, dtype=torch.float64) * 3 + 1
bn = nn.BatchNorm1d(4).double()
ref = bn(x)
mine = batchnorm_forward(x, bn.weight, bn.bias)
print(ref)
print((mine - ref).abs().max() < 1e-12)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)

# %%
x2d = torch.randn(4, 3, 5, 5, dtype=torch.float64)
bn2 = nn.BatchNorm2d(3).double()
y = bn2(x2d)
print(y[0, :, 0, :3])
print(y.mean(dim=(0, 2, 3)), y.var(dim=(0, 2, 3), unbiased=False))
bn2.eval()
print(bn2(x2d)[1, 2, :2, :2])
x3 = torch.randn(5, 2, 9, dtype=torch.float64)
print(F.batch_norm(x3, None, None, training=True)[0])

# %%
def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)
    return gamma * (x - mu) / torch.sqrt(var + eps) + beta

ln = nn.LayerNorm(10).double()
x = torch.randn(3, 10, dtype=torch.float64)
with torch.no_grad():
    ln.weight.uniform_(0.5, 1.5)
    ln.bias.normal_()
out = ln(x)
print(out[:, :4])
print(F.layer_norm(x, (10,))[0])
print(F.layer_norm(torch.randn(2, 3, 7, dtype=torch.float64), (3, 7))[1, 2])
print(F.group_norm(torch.randn(2, 4, 3, dtype=torch.float64), 2)[0])
diff = (layernorm_forward(x, ln.weight, ln.bias) - out).abs().max()
print(diff < 1e-12, diff.dtype)

# %%
from torch.autograd import gradcheck
xg = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
w = torch.randn(5, dtype=torch.float64, requires_grad=True)
b = torch.randn(5, dtype=torch.float64, requires_grad=True)
print(gradcheck(lambda x, w, b: F.layer_norm(x, (5,), w, b), (xg, w, b)))
print(gradcheck(lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True), (xg, w, b)))
print(gradcheck(layernorm_forward, (xg, w, b)))

# %%
# shape assertions the grader makes
out = torch.zeros(8, 10)
N, C = 8, 10
assert out.shape == (N, C)
assert out.shape == torch.Size([N, C])
print(out.shape == [N, C], out.shape == (N, C), list(out.shape) == [N, C])
print(out.size(), out.size(1), out.shape[-1], out.shape[::-1], out.shape + (1,), out.shape.numel())
print(type(out.shape[::-1]).__name__, torch.Size([2, 3]) == torch.Size((2, 3)))
try:
    assert out.shape == (C, N), f"expected {(C, N)}, got {out.shape}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    torch.Size([2, 3.0])
except TypeError as e:
    print(e)

# %%
# assert_close options the grader uses
a = torch.tensor([1.0, float("nan"), 3.0])
b = torch.tensor([1.0, float("nan"), 3.0 + 1e-6])
try:
    torch.testing.assert_close(a, b)
except AssertionError as e:
    print(e)
torch.testing.assert_close(a, b, equal_nan=True)
torch.testing.assert_close(torch.ones(2, dtype=torch.float64), torch.ones(2), check_dtype=False)
try:
    torch.testing.assert_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.5]), msg="your softmax is wrong")
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.5]),
                               msg=lambda m: "Hint: check the max subtraction\n" + m)
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 2], [3, 5]]))
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(torch.tensor(1.0), 1.0)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.testing.assert_close(torch.ones(2, 2), torch.ones(2, 2).t().contiguous().t(), check_stride=True)
    print("strides equal")
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(torch.ones(2, 3).t(), torch.ones(3, 2), check_stride=True)
except AssertionError as e:
    print(e)
