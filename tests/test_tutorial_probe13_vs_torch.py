"""What the thirteenth probe of course material found (tests/lessons/mit6s191_lab1.py, gans_spec_wgan_gp_cgan.py),
each checked against PyTorch: add/sub/mul/div of two Python numbers (MIT's ``torch.add(a, b)`` on floats), tensors
inside the list given to torch.tensor (``torch.tensor([x])`` of a one-element tensor, the MIT gradient-descent loop)
and the dtype such a list gets (PyTorch promotes every value's type: ``[np.int32(1), 2]`` is int64),
and the order in which the 2-norm over the last dims adds its squares (WGAN-GP's gradient penalty)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "arithmetic_of_two_python_numbers": [
        ("def func(a, b):\n    c = torch.add(a, b)\n    d = torch.subtract(b, 1)\n    e = torch.multiply(c, d)\n"
         "    return e\ne = func(1.5, 2.5)\nprint(f'e_out: {e}', e.dtype, e.shape)"),
        "[(r, r.dtype) for r in (torch.add(1, 2), torch.mul(2, 3.5), torch.add(True, True), torch.mul(True, 2))]",
        ("[(r, r.dtype) for r in (torch.div(3, 2), torch.true_divide(3, 2), torch.divide(7, 2, rounding_mode='floor'),"
         " torch.floor_divide(7, 2), torch.sub(5, 2.5), torch.add(1, 2, alpha=3), torch.add(input=1, other=2))]"),
        "torch.sub(True, 2)",
        "torch.add(1.5, 2.5).requires_grad, torch.mul(2, 2.0).grad_fn, torch.add(2, torch.tensor([1.]))",
    ],
    "tensors_inside_the_list_given_to_tensor": [
        ("import numpy as np\ntorch.manual_seed(0)\nx = torch.randn(1)\nt = torch.tensor([x], requires_grad=True)\n"
         "t, t.shape"),
        ("[torch.tensor(v).shape for v in ([torch.tensor([[1.5]])], [[torch.tensor([1.5])]], "
         "[torch.tensor(1.5), torch.tensor([2.])], (torch.tensor([1.5]), torch.tensor([2.5])))]"),
        ("[(t, t.dtype) for t in (torch.tensor([torch.tensor([1]), 2.5]), torch.tensor([torch.tensor([3])]), "
         "torch.tensor([torch.tensor([True])]), torch.tensor([torch.tensor(2., dtype=torch.float64), 1]), "
         "torch.tensor([[1, 2], torch.tensor([3, 4])]), torch.as_tensor([torch.tensor([1.5])]), "
         "torch.FloatTensor([torch.tensor([1.5])]))]"),
        "torch.tensor([torch.tensor([1.5, 2.])])",
        "torch.tensor([torch.tensor([1.5]), torch.tensor([2.5])], dtype=torch.int64)",
        "torch.tensor([torch.tensor([1, 2])], dtype=torch.int64)",
        ("[(t, t.dtype) for t in (torch.tensor([torch.tensor([2]), torch.tensor([0])], dtype=torch.bool), "
         "torch.tensor([torch.tensor(True)], dtype=torch.int64), torch.Tensor([torch.tensor([1.5])]), "
         "torch.Tensor([torch.tensor(2), 3]), torch.tensor([np.array([1., 2.]), torch.tensor([3., 4.])]))]"),
        ("[(t, t.dtype) for t in (torch.tensor([torch.tensor(1, dtype=torch.int32), 2]), torch.tensor([np.int32(1), 2]),"
         " torch.tensor([np.float16(1), 2.5]), torch.tensor([torch.tensor(1, dtype=torch.uint8), 300]), "
         "torch.tensor([[np.int8(1)], [300]]), torch.as_tensor([np.int32(1), 2]), torch.tensor([np.uint8(1), True]), "
         "torch.tensor([np.array([1, 2], dtype=np.int32), [3, 4]]))]"),
        "torch.tensor([[1, 2], torch.tensor([3, 4, 5])])",
        "torch.tensor([[1, 2], torch.tensor(3)])",
        ("x = torch.tensor(3.0)\nhistory = []\nfor i in range(3):\n    x = torch.tensor([x], requires_grad=True)\n"
         "    loss = (x - 4) ** 2\n    loss.backward()\n    x = x.item() - 0.01 * x.grad\n    history.append(x.item())\n"
         "print(history, x)"),
    ],
    "two_norm_over_the_last_dims": [
        ("image_shape = (16, 1, 28, 28)\nimage_size = torch.prod(torch.Tensor(image_shape[1:]))\n"
         "good = torch.ones(*image_shape) / torch.sqrt(image_size)\nn = good.view(16, -1).norm(2, dim=1)\n"
         "print(n[:2].tolist(), torch.mean((n - 1) ** 2))"),
        ("torch.manual_seed(0)\nrows = torch.randn(6, 37) * 30\n"
         "[r.tolist() for r in (rows.norm(dim=1), torch.linalg.vector_norm(rows, dim=-1), rows.norm(),\n"
         " rows.double().norm(dim=1), rows.view(2, 3, 37).norm(dim=(1, 2)), rows[:, :5].contiguous().norm(dim=1),\n"
         " torch.nn.functional.normalize(rows, dim=1)[:, 0])]"),
        ("torch.manual_seed(1)\nw = torch.randn(3, 203, requires_grad=True)\nn = w.norm(dim=1, keepdim=True)\n"
         "n.sum().backward()\nn.view(-1).tolist(), w.grad[:, :3], n.grad_fn"),
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe13_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
