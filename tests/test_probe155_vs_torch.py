"""What the hundred-and-fifty-fifth probe (adversarial examples: FGSM, PGD on the L-inf ball, fast adversarial
training; and autograd's graph API: saved tensors hooks, grad_fn nodes and their hooks, gradient edges) found, each
checked against PyTorch: a post-accumulate-grad hook that returns something (a tensor: RuntimeError, anything else:
TypeError); an unpack hook that returns no tensor (backward and grad_fn._saved_*); SavedTensor.register_hooks
called with other than two positional callables (pybind11's message listing the call); the saved attributes of
AddmmBackward0 (nn.Linear's node: alpha, beta, the factors' sizes, and their strides only for a factor that wants a
gradient, also for addmm with beta / alpha), as a torchviz-like walk of dir(grad_fn) reads them; a node's
next_functions / metadata / requires_grad refused as PyTorch's read-only attributes; and
torch.autograd.graph.get_gradient_edge with its GradientEdge, taken by autograd.grad and backward(inputs=)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "post_accumulate_grad_hook_results": [
        ATTEMPT + '''x = torch.tensor([1., 2.], requires_grad=True)
for hook in [lambda p: torch.ones(2) * 7, lambda p: 3, lambda p: (p.grad,), lambda p: None, lambda p: p.grad.numpy(),
             lambda p: torch.nn.Parameter(torch.ones(2))]:
    x.grad = None
    h = x.register_post_accumulate_grad_hook(hook)
    attempt(lambda: (x * 1).sum().backward())
    print(x.grad)
    h.remove()
''',
    ],
    "unpack_hook_must_return_a_tensor": [
        ATTEMPT + '''a = torch.ones(3, requires_grad=True)
for unpack in [lambda p: 1, lambda p: "abc", lambda p: None, lambda p: [p], lambda p: p.numpy()]:
    with torch.autograd.graph.saved_tensors_hooks(lambda t: t, unpack):
        y = a.pow(2)
        z = a.exp()
    attempt(lambda: y.grad_fn._saved_self)
    attempt(lambda: z.grad_fn._saved_result)
    attempt(lambda: y.sum().backward())
    attempt(lambda: torch.autograd.grad(z.sum(), a))
''',
    ],
    "saved_tensor_register_hooks_arguments": [
        ATTEMPT + '''a = torch.ones(3, requires_grad=True)
def p(t): return t
def u(t): return t
for args, kwargs in [((p,), {}), ((p, u, p), {}), ((), dict(pack_hook=p, unpack_hook=u)), ((p,), dict(unpack_hook=u)),
                     ((1, u), {}), ((p, u), {})]:
    attempt(lambda: a.pow(2).grad_fn._raw_saved_self.register_hooks(*args, **kwargs))
''',
    ],
    "addmm_saved_attributes": [
        '''def show(o):
    n = o.grad_fn
    print(n.name(), [(k, tuple(v.shape) if torch.is_tensor(v) else v)
                     for k in dir(n) if k.startswith("_saved_") for v in [getattr(n, k)]])
torch.manual_seed(0)
b, B = torch.zeros(2, requires_grad=True), torch.zeros(2)
x, xg = torch.randn(4, 3), torch.randn(4, 3, requires_grad=True)
w, wg = torch.randn(3, 2), torch.randn(3, 2, requires_grad=True)
show(torch.addmm(b, x, w))
show(torch.addmm(B, xg, w))
show(torch.addmm(B, x, wg))
show(torch.addmm(B, xg, wg.t().contiguous().t()))
show(torch.addmm(b, torch.randn(4, 6, requires_grad=True)[:, ::2], wg))
show(torch.addmm(b, xg, wg, beta=0.5, alpha=2))
show(torch.addmm(B, x, wg, beta=2))
show(torch.nn.Linear(3, 2)(torch.randn(2, 5, 3)))
''',
        '''def walk(fn, seen):
    if fn is None or fn in seen:
        return
    seen.add(fn)
    for k in sorted(a for a in dir(fn) if a.startswith("_saved_")):
        v = getattr(fn, k)
        print(fn.name(), k, tuple(v.shape) if torch.is_tensor(v) else v)
    for nxt, _ in fn.next_functions:
        walk(nxt, seen)
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Tanh(), torch.nn.Linear(2, 1))
walk(torch.nn.functional.mse_loss(model(torch.randn(4, 3)), torch.zeros(4, 1)).grad_fn, set())
''',
    ],
    "node_attributes_are_read_only": [
        ATTEMPT + '''a = torch.ones(2, requires_grad=True)
n = (a * 2).grad_fn
acc = n.next_functions[0][0]
for node in (n, acc):
    for name in ("metadata", "next_functions", "requires_grad", "name"):
        attempt(lambda: setattr(node, name, 1))
    attempt(lambda: delattr(node, "metadata"))
    print(node.requires_grad, node.metadata)
''',
    ],
    "gradient_edges": [
        ATTEMPT + '''torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
h = w * 2
h.retain_grad()
loss = (h ** 2).sum()
ew, eh = torch.autograd.graph.get_gradient_edge(w), torch.autograd.graph.get_gradient_edge(h)
print(ew)
print(type(ew).__name__, eh.node, eh.output_nr, ew.ownership_token, isinstance(ew, tuple))
attempt(lambda: torch.autograd.graph.get_gradient_edge(torch.ones(2)))
attempt(lambda: torch.autograd.grad(loss, ew, retain_graph=True))
attempt(lambda: torch.autograd.grad(loss, [eh, ew], retain_graph=True))
attempt(lambda: torch.autograd.grad(loss, {"w": ew, "h": h}, retain_graph=True))
loss.backward(inputs=[ew])
print(w.grad, h.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe155_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe155/{name}", warns="per_cell")
