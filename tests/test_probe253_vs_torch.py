"""What the 253rd probe (molecule and point-cloud graph lessons: bonds as index tensors, message passing with
index_add_ / scatter_add / scatter_reduce, cdist and radial features, triu/tril_indices, bincount and
repeat_interleave pooling, kNN with topk(largest=False), equivariance under QR rotations) found, each checked against
PyTorch: float16 messages. ATen's CPU scatter kernels (scatter_add, scatter_reduce sum/mean/prod, scatter with
reduce=) accumulate a float16 target in float32 and round once (mean: the rounded sum divided by the count), while
index_add_ adds each slice in float16, except where index_add_cpu_out hands the call to scatter_add_ (two dims or
more, the first or last dim, an int64 index, alpha 1): there it sums in float32 too, and an index out of bounds gets
scatter_add_'s RuntimeError naming the index; elsewhere (a vector, a middle dim, an int32 index, another alpha) its
own IndexError 'index out of range in self'."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''torch.manual_seed(0)
'''

CELLS = {
    "half_scatter_reduce_accumulates_in_float32": [TRY + '''x = (torch.randn(200) * 3).half()
i = torch.randint(0, 5, (200,))
for r in ["sum", "mean", "prod", "amax", "amin"]:
    for inc in [True, False]:
        print(r, inc, torch.ones(5).half().scatter_reduce(0, i, x[:200 if r != "prod" else 12], r, include_self=inc)
              if r != "prod" else torch.ones(5).half().scatter_reduce(0, i[:12], x[:12], r, include_self=inc))
print(torch.zeros(5).half().scatter_add(0, i, x), torch.zeros(5).half().scatter_add_(0, i, x))
h = (torch.randn(100, 3) * 3).half()
e = torch.randint(0, 4, (100, 3))
print(torch.zeros(4, 3).half().scatter_add(0, e, h), torch.zeros(4, 3).half().scatter_reduce(0, e, h, "mean"))''',
        '''torch.set_warn_always(True)
print(torch.zeros(5).half().scatter(0, i, x, reduce="add"))
print(torch.ones(5).half().scatter(0, i[:12], x[:12], reduce="multiply"))
print(torch.zeros(5).half().scatter(0, i, 1.37, reduce="add"), torch.ones(5).half().scatter(0, i[:20], 1.37, reduce="multiply"))
w = x.float().requires_grad_()
y = torch.zeros(5).scatter_reduce(0, i, w, "mean").half()
print(y, torch.zeros(5, dtype=torch.float64).scatter_add(0, i, x.double()))'''],
    "half_index_add_paths": [TRY + '''x = (torch.randn(100, 4) * 3).half()
i = torch.randint(0, 3, (100,))
base = torch.zeros(3, 4).half()
print(base.index_add(0, i, x), base.index_add(0, i.int(), x))
print(base.index_add(0, i, x, alpha=2), base.index_add(0, i, x, alpha=1.0), base.index_add(0, i, x, alpha=0.5))
print(torch.zeros(4, 3).half().index_add(1, i, x.T), torch.zeros(4, 3).half().index_add(-1, i, x.T.contiguous()))
print(torch.zeros(2, 3, 2).half().index_add(1, i, x.T.reshape(2, 100, 2)))
print(torch.zeros(3).half().index_add(0, i, x[:, 0]), torch.zeros(3, 4).half().index_add_(0, i, x))
print(torch.zeros(3, 4, 2).half().index_add(0, i, x.unsqueeze(-1).expand(100, 4, 2)))'''],
    "index_add_bounds_error_by_path": [TRY + '''attempt(lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0, 5]), torch.ones(2, 2)))
attempt(lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0, 5]).int(), torch.ones(2, 2)))
attempt(lambda: torch.zeros(3, 2).index_add_(0, torch.tensor([0, 5]), torch.ones(2, 2), alpha=2))
attempt(lambda: torch.zeros(3, 2).index_add(0, torch.tensor([0, 5]), torch.ones(2, 2), alpha=1.0))
attempt(lambda: torch.zeros(2, 3, 2).index_add_(1, torch.tensor([0, 5]), torch.ones(2, 2, 2)))
attempt(lambda: torch.zeros(2, 3).index_add_(1, torch.tensor([0, -3]), torch.ones(2, 2)))
attempt(lambda: torch.zeros(2, 3).index_add_(-1, torch.tensor([0, 4]), torch.ones(2, 2)))
attempt(lambda: torch.zeros(3).index_add_(0, torch.tensor([0, 5]), torch.ones(2)))
attempt(lambda: torch.zeros(3, 2, dtype=torch.long).index_add_(0, torch.tensor([9]), torch.ones(1, 2, dtype=torch.long)))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe253_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe253", name=name)
