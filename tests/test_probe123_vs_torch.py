"""What the hundred-and-twenty-third probe (Ian Pointer's "Programming PyTorch for Deep Learning" and Edward Raff's
"Inside Deep Learning": transfer learning with frozen layers, find_lr, LSTM text classifiers, conv1d audio nets,
hooks and class activation maps, super-resolution, GANs and WGAN-GP, attention and seq2seq, segmentation and
transformer classifiers) found, checked against PyTorch: nn.Module.type(dst_type) converts as PyTorch's
_apply(lambda t: t.type(dst_type)) does: dst_type may be torch.DoubleTensor or 'torch.DoubleTensor' (the engine
raised AttributeError 'np'), every parameter and buffer is converted, integer ones included (BatchNorm's
num_batches_tracked), .grad too, and a parameter that requires grad refuses an integer type with PyTorch's
`param.data = ...` RuntimeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "module_type_tensor_types_and_strings": [
        ATTEMPT + '''import torch.nn as nn
torch.manual_seed(0)
l = nn.Linear(2, 1)
l(torch.ones(1, 2)).sum().backward()
print(l.type(torch.DoubleTensor) is l, l.weight.dtype, l.weight.grad.dtype, type(l.weight).__name__)
print(l(torch.ones(1, 2, dtype=torch.float64)))
print(l.type('torch.FloatTensor').bias.dtype, l.type(dst_type=torch.HalfTensor).weight.dtype)
print(l.type(torch.float32).weight.dtype, l.type('torch.Tensor').weight.dtype)
for bad in [int, 'x', 'torch.cuda.FloatTensor', 1]:
    attempt(lambda: l.type(bad))
print(l.weight.dtype)
''',
    ],
    "module_type_converts_integer_buffers_and_refuses_int_params": [
        ATTEMPT + '''import torch.nn as nn
torch.manual_seed(0)
b = nn.BatchNorm1d(2)
print(b.type(torch.float64).num_batches_tracked, b.running_mean.dtype)
b2 = nn.BatchNorm1d(2).double()
print(b2.num_batches_tracked.dtype)
net = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.Linear(3, 1))
attempt(lambda: net.type(torch.LongTensor))
print([p.dtype for p in net.parameters()], [t.dtype for t in net.buffers()])
frozen = nn.Linear(2, 1).requires_grad_(False)
print(frozen.type(torch.LongTensor).weight, frozen.type('torch.IntTensor').bias.dtype)
print(frozen.type(torch.float64)(torch.ones(1, 2, dtype=torch.float64)).dtype)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe123_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe123/{name}", warns="per_cell")
