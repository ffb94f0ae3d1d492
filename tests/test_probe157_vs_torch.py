"""What the hundred-and-fifty-seventh probe (the Examples blocks of PyTorch's torch.nn activation and loss pages,
typed in as learners copy them) found, each checked against PyTorch: rrelu's bounds are checked first
("Lower bound should be less than or equal to the upper bound"), in training and in eval mode, through nn.RReLU,
F.rrelu, F.rrelu_, torch.rrelu and torch.rrelu_, before the integer-dtype error; glu wraps its dim with PyTorch's
IndexError and refuses integer tensors ("glu_cpu" not implemented for 'Long') after the halving check; the in-place
threshold (nn.Threshold(inplace=True), F.threshold_, torch.threshold_) passes its gradient where the input as it
was before the write exceeded the threshold, not where the result does (a value above the threshold written in
place passes nothing); and an in-place rrelu in training mode that autograd refuses (a leaf that requires grad)
draws no random numbers, so the generator's next draws are PyTorch's; and prelu's gradients under create_graph
come from one PreluKernelBackwardBackward0 node (both outputs, PyTorch's double-backward formulas with their
`self >= 0` mask), so a second autograd.grad reaches the input (zeros) and the weight instead of "appears to not
have been used in the graph"."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "rrelu_bounds_checked_first": [
        ATTEMPT + '''import torch.nn as nn, torch.nn.functional as F
for training in [True, False]:
    for f in [lambda x: F.rrelu(x, 0.5, 0.1, training=training), lambda x: torch.rrelu(x, 0.5, 0.1, training),
              lambda x: F.rrelu_(x, 0.5, 0.1, training=training), lambda x: torch.rrelu_(x, 0.5, 0.1, training),
              lambda x: nn.RReLU(0.3, 0.2).train(training)(x), lambda x: nn.RReLU(0.3, 0.3).train(training)(x)]:
        attempt(lambda: f(torch.tensor([-1.0, 2.0])))
        attempt(lambda: f(torch.tensor([-1, 2])))
''',
    ],
    "glu_dim_and_dtype_errors": [
        ATTEMPT + '''import torch.nn as nn, torch.nn.functional as F
for x in [torch.ones(4, 2, dtype=torch.long), torch.ones(4, 3, dtype=torch.long), torch.ones(2, dtype=torch.bool),
          torch.ones(3, dtype=torch.bool), torch.tensor(1), torch.ones(4, 2)]:
    for d in [-1, 0, 3, -3]:
        attempt(lambda: F.glu(x, d))
attempt(lambda: nn.GLU(dim=2)(torch.ones(4, 2)))
''',
    ],
    "threshold_inplace_gradient_tests_the_input": [
        '''import torch.nn as nn, torch.nn.functional as F
x = torch.tensor([1.5, -0.3, 0.05, 0.6], requires_grad=True)
for value in [20.0, 0.05, -3.0, 0.1]:
    for f in [nn.Threshold(0.1, value, inplace=True), lambda t: F.threshold_(t, 0.1, value),
              lambda t: torch.threshold_(t, 0.1, value), lambda t: F.threshold(t, 0.1, value, inplace=True),
              lambda t: F.threshold(t, 0.1, value)]:
        z = f(x * 1)
        g, = torch.autograd.grad(z.sum(), x)
        print(z, g)
x64 = torch.tensor([2.0, -1.0], dtype=torch.float64, requires_grad=True)
z = torch.threshold_(x64 * 1, 0.5, 7.0)
z.backward(torch.tensor([3.0, 5.0], dtype=torch.float64))
print(z, x64.grad)
''',
    ],
    "rrelu_inplace_refused_draws_nothing": [
        ATTEMPT + '''import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(4, requires_grad=True)
attempt(lambda: nn.RReLU(inplace=True)(x))
attempt(lambda: torch.rrelu_(x, training=True))
print(torch.randn(3))
y = x * 1
z = nn.RReLU(inplace=True)(y)
print(z is y, z.grad_fn, torch.randn(2))
''',
    ],
    "prelu_double_backward_one_node": [
        '''import torch.nn as nn, torch.nn.functional as F
x = torch.tensor([1., -2., 0., -1.], requires_grad=True)
w = torch.tensor([0.25], requires_grad=True)
gx, gw = torch.autograd.grad(F.prelu(x, w).sum(), (x, w), create_graph=True)
print(gx, gw, gx.grad_fn.next_functions, gw.grad_fn.next_functions)
print(torch.autograd.grad(gx.sum(), (x, w), retain_graph=True))
print(torch.autograd.grad(gw.sum(), (x, w), retain_graph=True))
x2 = torch.tensor([[0.5, -1.0, 2.0], [-0.3, 0.7, -2.0]], dtype=torch.float64, requires_grad=True)
w2 = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64, requires_grad=True)
gx, gw = torch.autograd.grad((F.prelu(x2, w2) ** 2).sum(), (x2, w2), create_graph=True)
print(gx.grad_fn, gw.grad_fn)
print(torch.autograd.grad((gx * gx).sum() + 3 * gw.sum(), (x2, w2)))
print(torch.autograd.gradgradcheck(F.prelu, (x2, w2)))
m = nn.PReLU(3)
z = torch.tensor([[0.5, -1.0, 2.0]], requires_grad=True)
gz, = torch.autograd.grad(m(z).sum(), z, create_graph=True)
gz.sum().backward()
print(gz, z.grad, m.weight.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe157_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe157/{name}", warns="per_cell")
