"""What the thirty-sixth probe (Gaussian processes and Bayesian optimisation in plain PyTorch: kernels from cdist,
Cholesky with jitter, the triangular solves, the marginal likelihood under Adam, expected improvement) found, each
checked against PyTorch: linalg.cholesky_ex's info at a NaN pivot (LAPACK stops there; numpy went on) and its
error naming linalg.cholesky_ex under check_errors=True, with linalg.cholesky's argument checks; empty matrices
(0x0, a batch of them, an empty batch) through cholesky, cholesky_ex, logdet, slogdet, lu_factor and lu; the
triangular solves with a zero pivot (infinities and NaNs, not numpy's 'Singular matrix'), in A's dtype, with the
kernels' NotImplementedErrors for integer and half inputs; cholesky_inverse's LinAlgError for a zero diagonal;
PyTorch's parser in front of linalg.solve_triangular / cholesky / cholesky_ex (upper= required, typed); gradcheck
of a function whose output is laid out column-major (every LAPACK result); and indexing as ATen's applySlicing
reads a key: full slices of a tuple key take no node (x[0, :n] is SelectBackward0, x[:, :n] AliasBackward0; a bare
x[:] is SliceBackward0), and ints, slices and Nones next to index tensors are views taken first, so x[0, :, idx]
has PyTorch's shape and values, and x[0, :, idx] = v writes where PyTorch writes (CopySlices)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "cholesky_ex_info_at_nan_pivots": [
        ATTEMPT + '''torch.set_default_dtype(torch.float64)
nan, inf = float("nan"), float("inf")
for rows in ([[nan, 0.], [0., 1.]], [[1., nan], [nan, 1.]], [[1., 0.], [0., nan]], [[1., 0.], [nan, 1.]],
             [[1., nan, 0.], [0., 1., 0.], [0., 0., 1.]], [[1., inf], [inf, 1.]], [[inf, 0.], [0., 1.]]):
    A = torch.tensor(rows)
    attempt(lambda: torch.linalg.cholesky_ex(A))
    attempt(lambda: torch.linalg.cholesky_ex(A, upper=True).info)
    attempt(lambda: torch.linalg.cholesky(A))
    attempt(lambda: torch.cholesky_solve(torch.ones(2, 1), A[:2, :2]).isnan().any())
batch = torch.stack([torch.eye(2), torch.tensor([[nan, 0.], [0., 1.]])])
attempt(lambda: torch.linalg.cholesky_ex(batch).info)
attempt(lambda: torch.linalg.cholesky(batch))
torch.set_default_dtype(torch.float32)''',
    ],
    "cholesky_ex_errors": [
        ATTEMPT + '''bad = torch.tensor([[1.0, 2.0], [2.0, 1.0]])
attempt(lambda: torch.linalg.cholesky_ex(bad, check_errors=True))
attempt(lambda: torch.linalg.cholesky_ex(torch.stack([torch.eye(2), bad]), check_errors=True))
attempt(lambda: torch.linalg.cholesky_ex(bad.double(), upper=True, check_errors=True))
attempt(lambda: torch.linalg.cholesky_ex(torch.tensor([[1, 2], [2, 1]])))
attempt(lambda: torch.linalg.cholesky_ex(torch.ones(2, 3)))
attempt(lambda: torch.linalg.cholesky_ex(torch.ones(3)))
attempt(lambda: torch.linalg.cholesky_ex(torch.eye(2, dtype=torch.float16)))
attempt(lambda: torch.linalg.cholesky_ex(torch.eye(2), True))
attempt(lambda: torch.linalg.cholesky(torch.eye(2), True))
attempt(lambda: torch.linalg.cholesky(torch.eye(2), upper="yes"))
attempt(lambda: torch.linalg.cholesky(input=torch.eye(2), upper=True))
attempt(lambda: torch.linalg.cholesky_ex(input=4 * torch.eye(2)).L)''',
    ],
    "empty_matrices": [
        # (torch.cholesky's and triangular_solve's deprecation warnings are once per process on both sides: another
        # test in the same worker may have had them, so every call warns here)
        ATTEMPT + '''torch.set_warn_always(True)
for shape in [(0, 0), (2, 0, 0), (0, 3, 3), (3, 0, 0)]:
    Z = torch.zeros(shape)
    attempt(lambda: torch.linalg.cholesky_ex(Z))
    attempt(lambda: torch.linalg.cholesky(Z, upper=True))
    attempt(lambda: torch.cholesky(Z))
    attempt(lambda: torch.logdet(Z))
    attempt(lambda: torch.linalg.slogdet(Z))
    attempt(lambda: torch.linalg.det(Z))
    attempt(lambda: torch.linalg.lu_factor(Z))
    attempt(lambda: [t.shape for t in torch.linalg.lu(Z)])
    attempt(lambda: torch.cholesky_solve(torch.zeros(*shape[:-1], 2), Z))
    Zg = Z.clone().requires_grad_()
    attempt(lambda: torch.autograd.grad(torch.logdet(Zg).sum(), Zg))
torch.set_warn_always(False)''',
    ],
    "triangular_solves_zero_pivot_and_dtypes": [
        ATTEMPT + '''torch.set_warn_always(True)
B = torch.ones(2, 2)
for A in (torch.zeros(2, 2), torch.tensor([[1.0, 0.0], [1.0, 0.0]]), torch.tensor([[0.0, 0.0], [1.0, 1.0]])):
    attempt(lambda: torch.linalg.solve_triangular(A, B, upper=False))
    attempt(lambda: torch.linalg.solve_triangular(A.T, B, upper=True))
    attempt(lambda: torch.linalg.solve_triangular(A, B, upper=False, left=False))
    attempt(lambda: torch.linalg.solve_triangular(A, B, upper=False, unitriangular=True))
    attempt(lambda: torch.cholesky_solve(B, A))
    attempt(lambda: torch.cholesky_solve(B, A.T, upper=True))
    attempt(lambda: torch.triangular_solve(B, A, upper=False).solution)
    attempt(lambda: torch.triangular_solve(B, A.T, transpose=True).solution)
    attempt(lambda: torch.cholesky_inverse(A))
attempt(lambda: torch.cholesky_inverse(torch.stack([torch.eye(2), torch.tensor([[2.0, 0.0], [1.0, 0.0]])])))
L = torch.tensor([[2.0, 0.0], [1.0, 3.0]])
for da, db in ((torch.float32, torch.float64), (torch.float64, torch.float32), (torch.float64, torch.int64),
               (torch.int64, torch.float32), (torch.float16, torch.float16), (torch.bfloat16, torch.float32)):
    attempt(lambda: torch.linalg.solve_triangular(L.to(da), B.to(db), upper=False))
attempt(lambda: torch.cholesky_solve(B.long(), L.long()))
attempt(lambda: torch.triangular_solve(B.long(), L.long()))
attempt(lambda: torch.cholesky_inverse(L.long()))
attempt(lambda: torch.cholesky_inverse(L.half()))
Lg = L.double().requires_grad_()
Bg = B.float().requires_grad_()
X = torch.linalg.solve_triangular(Lg, Bg, upper=False)
X.sum().backward()
print(X.dtype, X.grad_fn, Lg.grad, Bg.grad)
torch.set_warn_always(False)''',
    ],
    "solve_triangular_arguments": [
        ATTEMPT + '''L = torch.tensor([[2.0, 0.0], [1.0, 3.0]])
B = torch.ones(2, 1)
attempt(lambda: torch.linalg.solve_triangular(L, B))
attempt(lambda: torch.linalg.solve_triangular(L, B, left=False))
attempt(lambda: torch.linalg.solve_triangular(L, B, False))
attempt(lambda: torch.linalg.solve_triangular(L))
attempt(lambda: torch.linalg.solve_triangular(L, B, upper="lower"))
attempt(lambda: torch.linalg.solve_triangular(L, B, upper=1))
attempt(lambda: torch.linalg.solve_triangular(L, 3, upper=True))
attempt(lambda: torch.linalg.solve_triangular(L, B, upper=True, foo=1))
attempt(lambda: torch.linalg.solve_triangular(A=L, B=B, upper=False))
attempt(lambda: torch.linalg.solve_triangular(input=L, B=B, upper=False))''',
    ],
    "gradcheck_column_major_outputs": [
        ATTEMPT + '''torch.manual_seed(0)
a = torch.rand(3, 3, dtype=torch.float64, requires_grad=True)
b = torch.rand(3, 2, dtype=torch.float64, requires_grad=True)
spd = lambda a: a @ a.mT + torch.eye(3, dtype=torch.float64)
attempt(lambda: torch.autograd.gradcheck(lambda a: torch.linalg.cholesky(spd(a)), (a,)))
attempt(lambda: torch.autograd.gradcheck(lambda a: torch.linalg.cholesky(spd(a), upper=True), (a,)))
attempt(lambda: torch.autograd.gradcheck(lambda a: torch.linalg.cholesky_ex(spd(a)).L, (a,)))
attempt(lambda: torch.autograd.gradcheck(
    lambda a, b: torch.linalg.solve_triangular(torch.linalg.cholesky(spd(a)), b, upper=False), (a, b)))
attempt(lambda: torch.autograd.gradcheck(lambda a: torch.linalg.inv(spd(a)), (a,)))
attempt(lambda: torch.autograd.gradcheck(lambda a: torch.linalg.qr(a).Q, (a,)))
attempt(lambda: torch.autograd.gradcheck(lambda a: a.mT, (a,)))''',
    ],
    "full_slices_take_no_node": [
        '''x = torch.rand(3, 4, requires_grad=True) * 1
for k in ["[0, :4]", "[:3]", "[:]", "[:, :4]", "[0:3, 1]", "[..., :4]", "[:3, None]", "[0, ::1]", "[:5, 0]",
          "[0, 0:]", "[-3:, 0]", "[:, 0:4:1, None]", "[1:, :4]", "[..., 0, :]", "[None, :3]", "[0][:4]",
          "[:, 1:3]", "[0, :10]", "[(slice(None),)]", "[...]"]:
    y = eval("x" + k)
    print(k, y.grad_fn.name(), y._base is x, y.shape, [n[0].name() if n[0] else None for n in y.grad_fn.next_functions])''',
    ],
    "ints_and_slices_next_to_index_tensors": [
        '''x = torch.arange(24.).reshape(2, 3, 4)
i = torch.tensor([0, 1])
m = torch.tensor([True, False, True, False])
keys = ["[0, :, i]", "[i, :, 0]", "[0, i, :]", "[:, 0, i]", "[i, 0, i]", "[0, i, i]", "[None, 0, :, i]",
        "[torch.tensor(1), :, i]", "[..., 0, i]", "[1:, :, i]", "[0, :, m]", "[:, 1:, i]", "[i][0]", "[0, :, [0, 3]]"]
for k in keys:
    y = eval("x" + k)
    print(k, y.shape, y.flatten().tolist())''',
        '''def chain(y):
    out, fn = [], y.grad_fn
    while fn is not None and fn.next_functions and fn.name() != "MulBackward0":
        out.append(fn.name())
        fn = fn.next_functions[0][0]
    return out
for k in keys:
    w = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
    y = eval("(w * 1)" + k)
    y.backward(torch.arange(float(y.numel())).reshape(y.shape))
    print(k, chain(y), w.grad.flatten().tolist())''',
        '''for k in ["[0, :, i]", "[i, :, 0]", "[1:, :, i]", "[:, 0, i]", "[0, :, m]"]:
    z = torch.zeros(2, 3, 4)
    src = torch.arange(float(eval("z" + k).numel())).reshape(eval("z" + k).shape)
    exec("z" + k + " = src")
    print(k, z.flatten().tolist())
    w = torch.zeros(2, 3, 4, requires_grad=True)
    z = w * 1
    exec("z" + k + " = src")
    print(z.grad_fn.name(), z._version)
    try:
        exec("z" + k + " = torch.ones(2, 3)")
    except Exception as e:
        print(type(e).__name__, e)
    z.sum().backward()
    print(w.grad.flatten().tolist())
try:
    z = torch.zeros(2, 3, 4, requires_grad=True) * 1
    z[z[0] > 0] = 1.0
except Exception as e:
    print(type(e).__name__, e)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe36_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
