"""Small parts of PyTorch's API that older lessons and utility code call (torch/small_api.py): torch.ger and
Tensor.ger (outer's 1-D check), split_with_sizes, torch.embedding's ATen argument order, scalar_tensor,
empty_strided, isreal, is_same_size, get_device, set_flush_denormal, to_dense, and the removed ``A.solve(B)``,
``A.eig()``, ``A.symeig()``, ``A.lstsq(B)`` with PyTorch's RuntimeError. Each case is a cell run on PyTorch and on
the engine (helpers.assert_same_as_pytorch)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "aliases_and_helpers": [
        '''x = torch.tensor([[1.0, 2.0], [3.0, 4.5]], requires_grad=True)
print(torch.ger(x[0], x[1]), x[0].ger(x[1]).grad_fn, x.split_with_sizes([1, 1]),
      torch.split_with_sizes(x, [1, 1], 1)[1].grad_fn, x.to_dense() is x, torch.is_same_size(x, x),
      x.is_same_size(x[0]), torch.scalar_tensor(3), torch.scalar_tensor(3, dtype=torch.int64),
      torch.get_device(x), x.isreal(), torch.set_flush_denormal(True))
e = torch.empty_strided((2, 3), (1, 2))
print(e.shape, e.stride(), x.new_empty_strided((2,), (1,)).dtype)
w = torch.arange(6.0).reshape(3, 2).requires_grad_()
out = torch.embedding(w, torch.tensor([[0, 2], [1, 0]]), 0)
out.sum().backward()
print(out, out.grad_fn, w.grad)
for f in (lambda: x.ger(x[0]), lambda: torch.outer(x[0], x)):
    try:
        f()
    except RuntimeError as err:
        print(err)''',
    ],
    "removed_tensor_methods": [
        '''A = torch.tensor([[2.0, 1.0], [1.0, 3.0]])
B = torch.tensor([[1.0], [2.0]])
for name, f in [("solve", lambda: B.solve(A)), ("eig", lambda: A.eig()), ("symeig", lambda: A.symeig()),
                ("lstsq", lambda: B.lstsq(A))]:
    try:
        f()
    except RuntimeError as err:
        print(name, err)''',
    ],
    "fill_newaxis_inference_warn_always": [   # (fourteenth session: each was missing)
        '''x = torch.ones(2, requires_grad=True)
y = torch.fill(x, 3.0)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
v = torch.tensor(2.0, requires_grad=True)
z = torch.fill(x, v)
z.sum().backward()
print(z, v.grad)
try:
    torch.fill(x, torch.ones(2))
except RuntimeError as err:
    print(err)
print(torch.newaxis, torch.ones(3)[:, torch.newaxis].shape, torch.GradScaler.__name__)
with torch.inference_mode():
    w = torch.ones(1)
print(torch.is_inference(x), torch.is_inference(w))''',
        '''import warnings
torch.set_warn_always(True)
print(torch.is_warn_always_enabled())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    b = torch.ones(2, 3, 4)
    b.T
    b.T
torch.set_warn_always(False)
print(len(caught), torch.is_warn_always_enabled())''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


LAZY_CELLS = {
    "lazy_parameters_before_the_first_call": [   # d2l's LazyLinear: counting parameters too early
        '''net = torch.nn.Sequential(torch.nn.LazyLinear(4), torch.nn.ReLU(), torch.nn.LazyLinear(1))
w = net[0].weight
print(w, type(w).__name__, w.requires_grad, w.dtype, net)
for f in (lambda: w.shape, lambda: sum(p.numel() for p in net.parameters()), lambda: w + 1, lambda: w.sum()):
    try:
        f()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
net(torch.ones(2, 3))
print(net, sum(p.numel() for p in net.parameters()), net[0].weight.shape)''',
    ],
}


@pytest.mark.parametrize("name", sorted(LAZY_CELLS))
def test_lazy_cells_match_pytorch(name):
    assert_same_as_pytorch(LAZY_CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
