"""Leftovers of earlier probes, each checked against PyTorch: torch.logical_and / logical_or / logical_xor (and the
in-place methods) take a Tensor as ``other`` and nothing else (``torch.logical_xor(t, 0)`` is PyTorch's TypeError;
the engine broadcast the number as numpy would), and torch.linalg.vander exists, composed as ATen composes it (a
row of ones before the cumulative product: its rounding, its graph, its errors), and t.numpy() hands out a new
array over the tensor's memory each call (setting that array's .shape no longer reshapes the tensor); a float
number to a complex tensor's power stays complex (the engine had cast the exponent to real); a view written in
place under no_grad prints the node PyTorch makes again for it (AsStridedBackward0), as its grad_fn gives it."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "logical_ops_refuse_numbers": [
        '''t = torch.tensor([1, 0, 2])
for call in (lambda: torch.logical_xor(t, 0), lambda: torch.logical_and(t, 1.5), lambda: torch.logical_or(t, True),
             lambda: torch.logical_xor(t, other=0), lambda: t.logical_and_(True), lambda: t.logical_or_(0),
             lambda: torch.logical_and(t, [1, 0, 1])):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(torch.logical_xor(t, torch.tensor(0)), t.logical_xor(torch.tensor([1, 1, 0])))
print(torch.logical_and(t, torch.tensor([True, False, True]), out=torch.empty(3, dtype=torch.bool)))
''',
    ],
    "linalg_vander": [
        '''x = torch.tensor([1.1, 2.3, 3.7], dtype=torch.float64)
print(torch.linalg.vander(x))
print(torch.linalg.vander(torch.tensor([1, 2, 3]), N=5))
print(torch.linalg.vander(torch.tensor([[1., 2.], [3., 4.]]), N=3), torch.linalg.vander(torch.tensor(2.)))
print(torch.linalg.vander(torch.tensor([1 + 1j, 2.])))
w = torch.tensor([1.5, 2.0, 3.0], requires_grad=True)
V = torch.linalg.vander(w, N=4)
print(V, V.grad_fn.name(), [f[0].name() if f[0] else None for f in V.grad_fn.next_functions])
V.sum().backward()
print(w.grad)
for call in (lambda: torch.linalg.vander(torch.tensor([1., 2.]), N=1),
             lambda: torch.linalg.vander(torch.tensor([True, False])),
             lambda: torch.linalg.vander(torch.tensor([1., 2.], dtype=torch.float16)),
             lambda: torch.linalg.vander(torch.tensor([1., 2.]), N=2.5),
             lambda: torch.linalg.vander([1., 2.]),
             lambda: torch.linalg.vander(torch.tensor([1., 2.]), 3)):
    try:
        call()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
''',
    ],
    "float_base_to_complex_powers": [   # (the engine cast the exponent to real: "discards the imaginary part")
        '''z = torch.tensor([0.3 + 0.2j, 1 - 1j], dtype=torch.complex128, requires_grad=True)
r = 1.5 ** z
print(3.7 ** torch.tensor([1j, 2 + 0.3j]), r, torch.pow(0.5, torch.tensor([1 + 1j])))
r.backward(torch.ones_like(r))
print(z.grad, r.grad_fn.name())
''',
    ],
    "view_written_under_no_grad_prints_its_new_node": [   # (the repr read the node the view was made with)
        '''a = torch.arange(6., requires_grad=True).clone()
v = a[:2]
with torch.no_grad():
    v.mul_(2)
print(v, a)
print(v.grad_fn.name())
''',
    ],
    "activation_numbers_parsed": [   # (a str slope ran through numpy's cast, None gave NaNs)
        '''import torch.nn.functional as F
import numpy as np
x = torch.tensor([-1., 0.5, 2., -3.])
for call in (lambda: F.leaky_relu(x, "0.2"), lambda: F.leaky_relu(x, negative_slope=None),
             lambda: torch.nn.LeakyReLU("0.1")(x), lambda: F.elu(x, alpha="1"), lambda: F.celu(x, alpha="1"),
             lambda: F.leaky_relu(x, 0), lambda: F.leaky_relu(x, np.float32(0.2)), lambda: F.leaky_relu(x, torch.tensor(0.2)),
             lambda: F.elu(x, 2), lambda: F.celu(x, np.float64(0.5)), lambda: F.leaky_relu(x.clone(), 0.3, inplace=True)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
''',
    ],
    "numpy_hands_out_a_new_array": [
        '''t = torch.arange(6.)
a = t.numpy()
print(a is t.numpy(), a.base is None)
a.shape = (2, 3)    # the array's own shape: the tensor keeps its own
a[0, 0] = 7.        # ... and its memory is the tensor's
print(t, t.shape, a)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_leftovers_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"leftovers/{name}", warns="per_cell")
