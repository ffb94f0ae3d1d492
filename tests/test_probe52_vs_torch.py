"""What the fifty-second probe (the autograd graph's internals as "how autograd works" posts poke at them: saved
attributes of grad_fn nodes, node hooks, AccumulateGrad, version counters) found, each checked against PyTorch:
dir(grad_fn) lists the node class's _saved_ / _raw_saved_ attributes as PyTorch's (a table generated from
PyTorch, engine/node_saved_names.py), a name PyTorch's node lacks is an AttributeError; MmBackward0's operand
sizes, MaxBackward0's and MinBackward0's indices and IndexBackward0's indices and sizes (after PyTorch's basic
indexing view); what a hook returns is checked as PyTorch checks it (a grad_fn hook must return a tuple of the
right length, each item None or a tensor of the same type and size; a tensor hook's changed dtype is refused;
a callable object without __name__ is "<unknown>"); a grad_fn pre-hook returning (None,) stops the node; an
AccumulateGrad's post hooks run with ((), (grad,)) after the accumulation, a leaf's tensor hooks run before the
AccumulateGrad's pre-hooks and also for autograd.grad's captured gradient (the node's own pre-hooks do not);
torch.autograd.graph.increment_version; backward(inputs=[])'s message."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "dir_lists_saved_attributes": [
        '''m = torch.arange(1.0, 7.0).reshape(2, 3).requires_grad_()
w = torch.ones(3, 2, requires_grad=True)
F = torch.nn.functional
for t in (m * m, m * 3, m + 1, m ** 2, m ** m, 2 ** m, m.exp(), m @ w, m.sum(1), m.mean(), m.t(), m.view(6),
          m.max(1)[0], m.max(), m.clamp(1, 3), m.softmax(1), m[torch.tensor([0])], m[0], m[:, 1:],
          m.gather(1, torch.tensor([[0], [1]])),
          F.gelu(m), F.cross_entropy(m, torch.tensor([0, 1])), torch.where(m > 2, m, 0.0), m.norm(), m.std()):
    print(t.grad_fn.name(), [n for n in dir(t.grad_fn) if "saved" in n])
acc = (m * 2).grad_fn.next_functions[0][0]
print([n for n in dir(acc) if not n.startswith("_")])''',
        ATTEMPT + '''y = m * m
attempt(lambda: y.grad_fn._saved_bogus)
attempt(lambda: y.grad_fn._raw_saved_bogus)
attempt(lambda: m.t().grad_fn._saved_self)
attempt(lambda: m.relu().grad_fn._raw_saved_result.register_hooks(lambda t: t, lambda t: t))
attempt(lambda: m.sum().grad_fn._raw_saved_self_sym_sizes)'''],
    "saved_values": [
        ATTEMPT + '''a = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
i = torch.tensor([0, 1])
for t in (a[i], a[:, i], a[i, 1], a[1, :, i], a[..., i], a[i, ..., 2], a[None, i], a[a > 5], a[:, 1:, [0, 2]],
          a[[0, 1], [1, 2]], a[i, :, :], a[0, 1:, i]):
    print(t.grad_fn._saved_indices, t.grad_fn._saved_self_sym_sizes)
m = a[0]
for mx in (m.max(dim=1), m.min(0), m.max(1, keepdim=True), m.min(dim=1, keepdim=True)):
    print(mx.values.grad_fn._saved_indices, mx.values.grad_fn._saved_dim, mx.values.grad_fn._saved_keepdim)
b = torch.ones(4, 2)
for p in (m @ b, b.t() @ m.t(), m.detach() @ b.requires_grad_(), m @ m.t()):
    print(p.grad_fn._saved_self_sym_sizes, p.grad_fn._saved_mat2_sym_sizes)
q = m @ b
q.sum().backward()
print(q.grad_fn._saved_self_sym_sizes, q.grad_fn._saved_mat2_sym_sizes)
attempt(lambda: q.grad_fn._saved_self)'''],
    "hook_results_are_checked": [
        ATTEMPT + '''x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
class Obj:
    def __call__(self, *args):
        return args[0].double() if len(args) == 1 and not isinstance(args[0], tuple) else 5
def run(kind, ret):
    y = x * w
    if kind == "post":
        y.grad_fn.register_hook(lambda gi, go: ret(gi))
    elif kind == "pre":
        y.grad_fn.register_prehook(lambda go: ret(go))
    else:
        y.register_hook(ret)
    x.grad = w.grad = None
    def go():
        y.sum().backward()
        return (x.grad, w.grad)
    attempt(go)
for kind in ("post", "pre"):
    for ret in (lambda g: g[0], lambda g: list(g), lambda g: (g[0],), lambda g: g + (g[0],), lambda g: 3,
                lambda g: (None,) * len(g), lambda g: tuple(t.double() for t in g), lambda g: tuple(t[:1] for t in g),
                lambda g: tuple(t.int() for t in g), lambda g: (1.0,) * len(g), lambda g: tuple(g)):
        run(kind, ret)
for ret in (lambda g: g.double(), lambda g: g[:1], lambda g: 2.0, lambda g: (g,), Obj(), lambda g: g.int(),
            lambda g: g * 2):
    run("tensor", ret)
y = x * x
y.grad_fn.register_hook(Obj())
attempt(lambda: y.sum().backward())
x2 = torch.tensor([1.0, 2.0], requires_grad=True)
x2.register_hook(Obj())
attempt(lambda: (x2 * 2).sum().backward())'''],
    "accumulate_grad_hooks": [
        ATTEMPT + '''z = torch.tensor([1.0, 2.0], requires_grad=True)
z.register_hook(lambda g: print("leaf hook", g))
acc = (z * 1).grad_fn.next_functions[0][0]
acc.register_prehook(lambda go: print("acc pre", go))
z.register_post_accumulate_grad_hook(lambda t: print("post acc", t.grad))
acc.register_hook(lambda gi, go: print("acc post", gi, go))
(z * 1).sum().backward()
acc.register_prehook(lambda go: (go[0] * 100,))
(z * 1).sum().backward()
print(z.grad)
print(torch.autograd.grad((z * 3).sum(), z))
acc.register_hook(lambda gi, go: (go[0],))
attempt(lambda: (z * 2).sum().backward())
print(z.grad)'''],
    "increment_version_and_inputs": [
        ATTEMPT + '''x = torch.ones(2)
attempt(lambda: torch.autograd.graph.increment_version(x))
print(x._version)
attempt(lambda: torch.autograd.graph.increment_version([x, x[:1]]))
print(x._version)
attempt(lambda: torch.autograd.graph.increment_version(3))
attempt(lambda: torch.autograd.graph.increment_version([3]))
attempt(lambda: torch.autograd.graph.increment_version((x.view(2), x.detach())))
print(x._version)
with torch.inference_mode():
    y = torch.ones(2)
attempt(lambda: torch.autograd.graph.increment_version(y))
a = torch.ones(2, requires_grad=True)
b = a.exp()
torch.autograd.graph.increment_version(b.detach())
attempt(lambda: b.sum().backward())
attempt(lambda: (a * 2).sum().backward(inputs=[]))
attempt(lambda: torch.autograd.backward((a * 2).sum(), inputs=()))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe52_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
