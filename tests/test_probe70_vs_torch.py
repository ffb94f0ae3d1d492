"""What the seventieth probe (torch.func transforms as the per-sample-gradient, Jacobian/Hessian, ensembling and NTK
tutorials use them) found, each checked against PyTorch: vmap's results are made as PyTorch takes the batch
dimension out of its BatchedTensor: a result computed by an op has that op's grad_fn (ReluBackward0, not the
StackBackward0 of the per-element results; a full reduction is its dim overload, SumBackward1), out_dims other
than the batch's place is a permuted view, a result that is not batched is expanded (a stride-0 view; PyTorch's
error for an expansion it cannot do), an input returned unchanged is that input, and out_dims=None for a batched
result is PyTorch's ValueError; jvp's primal outputs are aliases (AliasBackward0) and jacfwd's aux is element 0 of
an expansion (SelectBackward0); F.linear under a transform decomposes as PyTorch's does there (matmul, then add:
AddBackward0 for a 1-d input, and for anything linear computes on a vmapped value)."""
import warnings

import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''from torch.func import vmap, jvp, vjp, jacfwd, jacrev, grad, functional_call
import torch.nn.functional as F
torch.manual_seed(0)
w = torch.randn(5, requires_grad=True)
W = torch.randn(4, 5, requires_grad=True)
x = torch.randn(3, 5)
def show(t):
    print(type(t.grad_fn).__name__, tuple(t.shape), tuple(t.stride()), t.requires_grad, t._base is not None)
'''

CELLS = {
    "vmap_result_grad_fn_is_the_op": [
        SETUP + '''for f in [lambda a: a.dot(w).relu(), lambda a: a * w, lambda a: (a + w).tanh(),
          lambda a: (a * w).softmax(0), lambda a: (a * w).sum(), lambda a: (a * w).mean(),
          lambda a: (a * w).prod(), lambda a: (a * w).max(), lambda a: (a * w).median()]:
    show(vmap(f)(x))
r = vmap(lambda a: a.dot(w).relu())(x)
print(r)
vmap(lambda a: (a.sin(), a.cos() * 2))(x.clone().requires_grad_())
''',
    ],
    "vmap_out_dims_views_and_unbatched": [
        SETUP + '''xr = x.clone().requires_grad_()
show(vmap(lambda a: a * w, out_dims=1)(x))
show(vmap(lambda a: a * 2, out_dims=-1)(x))
show(vmap(lambda a: a.sin(), out_dims=1)(xr))
show(vmap(lambda a: w.sin())(x))
show(vmap(lambda a: torch.ones(2))(x))
show(vmap(lambda a: torch.tensor(3.))(x))
show(vmap(lambda a: a)(xr))
print(vmap(lambda a: a)(xr) is xr, vmap(lambda a: a, in_dims=1, out_dims=1)(xr) is xr)
show(vmap(lambda a: a, in_dims=1)(xr))
show(vmap(lambda a: a.max(0)[1])(x))
print(vmap(lambda a: torch.ones(2) * 3)(x))
for make in [lambda: vmap(lambda a: torch.ones(2), out_dims=1)(x),
             lambda: vmap(lambda a: a * 2, out_dims=None)(x),
             lambda: vmap(lambda a, b: (a + b, b), in_dims=(0, None), out_dims=(0, None))(x, w)]:
    attempt(make)
''',
    ],
    "jvp_primal_alias_and_jacfwd_aux": [
        SETUP + '''xs = torch.randn(5)
p, t = jvp(lambda a: a * w, (xs,), (torch.ones(5),))
show(p)
p, t = jvp(torch.sin, (xs,), (torch.ones(5),))
show(p)
print(p, t)
p, t = jvp(lambda a: (a.sin(), a), (xs,), (torch.ones(5),))
print(p[1].grad_fn, p[1]._base is not None)
j, aux = jacfwd(lambda a: (a * w, (a * w).exp()), has_aux=True)(xs)
show(aux)
j, aux = jacrev(lambda a: (a * w, (a * w).exp()), has_aux=True)(xs)
show(aux)
j, aux = jacfwd(lambda a: (a.sin(), {"c": a.cos()}), has_aux=True)(xs)
show(aux["c"])
''',
    ],
    "linear_under_transforms": [
        SETUP + '''layer = torch.nn.Linear(5, 2)
xs = torch.randn(5)
print(vjp(layer, xs)[0])
print(vjp(lambda t: F.linear(t, W), xs)[0].grad_fn)
print(vjp(lambda t: F.linear(t, W, torch.zeros(4)), torch.randn(2, 2, 3, 5))[0].grad_fn)
print(vjp(lambda t: F.linear(t, W, torch.zeros(4)), torch.randn(2, 3, 5))[0].grad_fn)
print(vjp(lambda t: F.linear(t, W, torch.zeros(4)), torch.randn(3, 5))[0].grad_fn)
print(jvp(layer, (xs,), (xs,))[0].grad_fn.next_functions[0][0])
print(vmap(layer)(x))
print(vmap(lambda a: layer(a).sum())(x).grad_fn)
print(vmap(layer, in_dims=1)(torch.randn(3, 2, 5)).grad_fn)
print(layer(xs).grad_fn, layer(torch.randn(2, 2, 3, 5)).grad_fn)
params = {k: v.detach().unsqueeze(0).repeat(3, *[1] * v.dim()) for k, v in layer.named_parameters()}
print(vmap(functional_call, in_dims=(None, 0, None))(layer, params, (xs,)).grad_fn)
''',
    ],
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
def test_probe70_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe70/{name}", warns="per_cell")
