"""What the eighty-fifth probe (Raschka, Liu & Mirjalili's 'Machine Learning with PyTorch and Scikit-Learn', chapters
12-16: tensors and DataLoaders, graphs and torch.autograd.grad, convolutions by hand, RNNs, self-attention) found,
each checked against PyTorch: torch.split / Tensor.split read a list of sizes as PyTorch's parser does (a float or
None after the first: "failed to unpack the object at pos N"; a bool there is an int) and refuse a negative size
before checking the sum (unsafe_split_with_sizes too); torch.normal's mean and std tensors that do not broadcast
give PyTorch's "The size of tensor a ..." message; F.conv1d/2d/3d and conv_transpose1d/2d/3d parse their arguments
first (a float or bool stride, a float padding, a None padding, a number for bias: PyTorch's TypeError, never a
convolution run with int() of it), nn.Conv2d with a float stride too; a bool after the first element of a list of
ints is an int (x.sum((0, True)), x.amax((0, True)), roll's shifts); torch.autograd.grad / backward refuse an
input that is no tensor with PyTorch's message; torch.save to something that is no file, and torch.load of
something that is not seekable, raise PyTorch's AttributeErrors."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "split_sizes_parsed_and_checked": [
        ATTEMPT + '''import numpy as np
t = torch.arange(7.)
for sizes in [[3, 4.0], (3, "4"), [3, None], [3, torch.tensor(4.)], [6, True], [3, True], [3, np.int64(4)],
              [8, -1], [-1, 8], [-2, 5], [3, 5], [0, 7]]:
    attempt(lambda: [p.shape for p in torch.split(t, sizes)])
    attempt(lambda: [p.shape for p in t.split(sizes)])
attempt(lambda: torch.split(torch.ones(2, 5), [2, 4.0], dim=1))
attempt(lambda: torch.unsafe_split_with_sizes(t, [9, -1]))
''',
    ],
    "normal_tensors_that_do_not_broadcast": [
        ATTEMPT + '''torch.manual_seed(1)
attempt(lambda: torch.normal(torch.zeros(2), torch.ones(3)))
attempt(lambda: torch.normal(mean=torch.zeros(4, 2), std=torch.ones(3, 1)))
attempt(lambda: torch.normal(torch.zeros(2, 1), torch.ones(3)).shape)
attempt(lambda: torch.normal(torch.zeros(2), 1.0))
''',
    ],
    "conv_arguments_parsed": [
        ATTEMPT + '''import torch.nn.functional as F
x, W = torch.rand(1, 2, 5, 5), torch.rand(3, 2, 3, 3)
x1, w1 = torch.rand(1, 1, 8), torch.rand(1, 1, 3)
for kw in [dict(stride=1.5), dict(padding=1.0), dict(dilation=2.0), dict(stride=(1, 1.5)), dict(stride=(1.5, 1)),
           dict(groups=1.0), dict(stride="1"), dict(padding=(1, 0.5)), dict(stride=True), dict(padding=None),
           dict(padding="same", stride=1.0), dict(bias=1.0), dict(padding=[1, True]), dict(stride=torch.tensor(1.))]:
    attempt(lambda: F.conv2d(x, W, **kw).shape)
    attempt(lambda: F.conv1d(x1, w1, **kw).shape)
    attempt(lambda: torch.conv2d(x, W, **kw).shape)
attempt(lambda: F.conv_transpose2d(x, W.transpose(0, 1), stride=1.5))
attempt(lambda: F.conv_transpose1d(x1, w1, padding=None))
attempt(lambda: F.conv3d(x[None], W[None], stride=1.5))
attempt(lambda: F.conv1d(x1, w1, 1.0))
torch.manual_seed(1)
attempt(lambda: torch.nn.Conv2d(2, 3, 3, stride=1.5)(x))
print(torch.nn.Conv2d(2, 3, 3, stride=1.5, padding=1), torch.nn.ConvTranspose1d(2, 3, 3, stride=2.0))
attempt(lambda: F.conv2d(x, W, stride=2, padding=1).shape)
attempt(lambda: F.conv2d(x, W, None, [2, 1], (1, 0)).shape)
''',
    ],
    "bool_after_the_first_int_of_a_list": [
        ATTEMPT + '''x = torch.arange(24.).reshape(2, 3, 4)
for make in [lambda: x.sum((0, True)), lambda: x.amax((0, True)), lambda: x.std((0, True)),
             lambda: x.flip((0, True))[0, 0], lambda: x.squeeze((0, True)).shape, lambda: torch.roll(x, (1, True), (0, 1))[0, 0],
             lambda: x.sum((True, 0))]:
    attempt(make)
''',
    ],
    "grad_inputs_that_are_not_tensors": [
        ATTEMPT + '''w = torch.tensor(1.0, requires_grad=True)
n = torch.tensor(2.0)
for inputs in ["w", [w, "a"], [w, None], (w, 3.0), [n, "a"], 5]:
    attempt(lambda: torch.autograd.grad(w * 2, inputs))
    attempt(lambda: (w * 2).backward(inputs=inputs))
print(w.grad)
''',
    ],
    "save_and_load_need_files": [
        ATTEMPT + '''import io
for f in [5, None, b"abc", io.StringIO()]:
    attempt(lambda: torch.save({"w": torch.ones(2)}, f))
for f in [5, None, b"abc"]:
    attempt(lambda: torch.load(f))
buf = io.BytesIO()
torch.save({"w": torch.ones(2)}, buf)
buf.seek(0)
attempt(lambda: torch.load(buf))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe85_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe85/{name}", warns="per_cell")
