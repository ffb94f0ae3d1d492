"""What the two-hundred-and-eleventh probe (loss-landscape and curvature lessons: filter-normalised directions, loss
grids, Hessian-vector products, power iteration, Lanczos, Hutchinson, sharpness, torch.func hvp) found, each checked
against PyTorch. Forward-over-reverse through a pointwise loss's backward function follows derivatives.yaml's
result formula, double(self_t * grad_output) - double(target_t * grad_output) + backward(grad_output_t, ...), where
a missing tangent is a ZeroTensor: a mean MSE divides that ZeroTensor in place and fails ("ZeroTensors are
immutable"), except under jacrev (whose vmapped cotangent takes another path: torch.func.hessian works); smooth L1's
zeros keep the signs of that sum; huber_loss_backward and soft_margin_loss_backward have no forward derivative."""
import warnings

import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "jvp_of_grad_through_mean_mse_writes_into_a_zero_tensor": ['''import torch.nn.functional as F
from torch.func import grad, jvp
torch.manual_seed(0)
x, y, t = torch.randn(5), torch.randn(5), torch.randn(5)
for red in ("mean", "sum", "none"):
    for name, f in (("target const", lambda x: F.mse_loss(x, y, reduction=red).sum()),
                    ("self const", lambda x: F.mse_loss(y, x, reduction=red).sum()),
                    ("both move", lambda x: F.mse_loss(x, 2 * x, reduction=red).sum())):
        try:
            print(red, name, jvp(grad(f), (x,), (t,))[1])
        except RuntimeError as e:
            print(red, name, type(e).__name__, e)
'''],
    "dual_tensor_through_loss_backward_under_create_graph": ['''import itertools
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD
torch.manual_seed(0)
x, y = torch.randn(6), torch.randn(6) * 2
tx, ty = torch.randn(6), torch.randn(6)
for name, f in (("mse", F.mse_loss), ("sl1", F.smooth_l1_loss),
                ("sl1 beta0", lambda a, b, reduction: F.smooth_l1_loss(a, b, reduction=reduction, beta=0.0))):
    for red in ("none", "mean", "sum"):
        for mask in itertools.product((0, 1), repeat=3):
            if not any(mask):
                continue
            with fwAD.dual_level():
                xr, yr = x.clone().requires_grad_(), y.clone().requires_grad_()
                a = fwAD.make_dual(xr, tx) if mask[1] else xr
                b = fwAD.make_dual(yr, ty) if mask[2] else yr
                try:
                    l = f(a, b, reduction=red)
                    go = torch.full_like(l, 1.5)
                    if mask[0]:
                        go = fwAD.make_dual(go, torch.full_like(go, -0.7))
                    ga, gb = torch.autograd.grad(l, (xr, yr), go, create_graph=True)
                    print(name, red, mask, fwAD.unpack_dual(ga).tangent.detach(), fwAD.unpack_dual(gb).tangent.detach())
                except RuntimeError as e:
                    print(name, red, mask, type(e).__name__, e)
'''],
    "huber_and_soft_margin_backward_have_no_forward_derivative": ['''import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD
from torch.func import grad, jvp
torch.manual_seed(0)
x, y, t = torch.randn(4), torch.randn(4), torch.randn(4)
for red in ("mean", "sum"):
    for f in (lambda x: F.huber_loss(x, y, reduction=red, delta=0.5),
              lambda x: F.soft_margin_loss(x, y.sign(), reduction=red)):
        try:
            print(jvp(grad(f), (x,), (t,))[1])
        except NotImplementedError as e:
            print(red, type(e).__name__, e)
with fwAD.dual_level():
    xr = x.clone().requires_grad_()
    l = F.huber_loss(fwAD.make_dual(xr, t), y)
    try:
        torch.autograd.grad(l, xr, create_graph=True)
    except NotImplementedError as e:
        print(type(e).__name__, e)
print(jvp(F.huber_loss, (x, y), (t, t))[1])
'''],
    "forward_over_jacrev_differentiates_mean_mse": ['''import torch.nn.functional as F
from torch.func import hessian, jacfwd, jacrev, grad, jvp, vjp
torch.manual_seed(0)
x, y, t = torch.randn(4), torch.randn(4), torch.randn(4)
f = lambda x: F.mse_loss(x, y)
def g_vjp(x):
    out, fn = vjp(f, x)
    return fn(torch.ones_like(out))[0]
for name, h in (("hessian", lambda: hessian(f)(x)),
                ("jacfwd(jacrev)", lambda: jacfwd(jacrev(f))(x)),
                ("jvp(jacrev)", lambda: jvp(jacrev(f), (x,), (t,))[1]),
                ("jvp(vjp)", lambda: jvp(g_vjp, (x,), (t,))[1]),
                ("jacfwd(grad)", lambda: jacfwd(grad(f))(x)),
                ("functional fwd", lambda: torch.autograd.functional.hessian(
                    f, x, vectorize=True, outer_jacobian_strategy="forward-mode").detach())):
    try:
        print(name, h())
    except RuntimeError as e:
        print(name, type(e).__name__, e)
'''],
}


@pytest.fixture(scope="module", autouse=True)
def forward_ad_warmed_up():
    """PyTorch loads its forward-AD decompositions at its first make_dual of a process, with DeprecationWarnings
    (torch.jit.script) that depend on what ran before: load them before comparing warnings."""
    torch = pytest.importorskip("torch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.autograd.forward_ad.dual_level():
            torch.autograd.forward_ad.make_dual(torch.ones(1), torch.ones(1))


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe211(name):
    assert_same_as_pytorch(CELLS[name], name=name)
