"""What the seventy-first probe (bit-for-bit parity of values and gradients on an AVX-512 Intel host, swept over
unary math, reductions, the matmul family, linalg and nn ops with a weighted sum as the loss) found, each checked
against PyTorch to the last bit (values and gradients printed as float.hex):
- gradients that multiplied the upstream gradient in another order than ATen's backward formulas, visible as soon
  as a loss is scaled, weighted or summed with another: mse_loss (norm * (input - target) * grad), smooth_l1_loss
  (norm * x * grad / beta, +-norm * grad), prod (grad * (result / input) when no input is 0; its node now saves
  self and result as PyTorch's, so saved-tensor hooks and _saved_result work), var / std (std's grad / (2 * result),
  then (2 / dof) * grad * (input - input.mean(dims)), with torch.mean's own sum);
- xlogy with the C library's log (ATen's scalar kernel), its self gradient as xlogy(grad, other); kl_div's
  composite with the product built first (the order its gradients reach the target);
- float64 softmax / log_softmax over any dim (so cross_entropy, nll_loss, kl_div of them) and sigmoid with SLEEF's
  double exp (exp_u10) and log (log_u10) and Vectorized<double>'s sums; sigmoid of a transposed matrix in memory
  order."""
import pytest

from helpers import assert_same_as_pytorch

SETUP = '''import torch.nn.functional as F
torch.manual_seed(0)
def bits(t):
    return " ".join(float.hex(v) for v in t.detach().flatten().tolist())
def grads(make, *shapes, dtype=torch.float32, scale=0.7):
    xs = [torch.randn(*s, dtype=dtype, requires_grad=True) for s in shapes]
    out = make(*xs)
    w = torch.randn(out.shape, dtype=dtype) if out.dim() else torch.tensor(scale, dtype=dtype)
    (out * w).sum().backward()
    for x in xs:
        print(bits(x.grad))
'''

CELLS = {
    "mse_loss_scaled": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    grads(lambda a, b: F.mse_loss(a, b), (8, 3), (8, 3), dtype=dtype)
    grads(lambda a, b: F.mse_loss(a, b, reduction="sum"), (5, 4), (5, 4), dtype=dtype)
    grads(lambda a, b: F.mse_loss(a, b, reduction="none"), (6,), (6,), dtype=dtype)
''',
    ],
    "smooth_l1_scaled": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    grads(lambda a, b: F.smooth_l1_loss(a, b), (8, 3), (8, 3), dtype=dtype)
    grads(lambda a, b: F.smooth_l1_loss(a, b, beta=0.5), (8, 3), (8, 3), dtype=dtype)
    grads(lambda a, b: F.smooth_l1_loss(a, b, reduction="none", beta=2.0), (9,), (9,), dtype=dtype)
''',
    ],
    "prod_grads": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    grads(lambda a: (a * 0.3 + 1).prod(), (7,), dtype=dtype)
    grads(lambda a: (a * 0.3 + 1).prod(1), (4, 6), dtype=dtype)
    grads(lambda a: (a * 0.3 + 1).prod(0, keepdim=True), (5, 3), dtype=dtype)
x = torch.tensor([2.0, 0.0, 3.0, 0.5], requires_grad=True)
(x.prod() * 1.3).backward()
print(x.grad)
''',
        '''seen = []
x = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: seen.append(t.tolist()) or t, lambda t: t):
    y = x.prod()
    z = x.prod(0, keepdim=True)
print(y.grad_fn._saved_result, y.grad_fn._saved_self, z.grad_fn._saved_result, seen)
(y + z.sum()).backward()
print(x.grad)
''',
    ],
    "var_std_grads": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    grads(lambda a: a.var(), (16,), dtype=dtype)
    grads(lambda a: a.std(), (7,), dtype=dtype)
    grads(lambda a: a.var(1), (4, 16), dtype=dtype)
    grads(lambda a: a.std(0, keepdim=True), (16, 5), dtype=dtype)
    grads(lambda a: a.std(1, correction=0), (3, 33), dtype=dtype)
    grads(lambda a: a.var((0, 2)), (3, 4, 5), dtype=dtype)
''',
    ],
    "xlogy_and_kl_div": [
        SETUP + '''for dtype in (torch.float32, torch.float64):
    x = torch.rand(200, dtype=dtype) * 5 + 0.01
    print(bits(torch.xlogy(x.flip(0), x)))
    grads(lambda a, b: torch.xlogy(a, b.abs() + 0.1), (40,), (40,), dtype=dtype)
    grads(lambda a, b: F.kl_div(a, b.abs(), reduction="none"), (6, 7), (6, 7), dtype=dtype)
    grads(lambda a, b: F.kl_div(a.log_softmax(1), b.softmax(1), reduction="batchmean"), (6, 7), (6, 7), dtype=dtype)
''',
    ],
    "softmax_float64": [
        SETUP + '''for shape, dim in [((4, 16), 1), ((3, 33), -1), ((2, 5, 40), 2), ((33, 16), 0), ((3, 7, 11), 1), ((5,), 0)]:
    x = torch.randn(*shape, dtype=torch.float64) * 3
    print(bits(x.softmax(dim)))
    grads(lambda a: a.softmax(dim), shape, dtype=torch.float64)
print(bits(F.softmax(torch.tensor([[1.0, 2.0, 3.0, 800.0, -800.0, 0.5, 0.25, 2.0, 1.0]], dtype=torch.float64), 1)))
''',
    ],
    "log_softmax_and_cross_entropy_float64": [
        SETUP + '''for shape, dim in [((4, 16), 1), ((3, 33), -1), ((2, 5, 40), 2), ((33, 16), 0), ((3, 7, 11), 1), ((5,), 0)]:
    x = torch.randn(*shape, dtype=torch.float64) * 3
    print(bits(x.log_softmax(dim)))
    grads(lambda a: a.log_softmax(dim), shape, dtype=torch.float64)
target = torch.tensor([0, 3, 9, 1, 4, 4, 2, 7])
grads(lambda a: F.cross_entropy(a, target), (8, 10), dtype=torch.float64)
grads(lambda a: F.cross_entropy(a, target, label_smoothing=0.1), (8, 10), dtype=torch.float64)
grads(lambda a: F.nll_loss(F.log_softmax(a, dim=1), target, reduction="sum"), (8, 10), dtype=torch.float64)
''',
    ],
    "sigmoid_float64_and_transposed": [
        SETUP + '''for n in (7, 33, 1000):
    x = torch.randn(n, dtype=torch.float64) * 6
    print(bits(torch.sigmoid(x)))
    grads(lambda a: a.sigmoid(), (n,), dtype=torch.float64)
m = torch.randn(33, 16) * 6
print(bits(m.t().sigmoid()), bits(torch.sigmoid(m.double().t())))
print(torch.sigmoid(torch.tensor([800.0, -800.0, 0.0, float("nan")], dtype=torch.float64)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe71(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe71", name=name)
