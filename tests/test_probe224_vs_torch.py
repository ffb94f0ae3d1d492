"""What the 224th probe (tensor manipulation exercises, second round: im2col with F.unfold / F.fold, sliding windows
with Tensor.unfold and as_strided, tensor_split, movedim, roll, rot90, diagonal and diag_embed, tril/triu_indices,
combinations and cartesian_prod, block_diag, kron, repeat_interleave, einsum, scatter_reduce, index_reduce,
take_along_dim, bucketize / searchsorted, histc, unique_consecutive) found, each checked against PyTorch: the
argument parser's TypeErrors for diagonal, diag_embed, select, as_strided, index_reduce, take_along_dim, kron and
combinations (a bool or a float taken as an int, a number or a list where a Tensor goes), the TensorList checks of
block_diag, cartesian_prod and einsum's operands (nested lists unwrapped as torch/functional.py does), rot90's
message naming the dims as given, and torch.repeat_interleave(repeats) keeping repeats' dtype (int32 and int64
only) and checking its output_size."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''torch.manual_seed(0)
z = torch.arange(24.).view(2, 3, 4)
a = torch.tensor([1., 2., 3.])
'''

CELLS = {
    "int_arguments_refuse_bool_and_float": [SETUP + '''for f in (lambda: z.diagonal(True), lambda: z.diagonal(offset=True), lambda: torch.diagonal(z, 1.0),
          lambda: torch.diagonal(z, dim1=0., dim2=1), lambda: z.diagonal(0, True, 0), lambda: torch.diag_embed(z, True),
          lambda: torch.diag_embed(z, offset=1.5), lambda: z.diag_embed(0, 0.), lambda: z.select(0, True),
          lambda: torch.select(z, 0, 1.), lambda: z.select(0., 1), lambda: torch.select(z, "a", 0),
          lambda: torch.combinations(a, True), lambda: torch.combinations(a, 2.),
          lambda: torch.combinations(a, with_replacement=1), lambda: z.take_along_dim(torch.tensor([[[0]]]), dim=True),
          lambda: torch.take_along_dim(z, torch.tensor([[[0]]]), 1.)):
    attempt(f)
attempt(lambda: z.diagonal(torch.tensor(1)).shape)
attempt(lambda: z.select(0, torch.tensor([1])).shape)
attempt(lambda: torch.combinations(a, torch.tensor(2)).shape)
'''],
    "as_strided_storage_offset_parsed": [SETUP + '''b = torch.arange(12.)
for f in (lambda: b.as_strided((2,), (1,), 1.), lambda: b.as_strided((2,), (1,), True),
          lambda: torch.as_strided(b, (2,), (1,), 1.5), lambda: torch.as_strided(b, (2.,), (1,)),
          lambda: torch.as_strided(b, (2,), (1.,)), lambda: torch.as_strided(b, 2, (1,)),
          lambda: b.as_strided((2,), (1,), torch.tensor(3)), lambda: b.as_strided((2,), (1,), torch.tensor([3])),
          lambda: b.as_strided((2,), (1,), torch.tensor(3.)), lambda: b.as_strided((2,), (1,), storage_offset=None)):
    attempt(f)
'''],
    "tensor_operands_parsed": [SETUP + '''i = torch.tensor([0, 1])
for f in (lambda: torch.kron(z, 2), lambda: torch.kron(z, [1]), lambda: a.kron(1), lambda: torch.kron(a, a.numpy()),
          lambda: torch.take_along_dim(z, [0]), lambda: z.index_reduce(0., i, z, "prod"),
          lambda: z.index_reduce(0, i, z, "prod", include_self=1), lambda: z.index_reduce(0, i, z, 3),
          lambda: torch.index_reduce(z, 0, i, z, "amax", include_self=None)):
    attempt(f)
'''],
    "tensor_lists_of_block_diag_cartesian_prod_einsum": [SETUP + '''A = torch.eye(2)
for f in (lambda: torch.block_diag(A, 3), lambda: torch.block_diag([A]), lambda: torch.block_diag(A, None),
          lambda: torch.block_diag(A, a.numpy()), lambda: torch.cartesian_prod(1, 2),
          lambda: torch.cartesian_prod(a, [4, 5]), lambda: torch.cartesian_prod(a, None),
          lambda: torch.einsum("ij", 1), lambda: torch.einsum("ij", [A, 1]), lambda: torch.einsum("i,i", a, 1),
          lambda: torch.einsum("ij", None), lambda: torch.einsum("ij", [[1]]), lambda: torch.einsum("i", (a,), a),
          lambda: torch.einsum("i", []), lambda: torch.einsum("i", ()), lambda: torch.einsum("ij->ji", [[A]])):
    attempt(f)
'''],
    "rot90_same_dims_message": [SETUP + '''for dims in ([-1, 2], [0, -3], (1, -2), [2, 2], [0, 3], [0, 1]):
    attempt(lambda: torch.rot90(z, 1, dims).stride())
attempt(lambda: torch.rot90(torch.ones(2, 2), -1, [-1, 1]))
'''],
    "repeat_interleave_repeats_only": [SETUP + '''x = torch.arange(6.).view(2, 3)
for f in (lambda: torch.repeat_interleave(torch.tensor([2, 1], dtype=torch.int32)),
          lambda: torch.repeat_interleave(torch.tensor([], dtype=torch.int32)),
          lambda: torch.repeat_interleave(torch.tensor([2, 1], dtype=torch.uint8)),
          lambda: torch.repeat_interleave(torch.tensor([2, 1], dtype=torch.int16)),
          lambda: torch.repeat_interleave(torch.tensor([2, 1]), output_size=5),
          lambda: torch.repeat_interleave(torch.tensor([2, 1]), output_size=2),
          lambda: torch.repeat_interleave(torch.tensor([2, 1]), output_size=3),
          lambda: torch.repeat_interleave(torch.tensor([2, 1]), output_size=-1),
          lambda: torch.repeat_interleave(torch.tensor([2, -1]), output_size=1),
          lambda: torch.repeat_interleave(torch.tensor([2, -1]), output_size=3),
          lambda: torch.repeat_interleave(x, torch.tensor([1, 2]), dim=0, output_size=-1),
          lambda: torch.repeat_interleave(x, torch.tensor([1, 2], dtype=torch.uint8), dim=0),
          lambda: torch.repeat_interleave(x, torch.tensor([1, 2], dtype=torch.int32), dim=0, output_size=3)):
    attempt(f)
xg = x.clone().requires_grad_()
r = torch.repeat_interleave(xg, torch.tensor([2, 1], dtype=torch.int32), dim=0, output_size=3)
(r * torch.arange(9.).view(3, 3)).sum().backward()
print(type(r.grad_fn).__name__, xg.grad)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe224(name):
    assert_same_as_pytorch(CELLS[name], name=name)
