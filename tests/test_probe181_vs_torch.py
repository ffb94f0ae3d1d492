"""What the hundred-and-eighty-first probe (what learners print and how PyTorch formats it: set_printoptions, every
dtype, empty and 0-dim tensors, format specs, module / optimizer / scheduler reprs, torch.return_types, numpy() and
tolist()) found, each checked against PyTorch: a sparse COO tensor of the default complex dtype (complex64, or
complex128 under a float64 default) prints no dtype suffix, as a dense one does (ATen's has_default_dtype counts the
default complex dtype with the default dtype, int64 and bool)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "sparse_coo_of_the_default_complex_dtype_prints_no_dtype": [
        '''i = torch.tensor([[0, 1, 1], [2, 0, 2]])
v = torch.tensor([3 + 1j, 4j, -5 + 0j])
s = torch.sparse_coo_tensor(i, v, (2, 3))
print(s)
print(torch.sparse_coo_tensor(i, v.to(torch.complex128), (2, 3)))
print(torch.sparse_coo_tensor(torch.zeros(2, 0, dtype=torch.long), torch.zeros(0, dtype=torch.complex64), (2, 3)))
w = torch.sparse_coo_tensor(i, v, (2, 3), requires_grad=True)
print(w, w * 2)
''',
        '''torch.set_default_dtype(torch.float64)
try:
    i = torch.tensor([[0, 1], [1, 0]])
    for dt in (torch.complex64, torch.complex128, torch.float32, torch.float64):
        print(torch.sparse_coo_tensor(i, torch.tensor([1, 2]).to(dt), (2, 2)))
finally:
    torch.set_default_dtype(torch.float32)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe181_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
