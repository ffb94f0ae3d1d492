"""What the fifty-fourth probe (optimal control and robotics lessons: LQR by a Riccati recursion, iLQR with
autograd.functional.jacobian / hessian and torch.func, differentiable shooting with Adam and projected controls,
a planar arm's kinematics and inverse kinematics by lstsq / pinv / damped least squares, gradcheck in float64)
found, each checked against PyTorch: the named tuples PyTorch's functions return (torch.return_types.max,
linalg_lstsq, linalg_svd ...) are CPython structseqs, not collections.namedtuples: built from one sequence, with
read-only fields, n_fields, no _fields / _asdict / _replace / _make, errors naming torch.return_types.<name>; the
torch.return_types module; and torch.linalg.pinv's four overloads: rcond (and hermitian) by position,
rcond= mixed with atol= / rtol= refused with the parser's listing, tolerance tensors of several elements that
broadcast with the batch (their gradient summed back to the input); the same overloads of linalg.matrix_rank (tol),
whose broadcast result warns that its output was resized as ATen's does; linalg.lstsq's parameter names (input,
b) and linalg.solve's bool left."""
import pytest

from helpers import ATTEMPT, EVAL_CASES, assert_same_as_pytorch

SETUP = ATTEMPT + '''A = torch.tensor([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]], dtype=torch.float64)
J = torch.tensor([[1.0, 0.5, 0.2], [0.3, 2.0, 0.1]])
results = {
    "max": torch.max(J, 1), "sort": torch.sort(J[0]), "topk": torch.topk(J[0], 2), "median": torch.median(J, 1),
    "kthvalue": torch.kthvalue(J, 1), "mode": torch.mode(J, 1), "cummax": torch.cummax(J, 1),
    "aminmax": torch.aminmax(J), "frexp": torch.frexp(J), "histogram": torch.histogram(J.flatten(), 3),
    "svd": torch.linalg.svd(A), "eigh": torch.linalg.eigh(A), "qr": torch.linalg.qr(A),
    "slogdet": torch.linalg.slogdet(A), "lstsq": torch.linalg.lstsq(A, A[:, :1]), "inv_ex": torch.linalg.inv_ex(A),
    "lu_factor": torch.linalg.lu_factor(A), "eig": torch.linalg.eig(A), "old_svd": torch.svd(A),
}
'''

