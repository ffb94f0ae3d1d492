"""What the sixty-first probe (sampling with gradients as probabilistic-ML courses teach it in plain PyTorch:
Hamiltonian Monte Carlo with a leapfrog integrator, MALA and unadjusted Langevin dynamics, Stein variational
gradient descent with an RBF kernel and the median heuristic, energy-based models trained with short-run Langevin
sampling, annealed importance sampling and effective sample size) found, each checked against PyTorch: the gradient
of median() and nanmedian() over all elements is shared evenly among the elements tied with the result (PyTorch's
evenly_distribute_backward, as for max() and min(); NaNs tie with a NaN result), and their grad_fn's _saved_self /
_saved_result (also max()'s and min()'s) are readable; the gradient of torch.cdist and torch.pdist taken with
create_graph=True is PyTorch's CdistBackwardBackward0 / PdistBackwardBackward0, whose backward raises "the
derivative for '_cdist_backward' is not implemented." (a kernelised Stein discrepancy through a cdist kernel), not a
silent zero; torch.logsumexp without its dim is refused by PyTorch's parser in its words (also
torch.special.logsumexp, named special_logsumexp), keeps a complex input complex (the largest real part taken out,
the gradient conjugated), and refuses an out= that is not floating point in logsumexp's words; torch.quantile /
nanquantile refuse an out= of another dtype than the input's; and a tensor saved under saved_tensors_hooks is
unpacked as PyTorch's SavedVariable::unpack makes it, the hook's data with the saved tensor's history (the node for
an output, an input's grad_fn or grad accumulator), so that a second derivative taken with create_graph=True flows
through it and grad_fn._saved_result has its grad_fn."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "median_gradient_is_shared_among_ties": [
        '''for f in ("median", "nanmedian"):
    for vals in ([1.0, 1.0, 1.0], [2.0, 1.0, 2.0, 3.0], [float('nan'), 1.0, float('nan')],
                 [1.0, float('nan'), 3.0, 2.0], [[3.0, 1.0], [3.0, 2.0]], [5.0]):
        x = torch.tensor(vals, requires_grad=True)
        y = getattr(x, f)()
        y.backward()
        print(f, y, x.grad)''',
        '''x = torch.tensor([[2.0, 1.0], [2.0, 5.0]], dtype=torch.float64, requires_grad=True)
y = torch.median(x)
g, = torch.autograd.grad(y * 3, x, create_graph=True)
print(g, g.grad_fn is not None)
torch.autograd.grad(g.pow(2).sum(), x)
d = torch.cdist(x, x) ** 2
m = d.median()
print(m, torch.autograd.grad(m, x)[0])
print(torch.median(x, 0).values, torch.autograd.grad(torch.median(x, 0).values.sum(), x)[0])''',
        '''x = torch.tensor([[2.0, 1.0], [2.0, 5.0]], requires_grad=True)
for f in (torch.median, torch.nanmedian, torch.max, torch.min):
    y = f(x)
    print(type(y.grad_fn).__name__, y.grad_fn._saved_self, y.grad_fn._saved_result)
    packed = []
    with torch.autograd.graph.saved_tensors_hooks(lambda t: packed.append(tuple(t.shape)) or t, lambda t: t):
        z = f(x * 1)
    print(packed)
    z.backward()
print(x.grad)'''],
    "cdist_and_pdist_are_not_twice_differentiable": [
        ATTEMPT + '''torch.manual_seed(0)
a = torch.randn(3, 2, requires_grad=True)
b = torch.randn(4, 2, requires_grad=True)
for p in (2.0, 1.0, 0.0, float('inf'), 3.0, 0.5):
    d = torch.cdist(a, b, p=p)
    g, = torch.autograd.grad(d.sum(), a, create_graph=True)
    print(p, g, g.grad_fn, [type(f).__name__ if f is not None else None for f, _ in g.grad_fn.next_functions])
    attempt(lambda: g.sum().backward())
d = torch.cdist(a, b)
ga, gb = torch.autograd.grad(d.sum(), [a, b], create_graph=True)
print(ga, gb, gb.grad_fn.next_functions[3][0], gb.grad_fn.next_functions[3][0].next_functions)
w = torch.randn(3, 4, requires_grad=True)
ga, gb = torch.autograd.grad((d * w).sum(), [a, b], create_graph=True)
print(ga.grad_fn.next_functions[0], gb.grad_fn.next_functions[0][0].next_functions)
attempt(lambda: torch.autograd.grad(ga.sum(), w))''',
        ATTEMPT + '''torch.manual_seed(1)
x = torch.randn(4, 2, requires_grad=True)
d = torch.pdist(x)
g, = torch.autograd.grad(d.sum(), x, create_graph=True)
print(g, g.grad_fn, g.grad_fn.next_functions)
attempt(lambda: torch.autograd.grad(g.sum(), x))
x = torch.randn(2, 4, 3, dtype=torch.float64, requires_grad=True)
y = torch.randn(2, 5, 3, dtype=torch.float64, requires_grad=True)
g = torch.autograd.grad(torch.cdist(x, y).sum(), [x, y], create_graph=True)
print(g[1], g[1].grad_fn)
attempt(lambda: g[1].sum().backward())
x = torch.randn(30, 2, dtype=torch.float64, requires_grad=True)   # (the matrix-product path: differentiable twice)
d = torch.cdist(x, x[:27])
g, = torch.autograd.grad(d.sum(), x, create_graph=True)
print(d.grad_fn, g.grad_fn, torch.autograd.grad(g.pow(2).sum(), x)[0][:2])'''],
    "logsumexp_parser_complex_and_out": [
        ATTEMPT + '''x = torch.ones(2, 2)
attempt(lambda: torch.logsumexp(x))
attempt(lambda: torch.special.logsumexp(x))
attempt(lambda: torch.logsumexp(x, dim=0.5))
attempt(lambda: torch.logsumexp(x, dim=None))
attempt(lambda: torch.logsumexp(x, 0, foo=1))
attempt(lambda: torch.logsumexp(x, 0, True, None))
attempt(lambda: torch.logsumexp(input=x, dim=[0]))
attempt(lambda: torch.logsumexp(x, axis=0, keepdims=True))
for dt in (torch.long, torch.bool, torch.float64, torch.complex64, torch.float16):
    attempt(lambda: torch.logsumexp(x, 0, out=torch.empty(2, dtype=dt)))
    attempt(lambda: torch.special.logsumexp(x, 1, out=torch.empty(2, dtype=dt)))
attempt(lambda: torch.logsumexp(x.long(), 0, out=torch.empty(2, dtype=torch.long)))
attempt(lambda: torch.logsumexp(x.long(), 0, out=torch.empty(2, dtype=torch.float64)))''',
        '''z = torch.tensor([[1 + 1j, 2j, -1 - 0.5j], [0.5 + 3j, 1.0 + 0j, -2j]], requires_grad=True)
y = torch.logsumexp(z, 1)
print(y, y.grad_fn)
y.abs().sum().backward()
print(z.grad)
print(torch.logsumexp(z.detach().to(torch.complex128), (0, 1), keepdim=True))
print(torch.logsumexp(torch.tensor([complex('inf'), 1j]), 0), torch.logsumexp(torch.empty(0, dtype=torch.complex64), 0))
print(z.logsumexp(-1, keepdim=True), torch.special.logsumexp(z, 0))'''],
    "saved_tensors_hooks_keep_the_saved_history": [
        '''x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t.detach().clone(), lambda t: t):
    y = x.exp()
    z = x.sin()
g, = torch.autograd.grad((y + z).sum(), x, create_graph=True)
print(g)
g.sum().backward()
print(x.grad)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 1, lambda t: t):
    y = x.exp()
print(y.grad_fn._saved_result.grad_fn, y.grad_fn._saved_result.requires_grad)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    z = x.sin()
print(z.grad_fn._saved_self is x, z.grad_fn._saved_self.requires_grad, z.grad_fn._saved_self.grad_fn)''',
        '''torch.manual_seed(0)
W = torch.randn(3, 3, requires_grad=True)
v = torch.randn(3, requires_grad=True)
log = []
def pack(t):
    log.append(("pack", tuple(t.shape), t.requires_grad))
    return t.detach().clone()
def unpack(t):
    log.append(("unpack", tuple(t.shape), t.requires_grad))
    return t
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    h = torch.tanh(W @ v)
    out = (h * h.sigmoid()).sum()
g = torch.autograd.grad(out, [W, v], create_graph=True)
print(g[0], g[1].grad_fn)
print(torch.autograd.grad(g[1].sum(), [W, v]))
print(log)
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
y = x * 3
with torch.autograd.graph.saved_tensors_hooks(lambda t: t.detach(), lambda t: t):
    z = y.exp() * y
g, = torch.autograd.grad(z.sum(), x, create_graph=True)
print(g, torch.autograd.grad(g.sum(), x))
print(z.grad_fn._saved_self.grad_fn, z.grad_fn._saved_other.grad_fn)
print(z.grad_fn.next_functions[0][0]._saved_result.grad_fn)
w = torch.ones(3, requires_grad=True)
q = w.exp()
q.grad_fn._raw_saved_result.register_hooks(lambda t: t.clone(), lambda t: t)
g, = torch.autograd.grad(q.sum(), w, create_graph=True)
print(g.grad_fn, torch.autograd.grad(g.sum(), w))'''],
    "logcumsumexp_parser_and_cumulative_outs": [
        ATTEMPT + '''x = torch.tensor([[1.5, 2.0], [0.5, 3.0]])
attempt(lambda: torch.logcumsumexp(x))
attempt(lambda: x.logcumsumexp())
attempt(lambda: torch.logcumsumexp(x, dim=0.5))
attempt(lambda: torch.logcumsumexp(x, 0, 1))
attempt(lambda: x.logcumsumexp(dim=None))
attempt(lambda: x.logcumsumexp(1, 2))
for dt in (torch.float64, torch.long, torch.float32, torch.float16):
    attempt(lambda: torch.logcumsumexp(x, 0, out=torch.empty(2, 2, dtype=dt)))
    attempt(lambda: torch.cumsum(x, 0, out=torch.empty(2, 2, dtype=dt)))
    attempt(lambda: torch.cumprod(x, 1, out=torch.empty(2, 2, dtype=dt)))
attempt(lambda: torch.cumsum(x, 0, dtype=torch.float64, out=torch.empty(2, 2, dtype=torch.long)))
attempt(lambda: torch.cumsum(x.long(), 0, out=torch.empty(2, 2)))
attempt(lambda: torch.cumsum(x, 0, out=torch.empty(2, 2, dtype=torch.bool)))
attempt(lambda: torch.cumprod(x, 0, out=torch.empty(2, 2, dtype=torch.int32)))
attempt(lambda: torch.cumsum(x, 0, out=torch.empty(2, 2, dtype=torch.complex64)))
attempt(lambda: torch.cumsum(torch.tensor([True, True]), 0, out=torch.empty(2, dtype=torch.int8)))
attempt(lambda: torch.cumprod(x, axis=1, out=torch.empty(5, dtype=torch.float64)))
attempt(lambda: torch.cumsum(x, out=torch.empty(2, 2)))
attempt(lambda: torch.cumprod(x, 0, dtype=torch.int8, out=torch.empty(2, 2, dtype=torch.int8)))
attempt(lambda: torch.cumsum(x, 0, out=3))'''],
    "out_arguments_of_inputs_that_require_grad": [
        ATTEMPT + '''x = torch.tensor([[0.5, 0.2], [0.3, 0.9]], requires_grad=True)
def out_of(f):
    o = torch.empty(0)
    attempt(lambda: (f(o), o.grad_fn, o.requires_grad, o._version))
for f in (lambda o: torch.hstack([x, x], out=o), lambda o: torch.vstack([x], out=o),
          lambda o: torch.column_stack([x], out=o), lambda o: torch.row_stack([x], out=o),
          lambda o: torch.dstack([x], out=o), lambda o: torch.concat([x], out=o),
          lambda o: torch.concatenate([x], out=o), lambda o: torch.clip(x, 0, 1, out=o), lambda o: torch.diff(x, out=o),
          lambda o: torch.fix(x, out=o), lambda o: torch.inverse(x, out=o), lambda o: torch.kron(x, x, out=o),
          lambda o: torch.msort(x, out=o), lambda o: torch.nanmean(x, out=o), lambda o: torch.negative(x, out=o),
          lambda o: torch.norm(x, out=o), lambda o: torch.square(x, out=o), lambda o: torch.matrix_power(x, 2, out=o),
          lambda o: torch.linalg.matrix_power(x, 3, out=o), lambda o: torch.linalg.multi_dot([x, x], out=o),
          lambda o: torch.special.multigammaln(x + 2, 1, out=o), lambda o: torch.special.logit(x, out=o),
          lambda o: torch.special.ndtri(x, out=o), lambda o: torch.special.zeta(x + 2, x, out=o),
          lambda o: torch.mvlgamma(x + 2, 1, out=o), lambda o: torch.bernoulli(x, out=o),
          lambda o: torch.exp(x, out=o)):
    out_of(f)''',
        ATTEMPT + '''x = torch.tensor([[0.5, 0.2], [0.3, 0.9]], requires_grad=True)
for f in (torch.eq, torch.ne, torch.ge, torch.gt, torch.le, torch.lt, torch.greater, torch.less_equal):
    o = torch.empty(0, dtype=torch.bool)
    print(f(x, 0.4, out=o), o.requires_grad)
o = torch.empty(3)
print(torch.histc(x, 4, out=o), o.requires_grad)
for f in (lambda o: torch.quantile(x, 0.5, dim=0, out=o),
          lambda o: torch.nanquantile(x, torch.tensor([0.2, 0.7]), out=o),
          lambda o: torch.inner(x, x, out=o), lambda o: torch.linalg.tensorinv(x, 1, out=o)):
    o = torch.empty(0)
    r = f(o)
    print(r is o, r, o._version, o.is_leaf)
    x.grad = None
    r.sum().backward()
    print(x.grad)
o = torch.empty(1, 1)
r = torch.inner(x, x, out=o)
print(r.shape, o._version)
with torch.no_grad():
    o = torch.empty(0)
    print(torch.quantile(x, 0.5, out=o), o.grad_fn, o._version)
attempt(lambda: torch.quantile(x, 0.5, out=torch.empty(0, requires_grad=True)))''',
        ATTEMPT + '''torch.manual_seed(0)
p = torch.tensor([0.2, 0.9, 0.5])
for dt in (torch.float32, torch.float64, torch.long, torch.bool):
    o = torch.empty(3, dtype=dt)
    r = torch.bernoulli(p, out=o)
    print(r, r is o, o._version)
o = torch.empty(0)
print(torch.bernoulli(p.double(), out=o), o.dtype)
A = torch.tensor([[2.0, 0.5], [0.5, 1.0]])
for f in (lambda o: torch.mvlgamma(A + 2, 1, out=o), lambda o: torch.special.multigammaln(A + 2, 2, out=o),
          lambda o: torch.special.ndtri(A * 0.3, out=o), lambda o: torch.special.zeta(A + 2, A, out=o),
          lambda o: torch.special.logit(A * 0.3, out=o), lambda o: torch.linalg.matrix_power(A, 3, out=o),
          lambda o: torch.linalg.tensorinv(A, 1, out=o), lambda o: torch.linalg.multi_dot([A, A, A], out=o)):
    o = torch.empty(0)
    r = f(o)
    print(r is o, o)'''],
    "quantile_out_dtype": [
        ATTEMPT + '''x = torch.tensor([[1.0, 3.0], [2.0, 5.0]])
attempt(lambda: torch.quantile(x, 0.5, dim=1, out=torch.empty(2, dtype=torch.float64)))
attempt(lambda: torch.nanquantile(x, 0.5, out=torch.empty((), dtype=torch.float64)))
attempt(lambda: torch.quantile(x.double(), torch.tensor([0.5, 0.7]).double(), out=torch.empty(2, dtype=torch.float16)))
attempt(lambda: torch.quantile(x, 1.5, out=torch.empty((), dtype=torch.float64)))
attempt(lambda: torch.quantile(x.long(), 0.5, out=torch.empty((), dtype=torch.float64)))
out = torch.empty(2)
attempt(lambda: torch.quantile(x, 0.25, dim=0, out=out))
print(out)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe61_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe61", name=name)
