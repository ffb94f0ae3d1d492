"""What the sixty-second probe (classical time-series models in plain PyTorch: exponential smoothing loops, AR /
ARMA by least squares and likelihood, Prophet-style trend and seasonality, quantile loss and CRPS, moving-average
decomposition, metrics and backtests) found, each checked against PyTorch: an in-place op on a tensor whose
elements share memory without a zero stride (unfold's overlapping windows, as_strided) walks the elements one by
one as PyTorch's kernel does (a location k windows share takes the op k times; a result of another dtype goes
through a buffer); hstack, vstack, dstack, column_stack and row_stack refuse an empty list in ATen's words;
torch.roll's "`shifts` required", no dims with one shift (the flattened roll) and a 0-d tensor's dims;
avg_pool1d's argument parsing (TypeErrors for float and bool sizes and a non-bool ceil_mode, "should contain one
int" after the rank check); huber_loss writes its losses in input's dtype (float32 input, float64 target) and
refuses an integer input; linalg.lstsq(driver="gels") on a matrix without full rank raises LAPACK's error; and
Tensor.unfold parsed as PyTorch parses it."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + "import torch.nn.functional as F\ntorch.manual_seed(0)\n"

CELLS = {
    "inplace_on_overlapping_windows": [
        TRY + '''for op in (lambda w: w.add_(1), lambda w: w.mul_(2), lambda w: w.div_(2), lambda w: w.exp_(),
           lambda w: w.neg_(), lambda w: w.sub_(torch.ones(4, 1)), lambda w: w.add_(1, alpha=2),
           lambda w: w.sub_(w.mean(1, keepdim=True)), lambda w: w.add_(w), lambda w: w.sigmoid_(),
           lambda w: w.T.add_(1), lambda w: w.add_(torch.ones(3, dtype=torch.float64)),
           lambda w: w.add_(torch.tensor(1., dtype=torch.float64)), lambda w: w.clamp_(max=3)):
    x = torch.arange(6.)
    op(x.unfold(0, 3, 1))
    print(x, x._version)
x = torch.arange(7)
x.unfold(0, 3, 2).mul_(3)
y = torch.arange(6.)
y.as_strided((3, 2), (1, 1)).add_(1)
print(x, y)''',
        TRY + '''leaf = torch.arange(6.).requires_grad_()
x = leaf * 1
w = x.unfold(0, 3, 1)
w.mul_(2)
print(x, w, w.grad_fn, x.grad_fn)
attempt(lambda: leaf.unfold(0, 3, 1).add_(1))
series = torch.randn(10)
windows = series.unfold(0, 4, 2)
windows -= windows.mean(dim=1, keepdim=True)
print(series)'''],
    "stacking_an_empty_list": [
        TRY + '''for fn in (torch.hstack, torch.vstack, torch.dstack, torch.column_stack, torch.row_stack, torch.stack):
    attempt(lambda: fn([]))
    attempt(lambda: fn(()))
print(torch.hstack([torch.ones(2), torch.zeros(1)]), torch.column_stack([torch.ones(2)]))'''],
    "roll_shifts_and_dims": [
        TRY + '''s = torch.tensor(5.)
attempt(lambda: torch.roll(s, 1, 0))
attempt(lambda: torch.roll(s, 1, -1))
attempt(lambda: torch.roll(s, (1, 1), (5, 0)))
attempt(lambda: s.roll(1, 0))
attempt(lambda: torch.roll(s, 1))
attempt(lambda: torch.roll(torch.arange(6.), []))
attempt(lambda: torch.roll(torch.arange(6.), [], [0]))
attempt(lambda: torch.roll(torch.arange(6.), [1], []))
attempt(lambda: torch.roll(torch.arange(6.).view(2, 3), [4], []))
attempt(lambda: torch.roll(torch.arange(6.), (1, 2), []))
attempt(lambda: torch.arange(6.).roll([]))
attempt(lambda: torch.roll(torch.arange(6.).view(2, 3), (1, 2), (0, 5)))'''],
    "avg_pool1d_arguments": [
        TRY + '''x = torch.arange(10.).view(1, 1, 10)
attempt(lambda: F.avg_pool1d(x, (2, 2)))
attempt(lambda: F.avg_pool1d(x, 2, stride=(1, 1)))
attempt(lambda: F.avg_pool1d(x, 2, 1, (1, 1)))
attempt(lambda: F.avg_pool1d(x, ()))
attempt(lambda: F.avg_pool1d(x, 2.0))
attempt(lambda: F.avg_pool1d(x, 2, 1.5))
attempt(lambda: F.avg_pool1d(x, 2, 1, 0.0))
attempt(lambda: F.avg_pool1d(x, 2, stride=True))
attempt(lambda: F.avg_pool1d(x, True))
attempt(lambda: F.avg_pool1d(x, (2.0,)))
attempt(lambda: F.avg_pool1d(x, [2, 2.5]))
attempt(lambda: F.avg_pool1d(x, 2, padding=None))
attempt(lambda: F.avg_pool1d(x, "2"))
attempt(lambda: F.avg_pool1d(x, 2, ceil_mode=1))
attempt(lambda: F.avg_pool1d(x, 2, count_include_pad=None))
attempt(lambda: F.avg_pool1d(torch.ones(5), 2.0))
attempt(lambda: F.avg_pool1d(torch.ones(5), (2, 2)))
attempt(lambda: F.lp_pool1d(x, 2, (2, 2)))
attempt(lambda: torch.nn.AvgPool1d((3, 3))(x))
attempt(lambda: torch.avg_pool1d(x, (2, 2)))
print(F.avg_pool1d(x, [3], (2,), [1]), F.avg_pool1d(x, 3, stride=()), F.avg_pool1d(x, 4, None, 1, True, False))'''],
    "huber_loss_dtypes": [
        TRY + '''a = torch.randn(5, requires_grad=True)
b = torch.randn(5, dtype=torch.float64) * 3
for red in ("mean", "sum", "none"):
    out = F.huber_loss(a, b, reduction=red, delta=0.5)
    print(out, out.dtype)
attempt(lambda: out.sum().backward())
attempt(lambda: F.huber_loss(b.requires_grad_(), a.detach()).backward())
attempt(lambda: F.huber_loss(a.detach(), b).backward())
attempt(lambda: F.huber_loss(a, torch.ones(5, dtype=torch.float16)).backward())
F.huber_loss(a, b.float()).backward()
print(a.grad, b.grad, F.huber_loss(b, a).dtype, torch.nn.HuberLoss()(a, b).dtype,
      F.huber_loss(torch.ones(3, dtype=torch.float16), torch.ones(3) * 2).dtype,
      F.huber_loss(torch.ones(2, 3), torch.ones(3, dtype=torch.float64)).dtype)
attempt(lambda: F.huber_loss(torch.ones(3, dtype=torch.int64), torch.ones(3)))
attempt(lambda: F.huber_loss(torch.ones(3), torch.ones(3, dtype=torch.int64)))
attempt(lambda: F.huber_loss(torch.ones(3, dtype=torch.int64), torch.ones(3, dtype=torch.int64)))
attempt(lambda: F.huber_loss(torch.ones(3, dtype=torch.int32), torch.ones(3, dtype=torch.int64)))
attempt(lambda: F.huber_loss(torch.ones(3), torch.ones(3, dtype=torch.complex64)))
attempt(lambda: F.huber_loss(torch.ones(3, dtype=torch.int64), torch.ones(3), delta=-1))'''],
    "lstsq_gels_without_full_rank": [
        TRY + '''attempt(lambda: torch.linalg.lstsq(torch.ones(3, 2), torch.ones(3), driver="gels"))
attempt(lambda: torch.linalg.lstsq(torch.ones(2, 3), torch.ones(2, 1), driver="gels"))
X = torch.tensor([[1., 2.], [2., 4.], [3., 6.]], dtype=torch.float64)
attempt(lambda: torch.linalg.lstsq(X, torch.ones(3, 1, dtype=torch.float64), driver="gels"))
attempt(lambda: torch.linalg.lstsq(torch.stack([torch.randn(3, 2), torch.ones(3, 2)]), torch.ones(2, 3, 1),
                                   driver="gels"))
attempt(lambda: torch.linalg.lstsq(torch.ones(3, 2), torch.ones(2, 3, 1), driver="gels"))
attempt(lambda: torch.linalg.lstsq(torch.zeros(3, 2), torch.ones(3, 1), driver="gels").solution)
print(torch.linalg.lstsq(X, torch.ones(3, 1, dtype=torch.float64)).rank,
      torch.linalg.lstsq(torch.eye(3)[:, :2], torch.ones(3, 1), driver="gels").residuals)'''],
    "unfold_method_arguments": [
        TRY + '''x = torch.arange(10.)
attempt(lambda: x.unfold(0, size=3, step=1.0))
attempt(lambda: x.unfold(0, 3))
attempt(lambda: x.unfold(0, 3, 1, 1))
attempt(lambda: x.unfold(0.0, 3, 1))
attempt(lambda: x.unfold(dim=0, size=3, step=1))
attempt(lambda: x.unfold(0, 3, True))
attempt(lambda: x.unfold(0, 3, None))
attempt(lambda: x.unfold())
print(x.unfold(dimension=0, size=3, step=4), x.unfold(0, torch.tensor(3), 3).shape)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe62_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
