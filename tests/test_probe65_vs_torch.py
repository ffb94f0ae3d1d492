"""What the sixty-fifth probe (multi-task training: several heads, uncertainty weights, GradNorm, PCGrad, backward
on a list of losses, frozen trunks, optimizers with added parameter groups) found, each checked against PyTorch:
torch.autograd.backward / grad read their gradients as PyTorch does (fewer gradients than outputs: "got N tensors
and M gradients", extra ones dropped; a gradient that is neither a Tensor nor None: TypeError, also through
Tensor.backward([1.0]); a complex gradient for a real output; each pair checked before any output's requires_grad),
`inputs` given as a dict (grad returns a dict) and its errors, an empty `inputs` of grad(), an `inputs` of backward()
that does not require grad, only_inputs=False's FutureWarning, materialize_grads' zeros requiring grad under
create_graph; and a view's grad_fn made again as AsStridedBackward0 once its base was written in place (an
optimizer's step under no_grad), as the error of a later backward names it, with PyTorch's error for a view made
under no_grad."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''a = torch.ones(2, requires_grad=True)
def fresh():
    a.grad = None
    return a.sum(), a * 2
'''

CELLS = {
    "backward_gradient_counts_and_types": [
        SETUP + '''for make in [
        lambda s, v: torch.autograd.backward([s, s * 2], [torch.tensor(1.)]),
        lambda s, v: torch.autograd.backward([s], [torch.tensor(1.), torch.tensor(2.)]),
        lambda s, v: torch.autograd.backward([s, s * 2], []),
        lambda s, v: torch.autograd.backward([s, s * 2], torch.tensor(1.)),
        lambda s, v: torch.autograd.backward([v, s], [torch.ones(3)]),
        lambda s, v: torch.autograd.backward([torch.tensor(1.), v]),
        lambda s, v: torch.autograd.backward([torch.ones(3), v]),
        lambda s, v: torch.autograd.backward([s, torch.ones(3)], [None, torch.ones(3)]),
        lambda s, v: torch.autograd.backward([s, s * 2], [torch.tensor(1.), 2.0]),
        lambda s, v: torch.autograd.backward([s], [[1.0]]),
        lambda s, v: torch.autograd.backward(s, 2.0),
        lambda s, v: torch.autograd.backward(s, torch.tensor(1. + 1j)),
        lambda s, v: torch.autograd.backward(s, torch.tensor(3, dtype=torch.int64)),
        lambda s, v: s.backward([1.0]),
        lambda s, v: s.backward(2.0),
        lambda s, v: v.backward((torch.ones(2),)),
        lambda s, v: torch.autograd.grad([s, s * 2], a, [torch.tensor(1.)]),
        lambda s, v: torch.autograd.grad([s], a, [torch.tensor(1.), torch.tensor(2.)]),
        lambda s, v: torch.autograd.grad([s, v], a, [None, None]),
        lambda s, v: torch.autograd.grad([s, v], a, [torch.ones(()), 1]),
]:
    s, v = fresh()
    attempt(lambda: make(s, v))
    print(a.grad)
''',
    ],
    "inputs_dicts_and_errors": [
        SETUP + '''import collections, warnings
n = torch.ones(3)
for make in [
        lambda s, v: torch.autograd.grad(s, {"w": a}),
        lambda s, v: torch.autograd.grad(v, {"w": a, "v": v}, torch.ones(2)),
        lambda s, v: torch.autograd.grad(s, {"w": a, "b": a * 1}),
        lambda s, v: torch.autograd.grad(s, {"w": a, "b": torch.ones(2, requires_grad=True)}, allow_unused=True),
        lambda s, v: torch.autograd.grad(v, {"w": a}, torch.eye(2), is_grads_batched=True),
        lambda s, v: torch.autograd.grad(s, collections.OrderedDict(w=a)),
        lambda s, v: torch.autograd.backward(s, inputs=collections.OrderedDict(w=a)),
        lambda s, v: torch.autograd.backward(s, inputs={"w": a}),
        lambda s, v: torch.autograd.grad(s, []),
        lambda s, v: torch.autograd.grad(s, {}),
        lambda s, v: torch.autograd.backward(s, inputs={}),
        lambda s, v: torch.autograd.backward(s, inputs=[a, n]),
        lambda s, v: s.backward(inputs=n),
        lambda s, v: torch.autograd.backward([s, n], inputs=n),
]:
    s, v = fresh()
    attempt(lambda: make(s, v))
    print(a.grad)
''',
        SETUP + '''s, v = fresh()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(torch.autograd.grad(s, a, only_inputs=False, retain_graph=True))
print([(x.category.__name__, str(x.message)) for x in w])
b = torch.ones(3, requires_grad=True)
g = torch.autograd.grad(s, [a, b], materialize_grads=True, create_graph=True)
print(g, [x.requires_grad for x in g])
g = torch.autograd.grad(s, [a, b], materialize_grads=True)
print(g, [x.requires_grad for x in g])
''',
    ],
    "view_grad_fn_after_base_written": [
        '''w = torch.ones(5, 2, requires_grad=True)
v, s, r = w.t(), w[1:], w.view(-1)
q = v[0]
print(v.grad_fn, s.grad_fn, r.grad_fn, q.grad_fn)
with torch.no_grad():
    w.add_(1)
print(v.grad_fn, s.grad_fn, r.grad_fn, q.grad_fn, v.is_leaf, v.requires_grad)
print(v.grad_fn is v.grad_fn, v.grad_fn.next_functions)
y = (v * v).sum()
print(y.grad_fn.next_functions[0][0].next_functions)
y.backward()
print(w.grad)
''',
        '''m = torch.ones(3, 2, requires_grad=True) * 1
mv = m.t()
with torch.no_grad():
    m.mul_(2)
print(mv.grad_fn, mv.grad_fn.next_functions)
with torch.no_grad():
    mv.mul_(1)
print(mv.grad_fn)
''',
        '''torch.manual_seed(0)
lin = torch.nn.Linear(5, 1)
x = torch.randn(4, 5, requires_grad=True)
out = lin(x)
with torch.no_grad():
    lin.weight -= 0.1
out.sum().backward()
''',
        '''w = torch.ones(3, 2, requires_grad=True)
z = w.t().sin()
with torch.no_grad():
    w.mul_(2)
z.sum().backward()
''',
        '''w = torch.ones(3, 2, requires_grad=True)
with torch.no_grad():
    u = w.t()
print(u.grad_fn, u.requires_grad)
with torch.no_grad():
    w.mul_(2)
u.grad_fn
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe65_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe65/{name}", warns="per_cell")
