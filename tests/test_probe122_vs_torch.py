"""What the hundred-and-twenty-second probe (university homework autograders: Berkeley CS182, UW CSE 446, Princeton
COS 324, CMU 10-414 needle checks) found, each checked against PyTorch: gradcheck(..., fast_mode=True) ran the exact
check, so a failing custom Function printed whole Jacobians where PyTorch prints its fast-mode numbers (v^T J u for
random unit vectors u, v from a fresh torch.Generator(), drawn in PyTorch's order, with the atol scaled by
sum(u) * sum(v)) followed by the slow-mode Jacobians and their max difference; and the fast-mode verdict, which can
differ from the exact one, now follows PyTorch's projections."""
import pytest

from helpers import assert_same_as_pytorch

FUNCS = '''import torch
class MulExp(torch.autograd.Function):   # d/da of a * exp(b) written as b
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b.exp()
    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b, g * a * b.exp()
class Off(torch.autograd.Function):      # exp with a backward a little off
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t.exp()
    @staticmethod
    def backward(ctx, g):
        t, = ctx.saved_tensors
        return g * t.exp() * (1 + 1e-4 * torch.arange(t.numel(), dtype=t.dtype).view(t.shape))
class TwoOut(torch.autograd.Function):   # the second output's gradient for b is wrong
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b, a + b
    @staticmethod
    def backward(ctx, g1, g2):
        a, b = ctx.saved_tensors
        return g1 * b + g2, g1 * a + 2 * g2
def report(f, inputs, **kw):
    try:
        print(torch.autograd.gradcheck(f, inputs, fast_mode=True, **kw))
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(0)
'''

CELLS = {
    "fast_mode_failure_message": [
        FUNCS + '''a = torch.randn(2, dtype=torch.float64, requires_grad=True)
b = torch.randn(2, dtype=torch.float64, requires_grad=True)
report(MulExp.apply, (a, b))
report(MulExp.apply, (a.detach(), b))
report(TwoOut.apply, (a, b))
report(TwoOut.apply, (torch.randn(2, 3, dtype=torch.float64, requires_grad=True), b.view(2, 1)))
print(torch.autograd.gradcheck(MulExp.apply, (a, b), fast_mode=True, raise_exception=False), torch.rand(2))
''',
    ],
    "fast_mode_tolerances_and_dtypes": [
        FUNCS + '''y = torch.randn(4, dtype=torch.float64, requires_grad=True)
report(Off.apply, (y,), atol=1e-8, rtol=1e-6)
report(Off.apply, (y.view(2, 2),), atol=1e-5, rtol=1e-5)
x32 = torch.randn(2, 3, requires_grad=True)
report(torch.sigmoid, (x32,))
report(torch.sigmoid, (x32,), eps=1e-3, atol=1e-3)
torch.set_default_dtype(torch.float64)
try:
    report(Off.apply, (torch.randn(3, requires_grad=True),), atol=1e-9, rtol=1e-7)
finally:
    torch.set_default_dtype(torch.float32)
''',
        FUNCS + '''x = torch.randn(3, dtype=torch.float64, requires_grad=True)
try:
    torch.autograd.gradgradcheck(lambda t: Off.apply(t * t), (x,), fast_mode=True, atol=1e-8, rtol=1e-6)
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.gradgradcheck(lambda t: (t ** 3).sum(), (x,), fast_mode=True))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe122_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe122/{name}", warns="per_cell")
