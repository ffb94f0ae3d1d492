"""What the eighty-second probe (François Fleuret's deep learning course, fleuret.org/dlc: tensor basics, storage
and views, BLAS-style in-place products, the MLP-by-hand and convnet practicals, dropout and batchnorm) found, each
checked against PyTorch: mv's rank check ("vector + matrix @ vector expected, got 1, 2, 2", a 0-d matrix's
IndexError); the structured in-place products addmm_, addmv_, baddbmm_ refusing a self of another shape than the
product's ("Bad in-place call: ...") after their meta checks, and addr_'s own checks of self; addr expanding its
input (expand's errors, not numpy's) and computing in the tensors' result type; narrow's checks in ATen's order (a
tensor start, a 0-d input, a negative length) and narrow_copy's own; view/reshape of an empty tensor with -1
("ambiguous") and a size below -1; batch_norm without running statistics in evaluation mode, or with only one of
them in training, and instance_norm with use_input_stats=False and none; storages read as in handout 1-4
(TypedStorage's index checks and refusal of slices, UntypedStorage's bytes and slices of step 1, is_shared, type,
clone, copy_, cpu and the dtype conversions float() ... bool())."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "mv_ranks": [
        ATTEMPT + '''m = torch.ones(6, 4)
for make in [lambda: m.mv(torch.ones(2, 4)), lambda: m.mv(torch.ones(())), lambda: torch.ones(2, 3, 4).mv(torch.ones(4)),
             lambda: torch.ones(4).mv(torch.ones(4)), lambda: torch.ones(()).mv(torch.ones(4)),
             lambda: torch.mv(m, torch.ones(3, 1, dtype=torch.int64)), lambda: m.mv(torch.ones(4, dtype=torch.int64))]:
    attempt(make)
''',
    ],
    "structured_inplace_products": [
        ATTEMPT + '''for make in [lambda: torch.ones(2, 3).addmm_(torch.ones(2, 2), torch.ones(2, 2)),
             lambda: torch.ones(3).addmm_(torch.ones(2, 2), torch.ones(2, 3)),
             lambda: torch.ones(1, 3).addmm_(torch.ones(2, 2), torch.ones(2, 3)),
             lambda: torch.ones(3).addmm_(torch.ones(2, 2), torch.ones(2, 3), alpha=2),
             lambda: torch.ones(2, 3).addmm_(torch.ones(2, 2), torch.ones(3, 3)),
             lambda: torch.ones(1).addmm_(torch.ones(2, 2), torch.ones(2, 3, dtype=torch.float64)),
             lambda: torch.ones(2, 3).addmm_(torch.ones(2, 2), torch.ones(2, 3), beta=0.5, alpha=2),
             lambda: torch.ones(1).addmv_(torch.ones(2, 2), torch.ones(2)),
             lambda: torch.ones(()).addmv_(torch.ones(2, 2), torch.ones(2)),
             lambda: torch.ones(3).addmv_(torch.ones(2, 2), torch.ones(2)),
             lambda: torch.ones(1).addmv_(torch.ones(2, 2), torch.ones(2, dtype=torch.float64)),
             lambda: torch.ones(1, 3).baddbmm_(torch.ones(1, 2, 2), torch.ones(1, 2, 3)),
             lambda: torch.ones(2, 2, 3).baddbmm_(torch.ones(1, 2, 2), torch.ones(1, 2, 3))]:
    attempt(make)
x = torch.ones(1, 3, requires_grad=True).clone()
attempt(lambda: x.addmm_(torch.ones(2, 2), torch.ones(2, 3)))
print(x, x._version)
w = torch.ones(1, 3, requires_grad=True)
attempt(lambda: w.addmm_(torch.ones(2, 2), torch.ones(2, 3)))
attempt(lambda: w.addmm_(torch.ones(2, 2), torch.ones(3, 3)))
with torch.no_grad():
    attempt(lambda: w.addmm_(torch.ones(2, 2), torch.ones(2, 3)))
''',
    ],
    "addr_checks_and_dtype": [
        ATTEMPT + '''for make in [lambda: torch.ones(1, 3).addr_(torch.ones(2), torch.ones(3)),
             lambda: torch.ones(3).addr_(torch.ones(2), torch.ones(3)),
             lambda: torch.ones(3).addr_(torch.ones(2, 1), torch.ones(3)),
             lambda: torch.ones(2, 3, dtype=torch.int64).addr_(torch.ones(2), torch.ones(3)),
             lambda: torch.addr(torch.ones(2, 3), torch.ones(2), torch.ones(4)),
             lambda: torch.addr(torch.ones(2, 3, 1), torch.ones(2), torch.ones(3)),
             lambda: torch.addr(torch.ones(2, 3), torch.ones(2, 1), torch.ones(4)),
             lambda: torch.addr(torch.ones(2, 3), torch.ones(2), torch.ones(4), beta=0),
             lambda: torch.addr(torch.ones(2, 3, dtype=torch.int64), torch.ones(2), torch.ones(3)),
             lambda: torch.addr(torch.ones(2, 3), torch.ones(2, dtype=torch.int64), torch.ones(3, dtype=torch.int64))]:
    attempt(make)
''',
    ],
    "narrow_checks": [
        ATTEMPT + '''X = torch.arange(15.).view(5, 3)
for make in [lambda: torch.tensor(1.).narrow(0, 0, 1), lambda: X.narrow(5, 0, -1), lambda: X.narrow(0, 9, -1),
             lambda: X.narrow(0, torch.tensor([1]), 2), lambda: X.narrow(0, torch.tensor(1.), 2),
             lambda: X.narrow(0, torch.tensor(True), 2), lambda: X.narrow(0, 1, torch.tensor(-3)),
             lambda: X.narrow_copy(0, 0, -1), lambda: X.narrow_copy(0, 6, -1), lambda: X.narrow_copy(3, 0, 1),
             lambda: torch.tensor(1.).narrow_copy(0, 0, 1), lambda: X.narrow(0, -7, 1)]:
    attempt(make)
''',
    ],
    "view_inferred_sizes": [
        ATTEMPT + '''for make in [lambda: torch.ones(0, 3).view(-1, 0), lambda: torch.ones(0, 3).reshape(-1, 0),
             lambda: torch.ones(0).view(0, -1), lambda: torch.ones(0, 3).view(-1, 0, 2),
             lambda: torch.ones(6).view(-2, 3), lambda: torch.ones(6).reshape(3, -3),
             lambda: torch.ones(0, 3).reshape(-2, 0), lambda: torch.ones(0, 3).t().view(-2, 0),
             lambda: torch.ones(0, 3).view(2, -1).shape]:
    attempt(make)
''',
    ],
    "batch_norm_missing_statistics": [
        ATTEMPT + '''import torch.nn.functional as F
x = torch.ones(4, 3)
for make in [lambda: F.batch_norm(x, None, None, training=False),
             lambda: F.batch_norm(x, torch.zeros(3), None, training=False),
             lambda: F.batch_norm(x, None, torch.zeros(5), training=False),
             lambda: F.batch_norm(x, torch.zeros(3), None, training=True),
             lambda: F.batch_norm(x, None, torch.zeros(5), training=True),
             lambda: F.batch_norm(x.long(), None, torch.zeros(3), training=True),
             lambda: F.batch_norm(x, torch.zeros(3, dtype=torch.float64), None, training=True),
             lambda: torch.batch_norm(x, None, None, None, None, False, 0.1, 1e-5, False),
             lambda: F.batch_norm(torch.ones(0, 3), None, None, training=False),
             lambda: F.instance_norm(torch.ones(2, 3, 4), use_input_stats=False)]:
    attempt(make)
bn = torch.nn.BatchNorm1d(3, track_running_stats=False).eval()
print(bn(torch.arange(12.).view(4, 3)))
''',
    ],
    "storage_access": [
        ATTEMPT + """import warnings
warnings.simplefilter("ignore")
x = torch.arange(6.).view(2, 3)
s, u = x.storage(), x.untyped_storage()
for make in [lambda: s[-1], lambda: s[6], lambda: s[-7], lambda: s[1.0], lambda: s[torch.tensor(1)], lambda: s[True],
             lambda: s[1:3], lambda: (s.is_shared(), u.is_shared(), s.is_pinned(), u.is_cuda, s.device, u.device),
             lambda: (s.type(), u.type()), lambda: (u[0], u[4], u[-1]), lambda: u[24], lambda: u[True],
             lambda: u[1:3], lambda: u[::2], lambda: u.tolist()[:8], lambda: u[4:8].data_ptr() - u.data_ptr(),
             lambda: (s.clone().data_ptr() == s.data_ptr(), s.cpu() is s, s.float() is s, s.double().dtype),
             lambda: (s.long()[1], s.bool()[0], s.half()[2]), lambda: s.copy_(torch.arange(3.).storage()),
             lambda: s.copy_(torch.arange(6., 12.).storage()).tolist()]:
    attempt(make)
print(x)
""",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe82_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe82/{name}", warns="per_cell")
