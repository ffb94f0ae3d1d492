"""What the two-hundred-and-fiftieth probe (robotics kinematics and control lessons: SE(3) forward kinematics with
matrix_exp, inverse kinematics by pinv / damped least squares / lstsq, quaternions, LQR and MPC with Adam) found,
each checked against PyTorch. torch.linalg.ldl_factor / ldl_factor_ex / ldl_solve (a KKT system of an
equality-constrained step) were missing: LAPACK's Bunch-Kaufman ?sytrf (?hetrf) with uplo 'L' on a column-major copy,
the strict upper triangle zeroed, its 1x1 / 2x2 pivots as LAPACK writes them, ?sytrs to solve; both are recorded
under PyTorch's NotImplemented node, and ldl_factor's zero block of D meets ATen's internal assert."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "ldl_factor_and_solve_of_a_symmetric_matrix": ['''import torch
torch.manual_seed(0)
A = torch.randn(3, 3, dtype=torch.float64); A = A + A.T
r = torch.linalg.ldl_factor(A)
print(r, r.LD.stride())
print(torch.linalg.ldl_factor_ex(A, hermitian=True))
print(torch.linalg.ldl_factor(A.float().expand(2, 3, 3)).LD.stride())
x = torch.linalg.ldl_solve(r.LD, r.pivots, torch.ones(3, 2, dtype=torch.float64))
print(x, x.stride(), (A @ x))
'''],
    "kkt_system_with_2x2_pivots_and_complex_inputs": ['''import torch
K = torch.tensor([[2.0, 0.5, 1.0, 0.0], [0.5, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]], dtype=torch.float64)
LD, piv = torch.linalg.ldl_factor(K)
print(LD, piv)
rhs = torch.tensor([[0.0], [0.0], [1.0], [0.5]], dtype=torch.float64)
print(torch.linalg.ldl_solve(LD, piv, rhs), torch.linalg.solve(K, rhs))
print(torch.linalg.ldl_factor(torch.tensor([[0., 1, 2], [1, 0, 3], [2, 3, 1]])))
print(torch.linalg.ldl_factor(torch.tensor([[1., 5], [7, 0]])))
print(torch.linalg.ldl_factor_ex(torch.zeros(2, 2)))
print(torch.linalg.ldl_factor(torch.tensor([[1., 2j], [-2j, 1]]), hermitian=True))
print(torch.linalg.ldl_factor(torch.tensor([[1., 2j], [2j, 1]])))
'''],
    "ldl_records_pytorchs_notimplemented_node": ['''import torch
A = torch.tensor([[1., 2], [2, 1]], requires_grad=True)
r = torch.linalg.ldl_factor(A)
print(r.LD.grad_fn.name(), r.LD.grad_fn.next_functions, r.pivots.requires_grad)
try:
    r.LD.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
B = torch.ones(2, 1, requires_grad=True)
x = torch.linalg.ldl_solve(r.LD.detach(), r.pivots, B)
print(x.grad_fn.name(), x.grad_fn.next_functions)
x = torch.linalg.ldl_solve(r.LD, r.pivots, torch.ones(2, 1))
print(x.grad_fn.name(), x.grad_fn.next_functions)
try:
    x.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    print(torch.linalg.ldl_factor(A).LD.requires_grad)
'''],
    "ldl_argument_checks_and_errors": ['''import torch
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: torch.linalg.ldl_factor(torch.ones(2, 3)))
t(lambda: torch.linalg.ldl_factor(torch.ones(3)))
t(lambda: torch.linalg.ldl_factor(torch.ones(2, 2, dtype=torch.long)))
t(lambda: torch.linalg.ldl_factor(torch.ones(2, 2, dtype=torch.half)))
t(lambda: torch.linalg.ldl_factor(torch.zeros(2, 2, 2)))
t(lambda: torch.linalg.ldl_factor(torch.zeros(2, 2)))
t(lambda: torch.linalg.ldl_factor_ex(torch.zeros(2, 2), check_errors=True))
t(lambda: torch.linalg.ldl_factor(torch.tensor([[float('nan'), 5], [7, 0]])))
t(lambda: torch.linalg.ldl_solve(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32), torch.ones(3)))
t(lambda: torch.linalg.ldl_solve(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32), torch.ones(3, 1)))
t(lambda: torch.linalg.ldl_solve(torch.eye(2), torch.tensor([1, 2]), torch.ones(2, 1)))
t(lambda: torch.linalg.ldl_solve(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32), torch.ones(2, 1, dtype=torch.float64)))
t(lambda: torch.linalg.ldl_solve(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32), torch.ones(4, 2, 1)))
t(lambda: torch.linalg.ldl_factor(torch.zeros(0, 0)))
t(lambda: torch.linalg.ldl_factor(torch.eye(2), True))
t(lambda: torch.linalg.ldl_solve(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32), torch.ones(2, 0)))
'''],
    "ldl_keywords_as_pytorch_names_them": ['''import torch
print(torch.linalg.ldl_factor(input=torch.eye(2) * 3, hermitian=True))
print(torch.linalg.ldl_factor_ex(input=torch.eye(2), check_errors=True).info)
print(torch.linalg.ldl_solve(LD=torch.eye(2), pivots=torch.tensor([1, 2], dtype=torch.int32), B=torch.ones(2, 1), hermitian=False))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe250(name):
    assert_same_as_pytorch(CELLS[name], name=name)
