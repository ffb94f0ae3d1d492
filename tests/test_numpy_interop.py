"""numpy on tensors as on PyTorch's tensors (which have no __array_ufunc__ / __array_function__): numpy computes on
the tensor's array, a ufunc's result comes back as a tensor (numpy 2's DeprecationWarning about __array_wrap__
included), other numpy functions return arrays, a tensor that requires grad refuses the conversion, an array on
the left of an operator is refused. Each case runs on PyTorch and on the engine (helpers.assert_same_as_pytorch)."""
import numpy as np
import pytest

from autograd_magic import torch
from helpers import assert_same_as_pytorch

TRY = '''import numpy as np
def attempt(make):
    try:
        out = make()
        print(type(out).__name__, out)
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0])
'''

CELLS = {
    "ufuncs_come_back_as_tensors": [TRY + '''t = torch.tensor([1.5, -2.0])
for make in [lambda: np.exp(t), lambda: np.sqrt(t), lambda: np.add(t, 1), lambda: np.maximum(t, 0),
             lambda: np.greater(t, 0), lambda: np.isnan(t), lambda: np.exp(torch.tensor([1, 2])),
             lambda: np.abs(t).dtype, lambda: np.log(t)]:
    attempt(make)'''],
    "other_functions_return_arrays": [TRY + '''t = torch.tensor([1.5, -2.0])
for make in [lambda: np.concatenate([t, t]), lambda: np.stack([t, t]).shape, lambda: np.dot(t, t),
             lambda: np.where(t > 0, t, 0), lambda: np.array([t, t]), lambda: np.array(t),
             lambda: np.mean([torch.tensor(1.), torch.tensor(2.)]), lambda: np.mean(t), lambda: np.sum(t)]:
    attempt(make)'''],
    "tensors_that_require_grad_refuse": [TRY + '''g = torch.ones(2, requires_grad=True)
for make in [lambda: np.exp(g), lambda: np.array(g), lambda: np.sum(g), lambda: np.concatenate([g, g]),
             lambda: np.exp(g.detach())]:
    attempt(make)
with torch.no_grad():
    attempt(lambda: np.exp(g))'''],
    "arrays_beside_operators": [TRY + '''t = torch.tensor([1.5, -2.0])
a = np.array([1., 2.])
for make in [lambda: a + t, lambda: a * t, lambda: a - t, lambda: a > t, lambda: a @ t, lambda: t + a,
             lambda: t * a, lambda: t < a, lambda: np.float32(2) + t, lambda: t + np.float64(1)]:
    attempt(make)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_numpy_on_tensors_as_on_pytorchs(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


def test_converting_a_grad_tensor_to_an_array_fails_like_pytorch():
    x = torch.tensor([1.0], requires_grad=True)
    message = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
    with pytest.raises(RuntimeError) as err:
        np.asarray(x)
    assert str(err.value) == message
    with pytest.raises(RuntimeError) as err:
        x.numpy()
    assert str(err.value) == message
    assert np.asarray(x.detach()).tolist() == [1.0]
