"""What the sixty-ninth probe (custom torch.autograd.Function beyond the first example: the "Extending
torch.autograd" note, "Double Backward with Custom Functions", "Extending torch.func with autograd.Function") found,
each checked against PyTorch: save_for_backward's argument check runs once forward has returned and only when the
node is recorded (forward's own errors come first; no error under no_grad; the position counts Nones; C types by
tp_name), a backward that returns a non-tensor gives "expected Variable or None (got ...)" for every input;
once_differentiable under create_graph with a gradient that requires grad hangs its results from an Error node
whose backward raises "trying to differentiate twice ..." (and gradgradcheck reports the Jacobian mismatch);
torch.func transforms refuse a Function without setup_context, vmap / jacfwd one without a vmap rule (or with both
rules), jvp / jacfwd one without a jvp; in a jvp staticmethod ctx.saved_tensors are what save_for_forward saved."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "save_for_backward_checked_after_forward": [
        ATTEMPT + '''import numpy as np
class Save(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x, None, k)
        return x * k
    @staticmethod
    def backward(ctx, g):
        return g, None
x = torch.ones(2, requires_grad=True)
for k in [3, 2.5, [1.0, 2.0], np.ones(2), torch.ones(2)]:
    attempt(lambda: Save.apply(x, k))
attempt(lambda: Save.apply(x.detach(), 3))
with torch.no_grad():
    attempt(lambda: Save.apply(x, 3))
''',
    ],
    "backward_returning_a_non_tensor": [
        ATTEMPT + '''import numpy as np
RET = None
class G(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b
    @staticmethod
    def backward(ctx, g):
        return g, RET
x = torch.ones(2, requires_grad=True)
for RET in [1, 1.5, "s", [1.0, 1.0], np.ones(2)]:
    attempt(lambda: G.apply(x, x).sum().backward())
    attempt(lambda: G.apply(x, torch.ones(2)).sum().backward())
print(x.grad)
''',
    ],
    "once_differentiable_error_node": [
        ATTEMPT + '''once_differentiable = torch.autograd.function.once_differentiable
class CubeOnce(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3
    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return g * 3 * x ** 2
x = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
v = torch.ones(2, dtype=torch.double, requires_grad=True)
g, = torch.autograd.grad(CubeOnce.apply(x), x, v, create_graph=True)
print(g, g.grad_fn.name(), type(g.grad_fn).__name__, g.is_leaf, g.requires_grad)
print(g.grad_fn.next_functions)
attempt(lambda: g.sum().backward(retain_graph=True))
attempt(lambda: torch.autograd.grad(g.sum(), x, allow_unused=True))
print(x.grad, v.grad)
g, = torch.autograd.grad(CubeOnce.apply(x), x, torch.ones(2, dtype=torch.double), create_graph=True)
print(g, g.grad_fn)
torch.manual_seed(0)
attempt(lambda: torch.autograd.gradgradcheck(CubeOnce.apply, x))
''',
    ],
    "func_transforms_refuse_functions_without_rules": [
        ATTEMPT + '''from torch.func import grad, jacrev, jacfwd, vmap, jvp, vjp
class Old(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
class NoRule(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x * 2
    @staticmethod
    def setup_context(ctx, inputs, output):
        pass
    @staticmethod
    def backward(ctx, g):
        return g * 2
class Both(NoRule):
    generate_vmap_rule = True
    @staticmethod
    def vmap(info, in_dims, x):
        return x, 0
class Generated(NoRule):
    generate_vmap_rule = True
x = torch.ones(2)
for f in [lambda: grad(lambda t: Old.apply(t).sum())(x), lambda: vjp(Old.apply, x)[0],
          lambda: jvp(Old.apply, (x,), (x,)), lambda: jacrev(lambda t: Old.apply(torch.ones(2)) * t)(x),
          lambda: vmap(Old.apply)(torch.ones(3, 2)), lambda: torch.autograd.functional.jacobian(Old.apply, x),
          lambda: vmap(NoRule.apply)(torch.ones(3, 2)), lambda: jacfwd(NoRule.apply)(x),
          lambda: vmap(lambda t: NoRule.apply(torch.ones(2)) + t)(torch.ones(3, 2)),
          lambda: vmap(grad(lambda t: NoRule.apply(t).sum()))(torch.ones(3, 2)),
          lambda: jacrev(NoRule.apply)(x), lambda: vmap(Both.apply)(torch.ones(3, 2)),
          lambda: vmap(Generated.apply)(torch.ones(3, 2)), lambda: jvp(Generated.apply, (x,), (x,)),
          lambda: jacfwd(Generated.apply)(x), lambda: jvp(lambda t: Generated.apply(torch.ones(2)) * t, (x,), (x,)),
          lambda: torch.func.hessian(lambda t: Generated.apply(t).sum())(x)]:
    attempt(f)
print(torch.autograd.Function.generate_vmap_rule)
attempt(lambda: torch.autograd.Function.vmap(None, None))
''',
    ],
    "jvp_reads_saved_for_forward": [
        ATTEMPT + '''import torch.autograd.forward_ad as fwAD
class MulAdd(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_forward(a, b)
        return a * b, a + b
    @staticmethod
    def jvp(ctx, a_t, b_t):
        a, b = ctx.saved_tensors
        print("tangents:", a_t, b_t)
        return a_t * b + a * b_t, a_t + b_t
    @staticmethod
    def backward(ctx, g1, g2):
        return None, None
class BadSave(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_forward(a, 2)
        return a * 2
    @staticmethod
    def jvp(ctx, a_t):
        return a_t * 2
a, b = torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])
with fwAD.dual_level():
    p, s = MulAdd.apply(fwAD.make_dual(a, torch.tensor([1.0, 0.0])), b)
    print(fwAD.unpack_dual(p).tangent, fwAD.unpack_dual(s).tangent)
    attempt(lambda: BadSave.apply(fwAD.make_dual(a, a)))
''',
    ],
}


# PyTorch's first torch.func transforms in a process warn that torch.jit.script is deprecated (its own imports):
# those cases compare outputs and errors only
NO_WARNINGS = {"func_transforms_refuse_functions_without_rules"}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe69_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe69/{name}",
                           warns=None if name in NO_WARNINGS else "per_cell")
