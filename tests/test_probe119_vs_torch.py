"""What the hundred-and-nineteenth probe (beginner PyTorch courses in Spanish, Brazilian Portuguese and Vietnamese:
tensor basics, autograd, linear and logistic regression, a small MLP and CNN, non-ASCII identifiers printed in
f-strings) found, each checked against PyTorch: an int-list argument given by keyword, as documentation-minded
notebooks write them, is taken by the Tensor methods (``x.reshape(shape=...)``, ``x.repeat(repeats=...)``,
``x.expand(size=...)``: "unexpected keyword argument" before) and checked as PyTorch's parser checks a keyword: a
bare int or float is its TypeError (``x.flip(dims=0)``, ``x.permute(dims=0)``, ``torch.rand(size=3)`` had run),
with no "(position N)" in the message and, for a bad first element, the sequence's type (``not tuple``) instead of
"found element of type ... at pos 0"; and torch.permute's function form refuses a bare int as PyTorch does (a
TypeError, not the method's "permute(sparse_coo)" RuntimeError)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''x = torch.arange(6.).reshape(2, 3)
'''

CELLS = {
    "tensor_methods_take_their_int_list_by_keyword": [
        SETUP + '''for make in [
        lambda: x.reshape(shape=(3, 2)),
        lambda: x.reshape(shape=x.shape),
        lambda: x.repeat(repeats=(2, 1)),
        lambda: x.expand(size=(2, 2, 3)),
        lambda: x.permute(dims=(1, 0)),
        lambda: x.flip(dims=(0,)),
        lambda: x.reshape(3, shape=(2,)),
        lambda: x.reshape(shape=(3, 2), foo=1),
        lambda: x.reshape(foo=1),
        lambda: x.expand(foo=1),
        lambda: x.repeat(repeats=2),
        lambda: x.repeat(repeats=[2, 1.5]),
        lambda: x.expand(size=(2, 1.5, 3)),
        lambda: x.reshape(shape=torch.tensor([3, 2])),
]:
    attempt(make)
''',
    ],
    "keyword_int_lists_refused_without_a_position": [
        SETUP + '''for make in [
        lambda: x.flip(dims=0),
        lambda: x.flip(dims=[1.5]),
        lambda: torch.flip(x, dims=0),
        lambda: torch.flip(x, dims="a"),
        lambda: torch.flip(input=x, dims=0),
        lambda: torch.flip(x, dims=["a"]),
        lambda: torch.flip(x, 0),
        lambda: x.permute(dims=0),
        lambda: x.permute(dims=[1.5, 0]),
        lambda: x.permute(dims=(1, 0.5)),
        lambda: torch.permute(x, 0),
        lambda: torch.permute(x, dims=0),
        lambda: torch.permute(x, dims=(1.5, 0)),
        lambda: torch.permute(x, (1, 0)),
        lambda: torch.permute(x, dims=(1, 0)),
        lambda: torch.reshape(x, shape=1.5),
        lambda: torch.reshape(x, shape=(1.5,)),
        lambda: torch.reshape(x, 1.5),
]:
    attempt(make)
''',
    ],
    "factories_size_by_keyword": [
        SETUP + '''for make in [
        lambda: torch.zeros(size=2.5),
        lambda: torch.zeros(size="a"),
        lambda: torch.zeros(size=["a"]),
        lambda: torch.zeros(size=(1.5,)),
        lambda: torch.zeros(size=(2, 1.5)),
        lambda: torch.zeros(size=(True,)),
        lambda: torch.zeros(size=(torch.tensor(2),)),
        lambda: torch.zeros(size=torch.Size([2])),
        lambda: torch.ones(size=3),
        lambda: torch.empty(size=2).shape,
        lambda: torch.rand(size=3),
        lambda: torch.randn(size=3),
        lambda: torch.rand(size=(2,)).shape,
        lambda: torch.zeros(2, size=(2,)),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe119_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
