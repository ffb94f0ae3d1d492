"""What the fifty-ninth probe (interatomic potentials and molecular simulation in plain PyTorch: Lennard-Jones and
Morse pair energies, distances from torch.cdist, pdist and triu_indices, forces from autograd.grad and
force-matching losses with create_graph=True, SchNet-like convolutions with index_add_ / scatter_add_ over
neighbour lists from nonzero, normal modes from the Hessian) found, each checked against PyTorch:

* cdist's and pdist's backwards are ATen functions of their own (_cdist_backward, _pdist_backward): under
  create_graph=True the gradients are CdistBackwardBackward0 / PdistBackwardBackward0 nodes (x2's through the
  transposed gradient and result made contiguous: CloneBackward0), and differentiating them again raises
  "the derivative for '_cdist_backward' is not implemented." (a force-matching loss or a Hessian of an energy
  written with cdist); the engine differentiated its composite formula and gave numbers;
* vector_norm's backward masks the zero norms with masked_fill_ (ATen's norm_backward), so that a second backward
  of an ord=3 norm at a zero vector is finite (the engine's where() over the whole product passed 0 * nan), with
  SgnBackward0 / MaskedFillBackward0 nodes;
* forward mode (forward_ad's dual tensors, torch.func's jvp, jacfwd, hessian) stops at _cdist_forward,
  _pdist_forward and _euclidean_dist with PyTorch's "Trying to use forward AD with ... " error;
* index_add's source gradient is grad.index_select(dim, index).expand_as(source) (times alpha: MulBackward1),
  scatter_add's and scatter_reduce's src gradient grad.gather(dim, index), the nodes a create_graph=True gradient
  shows; scatter_reduce(include_self=False) zeroes self's gradient with grad.scatter(dim, index, 0) (+0, where
  the engine printed -0. for a negative gradient), prod's masks are masked_fill; index_add of a scalar self;
* index_add_'s meta checks: a source whose other dims differ from self's ("source tensor shape must match self
  tensor shape, excluding the specified dimension"), a scalar source with several indices, the source's dim,
  all before the indices' bounds (the engine gave numpy's "array is not broadcastable");
* triu_indices / tril_indices: PyTorch's parser (row, col and offset are ints), "row must be non-negative, got-1",
  the int32/int64-only kernel ('"triu_indices" not implemented for 'Float''), requires_grad;
* the gradients of step functions and overwrites (round, floor, ceil, trunc, sign, sgn, div with a rounding
  mode, x ** 0, zero_, fill_, copy_, item assignment) are PyTorch's zeros_like(grad): +0 with no graph behind it,
  where the engine's grad * 0 printed -0. for a negative gradient, nan for an inf or nan one, and required grad
  under create_graph=True;
* the double-backward graphs of abs (SgnBackward0, as ATen's grad * self.sgn()), erf (a Scalar product,
  MulBackward1), silu and mish (C++'s 1.0 + t and 1.0 - t: AddBackward1, SubBackward0), as a force-matching
  loss through a SiLU network records them;
* torch.nonzero(..., out=) of an input that requires grad, the Long check of out, and Tensor.nonzero's parser
  (``x.nonzero(as_tuple=1)``, ``x.nonzero(True)``)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

WALK = ATTEMPT + '''def walk(fn, depth=0):
    if fn is None or depth > 6:
        return
    print("  " * depth + fn.name())
    for f, _ in fn.next_functions:
        walk(f, depth + 1)
torch.manual_seed(0)
'''

CELLS = {
    "cdist_double_backward_is_not_implemented": [
        WALK + '''x = torch.tensor([[0.0, 0.0, 0.0], [1.1, 0.1, 0.0], [0.3, 1.0, 0.2]], requires_grad=True)
y = torch.tensor([[0.5, 0.5, 0.5], [1.0, -1.0, 0.0]], requires_grad=True)
for p in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, float("inf")):
    d = torch.cdist(x, y, p=p)
    gx, gy = torch.autograd.grad(d, (x, y), torch.ones(3, 2, requires_grad=True), create_graph=True)
    print(p, gx, gy)
    walk(gx.grad_fn)
    walk(gy.grad_fn)
    attempt(lambda: torch.autograd.grad(gx.sum(), x, retain_graph=True))
    attempt(lambda: torch.autograd.grad(gy.sum(), y))''',
        WALK + '''pos = torch.randn(5, 3, requires_grad=True)
d = torch.cdist(pos, pos)
i, j = torch.triu_indices(5, 5, 1)
E = (d[i, j] ** -6).sum()
F = -torch.autograd.grad(E, pos, create_graph=True)[0]
print(F.grad_fn, F.grad_fn.next_functions[0][0].next_functions)
attempt(lambda: (F ** 2).sum().backward())
d = torch.cdist(pos, pos.detach())
g, = torch.autograd.grad(d.sum(), pos, create_graph=True)
print(g.grad_fn.next_functions)
g, = torch.autograd.grad(d.sum(), pos)
print(g.requires_grad)
b = torch.randn(2, 4, 3, dtype=torch.float64, requires_grad=True)
c = torch.randn(1, 3, 3, dtype=torch.float64, requires_grad=True)
d = torch.cdist(b, c, compute_mode="donot_use_mm_for_euclid_dist")
gb, gc = torch.autograd.grad(d, (b, c), torch.randn(2, 4, 3, dtype=torch.float64), create_graph=True)
print(gb.grad_fn, gc.grad_fn, gb[0, 0], gc.shape, gc[0, 0])''',
        WALK + '''from torch.autograd.functional import hessian
def e(x):
    pos = x.view(-1, 3)
    r = torch.cdist(pos, pos)[0, 1:]
    return (r ** -6).sum()
x0 = torch.tensor([0.0, 0.0, 0.0, 1.1, 0.1, 0.0, 0.3, 1.0, 0.2])
attempt(lambda: hessian(e, x0))
big = torch.randn(30, 3, requires_grad=True)
d = torch.cdist(big, big)
g, = torch.autograd.grad(d.sum(), big, create_graph=True)
print(d.grad_fn, g.grad_fn)
print(torch.autograd.grad(g.pow(2).sum(), big)[0][0])''',
    ],
    "pdist_double_backward_is_not_implemented": [
        WALK + '''for p in (1.0, 1.5, 2.0, float("inf")):
    x = torch.tensor([[0.0, 0.0], [1.0, 0.5], [0.0, 0.0], [2.0, 1.0]], requires_grad=True)
    d = torch.pdist(x, p=p)
    go = torch.ones(6, requires_grad=True)
    g, = torch.autograd.grad(d, x, go, create_graph=True)
    print(p, d, g, g.grad_fn.next_functions)
    attempt(lambda: torch.autograd.grad(g.sum(), x, retain_graph=True))
    attempt(lambda: torch.autograd.grad(g.sum(), go))
x = torch.randn(1, 3, requires_grad=True)
g, = torch.autograd.grad(torch.pdist(x).sum(), x, create_graph=True)
print(g, g.grad_fn)''',
    ],
    "vector_norm_backward_masks_zero_norms": [
        WALK + '''for p in (3.0, 2.5, 1.5, 2.0, 1.0, 0.5, float("inf")):
    for dt in (torch.float32, torch.float64):
        a = torch.tensor([[0.0, 0.0], [1.0, 2.0], [0.0, -1.5], [0.3, 0.7]], dtype=dt, requires_grad=True)
        r = torch.linalg.vector_norm(a, ord=p, dim=-1)
        g, = torch.autograd.grad((r ** 2).sum(), a, create_graph=True)
        print(p, dt, g)
        print(torch.autograd.grad(g.pow(2).sum(), a))
    walk(g.grad_fn)''',
        WALK + '''pos = torch.tensor([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.5, 0.0]], requires_grad=True)
diff = pos[:, None] - pos[None]
r = torch.linalg.vector_norm(diff, ord=3, dim=-1)
g, = torch.autograd.grad((r ** 2).sum(), pos, create_graph=True)
print(g)
(g ** 2).sum().backward()
print(pos.grad)
r = diff.norm(dim=-1)
g, = torch.autograd.grad(r.sum(), pos, create_graph=True)
walk(g.grad_fn)''',
    ],
    "index_add_and_scatter_add_double_backward": [
        WALK + '''for dim, shape, idx in ((0, (4, 3), [0, 0, 1, 2]), (1, (3, 4), [2, 0, 0, 1]), (-1, (3, 2), [2, 2])):
    for alpha in (1, 2, 0.5):
        x = torch.randn(*shape, requires_grad=True)
        h0 = torch.randn(3, 3, requires_grad=True)
        go = torch.randn(3, 3, requires_grad=True)
        h = h0.index_add(dim, torch.tensor(idx), x, alpha=alpha)
        g, g0 = torch.autograd.grad(h, (x, h0), go, create_graph=True)
        print(dim, alpha, g, g0.grad_fn)
        walk(g.grad_fn)
        print(torch.autograd.grad((g ** 2).sum(), go))''',
        WALK + '''x = torch.randn(4, 3, requires_grad=True)
idx = torch.tensor([[0, 1, 2], [0, 0, 0], [2, 1, 0], [1, 1, 1]])
for dim in (0, 1):
    h0 = torch.randn(3, 3, requires_grad=True)
    go = torch.randn(3, 3, requires_grad=True)
    src, index = (x, idx.clamp(max=2)) if dim == 0 else (x[:3], idx[:3])
    h = h0.scatter_add(dim, index, src)
    g, g0 = torch.autograd.grad(h, (x, h0), go, create_graph=True)
    print(h, g, g0.grad_fn)
    walk(g.grad_fn)
    print(torch.autograd.grad(g.pow(2).sum(), go))
s = torch.tensor(2.0, requires_grad=True)
h = torch.zeros(()).index_add(0, torch.tensor([0]), s, alpha=3)
g, = torch.autograd.grad(h, s, torch.ones((), requires_grad=True), create_graph=True)
print(h, g, g.grad_fn)''',
    ],
    "scatter_reduce_backward_nodes": [
        WALK + '''for red in ("sum", "mean", "amax", "amin", "prod"):
    for inc in (True, False):
        x0 = torch.tensor([[1.0, 0.0], [2.0, -1.0], [0.5, 3.0]], requires_grad=True)
        e = torch.tensor([[0.0, 2.0], [1.5, 0.0], [2.0, 3.0], [-1.0, 0.0]], requires_grad=True)
        idx = torch.tensor([[0, 1], [0, 0], [2, 1], [1, 2]])
        out = x0.scatter_reduce(0, idx, e, reduce=red, include_self=inc)
        go = torch.tensor([[1.0, -2.0], [-0.5, 1.0], [2.0, -1.0]], requires_grad=True)
        gx, ge = torch.autograd.grad(out, (x0, e), go, create_graph=True)
        print(red, inc, out, gx, ge)
        walk(gx.grad_fn)
        walk(ge.grad_fn)
        print(torch.autograd.grad((gx.sum() + ge.sum()), go, allow_unused=True))
batch = torch.tensor([0, 0, 1, 1, 1, 2])
e = torch.randn(6, requires_grad=True)
out = torch.zeros(3).scatter_reduce(0, batch, e, reduce="mean", include_self=False)
out.backward(torch.tensor([-1.0, -2.0, -3.0]))
print(out, e.grad)''',
    ],
    "activation_double_backward_nodes": [
        WALK + '''import torch.nn.functional as F
for name, f in (("silu", F.silu), ("mish", F.mish), ("erf", torch.erf), ("abs", torch.abs),
                ("softsign", F.softsign), ("l1", lambda t: F.l1_loss(t, torch.zeros_like(t), reduction="none"))):
    for dt in (torch.float32, torch.float64):
        x = torch.tensor([-2.0, -0.5, 0.3, 0.7, 3.0], dtype=dt, requires_grad=True)
        go = torch.tensor([1.0, -1.0, 2.0, 0.5, -3.0], dtype=dt, requires_grad=True)
        g, = torch.autograd.grad(f(x), x, go, create_graph=True)
        print(name, g, torch.autograd.grad((g ** 2).sum(), (x, go)))
    walk(g.grad_fn)
torch.manual_seed(0)
lin = torch.nn.Linear(3, 5)
pos = torch.randn(4, 3, requires_grad=True)
E = F.silu(lin(pos)).sum()
forces = -torch.autograd.grad(E, pos, create_graph=True)[0]
walk(forces.grad_fn)
(forces ** 2).sum().backward()
print(lin.weight.grad)''',
    ],
    "index_add_shape_checks": [
        ATTEMPT + '''for shape, src_shape, idx, dim in (((3, 3), (2, 4), [0, 1], 0), ((3, 3), (2,), [0, 1], 0), ((3,), (2, 1), [0, 1], 0),
                                  ((), (1,), [0], 0), ((), (), [0, 0], 0), ((), (), [], 0), ((3,), (), [0], 0),
                                  ((3,), (), [0, 1], 0), ((3, 3), (2, 4), [0, 1], 1), ((3, 3), (3,), [0, 1, 2], 1),
                                  ((2, 3, 4), (2, 2, 5), [0, 2], 1), ((2, 3, 4), (2, 2, 4), [0, 2], 1),
                                  ((3, 3), (2, 4), [0, 5], 0), ((3, 3), (2, 3), [0, 1], 2), ((), (), [0], 0)):
    attempt(lambda: torch.zeros(shape).index_add_(dim, torch.tensor(idx, dtype=torch.long), torch.ones(src_shape)))
    attempt(lambda: torch.index_add(torch.zeros(shape), dim, torch.tensor(idx, dtype=torch.long), torch.ones(src_shape),
                                    alpha=2))''',
    ],
    "triu_indices_arguments": [
        ATTEMPT + '''for dt in (torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64, torch.bool, torch.float16,
           torch.float32, torch.float64, torch.complex64):
    attempt(lambda: torch.triu_indices(3, 3, 1, dtype=dt))
    attempt(lambda: torch.tril_indices(3, 2, dtype=dt))
for args in ((-1, 3), (3, -2), (-1, -1), (0, -1), (3.0, 3), (3, 3, 1.0), (True, 2), (2,), (2, 2, 0, torch.int32),
             (torch.tensor(3), 2), (4, 4, -10), (4, 4, 10), (0, 3), (5, 0)):
    attempt(lambda: torch.triu_indices(*args))
    attempt(lambda: torch.tril_indices(*args))
attempt(lambda: torch.triu_indices(2, 3, requires_grad=True))
attempt(lambda: torch.triu_indices(2, 3, dtype=torch.float32, requires_grad=True))
attempt(lambda: torch.triu_indices(2, 3, requires_grad=False, dtype=torch.int32))
attempt(lambda: torch.triu_indices(row=2, col=3, offset=-1))''',
    ],
    "nonzero_arguments_and_out": [
        ATTEMPT + '''x = torch.tensor([[1.0, 0.0], [0.0, 2.0]], requires_grad=True)
o = torch.empty(0, dtype=torch.long)
print(torch.nonzero(x, out=o) is o, o)
print(torch.nonzero(torch.tensor(1.0), out=torch.empty(0, dtype=torch.long)))
for c in ("torch.nonzero(x, out=torch.empty(0, dtype=torch.int32))", "torch.nonzero(x, out=torch.empty(0))",
          "torch.nonzero(x, out=5)", "torch.nonzero(x, as_tuple=False, out=None)", "torch.nonzero(x, as_tuple=1)",
          "torch.nonzero(x, True)", "x.nonzero(True)", "x.nonzero(as_tuple=1)", "x.nonzero(as_tuple=None)",
          "x.nonzero(out=None)", "x.nonzero(as_tuple=False, out=None)", "x.nonzero(dim=0)", "x.nonzero(as_tuple=True)",
          "(x > 0).nonzero(as_tuple=False)"):
    attempt(lambda: eval(c))''',
    ],
    "step_functions_pass_zeros": [
        ATTEMPT + '''def put(t):
    t[:] = 0.5
    return t
x = torch.tensor([1.3, -2.5, 0.2], requires_grad=True)
b = torch.tensor([2.0, 2.0, 2.0], requires_grad=True)
for name, f in (("round", torch.round), ("round1", lambda t: torch.round(t, decimals=1)), ("floor", torch.floor),
                ("ceil", torch.ceil), ("trunc", torch.trunc), ("sign", torch.sign), ("sgn", torch.sgn),
                ("zero_", lambda t: t.clone().zero_()), ("fill_", lambda t: t.clone().fill_(2.0)),
                ("fill", lambda t: torch.fill(t, 2.0)), ("copy_", lambda t: t.clone().copy_(torch.ones(3))),
                ("fill_t", lambda t: t.clone().fill_(torch.tensor(2.0))), ("setitem", lambda t: put(t.clone())),
                ("pow0", lambda t: t ** 0), ("floordiv", lambda t: torch.div(t, 2, rounding_mode="floor")),
                ("trunc_div", lambda t: torch.div(t, b, rounding_mode="trunc")), ("frac", torch.frac)):
    x.grad = None
    (f(x) * -1).sum().backward()
    print(name, x.grad)
    g = torch.autograd.grad(f(x), (x, b), torch.tensor([float("nan"), -1.0, float("inf")]), allow_unused=True)
    print(name, g)
    go = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
    g, = torch.autograd.grad(f(x), x, go, create_graph=True)
    print(name, g, g.requires_grad, g.grad_fn)
    g, = torch.autograd.grad((f(x) * x).sum(), x, create_graph=True)
    print(name, g, g.grad_fn)''',
    ],
}


# forward mode through cdist / pdist (torch.func's first transform in a process makes PyTorch's own
# torch.jit.script DeprecationWarnings: warnings are left out of these cells)
FORWARD_CELLS = [
    ATTEMPT + '''import torch.autograd.forward_ad as fwAD
pos = torch.randn(30, 3)
for f in (lambda p: torch.pdist(p), lambda p: torch.cdist(p, p), lambda p: torch.cdist(p[:3], p[:3]),
          lambda p: torch.cdist(p, p, p=1.0), lambda p: torch.cdist(torch.randn(3, 3), p[:4]),
          lambda p: torch.cdist(p.detach()[:3], torch.randn(2, 3)), lambda p: (p[:, None] - p[None]).norm(dim=-1)):
    with fwAD.dual_level():
        dp = fwAD.make_dual(pos, torch.ones_like(pos))
        attempt(lambda: fwAD.unpack_dual(f(dp)).tangent.shape)''',
    ATTEMPT + '''from torch.func import hessian, jacrev, jacfwd, jvp
def e(pos):
    d = torch.cdist(pos, pos)
    i, j = torch.triu_indices(3, 3, 1)
    return (d[i, j] ** -6).sum()
def ep(pos):
    return (torch.pdist(pos) ** -6).sum()
pos = torch.tensor([[0.0, 0.0, 0.0], [1.1, 0.1, 0.0], [0.3, 1.0, 0.2]])
w = torch.tensor(2.0)
for f in (e, ep):
    attempt(lambda: hessian(f)(pos).shape)
    attempt(lambda: jacrev(jacrev(f))(pos).shape)
    attempt(lambda: jacfwd(f)(pos))
    attempt(lambda: jvp(f, (pos,), (torch.ones_like(pos),)))
attempt(lambda: jacfwd(lambda w: w * e(pos))(w))''',
]


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe59_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")


def test_forward_mode_stops_at_cdist_and_pdist():
    """Forward mode (forward_ad's dual tensors, torch.func's jvp, jacfwd and hessian) through cdist, pdist or
    cdist's matrix-product form raises PyTorch's 'Trying to use forward AD with _cdist_forward ...'; the engine
    went on through its double-backward trick (and then met _cdist_backward's missing derivative)."""
    assert_same_as_pytorch(FORWARD_CELLS, corpus="learner_errors", name="forward_mode_cdist", warns=None)
