"""out= of another dtype than the result's, checked against PyTorch: each kernel says it its own way (mm / bmm / a
matmul of matrices: c10's "Expected out tensor to have dtype"; a matrix times a vector: addmv's; two vectors: dot's;
clamp with number bounds: the structured kernel's "Found dtype"; where; cat and stack: a TypeError), and where it
takes it, computes in it (sum and prod cast the input to out's dtype first: [0.6, 0.6, 1.7] sums to 1 in an int64
out; mean of floats into a float64 out adds in float64). gather, take, index_add and scatter take out= at all; a
call whose keywords fit no overload (torch.sum(x, out=o), without dim) is the parser's TypeError; the resize warning
points at the line that called torch."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "products_refuse_another_dtype": [
        '''A, v = torch.ones(2, 3), torch.ones(3)
calls = {
    "mm": lambda: torch.mm(A, A.t(), out=torch.empty(2, 2, dtype=torch.float64)),
    "mm long": lambda: torch.mm(A.long(), A.long().t(), out=torch.empty(2, 2, dtype=torch.int32)),
    "bmm": lambda: torch.bmm(A[None], A.t()[None], out=torch.empty(1, 2, 2, dtype=torch.int64)),
    "matmul 2d": lambda: torch.matmul(A, A.t(), out=torch.empty(2, 2, dtype=torch.float64)),
    "matmul 3d 2d": lambda: torch.matmul(A.expand(4, 2, 3), A.t(), out=torch.empty(4, 2, 2, dtype=torch.float64)),
    "matmul mv": lambda: torch.matmul(A, v, out=torch.empty(2, dtype=torch.float64)),
    "matmul vm": lambda: torch.matmul(v, A.t(), out=torch.empty(2, dtype=torch.float64)),
    "matmul dot": lambda: torch.matmul(v, v, out=torch.empty((), dtype=torch.float64)),
    "mv": lambda: torch.mv(A, v, out=torch.empty(2, dtype=torch.int64)),
    "dot": lambda: torch.dot(v, v, out=torch.empty((), dtype=torch.int64)),
}
for name, call in calls.items():
    try:
        print(name, call())
    except RuntimeError as e:
        print(name, "RuntimeError", e)
print(torch.matmul(A, A.t(), out=torch.empty(2, 2)))
''',
    ],
    "clamp_where_cat_refuse_another_dtype": [
        '''x = torch.tensor([-1.5, 0.25, 2.0])
calls = {
    "clamp": lambda: torch.clamp(x, 0, 1, out=torch.empty(3, dtype=torch.float64)),
    "clamp min": lambda: torch.clamp(x, min=0, out=torch.empty(3, dtype=torch.float64)),
    "clip max": lambda: torch.clip(x, max=0.5, out=torch.empty(3, dtype=torch.float64)),
    "clamp_min": lambda: torch.clamp_min(x, 0, out=torch.empty(3, dtype=torch.float64)),
    "clamp long": lambda: torch.clamp(x.long(), 0, 1, out=torch.empty(3)),
    "clamp long by floats": lambda: torch.clamp(x.long(), 0.5, 1, out=torch.empty(3)),
    "clamp tensor bounds": lambda: torch.clamp(x, torch.zeros(3), torch.ones(3), out=torch.empty(3, dtype=torch.float64)),
    "where": lambda: torch.where(x > 0, x, -x, out=torch.empty(3, dtype=torch.float64)),
    "where long": lambda: torch.where(x > 0, x.long(), x.long(), out=torch.empty(3)),
    "cat": lambda: torch.cat([x, x], out=torch.empty(6, dtype=torch.int64)),
    "cat up": lambda: torch.cat([x, x], out=torch.empty(6, dtype=torch.float64)),
    "stack": lambda: torch.stack([x, x], out=torch.empty(2, 3, dtype=torch.bool)),
}
for name, call in calls.items():
    try:
        print(name, call())
    except (RuntimeError, TypeError) as e:
        print(name, type(e).__name__, e)
''',
    ],
    "reductions_compute_in_out_dtype": [
        '''x = torch.tensor([[0.6, 0.6, 1.7]])
print(torch.sum(x, 1, out=torch.empty(1, dtype=torch.int64)), torch.prod(x, 1, out=torch.empty(1, dtype=torch.int64)))
big = torch.tensor([[1e8, 1.0, -1e8]])
print(torch.sum(big, 1, out=torch.empty(1, dtype=torch.float64)), torch.mean(big, 1, out=torch.empty(1, dtype=torch.float64)))
print(torch.sum(torch.tensor([[0.0, 0.0]]), 1, out=torch.empty(1, dtype=torch.bool)))
print(torch.mean(x * 0.3, 1, out=torch.empty(1, dtype=torch.float16)))
for call in (lambda: torch.sum(x, out=torch.empty(())), lambda: torch.prod(x, 1, dtype=torch.float64, out=torch.empty(1)),
             lambda: torch.sum(x, 1, dtype=torch.float64, out=torch.empty(1)),
             lambda: torch.mean(x, 1, dtype=torch.float64, out=torch.empty(1)),
             lambda: torch.mean(torch.arange(4).view(2, 2), 0, out=torch.empty(2)),
             lambda: torch.mean(x, 1, out=torch.empty(1, dtype=torch.int64))):
    try:
        print(call())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, str(e).splitlines()[0])
''',
    ],
    "indexing_functions_take_out": [
        '''src = torch.arange(6.).view(2, 3)
o = torch.empty(2, 1)
r = torch.gather(src, 1, torch.tensor([[2], [0]]), out=o)
print(r, r is o)
print(torch.take(src, torch.tensor([0, 5]), out=torch.empty(2)))
print(torch.index_add(torch.ones(3), 0, torch.tensor([0, 2]), torch.ones(2), alpha=2, out=torch.empty(3)))
print(torch.scatter(torch.ones(3), 0, torch.tensor([0]), torch.zeros(1), out=torch.empty(3)))
print(torch.scatter(torch.ones(3), 0, torch.tensor([1]), 5., out=torch.empty(3)))
for call in (lambda: torch.gather(src, 1, torch.tensor([[0], [1]]), out=torch.empty(2, 1, dtype=torch.float64)),
             lambda: torch.take(src, torch.tensor([0, 3]), out=torch.empty(2, dtype=torch.float64)),
             lambda: torch.index_add(torch.ones(3), 0, torch.tensor([0]), torch.ones(1), out=torch.empty(3, dtype=torch.int64)),
             lambda: torch.scatter(torch.ones(3), 0, torch.tensor([0]), 1., out=torch.empty(3, dtype=torch.float64)),
             lambda: torch.gather(src.requires_grad_(), 1, torch.tensor([[0], [1]]), out=torch.empty(2, 1))):
    try:
        print(call())
    except RuntimeError as e:
        print("RuntimeError", e)
''',
        '''print(torch.gather(torch.arange(4.).view(2, 2), 1, torch.tensor([[0], [1]]), out=torch.empty(5)))
''',
        # (set_warn_always: the deprecation is a once-per-process warning on both sides, which another test of the
        # same pytest worker may have used up on one side only)
        '''torch.set_warn_always(True)
print(torch.scatter(torch.ones(3), 0, torch.tensor([0, 0]), torch.tensor([2., 3.]), reduce="add",
                    out=torch.empty(3)))
torch.set_warn_always(False)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_out_dtypes_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"out_dtypes/{name}", warns="per_cell")
