"""What the hundred-and-first probe (Stevens, Antiga & Viehmann, 'Deep Learning with PyTorch', chapters 3-8: the
tensor API and storage, wine / bike-sharing / text encodings, the thermometer with nn.Linear and named Sequential
layers, birds vs airplanes, convolutions and the NetRes / ResBlock variants) found, each checked against PyTorch:
an item assignment takes only what PyTorch's setitem takes (a Tensor, a Python int, float, complex or a numpy
integer): a str, None, a numpy array, numpy.float32 / numpy.bool_, a Fraction, a Decimal, bytes, a dict or a range
is its "can't assign a <tp_name> to a torch.FloatTensor", where the engine wrote or converted it; a tensor that
requires grad copied (copy_, x[:] = p) into an integer or bool tensor leaves it without a grad_fn (no CopyBackwards:
such a result is not differentiable); and
nn.init.constant_ fills through Tensor.fill_ as PyTorch does, so a str, None or a complex value is fill_'s error
(the book's ResBlock inits its batch norm with constant_) instead of numpy's conversion of it."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "setitem_value_types": [
        ATTEMPT + '''import numpy as np, fractions, decimal
for v in ['0.5', None, np.float64(1.5), np.float32(2.5), np.int64(3), np.uint8(2), np.bool_(True), np.array(1.5),
          np.array([1.5, 2.5, 3.5]), fractions.Fraction(1, 2), decimal.Decimal('1.5'), b'1', {1: 2}, range(3),
          torch.tensor(4.0), torch.nn.Parameter(torch.ones(3)), True, 7]:
    for dt in (torch.float32, torch.int64, torch.bool):
        x = torch.zeros(3, dtype=dt)
        attempt(lambda: x.__setitem__(slice(None), v))
        print(x)
letter_t = torch.zeros(3, 128)
attempt(lambda: letter_t[0].__setitem__(ord('i'), '1'))
print(letter_t.sum())
p = torch.nn.Parameter(torch.ones(3))
for dt in (torch.int64, torch.uint8, torch.bool, torch.float64):
    x = torch.zeros(3, dtype=dt)
    print(x.copy_(p), x.requires_grad, torch.zeros(2, 3, dtype=dt).copy_(p).grad_fn)
''',
    ],
    "init_constant_values": [
        ATTEMPT + '''import torch.nn as nn
bn = nn.BatchNorm2d(3)
for val in (0.5, 2, True, '0.5', None, 1 + 2j, torch.tensor(4.0), torch.tensor([1.0, 2.0]), float('inf')):
    attempt(lambda: nn.init.constant_(bn.weight, val))
    print(bn.weight, bn.weight.requires_grad, bn.weight.grad_fn)
attempt(lambda: nn.init.constant_([1.0], 0.5))
w = torch.zeros(2, dtype=torch.long)
attempt(lambda: nn.init.constant_(w, 2.7))
attempt(lambda: nn.init.constant_(w, float('nan')))
print(w, w._version)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe101_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name, warns="per_cell")
