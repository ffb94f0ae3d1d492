"""What the ninety-first probe (the "Example::" blocks of PyTorch's API reference for creation, joining, indexing,
slicing and mutating ops, pasted into a notebook) found, each checked against PyTorch: torch.movedim / moveaxis
(function and Tensor method) checked as ATen checks them (source and destination of different lengths, a dim
repeated after wrapping, in PyTorch's words with the dims as given; a 0-d tensor's result an alias, AliasBackward0;
one int and one tuple, or a float dim: the parser's invalid combination of arguments, which lists the method's
overloads without the tensor); torch.empty_strided / Tensor.new_empty_strided read their size and stride as the
parser reads tuples of ints (a float or a bare int refused), a negative size refused before the lengths are
compared, lengths that differ in ATen's words, and a negative stride over more than one element refused as ATen's
storage size calculation overflowing."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "movedim_checks": [
        ATTEMPT + '''t = torch.ones(2, 3, 4)
for make in [lambda: torch.movedim(t, (0, 0), (1, 0)), lambda: torch.movedim(t, (0, 1), (1,)),
             lambda: torch.movedim(t, (0, -3), (1, 0)), lambda: torch.movedim(t, (0, 1), (2, -1)),
             lambda: torch.movedim(t, (0, 5), (1, 2, 0)), lambda: torch.movedim(t, (0, 5), (1, 2)),
             lambda: torch.moveaxis(t, (0, 0), (1, 2)), lambda: t.movedim((1, 1), (0, 2)),
             lambda: t.moveaxis([2, 0], [0, 2]).shape, lambda: torch.movedim(t, (-1, 0), (0, -1)).stride(),
             lambda: torch.movedim(torch.tensor(1.), (0, 0), (0, 0))]:
    attempt(make)
''',
        ATTEMPT + '''x = torch.tensor(1., requires_grad=True)
y = torch.movedim(x, 0, -1)
print(y, y.grad_fn.name(), torch.movedim(x, (0,), (0,)).grad_fn.name(), x.moveaxis(0, 0).grad_fn.name())
y.backward()
print(x.grad, torch.movedim(torch.ones(2, requires_grad=True), 0, 0).grad_fn.name())
''',
        ATTEMPT + '''t = torch.ones(2, 3)
for make in [lambda: torch.movedim(t, 0, (1,)), lambda: torch.movedim(t, [0], 1), lambda: torch.movedim(t, 1.0, 0),
             lambda: t.movedim((0, 1), 1), lambda: t.moveaxis(0, 1.5), lambda: torch.moveaxis(t, 0, (1,))]:
    attempt(make)
''',
    ],
    "empty_strided_checks": [
        ATTEMPT + '''for make in [lambda: torch.empty_strided((2, 3), (1,)), lambda: torch.empty_strided((2,), (1, 2)),
             lambda: torch.empty_strided((2, -1), (1, 2)), lambda: torch.empty_strided((2, -1), (1,)),
             lambda: torch.empty_strided((2, 3), (-1, 2)), lambda: torch.empty_strided((2, 3), (1, -2)),
             lambda: torch.empty_strided((0, 3), (-1, 2)), lambda: torch.empty_strided((1, 3), (-1, 2)).shape,
             lambda: torch.empty_strided((3, 0), (-1, 2)), lambda: torch.ones(2).new_empty_strided((2, 2), (1,))]:
    attempt(make)
''',
        ATTEMPT + '''for make in [lambda: torch.empty_strided((2, 3), (1, 2.5)), lambda: torch.empty_strided(2, (1,)),
             lambda: torch.empty_strided((2,), 1), lambda: torch.empty_strided((2, 3), (1.5, 2)),
             lambda: torch.empty_strided((2., 3), (1, 2)), lambda: torch.empty_strided((2, 3.5), (1, 2)),
             lambda: torch.empty_strided((2, 3), (True, 2)), lambda: torch.ones(2).new_empty_strided((2,), (2.5,)),
             lambda: torch.empty_strided((2, 3), (torch.tensor(3), 1)).stride(),
             lambda: torch.empty_strided(torch.Size([2, 3]), [1, 2]).stride()]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe91_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe91/{name}", warns="per_cell")
