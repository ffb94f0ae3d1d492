"""What the fifty-third probe (survival analysis with a Cox partial likelihood and discrete-time hazards, learning to
rank with RankNet / ListNet / LambdaRank, Kalman filters and smoothers written by hand) found, each checked against
PyTorch: a comparison (==, <, ...) or a bitwise & | ^ of tensors whose shapes do not broadcast is PyTorch's
RuntimeError, not numpy's ValueError; logcumsumexp refuses integer and bool tensors (its kernel's
NotImplementedError, after the dim check); cumsum / cumprod into a bool dtype are refused, and Tensor.cumsum_ /
cumprod_ run in self's dtype (a bool tensor's is refused, another dtype= is "Bad in-place call"); torch.softmax
and torch.log_softmax honour dtype= (an int64 input cast first); linalg.solve_ex and linalg.inv_ex of a singular
matrix return LAPACK's result from the singular LU (infinities and NaNs) with info, and solve_ex(check_errors=True)
names itself; x.flip(), x.new_zeros() / new_ones() / new_empty() / new_full() / new_tensor() and x.resize_()
without their argument are PyTorch's "missing" TypeError (resize_ takes size=); margin_ranking_loss's margin is a
double (integer inputs give a float loss); logaddexp / logaddexp2 of integer or bool tensors are the kernel's
NotImplementedError (no promotion to float), and logaddexp2 refuses complex; logsumexp over dim=() without
keepdim is ATen's error; logaddexp and logaddexp2 of float16 are computed in float32 and rounded once; a
MultivariateNormal whose loc and matrix batch shapes do not broadcast, the KL divergence of two of them and
AffineTransform.forward_shape give PyTorch's messages (torch.broadcast_shapes', _infer_size's), forward_shape a
torch.Size."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''torch.manual_seed(0)
time = torch.tensor([5., 3., 9., 3., 7., 1.])
event = torch.tensor([1, 0, 1, 1, 0, 1])
'''

CELLS = {
    "comparisons_that_do_not_broadcast": [
        TRY + '''a, b = torch.randn(6, 1), torch.randn(4, 1)
for f in (lambda: a > b, lambda: a == b, lambda: a.ne(b), lambda: torch.le(a, b), lambda: a.lt(b.t()).shape,
          lambda: time[:, None] >= time[None, :4].t(), lambda: event.bool() & event[:4].bool(),
          lambda: event | event[:2], lambda: event ^ event[:3], lambda: torch.bitwise_and(event, event[:5]),
          lambda: torch.eq(time, time[:2]), lambda: (a > 0) & (b > 0), lambda: a > b.t(), lambda: torch.gt(a, 0.5)):
    attempt(f)''',
    ],
    "logcumsumexp_dtypes_and_dims": [
        TRY + '''for dt in (torch.bool, torch.uint8, torch.int8, torch.int32, torch.int64, torch.float16, torch.float64):
    attempt(lambda: torch.logcumsumexp(event.to(dt), 0))
for f in (lambda: torch.logcumsumexp(torch.tensor(3), 0), lambda: event.logcumsumexp(0),
          lambda: torch.logcumsumexp(event, 1), lambda: torch.logcumsumexp(time, 1), lambda: torch.logcumsumexp(time, -2),
          lambda: torch.logcumsumexp(torch.empty(0, dtype=torch.long), 0), lambda: torch.logcumsumexp(time, -1),
          lambda: torch.logcumsumexp(time.view(2, 3), dim=-2), lambda: torch.logcumsumexp(torch.tensor(2.), -1)):
    attempt(f)
x = time.clone().requires_grad_()
torch.logcumsumexp(x.flip(0), 0).flip(0).sum().backward()
print(x.grad)''',
    ],
    "running_sums_into_bool_and_in_place": [
        TRY + '''for f in (lambda: torch.cumsum(event, 0, dtype=torch.bool), lambda: torch.cumsum(event.bool(), 0, dtype=torch.bool),
          lambda: torch.cumprod(event.bool(), 0, dtype=torch.bool), lambda: event.float().cumsum(0, dtype=torch.bool),
          lambda: torch.cumprod(event, 0, dtype=torch.bool), lambda: torch.cumsum(event, 0, dtype=torch.uint8),
          lambda: event.bool().cumsum_(0), lambda: event.bool().cumprod_(0), lambda: event.clone().cumsum_(0),
          lambda: event.to(torch.int8).cumsum_(0), lambda: event.to(torch.int8).cumprod_(dim=0),
          lambda: time.clone().cumsum_(0, dtype=torch.float64), lambda: event.clone().cumsum_(0, dtype=torch.float32),
          lambda: event.int().cumsum_(0, dtype=torch.int64), lambda: event.to(torch.uint8).cumsum_(0, dtype=torch.bool),
          lambda: time.half().cumprod_(0, dtype=torch.float32), lambda: time.clone().cumsum_(0, dtype=torch.float32),
          lambda: event.clone().cumsum_(1)):
    attempt(f)''',
        '''x = time.clone().requires_grad_()
y = x * 1
y.cumsum_(0)
print(y, y._version, y.grad_fn)
y.sum().backward()
print(x.grad)
z = x * 1
z.cumprod_(0)
z.sum().backward()
print(x.grad)''',
    ],
    "softmax_dtype_argument": [
        TRY + '''rel = torch.tensor([[3, 2, 0], [0, 1, 4]])
for f in (lambda: torch.softmax(rel, -1, torch.float64), lambda: torch.softmax(rel, dim=0, dtype=torch.float32),
          lambda: torch.log_softmax(rel, -1, dtype=torch.float64), lambda: torch.log_softmax(rel, 0, torch.float16),
          lambda: torch.softmax(rel.float(), 1, dtype=torch.float64), lambda: torch.softmax(rel, -1, torch.int64),
          lambda: torch.softmax(rel, dim=-1, dtype=None), lambda: torch.log_softmax(rel, -1, torch.bool),
          lambda: torch.softmax(rel, 5, torch.float64)):
    attempt(f)
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.log_softmax(x, 0, dtype=torch.float64)
print(y, y.grad_fn)
y[0].backward()
print(x.grad)''',
    ],
    "solve_ex_and_inv_ex_of_singular_matrices": [
        TRY + '''Z, A = torch.zeros(2, 2), torch.tensor([[1., 2.], [2., 4.]])
B = torch.stack([torch.eye(2) * 2, A, Z])
for f in (lambda: torch.linalg.solve_ex(Z, torch.ones(2)), lambda: torch.linalg.solve_ex(A, torch.ones(2, 1)),
          lambda: torch.linalg.solve_ex(A, torch.ones(1, 2), left=False), lambda: torch.linalg.inv_ex(A),
          lambda: torch.linalg.inv_ex(Z), lambda: torch.linalg.solve_ex(B, torch.ones(2)), lambda: torch.linalg.inv_ex(B),
          lambda: torch.linalg.solve_ex(A.double(), torch.ones(2, 3).double()),
          lambda: torch.linalg.solve_ex(A, torch.ones(2), check_errors=True),
          lambda: torch.linalg.solve_ex(B, torch.ones(2), check_errors=True),
          lambda: torch.linalg.inv_ex(B, check_errors=True), lambda: torch.linalg.solve(B, torch.ones(2)),
          lambda: torch.linalg.solve_ex(A, torch.ones(3)), lambda: torch.linalg.solve_ex(A.int(), torch.ones(2)),
          lambda: torch.linalg.solve_ex(torch.eye(2), torch.ones(2))):
    attempt(f)''',
        '''x = torch.eye(2, requires_grad=True)
r = torch.linalg.solve_ex(x * 0, torch.ones(2)).result
print(r, r.grad_fn)
r.sum().backward()
print(x.grad)
w = torch.eye(2, requires_grad=True)
inv = torch.linalg.inv_ex(w * 0).inverse
inv.sum().backward()
print(inv, w.grad)''',
    ],
    "methods_called_without_their_argument": [
        TRY + '''t = torch.arange(3.)
for f in (lambda: t.flip(), lambda: torch.flip(t), lambda: torch.flip(input=t), lambda: t.flip(dims=[0]),
          lambda: t.flip(*[]), lambda: t.new_zeros(), lambda: t.new_ones(), lambda: t.new_empty(),
          lambda: t.new_full(), lambda: t.new_full((2,)), lambda: t.new_full(fill_value=2), lambda: t.new_full(size=(2,)),
          lambda: t.new_full(size=(2,), fill_value=1.5), lambda: t.new_full((1,), fill_value=4),
          lambda: t.new_full([2, 1], 1, dtype=torch.float64), lambda: t.new_zeros(dtype=torch.int64),
          lambda: t.new_zeros(size=(2,)), lambda: t.new_ones(2, 2), lambda: t.new_empty((1,)).shape,
          lambda: t.new_tensor(), lambda: t.new_tensor(dtype=torch.int64), lambda: t.new_tensor([1, 2]),
          lambda: t.clone().resize_(), lambda: t.clone().resize_(memory_format=torch.contiguous_format),
          lambda: t.clone().resize_(2), lambda: t.clone().resize_(size=(1,)), lambda: t.clone().resize_(()),
          lambda: t.clone().resize_(sizes=(1,))):
    attempt(f)
print(t)''',
    ],
    "margin_ranking_loss_of_integer_scores": [
        TRY + '''import torch.nn.functional as F
a, y = torch.tensor([0, 1, 0]), torch.tensor([1, -1, 1])
for f in (lambda: F.margin_ranking_loss(a, a, y), lambda: F.margin_ranking_loss(a, a + 1, y, margin=1, reduction="none"),
          lambda: F.margin_ranking_loss(a, a, y, margin=torch.tensor(2)), lambda: F.margin_ranking_loss(a, a, y, reduction="sum"),
          lambda: F.margin_ranking_loss(a.double(), a.double(), y.double(), margin=1),
          lambda: torch.nn.MarginRankingLoss(margin=2)(a, a, y), lambda: F.margin_ranking_loss(a.float(), a.float(), y)):
    attempt(f)''',
    ],
    "logaddexp_of_integers_and_logsumexp_over_no_dims": [
        TRY + '''f = time
for g in (lambda: torch.logaddexp(event, event), lambda: torch.logaddexp(event, f), lambda: torch.logaddexp(f, event),
          lambda: torch.logaddexp(event.bool(), event.bool()), lambda: torch.logaddexp2(event, event),
          lambda: torch.logaddexp(event.int(), event.to(torch.int8)), lambda: event.logaddexp(event),
          lambda: event.logaddexp2(event), lambda: torch.logaddexp(event.to(torch.uint8), event.to(torch.uint8)),
          lambda: torch.logaddexp(f.half(), f.half()), lambda: torch.logaddexp2(f.to(torch.complex64), f.to(torch.complex64)),
          lambda: torch.logaddexp(event, event, out=torch.empty(6)), lambda: torch.logaddexp2(f, event.bool()),
          lambda: torch.logsumexp(f, ()), lambda: torch.logsumexp(f.view(3, 2), ()), lambda: torch.logsumexp(f.view(2, 3), []),
          lambda: torch.logsumexp(torch.tensor(2.), ()), lambda: torch.logsumexp(f, (0,)),
          lambda: torch.logsumexp(f.view(1, 6), (), keepdim=True), lambda: f.logsumexp(()),
          lambda: torch.logsumexp(event.view(2, 3), ()), lambda: torch.logsumexp(event.view(2, 3), (), True)):
    attempt(g)''',
    ],
    "distribution_batch_shapes_that_do_not_broadcast": [
        TRY + '''from torch.distributions import MultivariateNormal, kl_divergence, AffineTransform
A = torch.tensor([[4., 1.], [1., 3.]])
for f in (lambda: MultivariateNormal(torch.zeros(3, 2), covariance_matrix=A.expand(4, 2, 2)),
          lambda: MultivariateNormal(torch.zeros(3, 2), scale_tril=torch.eye(2).expand(2, 2, 2)),
          lambda: MultivariateNormal(torch.zeros(5, 3, 2), precision_matrix=A.expand(4, 2, 2)),
          lambda: MultivariateNormal(torch.zeros(3, 2), A.expand(3, 2, 2)).batch_shape,
          lambda: MultivariateNormal(torch.zeros(1, 2), A.expand(4, 2, 2)).batch_shape,
          lambda: kl_divergence(MultivariateNormal(torch.zeros(3, 2), A.expand(3, 2, 2)),
                                MultivariateNormal(torch.zeros(4, 2), A.expand(4, 2, 2))),
          lambda: kl_divergence(MultivariateNormal(torch.zeros(3, 2), A.expand(3, 2, 2)),
                                MultivariateNormal(torch.zeros(1, 2), A.expand(1, 2, 2))).shape,
          lambda: AffineTransform(torch.zeros(3), torch.ones(3)).forward_shape((4,)),
          lambda: AffineTransform(torch.zeros(3), torch.ones(3)).forward_shape((2, 3)),
          lambda: AffineTransform(torch.zeros(3), 2.).forward_shape(torch.Size([5, 1])),
          lambda: AffineTransform(0., 2.).inverse_shape((2,))):
    attempt(f)''',
    ],
    "binary_functions_that_do_not_broadcast": [
        TRY + '''import torch.nn.functional as F
a, b = torch.arange(6.).view(6, 1) + 1, torch.arange(4.).view(4, 1) + 1
ai, bi = a.long(), b.long()
for name in ("floor_divide", "remainder", "fmod", "fmax", "fmin", "logical_and", "logical_or", "logical_xor",
             "nextafter", "heaviside", "ldexp", "dist", "clamp", "special.xlog1py", "special.zeta", "polar", "complex",
             "igamma", "igammac", "hypot", "logaddexp", "logaddexp2", "gcd", "lcm", "copysign", "xlogy", "atan2"):
    fn = eval("torch." + name)
    for x, y in ((a, b), (ai, bi), (a, bi)):
        attempt(lambda: fn(x, y).shape)
for f in (lambda: ai % bi, lambda: ai // bi, lambda: a.clone().eq_(b), lambda: a.clone().lt_(b), lambda: a.clone().ge_(b.t()),
          lambda: a.clone().fmod_(b), lambda: a.clone().logical_and_(b), lambda: torch.addcmul(a, b, a),
          lambda: F.soft_margin_loss(a, b), lambda: F.soft_margin_loss(a, torch.ones(6), reduction="none"),
          lambda: F.soft_margin_loss(torch.ones(6), torch.ones(1), reduction="none").shape,
          lambda: F.soft_margin_loss(torch.tensor(1.), torch.ones(2)), lambda: F.soft_margin_loss(torch.ones(2, 3), torch.ones(3)),
          lambda: torch.take_along_dim(a, torch.zeros(4, 1, dtype=torch.long), dim=1),
          lambda: torch.take_along_dim(torch.ones(6, 3), torch.zeros(1, 2, dtype=torch.long), dim=1).shape):
    attempt(f)''',
    ],
    "float16_logaddexp_rounds_once": [
        TRY + '''a = (torch.randn(200) * 8).half()
b = (torch.randn(200) * 8).half()
for f in (torch.logaddexp, torch.logaddexp2):
    r = f(a, b)
    print(r[:12], r.float().sum().item())
    x, y = a.clone().requires_grad_(), b.clone().requires_grad_()
    f(x, y).sum().backward()
    print(x.grad[:6], y.grad.float().sum().item())
print(torch.logaddexp(time.half(), time.half()), torch.logaddexp2(time.half(), time.half() - 1))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe53_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
