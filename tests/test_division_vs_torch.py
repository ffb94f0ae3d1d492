"""Floor division, remainder and integer powers (``//``, ``%``, ``**``, ``torch.floor_divide``, ``torch.remainder``, ``div(rounding_mode=)``)
as PyTorch has them: its type promotion (an integer tensor // 2.5 is float32, a numpy scalar counts as a Python
number), ``RuntimeError: ZeroDivisionError`` for an integer divisor of 0, ``RemainderBackward0/1`` and the
NotImplemented node of ``floor_divide`` and of a number % tensor. Lessons use ``%`` to wrap angles and build masks
(``torch.arange(n) % 2 == 0``), and ``//`` for bucket indices. Each case is a cell run on PyTorch and on the engine
(helpers.assert_same_as_pytorch: output, error type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "promotion": [
        '''import numpy as np
i = torch.tensor([5, -7])
f = torch.tensor([5.0, -7.0])
for name, v in [("i // 2.5", i // 2.5), ("i // 2", i // 2), ("i % 3", i % 3), ("i % 2.5", i % 2.5),
                ("7 // i", 7 // i), ("7.5 // i", 7.5 // i), ("7.5 % i", 7.5 % i), ("-7 % i", -7 % i),
                ("np.float64(7.5) // f", np.float64(7.5) // f), ("np.float64(7.5) % f", np.float64(7.5) % f),
                ("f // np.float64(2)", f // np.float64(2)), ("f % np.int64(3)", f % np.int64(3)),
                ("i % torch.tensor(2.0)", i % torch.tensor(2.0)), ("i.to(torch.int8) // torch.tensor(2)",
                 i.to(torch.int8) // torch.tensor(2)), ("half // 2", f.half() // 2),
                ("floor_divide", torch.floor_divide(f, 2)), ("remainder", torch.remainder(i, torch.tensor([3., 2.]))),
                ("remainder(2, t)", torch.remainder(2, f)), ("f % inf", f % float("inf")), ("f % 0", f % 0),
                ("f // 0", f // 0), ("arange mask", torch.arange(6) % 2 == 0)]:
    print(name, v)''',
    ],
    "integer_zero_divisor": [
        '''i = torch.tensor([5, 7])
for name, fn in [("i % 0", lambda: i % 0), ("i // 0", lambda: i // 0),
                 ("i % tensor", lambda: i % torch.tensor([0, 2])),
                 ("remainder_", lambda: i.clone().remainder_(0)),
                 ("div floor", lambda: torch.div(i, 0, rounding_mode="floor")),
                 ("div trunc", lambda: torch.div(i, 0, rounding_mode="trunc")),
                 ("fmod", lambda: torch.fmod(i, 0)), ("true div", lambda: i / 0)]:
    try:
        print(name, fn())
    except Exception as e:
        print(name, type(e).__name__, e)''',
    ],
    "true_division_of_integers": [   # accuracy = correct / total with int32 and int64 counts, bool masks
        '''correct = torch.tensor([7, 3], dtype=torch.int32)
total = torch.tensor([8, 4])
mask = torch.tensor([True, False, True])
print(correct / total, correct / total.sum(), mask / torch.tensor([2, 4, 8], dtype=torch.uint8),
      torch.tensor([1, 2], dtype=torch.int8) / torch.tensor(3), correct / 4, total / total)
torch.set_default_dtype(torch.float64)
print(correct / total, total / 3, total / total)
torch.set_default_dtype(torch.float32)''',
    ],
    "integer_powers": [   # powers of two for bit patterns, integer exponents that go negative
        '''import numpy as np
print(2 ** torch.arange(5), np.int64(2) ** torch.arange(3), torch.arange(1, 4) ** torch.tensor([-1, 2, -2]))
print(torch.tensor([-1, 1, 3, -1]) ** torch.tensor([-3, -1, -1, -2]), torch.tensor([[-1], [2]]) ** torch.tensor([-3, 2]))
print(torch.tensor([2, 3], dtype=torch.int8) ** torch.tensor([-1, 3], dtype=torch.int8), np.float32(2.0) ** torch.arange(3.))
try:
    torch.arange(1, 4) ** -1
except RuntimeError as e:
    print(e)''',
    ],
    "gradients": [
        '''x = torch.tensor([5.0, -7.0, 0.5], requires_grad=True)
d = torch.tensor([2.0, 3.0, -0.25], requires_grad=True)
r = x % 2
print(r, r.grad_fn)
r.sum().backward()
print(x.grad)
x.grad = None
r = torch.remainder(x, d)
print(r, r.grad_fn)
r.backward(torch.tensor([1.0, 2.0, 3.0]))
print(x.grad, d.grad)
theta = torch.tensor([3.5, -4.0, 10.0], requires_grad=True)
wrapped = (theta + torch.pi) % (2 * torch.pi) - torch.pi   # an angle wrapped into [-pi, pi)
wrapped.pow(2).sum().backward()
print(wrapped, theta.grad)
for name, fn in [("x // 2", lambda: x // 2), ("2 % x", lambda: 2 % x), ("floor_divide", lambda: torch.floor_divide(x, d)),
                 ("div floor", lambda: torch.div(x, 2, rounding_mode="floor")),
                 ("div trunc", lambda: torch.div(x, d, rounding_mode="trunc"))]:
    y = fn()
    print(name, y, y.grad_fn)
    try:
        x.grad = None
        y.sum().backward()
        print("  grad", x.grad)
    except RuntimeError as e:
        print("  ", e)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


DTYPE_CELLS = {
    "python_types_as_dtypes": [   # numpy habits: dtype=bool / int / float
        '''x = torch.tensor([1.5, 2.5])
print(torch.zeros(3, dtype=bool), torch.ones(2, dtype=float), torch.tensor([1, 2], dtype=float),
      torch.full((2,), 7, dtype=int), torch.arange(3, dtype=float), torch.empty(2, dtype=int).dtype,
      torch.zeros_like(x, dtype=int), torch.randn(2, dtype=float).dtype, x.new_zeros(2, dtype=bool))
print(x.to(int), x.to(float), x.to(dtype=bool), x.sum(dtype=float), x.mean(dtype=float),
      x.cumsum(0, dtype=int), x.softmax(0, dtype=float), x.prod(dtype=int))
try:
    x.type(int)
except ValueError as e:
    print(e)''',
    ],
    "integer_reductions_and_index_put": [   # int8 products are int64; x[mask] = tensor of another dtype
        '''print(torch.tensor([1, 2, 3], dtype=torch.int8).prod(), torch.tensor([4, 5], dtype=torch.uint8).prod(0),
      torch.tensor([True, True]).prod())
x = torch.tensor([1., 2., 3.])
mask = torch.tensor([True, False, True])
for key, value in [(mask, torch.tensor([9, 8])), (torch.tensor([0, 2]), torch.tensor([9, 8])),
                   (slice(0, 2), torch.tensor([9, 8])), (torch.tensor([0, 2]), torch.tensor(9)),
                   (mask, torch.tensor(9)), (mask, 4), ([0, 2], torch.tensor([6, 5])), (torch.tensor(1), torch.tensor(5))]:
    try:
        x[key] = value
        print(x)
    except RuntimeError as e:
        print(e)
try:
    x.index_put_((torch.tensor([0]),), torch.tensor([1]))
except RuntimeError as e:
    print(e)''',
    ],
}


@pytest.mark.parametrize("name", sorted(DTYPE_CELLS))
def test_dtype_cells_match_pytorch(name):
    assert_same_as_pytorch(DTYPE_CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
