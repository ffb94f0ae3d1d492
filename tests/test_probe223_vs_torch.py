"""What the two-hundred-and-twenty-third probe (an optimisation course's algorithms with autograd: projected and
proximal gradient, mirror descent, Frank-Wolfe, ADMM, LBFGS with closures, Newton and Newton-CG with Hessian-vector
products, gradient descent diverging on Rosenbrock) found, each checked against PyTorch. Under anomaly mode
(torch.autograd.detect_anomaly / set_detect_anomaly) a node that fails in a backward pass (a NaN in its gradient, a
saved tensor modified in place, a graph already freed) first warns "Error detected in <node>" with the Python stack
of the call that made it, as PyTorch's AnomalyMetadata records it: the user's frames, plus torch/_tensor.py's
frames for the operators PyTorch writes in Python (x ** 2, 2 ** x, 1 - x, 1 / x); a node made before the mode was
on warns that no forward pass information is available; the in-place error's hint then points at that backtrace."""
import pytest

from helpers import assert_same_as_pytorch

# the warnings' stacks from the cell's own frames on (the frames of the test harness around it differ by side)
SHOW = '''
import warnings
def show(caught):
    for m in caught:
        lines = str(m.message).split("\\n")
        first = next((i for i, l in enumerate(lines) if '"<cell>"' in l), 1)
        print(m.category.__name__, "\\n".join(lines[:1] + lines[first:]))
def rosen(x):
    return torch.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)
'''

CELLS = {
    "diverging_gradient_descent_names_the_pow_that_made_the_nan": [SHOW + '''
x = torch.tensor([-1.2, 1.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly():
        for k in range(40):
            try:
                f = rosen(x)
                f.backward()
            except RuntimeError as e:
                print(k, type(e).__name__, e)
                break
            with torch.no_grad():
                x -= 0.01 * x.grad
            x.grad = None
show(caught)
print(x)
'''],
    "functions_and_python_operators_in_the_stack": [SHOW + '''
x = torch.tensor([1.0, -1.0, 0.0], requires_grad=True)
cases = [lambda: torch.sqrt(x), lambda: x.log(), lambda: 1 - x.sqrt(), lambda: 1 / (x - x.detach()) * 0,
         lambda: 2 ** (x / 0), lambda: (x ** 0.5) * 1]
for make in cases:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with torch.autograd.set_detect_anomaly(True):
            y = make()
            try:
                y.sum().backward()
            except RuntimeError as e:
                print(type(e).__name__, e)
    show(caught)
    x.grad = None
'''],
    "inplace_and_freed_graph_errors_under_anomaly_mode": [SHOW + '''
x = torch.tensor([0.5, -1.5], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly(check_nan=False):
        y = x.exp()
        y.add_(1)
        try:
            y.sum().backward()
        except RuntimeError as e:
            print(type(e).__name__, e)
        z = (x * 3).tanh()
        z.sum().backward()
        try:
            z.sum().backward()
        except RuntimeError as e:
            print(type(e).__name__, e)
show(caught)
y = x.exp()
y.mul_(2)
try:
    y.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
'''],
    "node_made_before_anomaly_mode_has_no_forward_information": [SHOW + '''
x = torch.tensor([1.0, -1.0], requires_grad=True)
y = torch.sqrt(x)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly():
        try:
            y.sum().backward()
        except RuntimeError as e:
            print(type(e).__name__, e)
show(caught)
print(torch.is_anomaly_enabled())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe223_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe223", name=name)
