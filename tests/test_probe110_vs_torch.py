"""What the hundred-and-tenth probe (Jose Portilla's "PyTorch for Deep Learning with Python Bootcamp" notebooks:
tensor basics with the legacy torch.FloatTensor / LongTensor constructors, tensor operations, the Iris ANN, MNIST
ANN / CNN, LSTMs on a sine wave and a sales series) found, each checked against PyTorch: the class of
torch.FloatTensor and its kin is PyTorch's metaclass torch.tensortype, by that name in repr and in the parser's
messages (x.to(torch.FloatTensor): "got (torch.tensortype)"); x.type_as(...) takes a tensor only, as PyTorch's
parser: torch.FloatTensor, which carries a dtype, is its TypeError, as are None, a number, a dtype or an array.

PyTorch also warns once per process, the first time its parser meets torch.FloatTensor as an argument, that
`__torch_function__` should be a classmethod; the engine does not (once per process: left out here, warns=None)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "legacy_type_metaclass_name": [
        '''print(type(torch.FloatTensor), type(torch.LongTensor).__name__, type(torch.FloatTensor).__module__)
print(type(torch.DoubleTensor) is type(torch.IntTensor), isinstance(torch.FloatTensor, type))
''',
        '''try:
    torch.tensor([1, 2]).to(torch.FloatTensor)
except Exception as e:
    print(type(e).__name__, e)
''',
    ],
    "type_as_takes_a_tensor": [
        '''import numpy as np
x = torch.tensor([1.5, 2.5])
print(x.type_as(torch.tensor([1])), x.type_as(torch.zeros(1, dtype=torch.float64)).dtype)
for other in [torch.FloatTensor, torch.LongTensor, None, 3, 'torch.LongTensor', torch.int64, np.zeros(2)]:
    try:
        print(x.type_as(other))
    except Exception as e:
        print(type(e).__name__, e)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe110_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe110/{name}", warns=None)
