"""What the hundred-and-sixty-second probe (the Examples blocks of PyTorch's torch.linalg reference: norms, cond,
matrix_rank, the decompositions, lstsq, the solvers, tensorinv / tensorsolve, matrix_power, gradients) found, each
checked against PyTorch: torch.dist on complex tensors (the docs' ``torch.dist(V @ diag(L) @ inv(V), A)`` check of
linalg.eig: the norm of the magnitudes, real, with DistBackward0's complex gradient) and on an integer tensor next
to a floating one (checked, and cast, as the promoted type, as ATen's norm of input - other); linalg.vector_norm /
matrix_norm / torch.norm's dtype= checks (ATen's check_linalg_norm_dtype: floating or complex, complex exactly for
complex inputs, no narrowing); vector_norm's error for an empty reduced dimension (none when the empty dimension is
kept); matrix_norm's "dims must be different"; tensorinv's singular error named "inv" as ATen's composite names it;
matrix_power's parser TypeError for a float or bool n (torch.matrix_power, Tensor.matrix_power, linalg's)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "dist_complex_and_integer_operands": [
        ATTEMPT + '''B = torch.tensor([[0., -1.], [1., 0.]])
L, V = torch.linalg.eig(B)
print(torch.dist(V @ torch.diag(L) @ torch.linalg.inv(V), B.to(L.dtype)) < 1e-6)
print(torch.dist(L, torch.tensor([1j, -1j])))
print(torch.dist(L, torch.zeros(2, dtype=torch.int64), 1))
print(torch.dist(torch.ones(2), torch.zeros(2, dtype=torch.int64)))
print(torch.dist(torch.ones(2, dtype=torch.float16), torch.tensor(2)))
print(torch.dist(torch.ones(3, dtype=torch.int64), torch.zeros(3)))
attempt(lambda: torch.dist(torch.ones(2, dtype=torch.int64), torch.zeros(2, dtype=torch.int64)))
x = torch.ones(2, requires_grad=True)
d = torch.dist(x, torch.zeros(2, dtype=torch.int64))
print(d, d.grad_fn.next_functions[1])
z = torch.tensor([1 + 1j, 2j], requires_grad=True)
w = torch.tensor([0.5, -1.], dtype=torch.complex64)
for p in [2, 1, 3, 0.5, float('inf')]:
    z.grad = None
    d = torch.dist(z, w, p)
    d.backward()
    print(p, d, z.grad)
''',
    ],
    "norm_dtype_and_dim_checks": [
        ATTEMPT + '''LA = torch.linalg
for make in [lambda: LA.vector_norm(torch.ones(3), dtype=torch.int64),
             lambda: LA.vector_norm(torch.ones(3), dtype=torch.float16),
             lambda: LA.vector_norm(torch.ones(3, dtype=torch.complex64), dtype=torch.float64),
             lambda: LA.vector_norm(torch.ones(3), dtype=torch.complex64),
             lambda: LA.vector_norm(torch.tensor([3 + 4j, 1j]), dtype=torch.complex128),
             lambda: LA.vector_norm(torch.ones(2, dtype=torch.float16), dtype=torch.bfloat16),
             lambda: LA.norm(torch.ones(3, 3), dtype=torch.int32),
             lambda: LA.norm(torch.ones(2, 2), 'fro', dtype=torch.float16),
             lambda: LA.matrix_norm(torch.ones(3, 3), ord=2, dtype=torch.float16),
             lambda: LA.matrix_norm(torch.ones(3, 3), ord=1, dtype=torch.float16),
             lambda: LA.matrix_norm(torch.ones(2, 2), 'fro', dtype=torch.int64),
             lambda: LA.matrix_norm(torch.ones(2, 2), 'nuc', dtype=torch.float64),
             lambda: LA.matrix_norm(torch.ones(3, 3), dim=(0, 0)),
             lambda: LA.matrix_norm(torch.ones(3, 3), dim=(1, -1)),
             lambda: LA.matrix_norm(torch.ones(3, 3), dim=(0, -2), ord=1),
             lambda: torch.ones(3).norm(dtype=torch.int64),
             lambda: torch.norm(torch.ones(3), dtype=torch.float64),
             lambda: torch.norm(torch.ones(2, 2), 'nuc', dtype=torch.float16),
             lambda: LA.vector_norm(torch.ones(0, 3), ord=-1, dim=1),
             lambda: LA.vector_norm(torch.ones(0, 3), ord=float('inf'), dim=1),
             lambda: LA.vector_norm(torch.ones(0, 3), ord=-1, dim=0),
             lambda: LA.vector_norm(torch.ones(0, 3), ord=-1.5, dim=(1, 0)),
             lambda: LA.vector_norm(torch.ones(0, 3), ord=-1, dim=())]:
    attempt(make)
''',
    ],
    "tensorinv_singular_and_matrix_power_n": [
        ATTEMPT + '''for make in [lambda: torch.linalg.tensorinv(torch.zeros(2, 2), ind=1),
             lambda: torch.linalg.tensorinv(torch.zeros(2, 2, 4), ind=2),
             lambda: torch.linalg.matrix_power(torch.eye(2), 1.5),
             lambda: torch.matrix_power(torch.eye(2), True),
             lambda: torch.eye(2).matrix_power(2.0),
             lambda: torch.linalg.matrix_power(torch.eye(2), 3)]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe162_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe162/{name}")
