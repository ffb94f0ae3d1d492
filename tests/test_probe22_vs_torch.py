"""What the twenty-second probe (interpretability lessons: saliency, Grad-CAM with module and tensor hooks, guided
backprop with ReLU hooks and custom Functions, feature visualisation, influence functions) found, each checked
against PyTorch: an autograd.Function's output that is one of its inputs returned as-is (or a view made in
forward) is a view, which may not be modified in place (PyTorch's creation meta IN_CUSTOM_FUNCTION, or
MULTI_OUTPUT_NODE when several outputs are differentiable), so that a full backward hook on a module followed by
ReLU(inplace=True) fails as in PyTorch; the name a view's message gives its function (Squeeze1); autograd's
in-place checks before the refusal of overlapping memory; retain_grad() and register_hook() on an output of a
several-output node (a custom Function's, a module's behind a full backward hook), in PyTorch's hook order (tensor
hooks, then retain_grad, then grad_fn pre-hooks, also for one-output nodes); item assignment into a custom
Function's output; and, under %%grad, a tensor hook that prints no longer prints again while the magic computes
a Jacobian."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, normalise, run_ours

TRY = ATTEMPT + '''def put(t, key, value):
    t[key] = value
    return t
def info(y, x):
    print(y._is_view(), y._base is x, y.requires_grad, type(y.grad_fn).__name__, y.is_leaf, y._version)
class Id(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x
    @staticmethod
    def backward(ctx, g):
        return g * 3
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w):
        return x.view(-1), w
    @staticmethod
    def backward(ctx, g, h):
        return g.view(2, 2), h
class Sl(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x[1:]
    @staticmethod
    def backward(ctx, g):
        return torch.cat([g.new_zeros(1, 2), g])
class ND(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, n):
        ctx.mark_non_differentiable(x)
        return x, n
    @staticmethod
    def backward(ctx, g, h):
        return g, None
torch.manual_seed(0)
'''

CELLS = {
    "custom_function_outputs_are_views": [
        TRY + '''leaf = torch.randn(2, 2, requires_grad=True)
nonleaf = leaf * 1
plain = torch.randn(2, 2)
part = nonleaf[:1]
for x in (leaf, nonleaf, plain, part):
    y = Id.apply(x)
    info(y, x)
    attempt(lambda: y.add_(1))
    attempt(lambda: y.relu_())
    with torch.no_grad():
        z = Id.apply(x)
    info(z, x)
    attempt(lambda: z.mul_(1))
    print(x._version, y._version)''',
        '''y = Id.apply(nonleaf)
for key in (0, (0, 1), torch.tensor([0]), slice(None), (slice(None), 1)):
    attempt(lambda: put(y, key, 5.0))
for f in (lambda t: t.t(), lambda t: t[0], lambda t: t.unsqueeze(0).squeeze(0), lambda t: t.view(4),
          lambda t: t.clone()):
    attempt(lambda: f(y).mul_(2))
y.sum().backward()
leaf.grad''',
        '''s = Sl.apply(nonleaf)
info(s, nonleaf)
attempt(lambda: s.add_(1))
w = torch.randn(3, requires_grad=True)
p, q = Two.apply(nonleaf, w)
print(p._is_view(), q._is_view(), q._base is w)
for t in (p, q, q[0]):
    attempt(lambda: t.add_(1))
attempt(lambda: put(q, 0, 1.0))
n = torch.arange(3)
a, m = ND.apply(nonleaf, n)
print(a._is_view(), a.requires_grad, m._is_view(), m._base is n)
attempt(lambda: a.add_(1))
attempt(lambda: m.add_(1))'''],
    "full_backward_hook_before_an_inplace_op": [
        TRY + '''import torch.nn as nn
relu = nn.ReLU(inplace=True)
relu.register_full_backward_hook(lambda m, gi, go: None)
attempt(lambda: relu(torch.randn(3, requires_grad=True) * 1))
attempt(lambda: relu(torch.randn(3)))
with torch.no_grad():
    attempt(lambda: relu(torch.randn(3, requires_grad=True) * 1))
lin = nn.Linear(3, 3)
lin.register_full_backward_hook(lambda m, gi, go: print("hook", [g.shape for g in go]))
out = lin(torch.randn(2, 3))
print(out._is_view(), out.grad_fn, out.grad_fn.next_functions)
attempt(lambda: nn.Sequential(lin, nn.ReLU(inplace=True))(torch.randn(2, 3)))
attempt(lambda: nn.Sequential(lin, nn.Dropout(0.5, inplace=True))(torch.randn(2, 3)))
attempt(lambda: nn.Sequential(lin, nn.ReLU())(torch.randn(2, 3)).sum().backward())'''],
    "view_names_and_check_order_in_inplace_errors": [
        TRY + '''x = torch.randn(2, 1, 3, requires_grad=True) * 1
a, b = x.unbind()
for f in (lambda t: t.squeeze(0), lambda t: t.squeeze(), lambda t: t.squeeze((0,)), lambda t: t.unsqueeze(0),
          lambda t: t.expand(2, 3), lambda t: t.narrow(1, 0, 2), lambda t: t.mT):
    attempt(lambda: f(a).mul_(2))
leaf = torch.ones(3, requires_grad=True)
attempt(lambda: leaf.expand(2, 3).mul_(2))
attempt(lambda: (leaf * 1).expand(2, 3).mul_(2))
attempt(lambda: torch.ones(3).expand(2, 3).mul_(leaf))
attempt(lambda: torch.ones(3).expand(2, 3).add_(1))
attempt(lambda: torch.ones(3).expand(2, 3).fill_(1))
attempt(lambda: torch.ones(3).expand(2, 3).zero_())'''],
    "hooks_on_an_output_of_a_several_output_node": [
        TRY + '''class Pair(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2, x * 3
    @staticmethod
    def backward(ctx, g, h):
        print("backward", g, h)
        return g + h
x = torch.ones(2, requires_grad=True)
a, b = Pair.apply(x)
b.register_hook(lambda g: print("hook b", g))
a.register_hook(lambda g: print("hook a", g) or g * 10)
b.retain_grad()
a.retain_grad()
a.grad_fn.register_prehook(lambda go: print("prehook", go))
a.sum().backward()
print(a.grad, b.grad, x.grad, a.retains_grad, a._backward_hooks is not None, b.output_nr)''',
        '''a, b = Pair.apply(x)
b.register_hook(lambda g: print("hb") or g + 1)
a.register_hook(lambda g: print("ha") or g + 1)
b.register_hook(lambda g: print("hb2") or g * 2)
b.retain_grad()
(a + b).sum().backward()
print(b.grad)
a, b = Pair.apply(x)
b.register_hook(lambda g: torch.zeros(3))
attempt(lambda: b.sum().backward())
a, b = Pair.apply(x)
h = a.register_hook(lambda g: print("removed"))
h.remove()
a.sum().backward()''',
        '''import torch.nn as nn
torch.manual_seed(0)
lin, relu = nn.Linear(3, 3), nn.ReLU()
relu.register_full_backward_hook(lambda m, gi, go: print("module hook", gi[0].shape))
inp = torch.randn(2, 3, requires_grad=True)
out = relu(lin(inp))
out.retain_grad()
out.register_hook(lambda g: print("tensor hook", g.sum()))
out.sum().backward()
print(out.grad, out.grad_fn)
m = nn.Sequential(nn.Linear(3, 3), nn.ReLU(), nn.Linear(3, 1))
store = {}
m[2].register_forward_hook(lambda mod, i, o: i[0].register_hook(lambda g: store.__setitem__("in", g)))
m[1].register_full_backward_hook(lambda mod, gi, go: None)
m(torch.randn(2, 3, requires_grad=True)).sum().backward()
store["in"]'''],
    "tensor_hooks_run_before_grad_fn_prehooks": [
        '''x = torch.ones(2, requires_grad=True)
y = x * 2
y.grad_fn.register_prehook(lambda go: print("node prehook", go) or (go[0] * 10,))
y.retain_grad()
y.register_hook(lambda g: print("tensor hook", g) or g + 1)
y.grad_fn.register_hook(lambda gi, go: print("post", gi, go))
y.sum().backward()
print(y.grad, x.grad)'''],
    "item_assignment_into_a_custom_function_output": [
        '''class Dbl(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
x = torch.ones(2, 2, requires_grad=True)
y = Dbl.apply(x)
y[0] = 5.0
y[:, 1] *= 3
y.sum().backward()
print(y, x.grad)
y = Dbl.apply(x)
y[torch.tensor([1])] = torch.zeros(2)
y.t_()
y.unsqueeze_(0)
y.sum().backward()
print(y, x.grad)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe22_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")


GRAD_CELLS = [
    '''import torch
x = torch.randn(4, requires_grad=True)   # (no manual_seed: a cell that seeds is not re-run by the magic)
y = x * 2
y.register_hook(lambda g: print("hook", g))
y.backward(torch.ones(4))
print(x.grad)''',
    '''class Id(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.clone()
    @staticmethod
    def backward(ctx, g):
        print("backward", g)
        return g
x = torch.randn(3, requires_grad=True)
y = Id.apply(x)
y.retain_grad()
y.register_hook(lambda g: print("hook2", g))
y.backward(torch.ones(3))
print(y.grad)''',
]


def test_hooks_print_once_under_grad():
    """A %%grad cell prints what the plain cell prints: the Jacobian the magic computes for backward(gradient=v)
    re-runs the cell's hooks, and what they print there is dropped."""
    pytest.importorskip("IPython")
    from test_lessons import run_lesson_under_grad
    plain = normalise(run_ours(GRAD_CELLS))
    under = [(out, err and tuple(err)) for out, err, _, _ in run_lesson_under_grad(GRAD_CELLS)]
    assert under == [(out, err) for out, err in plain]
    assert all(out.count("hook") == 1 for out, _ in plain)
