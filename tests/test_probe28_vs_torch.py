"""What the twenty-eighth probe (numerical linear algebra lessons: rotations and linear ODEs through the matrix
exponential, XA = B solves, LU factorizations reused across right-hand sides, eigendecompositions of general
matrices for PCA and stability) found, each checked against PyTorch: torch.linalg.matrix_exp / torch.matrix_exp /
Tensor.matrix_exp (ATen's optimized Taylor polynomials and scaling and squaring, bit for bit; backward through
the exponential of a block matrix), linalg.solve(..., left=False) (A's getrf then getrs 'T', as ATen runs it; its
gradients), linalg.eig / eigvals (LAPACK geev, complex results; linalg_eig_backward and its phase check),
linalg.lu_factor / lu_factor_ex / lu / lu_solve and torch.lu / lu_unpack (getrf and getrs; LinalgLuBackward0,
LinalgLuFactorExBackward0, LinalgLuSolveBackward0, LuUnpackBackward0 for square, wide and tall matrices), with
PyTorch's messages for non-square, integer, non-finite and singular input, and the order in which solve's batch
shape error names B's and A's batches; and torch.nn.utils.parametrizations.orthogonal with the matrix_exp and
cayley maps (which needed matrix_exp)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''torch.manual_seed(0)
def grads(f, *xs):
    xs = [x.detach().requires_grad_() for x in xs]
    out = f(*xs)
    outs = out if isinstance(out, tuple) else (out,)
    total = 0
    for o in outs:
        if o is not None and o.requires_grad:
            w = torch.linspace(-1, 1, o.numel(), dtype=torch.float64).reshape(o.shape).to(o.real.dtype)
            total = total + ((o.real if o.is_complex() else o) * w).sum()
    total.backward()
    print([type(o.grad_fn).__name__ for o in outs if o is not None and o.requires_grad])
    for x in xs:
        print(x.grad)
'''

CELLS = {
    "matrix_exp_values_and_forms": [
        TRY + '''K = torch.tensor([[0.0, -1.0], [1.0, 0.0]])
for s in (1e-8, 1e-4, 0.04, 0.3, 1.0, 2.5, 7.0):
    print(torch.linalg.matrix_exp(s * K).tolist())
for dt in (torch.float32, torch.float64):
    for scale in (0.01, 0.2, 1.0, 4.0):
        M = torch.randn(2, 5, 5, dtype=dt) * scale
        print(torch.linalg.matrix_exp(M).tolist())
M = torch.randn(9, 9)
print(torch.linalg.matrix_exp(M).tolist())
print(torch.matrix_exp(K), K.matrix_exp(), torch.linalg.matrix_exp(torch.full((2, 1, 1), 0.5)))
print(torch.linalg.matrix_exp(torch.zeros(0, 0)), torch.linalg.matrix_exp(torch.tensor([[float("nan"), 0.], [0., 1.]])))''',
        '''attempt(lambda: torch.linalg.matrix_exp(torch.randn(2, 3)))
attempt(lambda: torch.linalg.matrix_exp(torch.ones(3)))
attempt(lambda: torch.linalg.matrix_exp(torch.tensor([[1, 2], [3, 4]])))
attempt(lambda: torch.tensor([[1, 2], [3, 4]]).matrix_exp())''',
    ],
    "matrix_exp_gradients": [
        TRY + '''grads(torch.linalg.matrix_exp, torch.randn(3, 3, dtype=torch.float64))
grads(lambda a: torch.matrix_exp(5 * a), torch.randn(2, 3, 3, dtype=torch.float64))
grads(torch.linalg.matrix_exp, torch.randn(4, 4))
A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(torch.linalg.matrix_exp, (A,)), torch.autograd.gradgradcheck(torch.linalg.matrix_exp, (A,)))''',
    ],
    "solve_right_hand_side": [
        TRY + '''A = torch.randn(4, 4); B = torch.randn(3, 4)
X = torch.linalg.solve(A, B, left=False)
print(X.tolist(), (X @ A - B).abs().max())
print(torch.linalg.solve(torch.randn(2, 3, 3, dtype=torch.float64), torch.randn(5, 3, dtype=torch.float64), left=False))
print(torch.linalg.solve_ex(A, B, left=False))
grads(lambda a, b: torch.linalg.solve(a, b, left=False), A, B)
grads(lambda a, b: torch.linalg.solve(a, b, left=False), torch.randn(2, 3, 3, dtype=torch.float64), torch.randn(4, 3, dtype=torch.float64))''',
        '''A = torch.randn(3, 3)
attempt(lambda: torch.linalg.solve(A, torch.randn(3), left=False))
attempt(lambda: torch.linalg.solve(A, torch.randn(3, 2), left=False))
attempt(lambda: torch.linalg.solve(torch.randn(2, 3), torch.randn(3, 2), left=False))
attempt(lambda: torch.linalg.solve(torch.tensor([[1., 2.], [2., 4.]]), torch.ones(3, 2), left=False))
attempt(lambda: torch.linalg.solve(torch.randn(3, 2, 2), torch.ones(4, 2, 2), left=False))
attempt(lambda: torch.linalg.solve(torch.randn(2, 2, 2), torch.ones(3, 2, 1)))''',
    ],
    "eig_and_eigvals": [
        TRY + '''for M in (torch.tensor([[2.0, 1.0], [1.0, 3.0]]), torch.tensor([[0.0, -1.0], [1.0, 0.0]]),
          torch.randn(5, 5), torch.randn(2, 4, 4, dtype=torch.float64)):
    L, V = torch.linalg.eig(M)
    print(L, V, torch.linalg.eigvals(M))
print(type(torch.linalg.eig(torch.eye(2))).__name__)
grads(lambda a: torch.linalg.eig(a), torch.tensor([[2.0, 0.4, -0.3], [0.1, -1.0, 0.5], [0.2, 0.3, 0.5]], dtype=torch.float64))
grads(lambda a: torch.linalg.eigvals(a).abs(), torch.randn(4, 4, dtype=torch.float64))
grads(lambda a: torch.linalg.eig(a)[1].abs(), torch.randn(3, 3, dtype=torch.float64))''',
        '''attempt(lambda: torch.linalg.eig(torch.randn(3, 4)))
attempt(lambda: torch.linalg.eigvals(torch.ones(3)))
attempt(lambda: torch.linalg.eig(torch.tensor([[1, 2], [3, 4]])))
attempt(lambda: torch.linalg.eig(torch.eye(2).half()))
attempt(lambda: torch.linalg.eig(torch.tensor([[float("inf"), 1.0], [1.0, 1.0]])))
W = torch.randn(3, 3, requires_grad=True)
attempt(lambda: torch.linalg.eig(W)[1].real.sum().backward())''',
    ],
    "lu_family_values": [
        TRY + '''for A in (torch.randn(4, 4), torch.randn(3, 5), torch.randn(5, 3, dtype=torch.float64), torch.randn(2, 3, 3)):
    LU, piv = torch.linalg.lu_factor(A)
    print(LU, piv)
    print(torch.linalg.lu(A))
    print(torch.lu_unpack(LU, piv))
A = torch.randn(4, 4); B = torch.randn(4, 2)
LU, piv = torch.linalg.lu_factor(A)
print(torch.linalg.lu_solve(LU, piv, B).tolist())
print(torch.linalg.lu_solve(LU, piv, B, adjoint=True).tolist())
print(torch.linalg.lu_solve(LU, piv, B.T, left=False).tolist())
print(torch.linalg.lu_solve(LU, piv, B.T, left=False, adjoint=True).tolist())
print(torch.linalg.lu_solve(LU, piv, torch.randn(3, 4, 2)).shape)
S = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
print(torch.linalg.lu_factor_ex(S), torch.linalg.lu(S), torch.lu(S), torch.lu(S, get_infos=True), A.lu())
print(torch.lu_unpack(LU, piv, unpack_data=False), torch.lu_unpack(LU, piv, unpack_pivots=False))''',
        '''attempt(lambda: torch.linalg.lu_factor(torch.tensor([[1.0, 2.0], [2.0, 4.0]])))
attempt(lambda: torch.linalg.lu_factor(torch.stack([torch.eye(2), torch.tensor([[1.0, 2.0], [2.0, 4.0]])])))
attempt(lambda: torch.linalg.lu_factor(torch.ones(3)))
attempt(lambda: torch.linalg.lu(torch.ones(3)))
attempt(lambda: torch.linalg.lu_factor(torch.tensor([[1, 2], [3, 4]])))
attempt(lambda: torch.linalg.lu(torch.eye(2), pivot=False))
LU, piv = torch.linalg.lu_factor(torch.randn(2, 2))
attempt(lambda: torch.linalg.lu_solve(LU, piv, torch.ones(2)))
attempt(lambda: torch.linalg.lu_solve(LU, piv, torch.ones(3, 2)))
attempt(lambda: torch.linalg.lu_solve(LU, piv, torch.ones(3, 2), left=False))
attempt(lambda: torch.linalg.lu_solve(LU, piv.long(), torch.ones(2, 2)))
attempt(lambda: torch.linalg.lu_solve(LU, piv, torch.ones(2, 2, dtype=torch.float64)))
attempt(lambda: torch.lu_unpack(LU, piv.long()))''',
    ],
    "lu_family_gradients": [
        TRY + '''grads(lambda a: torch.linalg.lu(a), torch.randn(3, 3, dtype=torch.float64))
grads(lambda a: torch.linalg.lu(a), torch.randn(2, 3, 5, dtype=torch.float64))
grads(lambda a: torch.linalg.lu(a)[1:], torch.randn(5, 3, dtype=torch.float64))
grads(lambda a: torch.linalg.lu_factor(a)[0], torch.randn(4, 4, dtype=torch.float64))
grads(lambda a: torch.linalg.lu_factor_ex(a)[0], torch.randn(3, 5, dtype=torch.float64))
grads(lambda a: torch.lu_unpack(*torch.linalg.lu_factor(a))[1:], torch.randn(3, 3, dtype=torch.float64))
for left in (True, False):
    for adjoint in (False, True):
        grads(lambda a, b: torch.linalg.lu_solve(*torch.linalg.lu_factor(a), b, left=left, adjoint=adjoint),
              torch.randn(3, 3, dtype=torch.float64), torch.randn(3, 3, dtype=torch.float64))
grads(lambda lu, b: torch.linalg.lu_solve(lu, torch.tensor([2, 3, 3], dtype=torch.int32), b),
      torch.randn(3, 3, dtype=torch.float64), torch.randn(3, 2, dtype=torch.float64))
LU, piv = torch.linalg.lu_factor(torch.randn(3, 3, requires_grad=True))
print(LU.grad_fn, piv.requires_grad, piv.grad_fn, [t.grad_fn for t in torch.linalg.lu(LU)])''',
    ],
    "orthogonal_parametrization_through_matrix_exp": [
        TRY + '''orth = torch.nn.utils.parametrizations.orthogonal
lin = orth(torch.nn.Linear(4, 4))
print(lin, lin.weight, lin.weight.grad_fn, torch.dist(lin.weight.T @ lin.weight, torch.eye(4)))
print(lin.parametrizations.weight.original, lin.parametrizations.weight[0].base)
x = torch.randn(3, 4)
opt = torch.optim.SGD(lin.parameters(), lr=0.1)
for _ in range(3):
    opt.zero_grad()
    loss = (lin(x) ** 2).sum()
    loss.backward()
    opt.step()
    print(loss.item())
print(lin.parametrizations.weight.original.grad, list(lin.state_dict()))
for shape, m in (((3, 5), "cayley"), ((5, 3), "matrix_exp"), ((2, 3, 3), None)):
    mod = torch.nn.Module()
    mod.weight = torch.nn.Parameter(torch.randn(*shape))
    orth(mod, orthogonal_map=m)
    print(mod.weight)
attempt(lambda: orth(torch.nn.Linear(4, 4), orthogonal_map="bad"))
attempt(lambda: orth(torch.nn.Linear(4, 4), use_trivialization=False))
attempt(lambda: orth(torch.nn.Linear(4, 4), name="bias"))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe28_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe28", name=name)
