"""What the eighty-ninth probe (Alfredo Canziani's NYU Deep Learning notebooks: the 01 tensor tutorial's legacy
constructors and in-place ops, space stretching, the spiral classifier, the convnet on permuted pixels, RNN / LSTM
sequence classification, echo data with truncated BPTT, the autoencoder and VAE, regularization with histc, the
transformer by hand) found, each checked against PyTorch: ``tensor.new(t)`` and ``torch.FloatTensor(t)`` are
``t.alias()`` (AliasBackward0, a view of t that carries its requires_grad), not a detached copy of its handle; the
deprecated out-of-place ``Tensor.resize`` / ``resize_as`` (their UserWarning, PyTorch's custom Function Resize: node
ResizeBackward, its element-count error, a view made inside a Function); ``x.type(cls)`` reads any other class by
its C-level name (``invalid type: 'numpy.float64'``) and takes no unknown keyword; ``random_`` bounds that a float
dtype cannot draw exactly warn as ATen does, bfloat16 bounds are moved as float16's are, a float bound or a third
positional is the parser's TypeError; ``x.view()``, ``view(size=...)``, ``view(shape=...)``, ``reshape()``,
``view_as()`` / ``reshape_as(1)`` meet the parser's messages."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "legacy_new_of_a_tensor_is_an_alias": [
        ATTEMPT + '''a = torch.arange(6.).requires_grad_()
for make in [lambda: a.new(a), lambda: torch.FloatTensor(a), lambda: a.new(a.view(2, 3)), lambda: a.data.new(a.data)]:
    n = make()
    print(n._base is a, n._base is None, n._is_view(), n.requires_grad, n.grad_fn, n.is_leaf, n.shape)
n = a.new(a)
(n * torch.arange(6.)).sum().backward()
print(a.grad)
attempt(lambda: a.new(a).add_(1))
attempt(lambda: a.new(torch.arange(3)))
attempt(lambda: torch.DoubleTensor(torch.ones(3)))
b = torch.zeros(3)
c = torch.FloatTensor(b)
c[0] = 5
print(b, c._base is b, b.new(b)._version)
''',
    ],
    "deprecated_out_of_place_resize": [
        ATTEMPT + '''a = torch.arange(6.).requires_grad_()
r = a.resize(2, 3)
print(r, r.grad_fn, r.grad_fn.name(), r._base is a, r.is_leaf, r.requires_grad)
(r * torch.arange(6.).view(2, 3)).sum().backward()
print(a.grad)
b = torch.arange(6.)
rb = b.resize(3, 2)
rb[0, 0] = 100
print(b, rb.grad_fn, rb._base is b)
attempt(lambda: b.resize(4))
attempt(lambda: b.resize((2, 3)))
attempt(lambda: b.resize())
attempt(lambda: b.resize(-1, 3))
attempt(lambda: b.view(2, 3).t().resize(6))
attempt(lambda: b.resize_as(torch.ones(3, 2)))
attempt(lambda: b.resize_as(torch.ones(3)))
attempt(lambda: a.resize_as(torch.ones(1, 6)).grad_fn)
attempt(lambda: torch.tensor(5.).resize(1, 1))
attempt(lambda: a.resize(2, 3).add_(1))
with torch.no_grad():
    attempt(lambda: a.resize(3, 2).grad_fn)
''',
    ],
    "type_given_other_classes": [
        ATTEMPT + '''import collections
import numpy as np
class Foo: pass
x = torch.ones(2, dtype=torch.int32)
for t in [np.float64, np.ndarray, Foo, dict, collections.OrderedDict, torch.nn.Module, torch.nn.Linear, torch.Size,
          torch.dtype, torch.device, torch.finfo, type, int, float, torch.Tensor, 'torch.Tensor', torch.DoubleTensor,
          np.dtype('float32'), 1]:
    attempt(lambda: x.type(t))
attempt(lambda: x.type(torch.float64, async_=True))
attempt(lambda: x.type(torch.float64, memory_format=torch.preserve_format))
torch.set_default_dtype(torch.float64)
attempt(lambda: x.type('torch.Tensor'))
torch.set_default_dtype(torch.float32)
''',
    ],
    "random_bounds_of_float_dtypes": [
        ATTEMPT + '''torch.manual_seed(0)
for make in [lambda: torch.ones(3).random_(0, 2**25), lambda: torch.ones(3).random_(-2**25, 5),
             lambda: torch.ones(3, dtype=torch.bfloat16).random_(-2**9, 2**9),
             lambda: torch.ones(4, dtype=torch.bfloat16).random_(0, 300),
             lambda: torch.ones(2, dtype=torch.float64).random_(-2**54, 2**54), lambda: torch.ones(3).random_(2**30),
             lambda: torch.ones(3).random_(2**24 + 1), lambda: torch.ones(3).random_(2**24 + 2),
             lambda: torch.ones(2, dtype=torch.float16).random_(2**12), lambda: torch.ones(3).random_(0, None),
             lambda: torch.ones(3).random_(to=2**25), lambda: torch.ones(3).random_(1.5),
             lambda: torch.ones(3).random_(0, 2.0), lambda: torch.ones(3).random_(1, 5, 3),
             lambda: torch.ones(3, dtype=torch.int64).random_(2**40), lambda: torch.Tensor(4).random_(10)]:
    attempt(make)
''',
    ],
    "view_and_reshape_without_a_shape": [
        ATTEMPT + '''x = torch.ones(2)
for make in [lambda: x.view(), lambda: torch.tensor(5.).view(), lambda: x.view(size=(2, 1)),
             lambda: x.view(shape=(2,)), lambda: x.view(size=(2, 1), dtype=torch.float32),
             lambda: x.view(2, size=(2, 1)),
             lambda: x.view(dtype=torch.int32), lambda: x.reshape(), lambda: torch.reshape(x), lambda: x.view_as(),
             lambda: x.reshape_as(), lambda: x.view_as(1), lambda: x.reshape_as([1, 2]),
             lambda: x.view_as(other=torch.ones(2, 1)), lambda: x.view(()), lambda: torch.ones(1).view([])]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe89_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe89/{name}", warns="per_cell")
