"""What the hundred-and-seventy-sixth probe (PyTorch's Notes pages: autograd mechanics, broadcasting, numerical
accuracy, tensor views, serialization, reproducibility) found, each checked against PyTorch: retain_grad() follows a
tensor written in place to its new grad_fn (.grad is the gradient of the latest version; a hook registered before the
write stays with the old node; t_() and the other in-place view ops keep it on the old node), also for a view of a
base written in place and for a view written in place; an op written in place that saved its result (relu_,
sigmoid_, exp_, ...) makes backward refuse when the tensor is written in place again (the engine used a stale copy
and gave a wrong gradient); use_deterministic_algorithms refuses a non-bool mode or
warn_only with its binding's TypeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "retain_grad_follows_an_inplace_write": [
        '''torch.manual_seed(0)
x = torch.randn(4, requires_grad=True)
y = x * 2
y.retain_grad()
y.register_hook(lambda g: print("hook before the write", g))
z = y.clone()
y.add_(1)
(z * y).sum().backward()
print(y.grad, x.grad, y.retains_grad, y.grad_fn)
''',
        '''torch.manual_seed(1)
x = torch.randn(4, requires_grad=True)
y = x * 1
y.retain_grad()
y.relu_()
y.mul_(3)
y.sum().backward(retain_graph=True)
print(y.grad)
y.sum().backward()
print(y.grad, x.grad)
''',
        '''torch.manual_seed(2)
x = torch.randn(2, 3, requires_grad=True)
y = x * 2
y.retain_grad()
y.t_()
(y * torch.arange(6.).view(3, 2)).sum().backward()
print(y.grad, x.grad)
''',
        '''torch.manual_seed(3)
x = torch.randn(4, requires_grad=True)
b = x.clone()
v = b[1:3]
v.retain_grad()
v.mul_(5)
v.exp_()
(v.sum() + b.sum()).backward()
print(v.grad, x.grad)
x.grad = None
b = x.clone()
w = b[:2]
w.retain_grad()
b.mul_(3)
(w * w).sum().backward()
print(w.grad, x.grad)
''',
        '''torch.manual_seed(4)
x = torch.randn(4, requires_grad=True)
a, c = x.clone().chunk(2)
a.retain_grad()
a.mul_(2)
(a * a).sum().backward()
print(a.grad, x.grad)
''',
    ],
    "inplace_write_after_an_op_that_saved_its_result": [
        ATTEMPT + '''torch.manual_seed(5)
def run(op):
    x = torch.rand(4, requires_grad=True)
    y = x * 1
    op(y)
    y.mul_(3)
    y.sum().backward()
    return x.grad
for name in ["relu_", "sigmoid_", "exp_", "tanh_", "sqrt_", "rsqrt_", "abs_"]:
    attempt(lambda: run(lambda y: getattr(y, name)()))
for f in [torch.nn.functional.leaky_relu_, torch.nn.functional.elu_, torch.nn.functional.hardtanh_,
          lambda y: torch.nn.functional.relu(y, inplace=True), lambda y: torch.nn.functional.silu(y, inplace=True)]:
    attempt(lambda: run(f))
x = torch.rand(4, requires_grad=True)
y = torch.relu(x * 1)
y.mul_(2)
attempt(lambda: y.sum().backward())
x = torch.rand(4, requires_grad=True)
y = (x * 1).exp_()
z = y * 1
attempt(lambda: z.sum().backward())
print(x.grad)
''',
    ],
    "use_deterministic_algorithms_argument_types": [
        ATTEMPT + '''import numpy as np
attempt(lambda: torch.use_deterministic_algorithms("yes"))
attempt(lambda: torch.use_deterministic_algorithms(1))
attempt(lambda: torch.use_deterministic_algorithms(None))
attempt(lambda: torch.use_deterministic_algorithms(np.bool_(True)))
attempt(lambda: torch.use_deterministic_algorithms(torch.tensor(True)))
attempt(lambda: torch.use_deterministic_algorithms(True, warn_only="x"))
attempt(lambda: torch.use_deterministic_algorithms(False, warn_only=1))
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
attempt(lambda: torch.use_deterministic_algorithms(True, warn_only=True))
print(torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled())
torch.use_deterministic_algorithms(False)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe176_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
