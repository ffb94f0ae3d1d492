"""What the two-hundred-and-forty-third probe (dynamic programming on tensors: edit distance, soft-DTW, CKY,
knapsack, running max) found, each checked against PyTorch. F.pad's value arrives as a double and fills the padded
output through c10's checked conversion (a -inf into an int64 row overflows; -1.0 does not wrap into uint8, while
constant_pad_nd's integer Scalar does), and a pad that only crops fills nothing. A backward that finds several
saved tensors changed names the first in the order of their names, as PyTorch's generated nodes unpack them
(torch.minimum(D, D.t()): the transpose, `other`). A saved input whose base was written through a view names
CopySlices (the engine failed on it). cummax / cummin save their input as PyTorch's nodes do, so writing into it
before the backward is refused."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "pad_value_checked_conversion_into_the_dtype": ['''import torch.nn.functional as F
for dt in (torch.int64, torch.int32, torch.uint8, torch.bool, torch.float16, torch.float32):
    for v in (float("inf"), float("nan"), -1e30, 2.5, -1.0, 1e300):
        try:
            print(dt, v, F.pad(torch.zeros(2, dtype=dt), (1, 0), value=v))
        except RuntimeError as e:
            print(dt, v, type(e).__name__, e)
for v in (-1, 2.5, True, 1e30):
    try:
        print(torch.constant_pad_nd(torch.zeros(2, dtype=torch.uint8), (1, 0), v))
    except RuntimeError as e:
        print(type(e).__name__, e)
'''],
    "pad_that_only_crops_fills_nothing": ['''import torch.nn.functional as F
x = torch.arange(4)
for p in ((0, 0), (-1, 0), (-1, -1), (-1, 1), (0, 1)):
    try:
        print(p, F.pad(x, p, value=float("-inf")))
    except RuntimeError as e:
        print(p, type(e).__name__, e)
'''],
    "stale_saved_tensors_named_in_name_order": ['''torch.manual_seed(0)
C = torch.rand(3, 3, requires_grad=True)
for f in (lambda D: torch.minimum(D, D.t()), lambda D: torch.maximum(D, D.t()), lambda D: D * D.t(),
          lambda D: D.t() * D, lambda D: torch.atan2(D, D.t()), lambda D: torch.hypot(D, D.t()),
          lambda D: torch.fmin(D, D.t()), lambda D: D.div(D.t()), lambda D: torch.pow(D, D.t())):
    D = C.clone()
    s = f(D).sum()
    D.mul_(2)
    try:
        s.backward()
    except RuntimeError as e:
        print(e)
'''],
    "saved_base_written_through_a_view_names_copy_slices": ['''torch.manual_seed(0)
C = torch.rand(3, 3, requires_grad=True)
R = torch.zeros(4, 4)
R[1:, 1:] = C
w = torch.logsumexp(R, 0).sum()
R.diagonal().zero_()
try:
    w.backward()
except RuntimeError as e:
    print(e)
D = C * 1
s = (D * 3).exp().sum() + (D ** 2).sum()
D[0].fill_(1)
try:
    s.backward()
except RuntimeError as e:
    print(e)
'''],
    "cummax_cummin_save_their_input": ['''x = torch.tensor([[1.0, 3.0], [2.0, 0.5], [2.0, 4.0]], requires_grad=True)
for name in ("cummax", "cummin"):
    D = x.clone()
    s = getattr(D, name)(0).values.sum()
    D[0, 0] = 5
    try:
        s.backward()
        print(x.grad)
    except RuntimeError as e:
        print(e)
    y = getattr(torch, name)(x, 1).values.sum()
    y.backward()
    try:
        y.backward()
    except RuntimeError as e:
        print(str(e)[:60])
print(x.grad)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe243(name):
    assert_same_as_pytorch(CELLS[name], name=name)
