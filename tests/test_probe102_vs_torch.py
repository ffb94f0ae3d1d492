"""What the hundred-and-second probe (刘二大人《PyTorch深度学习实践》 as learners retype it: manual gradient descent
with w.data / w.grad.data, nn.Linear regression, logistic regression, Dataset/DataLoader, softmax, CNNs, RNN/GRU
name classifier) found, each checked against PyTorch: ``t.data = value`` checks what PyTorch's set_data checks (a
value that is not a tensor: "Variable data has to be a tensor, but got float"; a non-float tensor on a tensor that
requires grad; a dense tensor on a sparse one and the reverse; sparse onto sparse takes the new entries); and the
legacy ``torch.autograd.Variable`` (the older copies of the slides) is PyTorch's: a detached Tensor sharing memory,
requires_grad set on the new tensor and never on the one passed in, ``isinstance(t, Variable)`` true of every
tensor, volatile's warning and its clash with requires_grad, and the legacy constructor's argument errors."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "data_setter_checks": [
        ATTEMPT + '''w = torch.tensor([1.0], requires_grad=True)
(w * 3 - 6).pow(2).sum().backward()
for new in [w.data.item() - 0.01 * w.grad.item(), [0.5], None, torch.tensor([2]), torch.tensor([True]),
            torch.ones(2).to_sparse()]:
    def assign():
        w.data = new
    attempt(assign)
print(w, w.grad)
w.data = torch.tensor([0.5, 1.5])
w.data = torch.ones(1, dtype=torch.complex64)
print(w, w.requires_grad)
b = torch.tensor([1, 2])
b.data = torch.tensor([0.5])
print(b, b.dtype)
''',
        ATTEMPT + '''s = torch.ones(3).to_sparse()
def assign(value):
    s.data = value
attempt(lambda: assign(torch.zeros(3)))
assign(torch.tensor([0.0, 2.0, 0.0]).to_sparse())
print(s, s._nnz(), s.to_dense())
''',
    ],
    "legacy_variable": [
        ATTEMPT + '''from torch.autograd import Variable
import numpy as np
import warnings
base = torch.Tensor([1.0])
w = Variable(base, requires_grad=True)
print(w, base.requires_grad, type(w), isinstance(w, Variable), isinstance(base, Variable), isinstance(3, Variable))
with torch.no_grad():
    w.add_(1)
print(base, base._version)
y = torch.ones(2, requires_grad=True) * 2
v = Variable(y)
print(v, v.requires_grad, v.grad_fn, v.is_leaf)
print(Variable(torch.nn.Parameter(torch.ones(1))), Variable(), Variable(None), Variable(torch.ones(1), 1))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(Variable(torch.ones(1), volatile=True))
print([str(x.message) for x in caught])
for make in [lambda: Variable([4.0]), lambda: Variable(4.0), lambda: Variable(np.ones(2)),
             lambda: Variable(torch.LongTensor([4]), requires_grad=True),
             lambda: Variable(torch.ones(1), volatile=True, requires_grad=True),
             lambda: Variable(torch.ones(1), requires_grad="yes"), lambda: Variable(torch.ones(1), requires_grad=None),
             lambda: Variable(torch.ones(1), requires_grad=-1), lambda: Variable(torch.ones(1), foo=1),
             lambda: Variable(torch.ones(1), 1, 0, None, None, 5), lambda: Variable(torch.ones(1), 1, requires_grad=1),
             lambda: Variable(torch.ones(1), name=3), lambda: Variable(y, _grad_fn=y.grad_fn)]:
    attempt(make)
Variable
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe102_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe102/{name}", warns="per_cell")