CELLS = {
    "return_types_are_structseqs": [
        SETUP + '''for name, r in results.items():
    T = type(r)
    print(name, T.__name__, T.__module__, T.__mro__[1:], T.n_fields, T.n_sequence_fields, T.n_unnamed_fields,
          T.__match_args__, r.n_fields, len(r), isinstance(r, tuple))
    for attr in ("_fields", "_asdict", "_replace", "_make", "_field_defaults", "count", "index", "__dict__"):
        print(" ", attr, hasattr(r, attr))''',
        '''for name, r in results.items():
    T = type(r)
    attempt(lambda: T(r) == r)
    attempt(lambda: T(list(r), {}) == r)
    attempt(lambda: T(sequence=tuple(r)) == r)
    attempt(lambda: T(tuple(r)[:1]))
    attempt(lambda: T(tuple(r) * 2))
    attempt(lambda: T(*r))
    attempt(lambda: T(tuple(r), 3))
    attempt(lambda: T())
    attempt(lambda: T(5))
    attempt(lambda: T(tuple(r), {}, 1))
    attempt(lambda: r._asdict())
    attempt(lambda: r._fields)
    attempt(lambda: r.bogus)''',
        '''r = results["max"]
for stmt in ("r.values = 1", "r.bogus = 1", "del r.indices", "r[0] = 1"):
    attempt(lambda: exec(stmt))
print(r + (1,), r[:1], r * 2, r == tuple(r), list(r) == list(r))
import copy, pickle
print(copy.copy(r), copy.deepcopy(r), type(copy.deepcopy(r)).__name__)
print(pickle.loads(pickle.dumps(r)), r.__reduce__()[0].__name__)
print(str(type(r)), repr(type(results["lstsq"])))''',
    ],
    "return_types_module": [
        ATTEMPT + '''r = torch.max(torch.tensor([[1.0, 5.0], [7.0, 0.0]]), dim=1)
print(isinstance(r, torch.return_types.max), isinstance(r, torch.return_types.min))
print(torch.return_types.max((torch.zeros(2), torch.ones(2))))
print(torch.return_types.linalg_lstsq.n_fields, torch.return_types.sort_out.__match_args__)
print(torch.return_types.histogram.__name__, torch.return_types.frexp((1, 2)))
out = torch.sort(torch.tensor([3.0, 1.0]), out=(torch.empty(2), torch.empty(2, dtype=torch.long)))
print(type(out) is torch.return_types.sort_out, out, hasattr(out, "_fields"))
attempt(lambda: torch.return_types.bogus)
attempt(lambda: torch.return_types.max([1, 2, 3]))''',
    ],
    "return_types_in_containers": [
        '''from torch.func import vmap
r = torch.max(torch.tensor([[1.0, 5.0], [7.0, 0.0]]), dim=1)
out = vmap(lambda x: torch.max(x, 0))(torch.tensor([[1.0, 5.0], [7.0, 0.0]]))
print(type(out).__name__, out)
batch = torch.utils.data.default_collate([r, r])
print(type(batch).__name__, batch)''',
    ],
    "pinv_overloads": [
        ATTEMPT + EVAL_CASES.replace("for c in CASES", '''J = torch.tensor([[1.0, 0.5, 0.2], [0.3, 2.0, 0.1]])
S = torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=torch.float64)
CASES = ["torch.linalg.pinv(J, 0.1)", "torch.linalg.pinv(J, 1)", "torch.linalg.pinv(J, torch.tensor(0.1))",
         "torch.linalg.pinv(S, 0.3, True)", "torch.linalg.pinv(S, torch.tensor(0.3), hermitian=True)",
         "torch.linalg.pinv(J, 0.1, rtol=0.1)", "torch.linalg.pinv(J, rcond=0.1, atol=0.1)",
         "torch.linalg.pinv(J, atol=0.1, rcond=0.1)", "torch.linalg.pinv(J, None)", "torch.linalg.pinv(J, 'a')",
         "torch.linalg.pinv(J, 0.1, 1)", "torch.linalg.pinv(J, hermitian=1)", "torch.linalg.pinv(input=J, rcond=0.1)",
         "torch.linalg.pinv(A=J)", "torch.linalg.pinv(J, rcond=0.5, hermitian=False)",
         "torch.linalg.pinv(J, atol=torch.tensor(0.1), rtol=0.2)", "torch.linalg.pinv(S, atol=torch.tensor([1j]))"]
for c in CASES''') + '''out = torch.empty(2, 2, dtype=torch.float64)
print(torch.linalg.pinv(S, 0.3, out=out) is out, out)''',
    ],
    "pinv_tolerance_tensors_broadcast": [
        '''J = torch.tensor([[1.0, 0.5, 0.2], [0.3, 2.0, 0.1]], requires_grad=True)
S = torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=torch.float64)
p = torch.linalg.pinv(J, rtol=torch.tensor([0.1, 0.9]))
print(p, type(p.grad_fn.next_functions[0][0]).__name__)
p.sum().backward()
print(J.grad)
J.grad = None
p = torch.linalg.pinv(J, atol=torch.tensor([0.0, 1.0]))
print(p)
(p * torch.arange(12.0).view(2, 3, 2)).sum().backward()
print(J.grad)
print(torch.linalg.pinv(J, atol=torch.tensor([[0.1], [1.5]])).shape,
      torch.linalg.pinv(J.detach().expand(2, 2, 3), rtol=torch.tensor([0.1, 0.9])).shape,
      torch.linalg.pinv(J, rcond=torch.tensor([0.1, 0.9])).shape,
      torch.linalg.pinv(J, rtol=torch.tensor(1, dtype=torch.int64)),
      torch.linalg.pinv(S, atol=torch.tensor([[0.1], [5.0]]), hermitian=True).shape)''',
    ],
    "matrix_rank_lstsq_solve_parameters": [
        ATTEMPT + EVAL_CASES.replace("for c in CASES", '''J = torch.tensor([[1.0, 0.5, 0.2], [0.3, 2.0, 0.1]])
S = torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=torch.float64)
one = torch.ones(2, dtype=torch.float64)
CASES = ["torch.linalg.matrix_rank(J, 0.5)", "torch.linalg.matrix_rank(J, 2.0)", "torch.linalg.matrix_rank(J, tol=0.5)",
         "torch.linalg.matrix_rank(J, 0.5, True)", "torch.linalg.matrix_rank(J, torch.tensor(0.5))",
         "torch.linalg.matrix_rank(J, tol=0.5, atol=0.1)", "torch.linalg.matrix_rank(J, None)",
         "torch.linalg.matrix_rank(input=J)", "torch.linalg.matrix_rank(A=J)",
         "torch.linalg.matrix_rank(J.expand(2, 2, 3), atol=torch.tensor([0.0, 1.0]))",
         "torch.linalg.matrix_rank(J, atol=torch.tensor([1j]))", "torch.linalg.lstsq(input=J.T, b=torch.ones(3, 1)).rank",
         "torch.linalg.lstsq(J.T, b=torch.ones(3, 1)).solution", "torch.linalg.lstsq(J.T, torch.ones(3, 1), rcond='a')",
         "torch.linalg.lstsq(J.T, torch.ones(3, 1), None, 'gelsd')", "torch.linalg.solve(S, one, True)",
         "torch.linalg.solve(S, one, left=1)", "torch.linalg.solve(input=S, other=one)", "torch.linalg.solve(S, one, left=False)",
         "torch.linalg.solve(S.float(), one)"]
for c in CASES''') + '''print(torch.linalg.matrix_rank(J, out=torch.empty((), dtype=torch.long)))
print(torch.linalg.solve(S, one, out=torch.empty(2, dtype=torch.float64)))''',
        '''J = torch.tensor([[1.0, 0.5, 0.2], [0.3, 2.0, 0.1]])
S = torch.tensor([[2.0, 0.5], [0.5, 1.0]], dtype=torch.float64)
print(torch.linalg.matrix_rank(J, rtol=torch.tensor([0.1, 0.9])))''',
        '''print(torch.linalg.matrix_rank(S, hermitian=True, atol=torch.tensor([[0.1], [2.0]])))''',
        '''print(torch.linalg.matrix_rank(J, torch.tensor([0.1, 2.0])))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe54_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
