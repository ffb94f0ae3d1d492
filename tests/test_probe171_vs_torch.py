"""What the hundred-and-seventy-first probe (the Examples blocks of PyTorch's reference pages for comparison, sorting
and selection ops) found, each checked against PyTorch: torch.isin parsed as PyTorch's three overloads (a number
on one side only: two numbers, a list or None are the parser's "invalid combination of arguments"; the keyword
test_element of the third overload), its kernel's refusal of bool and complex sides ("Unsupported input type
encountered for isin(): Bool", a Python number naming its own dtype: ComplexDouble), and both sides compared in
their promoted dtype, a number wrapped into the tensor's (int8 [44] holds 300, a float16 1.1 holds 1.1); and
torch.fmax / torch.fmin refusing complex tensors as maximum / minimum do ("fmax not implemented for complex
tensors.")."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "isin_parser_overloads": [
        ATTEMPT + '''for make in [
        lambda: torch.isin(1, 2),
        lambda: torch.isin(torch.tensor([1, 2]), [1]),
        lambda: torch.isin([1], torch.tensor([1])),
        lambda: torch.isin(torch.tensor([1]), None),
        lambda: torch.isin(torch.tensor([1]), torch.tensor([1]), assume_unique=1.5),
        lambda: torch.isin(torch.tensor([1, 2]), test_element=1),
        lambda: torch.isin(torch.tensor([1, 2]), 2, invert=True),
        lambda: torch.isin(2, torch.tensor([1, 2]), invert=True),
]:
    attempt(make)
''',
    ],
    "isin_refused_dtypes": [
        ATTEMPT + '''for make in [
        lambda: torch.isin(torch.tensor([1]), torch.tensor([True])),
        lambda: torch.isin(torch.tensor([True]), torch.tensor([1j])),
        lambda: torch.isin(torch.tensor([1j]), torch.tensor([1j])),
        lambda: torch.isin(2, torch.tensor([1j])),
        lambda: torch.isin(torch.tensor([1j]), 1),
        lambda: torch.isin(1j, torch.tensor([1])),
        lambda: torch.isin(True, torch.tensor([1])),
        lambda: torch.isin(torch.tensor([1.]), False),
]:
    attempt(make)
''',
    ],
    "isin_promoted_and_wrapped": [
        ATTEMPT + '''for make in [
        lambda: torch.isin(torch.tensor([44, 1], dtype=torch.int8), 300),
        lambda: torch.isin(torch.tensor([1], dtype=torch.uint8), torch.tensor([-255])),
        lambda: torch.isin(torch.tensor([1.1], dtype=torch.float16), 1.1),
        lambda: torch.isin(torch.tensor([1.1], dtype=torch.float16), torch.tensor([1.1])),
        lambda: torch.isin(torch.tensor([1, 2]), 1.0),
        lambda: torch.isin(1.5, torch.tensor([1.5])),
        lambda: torch.isin(torch.tensor(2), torch.tensor([[2]])),
]:
    attempt(make)
''',
    ],
    "fmax_fmin_refuse_complex": [
        ATTEMPT + '''for make in [
        lambda: torch.fmax(torch.tensor([1j]), torch.tensor([1j])),
        lambda: torch.fmin(torch.tensor([1.]), torch.tensor([1j])),
        lambda: torch.fmax(torch.tensor([1j]), torch.tensor([1.])),
        lambda: torch.tensor([1j]).fmin(torch.tensor([2j])),
        lambda: torch.fmax(torch.tensor([1., float('nan')]), torch.tensor([float('nan'), 2.])),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe171_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe171/{name}", warns="per_cell")
