"""What the two-hundred-thirteenth probe (rougier's "100 NumPy exercises" ported to PyTorch: creation, dtypes,
windows, Game of Life, top-k, einsum, bootstrap) found, each checked against PyTorch: a Tensor subclass whose own
__new__ makes its object from extra arguments (exercise 63's named array) runs no constructor of ours on those
arguments (PyTorch's __init__ is object's), while a plain subclass called with arguments the legacy constructor
refuses raises its TypeError; Python's complex as a dtype= is complex128 (toScalarType) in factories, .to, sum and
the other dtype arguments; Tensor.view takes Python's bool, int, float and complex as dtypes. A subclass with an
__init__ of its own gets the tensor its call's arguments make (PyTorch builds it in __new__; an empty tensor
before), and its super().__init__(data) is object's TypeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "subclass_new_with_extra_arguments": [
        ATTEMPT + '''class Named(torch.Tensor):
    @staticmethod
    def __new__(cls, data, name="no name"):
        obj = torch.as_tensor(data).as_subclass(cls)
        obj.info = name
        return obj
Z = Named(torch.arange(10), "range_10")
print(Z.info, type(Z).__name__, Z[:3])
W = Named([1.5, 2.5], name="w")
print(W.info, W.dtype, W)
class Made(torch.Tensor):
    def __new__(cls, data, scale, *, tag=None):
        obj = torch.Tensor._make_subclass(cls, torch.as_tensor(data, dtype=torch.float32) * scale)
        obj.tag = tag
        return obj
m = Made([1, 2], 3, tag="x")
print(m, m.tag, type(m * 2).__name__)
class Plain(torch.Tensor):
    pass
print(Plain([1., 2.]), Plain(2, 3).shape, type(Plain(torch.ones(2))).__name__)
attempt(lambda: Plain([1., 2.], 3))
attempt(lambda: Plain(torch.ones(2), name=3))
attempt(lambda: Plain([1.], dtype=torch.float64))''',
    ],
    "subclass_with_its_own_init": [
        ATTEMPT + '''class Tagged(torch.Tensor):
    def __init__(self, data):
        super().__init__()
        self.tag = "t"
t = Tagged([1., 2.])
print(t, t.tag, type(t * 2).__name__, t.shape)
class Extra(torch.Tensor):
    def __init__(self, *args, **kwargs):
        super().__init__()
        self.extra = len(args)
e = Extra([3., 4.], )
print(e, e.extra, Extra(2, 3).shape, Extra(torch.ones(2)).extra)
class PassesData(torch.Tensor):
    def __init__(self, data):
        super().__init__(data)
attempt(lambda: PassesData([1., 2.]))
class Named(torch.Tensor):
    def __init__(self, data, name):
        super().__init__()
        self.name = name
attempt(lambda: Named([1., 2.], "x"))
class NoSuper(torch.Tensor):
    def __init__(self, data):
        self.seen = True
n = NoSuper([5., 6.])
print(n, n.seen)''',
    ],
    "python_complex_as_dtype": [
        ATTEMPT + '''print(torch.zeros(2, dtype=complex), torch.tensor([1], dtype=complex), torch.ones(2).to(complex))
print(torch.full((2,), 1, dtype=complex), torch.empty(2, dtype=complex).dtype, torch.randn(2, dtype=complex).dtype)
print(torch.tensor([1, 2]).type(complex), torch.tensor([1]).new_zeros(2, dtype=complex))
print(torch.zeros_like(torch.ones(2), dtype=complex), torch.as_tensor([1], dtype=complex))
print(torch.linspace(0, 1, 3, dtype=complex), torch.eye(2, dtype=complex), torch.tensor([1]).sum(dtype=complex))
print(torch.tensor([1., 2.]).to(dtype=complex).dtype, torch.arange(3, dtype=complex))''',
    ],
    "view_python_types_as_dtypes": [
        ATTEMPT + '''print(torch.ones(2, dtype=torch.float64).view(float), torch.ones(2).view(int) if False else None)
print(torch.ones(2, dtype=torch.float64).view(int), torch.ones(4).view(complex), torch.ones(2).view(bool))
print(torch.ones(2, dtype=torch.float64).view(dtype=float), torch.tensor([1, 2]).view(dtype=complex))
attempt(lambda: torch.ones(2).view(float))
attempt(lambda: torch.ones(3).view(complex))
attempt(lambda: torch.tensor(1.5).view(complex))
attempt(lambda: torch.ones(2).view(str))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe213_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe213", name=name)
