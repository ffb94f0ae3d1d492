"""numpy functions on tensors: tracked like torch functions (our one documented departure from PyTorch,
which refuses np.sin on a tensor that requires grad); array conversion of such a tensor fails as in PyTorch."""
import numpy as np
import pytest

from autograd_magic import torch


def test_numpy_ufuncs_on_a_grad_tensor_are_tracked():
    x = torch.tensor([0.0, 1.0], requires_grad=True)
    y = np.sin(x) + np.exp(x) * 2
    assert y.grad_fn.name() == "AddBackward0"
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), np.cos([0.0, 1.0]) + 2 * np.exp([0.0, 1.0]), rtol=1e-6)


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
