"""From the tenth probe (/work/notes/probe_report10.md): the examples in PyTorch's own docstrings (the ``>>>`` blocks
of torch.nn, nn.functional, linalg, special, optim, distributions, autograd and func), which tutorials and learners
copy. Each case is a notebook cell run on PyTorch and on the engine (helpers.assert_same_as_pytorch: output, error
type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "special_xlog1py_number": [   # torch.special.xlog1py's docstring: xlog1py(x, 4), xlog1py(2, y)
        '''x = torch.tensor([1, 2, 3])
y = torch.tensor([3, 2, 1])
print(torch.special.xlog1py(x, 4), torch.special.xlog1py(2, y), torch.special.xlog1py(2.5, y.double()))
w = torch.tensor([0.5, 2.0], requires_grad=True)
r = torch.special.xlog1py(w, 3)
r.sum().backward()
print(r, w.grad)
w.grad = None
r = torch.special.xlog1py(3, w)
r.sum().backward()
print(r, w.grad)
w = torch.tensor([0.0, 2.0, -1.0], dtype=torch.float64, requires_grad=True)
r = torch.special.xlog1py(w, -1.0)
r.sum().backward()
print(r, w.grad)
w.grad = None
r = torch.special.xlog1py(0.0, w)
r.sum().backward()
print(r, w.grad)''',
    ],
    "special_erfcx": [   # torch.special.erfcx(torch.tensor([0, -1., 10.]))
        '''print(torch.special.erfcx(torch.tensor([0, -1., 10.])))
x = torch.tensor([-30., -26.5, -5, -1e-3, 0, 1e-3, 0.5, 1, 3, 9.5, 25.9, 26.1, 100, 1e10,
                  float('inf'), float('-inf'), float('nan')], dtype=torch.float64, requires_grad=True)
y = torch.special.erfcx(x)
y.sum().backward()
print(y, x.grad)
print(torch.special.erfcx(torch.tensor([-8.0, -3.0, -0.5, 2.0, 7.5, 40.0])), torch.special.erfcx(torch.tensor([1, 2])))''',
    ],
    "linalg_hermitian_not_square": [   # matrix_rank / pinv docstrings: hermitian=True on a 2 x 3 (6 x 3) matrix
        '''torch.manual_seed(0)
A = torch.randn(2, 3)
for f in [lambda: torch.linalg.matrix_rank(A, hermitian=True), lambda: torch.linalg.pinv(torch.randn(6, 3), hermitian=True),
          lambda: torch.linalg.matrix_rank(A, atol=1.0, rtol=0.0, hermitian=True)]:
    try:
        f()
    except RuntimeError as e:
        print(e)''',
    ],
    "linalg_tensorinv_tensorsolve": [   # the tensorinv / tensorsolve docstrings
        '''torch.manual_seed(0)
A = torch.eye(4 * 6).reshape((4, 6, 8, 3))
Ainv = torch.linalg.tensorinv(A, ind=2)
print(Ainv.shape)
B = torch.randn(4, 6)
print(torch.allclose(torch.tensordot(Ainv, B), torch.linalg.tensorsolve(A, B)))
A = torch.randn(4, 4, requires_grad=True)
Atensorinv = torch.linalg.tensorinv(A, ind=1)
print(torch.allclose(Atensorinv, torch.linalg.inv(A)), Atensorinv.grad_fn.name(), Atensorinv.grad_fn.next_functions[0][0].name())
Atensorinv.sum().backward()
print(A.grad)
A = torch.eye(2 * 3 * 4).reshape((2 * 3, 4, 2, 3, 4))
B = torch.randn(2 * 3, 4)
X = torch.linalg.tensorsolve(A, B)
print(X.shape, torch.allclose(torch.tensordot(A, X, dims=X.ndim), B))
A = torch.randn(6, 4, 4, 3, 2, requires_grad=True)
B = torch.randn(4, 3, 2)
X = torch.linalg.tensorsolve(A, B, dims=(0, 2))
print(X.shape, X.grad_fn.name(), torch.allclose(torch.tensordot(A.permute(1, 3, 4, 0, 2), X, dims=X.ndim), B, atol=1e-4))
X.sum().backward()
print(A.grad.sum())
for f in [lambda: torch.linalg.tensorinv(torch.ones(2, 3), 1), lambda: torch.linalg.tensorinv(torch.ones(2, 2), 0),
          lambda: torch.linalg.tensorsolve(torch.ones(2, 3), torch.ones(2))]:
    try:
        f()
    except RuntimeError as e:
        print(e)''',
    ],
    "linalg_results_column_major": [   # LAPACK's layout: tensorinv's ReshapeAliasBackward0, inv(A).view(-1) refused
        '''torch.manual_seed(0)
A = torch.randn(3, 3)
A = A @ A.T + torch.eye(3)
B = torch.randn(3, 2)
print(torch.linalg.inv(A).stride(), torch.linalg.inv(torch.randn(2, 3, 3)).stride(), torch.linalg.inv_ex(A)[0].stride())
print(torch.linalg.solve(A, B).stride(), torch.linalg.cholesky(A).stride(), torch.linalg.cholesky(A, upper=True).stride())
print([t.stride() for t in torch.linalg.qr(torch.randn(4, 3))], torch.linalg.qr(torch.randn(4, 3), mode='r')[1].stride())
print([t.stride() for t in torch.linalg.svd(torch.randn(4, 3))], [t.stride() for t in torch.linalg.eigh(A)])
print(torch.linalg.solve_triangular(torch.linalg.cholesky(A), B, upper=False).stride(), torch.linalg.inv(A).is_contiguous())
x = torch.randn(3, 3, requires_grad=True)
y = torch.linalg.inv(x @ x.T + torch.eye(3))
print(y.reshape(9).grad_fn.name(), y.reshape(1, 3, 3).grad_fn.name())
try:
    y.view(9)
except RuntimeError as e:
    print(e)
y.reshape(9).sum().backward()
print(x.grad)
w = torch.randn(2, 2, 2, 2, requires_grad=True)
print(torch.linalg.tensorinv(w, ind=2).grad_fn.name())''',
    ],
    "reshape_alias": [   # reshape of a tensor viewable without a copy but not contiguous: PyTorch's _reshape_alias
        '''torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True) * 1
cases = {"t13": lambda: x.t().reshape(1, 3, 2), "t32": lambda: x.t().reshape(3, 2), "t6": lambda: x.t().reshape(6),
         "slice": lambda: x[:, :2].reshape(4), "slice2": lambda: x[:, :2].reshape(2, 1, 2),
         "exp": lambda: x[:1].expand(4, 3).reshape(2, 2, 3), "exp2": lambda: x[:1].expand(4, 3).reshape(12),
         "step": lambda: x[:, ::2].reshape(2, 2, 1), "perm": lambda: torch.randn(2, 3, 4).permute(2, 0, 1).reshape(4, 6),
         "perm2": lambda: (torch.randn(2, 3, 4, requires_grad=True) * 1).permute(2, 0, 1).reshape(4, 2, 3, 1)}
for k, f in cases.items():
    y = f()
    print(k, y.grad_fn, y.stride(), y.is_contiguous())
z = torch.randn(2, 3, requires_grad=True)
w = z * 1
v = w.t().reshape(1, 3, 2)
v.mul_(2)
print(w, v.grad_fn, w.grad_fn)
w.sum().backward()
print(z.grad)''',
    ],
    "autograd_graph_node": [   # torch.autograd.graph.Node.name / register_hook / register_prehook docstrings
        '''a = torch.tensor([0., 0., 0.], requires_grad=True)
b = a.clone()
assert isinstance(b.grad_fn, torch.autograd.graph.Node)
print(b.grad_fn.name(), torch.autograd.graph.Node, isinstance(b.grad_fn.next_functions[0][0], torch.autograd.graph.Node))
print(isinstance(a, torch.autograd.graph.Node), issubclass(type(b.grad_fn), torch.autograd.graph.Node))
class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
print(isinstance(Twice.apply(a).grad_fn, torch.autograd.graph.Node))
handle = b.grad_fn.register_prehook(lambda gI: (gI[0] * 2,))
b.sum().backward(retain_graph=True)
print(a.grad)
handle.remove()
a.grad = None
b.sum().backward(retain_graph=True)
print(a.grad)
try:
    torch.autograd.graph.Node()
except TypeError as e:
    print(e)''',
    ],
    "func_vjp_cotangent_structure": [   # torch.func.vjp's docstring: a dict output given one cotangent
        '''torch.manual_seed(0)
x = torch.randn([5])
def f(x):
    return {'first': x.sin(), 'second': x.cos()}
(_, vjpfunc) = torch.func.vjp(f, x)
for c in [torch.ones_like(x), (torch.ones_like(x), torch.ones_like(x)), [torch.ones(5)], {'first': torch.ones(5)}]:
    try:
        vjpfunc(c)
    except RuntimeError as e:
        print(e)
(_, vjpfunc) = torch.func.vjp(lambda x: (x, [x * 2, (x,)]), x)
try:
    vjpfunc(torch.ones_like(x))
except RuntimeError as e:
    print(e)''',
    ],
    "lp_pool3d": [   # nn.LPPool3d's docstring
        '''torch.manual_seed(0)
m = torch.nn.LPPool3d(2, 3, stride=2)
m2 = torch.nn.LPPool3d(1.2, (3, 2, 2), stride=(2, 1, 2))
input = torch.randn(2, 3, 5, 4, 4).abs().requires_grad_()
for mod in (m, m2, torch.nn.LPPool3d(float('inf'), 2), torch.nn.LPPool3d(3, 2, ceil_mode=True)):
    out = mod(input)
    print(mod, out.shape, out.grad_fn.name(), out.sum())
    out.sum().backward()
    print(input.grad.sum(), input.grad.abs().sum())
    input.grad = None
print(torch.nn.functional.lp_pool3d(input.detach()[:1, :, :3, :3, :3], 2, 3))''',
    ],
    "inverse_gamma_fisher_snedecor": [   # the InverseGamma / FisherSnedecor docstrings, and their gradients
        '''from torch.distributions import InverseGamma, FisherSnedecor
torch.manual_seed(0)
m = InverseGamma(torch.tensor([2.0]), torch.tensor([3.0]))
print(m.sample(), m, m.mean, m.mode, m.variance, m.entropy(), m.log_prob(torch.tensor([0.7])))
c = torch.tensor([2.5, 0.8], requires_grad=True)
r = torch.tensor([1.5, 2.0], requires_grad=True)
m = InverseGamma(c, r)
s = m.rsample((3,))
print(s)
lp = m.log_prob(s.detach()).sum()
lp.backward()
print(lp, c.grad, r.grad)
print(m.mean, m.variance, m.expand((2, 2)).batch_shape, m.cdf(torch.tensor([0.5, 1.0])))
f = FisherSnedecor(torch.tensor([1.0]), torch.tensor([2.0]))
print(f.sample(), f.sample((2,)), f)
d1 = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
d2 = torch.tensor([2.0, 6.0, 10.0], requires_grad=True)
f = FisherSnedecor(d1, d2)
print(f.mean, f.mode, f.variance)
s = f.rsample()
print(s)
s.sum().backward()
print(d1.grad, d2.grad)
print(f.log_prob(torch.tensor([0.5, 1.0, 2.0])), f.expand((2, 3)).sample().shape, FisherSnedecor(3.0, 4.0).sample())
try:
    FisherSnedecor(torch.tensor([-1.0]), torch.tensor([1.0]))
except ValueError as e:
    print(e)''',
    ],
}

CELLS["second_backward_freed"] = [   # nn.TripletMarginWithDistanceLoss's docstring: output.backward() twice
    # through the same embedding rows: PyTorch's EmbeddingBackward0 saved the indices, freed by the first backward
    '''torch.manual_seed(0)
embedding = torch.nn.Embedding(1000, 128)
anchor_ids = torch.randint(0, 1000, (1,))
positive_ids = torch.randint(0, 1000, (1,))
negative_ids = torch.randint(0, 1000, (1,))
anchor, positive, negative = embedding(anchor_ids), embedding(positive_ids), embedding(negative_ids)
triplet_loss = torch.nn.TripletMarginWithDistanceLoss(distance_function=torch.nn.PairwiseDistance())
output = triplet_loss(anchor, positive, negative)
output.backward()
def l_infinity(x1, x2):
    return torch.max(torch.abs(x1 - x2), dim=1).values
triplet_loss = torch.nn.TripletMarginWithDistanceLoss(distance_function=l_infinity, margin=1.5)
output = triplet_loss(anchor, positive, negative)
try:
    output.backward()
except RuntimeError as e:
    print(e)''',
    '''torch.manual_seed(0)
ids = torch.tensor([1, 2])
tgt = torch.tensor([0, 2])
F = torch.nn.functional
cases = [("embedding", lambda w: F.embedding(ids, w)), ("index", lambda w: w[ids]), ("index_select", lambda w: w.index_select(0, ids)),
         ("gather", lambda w: w.gather(0, ids[:, None].expand(2, 3))), ("max_dim", lambda w: torch.max(w, dim=1).values),
         ("min_dim", lambda w: torch.min(w, dim=1).values), ("sort", lambda w: w.sort(dim=1).values), ("topk", lambda w: w.topk(2).values),
         ("kthvalue", lambda w: w.kthvalue(2).values), ("median_dim", lambda w: w.median(dim=1).values), ("mode", lambda w: w.mode(dim=1).values),
         ("cummax", lambda w: w.cummax(0).values), ("take", lambda w: w.take(ids)),
         ("scatter", lambda w: torch.zeros(10, 3).scatter(0, ids[:, None].expand(2, 3), w[:2])),
         ("index_add", lambda w: w.index_add(0, ids, w[:2])), ("index_fill", lambda w: w.index_fill(0, ids, 2.0)),
         ("masked_fill", lambda w: w.masked_fill(w > 0, 0.0)), ("masked_select", lambda w: w.masked_select(w > 0)),
         ("where", lambda w: torch.where(w > 0, w, 0.0)), ("nll_loss", lambda w: F.nll_loss(w[:2], tgt)),
         ("max_pool2d", lambda w: F.max_pool2d(w[None, None], 2)), ("adaptive_max_pool1d", lambda w: F.adaptive_max_pool1d(w[None], 2)),
         ("avg_pool1d", lambda w: F.avg_pool1d(w[None], 2)), ("avg_pool2d", lambda w: torch.nn.AvgPool2d(2)(w[None, None])),
         ("adaptive_avg_pool2d", lambda w: F.adaptive_avg_pool2d(w[None, None], (2, 2))),
         ("adaptive_avg_pool2d_1", lambda w: F.adaptive_avg_pool2d(w[None, None], (1, 1))),
         ("embedding_bag", lambda w: F.embedding_bag(ids[None], w)), ("index_put", lambda w: w.index_put((ids,), torch.ones(2, 3))),
         ("add", lambda w: w + 2), ("view", lambda w: w.view(-1)), ("slice", lambda w: w[:2]), ("mul", lambda w: w * 2),
         ("dropout", lambda w: F.dropout(w, 0.5, True)), ("cat", lambda w: torch.cat([w, w]))]
for name, f in cases:
    w = torch.randn(10, 3, requires_grad=True)
    o = f(w).sum()
    o.backward()
    try:
        o.backward()
        r = "no error"
    except RuntimeError as e:
        r = str(e)[:48]
    print(name, o.grad_fn.next_functions[0][0].name(), r)
    o = f(w).sum()
    o.backward(retain_graph=True)
    o.backward()
    print(w.grad.sum())''',
]

CELLS["multilabel_margin_loss"] = [   # nn.MultiLabelMarginLoss's docstring, then its reductions and gradients
    '''loss = torch.nn.MultiLabelMarginLoss()
x = torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]])
y = torch.LongTensor([[3, 0, -1, 1]])
print(loss(x, y), loss)
torch.manual_seed(0)
x = torch.randn(5, 7, requires_grad=True)
y = torch.randint(-1, 7, (5, 7))
y[:, 0] = torch.randint(0, 7, (5,))
for red in ["mean", "sum", "none"]:
    l = torch.nn.functional.multilabel_margin_loss(x, y, reduction=red)
    print(red, l)
    (l * torch.arange(1., l.numel() + 1).reshape(l.shape)).sum().backward()
    print(x.grad)
    x.grad = None
x1 = torch.randn(6, dtype=torch.float64, requires_grad=True)
l = torch.nn.functional.multilabel_margin_loss(x1, torch.tensor([2, 5, 0, -1, 3, 3]), reduction="none")
l.backward()
print(l, x1.grad)
xb = torch.randn(64, 100, requires_grad=True) * 3
yb = torch.randint(0, 100, (64, 100))
print(torch.nn.functional.multilabel_margin_loss(xb, yb))
g, = torch.autograd.grad(torch.nn.functional.multilabel_margin_loss(xb, yb, reduction="sum"), xb)
print(g.abs().sum(), g[0, :8])
for f in [lambda: torch.nn.functional.multilabel_margin_loss(x, y[:, :3]), lambda: torch.nn.functional.multilabel_margin_loss(x, y + 1),
          lambda: torch.nn.functional.multilabel_margin_loss(x[0], y), lambda: torch.nn.functional.multilabel_margin_loss(x, y - 3)]:
    try:
        f()
    except RuntimeError as e:
        print(e)
l = torch.nn.functional.multilabel_margin_loss(x, y)
l.backward()
try:
    l.backward()
except RuntimeError as e:
    print(str(e)[:30])
x2 = torch.randn(3, 4, requires_grad=True)
g, = torch.autograd.grad(torch.nn.functional.multilabel_margin_loss(x2, torch.tensor([[1, -1, 0, 0]] * 3)), x2,
                         create_graph=True)
print(g, g.grad_fn.name())
try:
    g.sum().backward()
except RuntimeError as e:
    print(e)''',
]

CELLS["pareto_kumaraswamy"] = [   # the Pareto / Kumaraswamy docstrings, their moments, gradients and icdf
    '''from torch.distributions import Kumaraswamy, Pareto
torch.manual_seed(0)
m = Pareto(torch.tensor([1.0]), torch.tensor([1.0]))
print(m.sample(), m, m.mean, m.mode, m.variance, m.entropy(), m.support, m.log_prob(torch.tensor([2.0])), m.cdf(torch.tensor([2.0])))
s_ = torch.tensor([1.5, 2.0], requires_grad=True); a_ = torch.tensor([0.8, 3.0], requires_grad=True)
m = Pareto(s_, a_)
x = m.rsample((3,))
print(x, x.grad_fn.name())
(x.sum() + m.log_prob(x.detach()).sum()).backward()
print(s_.grad, a_.grad)
print(m.mean, m.variance, m.expand((2, 2)).batch_shape, m.icdf(torch.tensor([0.5, 0.9])))
k = Kumaraswamy(torch.tensor([1.0]), torch.tensor([1.0]))
print(k.sample(), k, k.mean, k.variance, k.entropy(), k.log_prob(torch.tensor([0.3])))
c1 = torch.tensor([2.0, 0.5, 3.0], requires_grad=True); c0 = torch.tensor([5.0, 2.0, 0.7], requires_grad=True)
k = Kumaraswamy(c1, c0)
x = k.rsample((2,))
print(x, x.grad_fn.name())
(x.sum() + k.log_prob(x.detach()).sum() + k.entropy().sum()).backward()
print(c1.grad, c0.grad)
print(k.mean, k.mode, k.variance, k.expand((2, 3)).sample().shape)
try:
    Pareto(torch.tensor([1.0]), torch.tensor([1.0])).log_prob(torch.tensor([0.5]))
except ValueError as e:
    print(e)
try:
    Kumaraswamy(torch.tensor([-1.0]), torch.tensor([1.0]))
except ValueError as e:
    print(e)''',
]

CELLS["fractional_max_pool"] = [   # the FractionalMaxPool2d / 3d and F.fractional_max_pool2d / 3d docstrings
    '''torch.manual_seed(0)
m = torch.nn.FractionalMaxPool2d(3, output_size=(13, 12))
m2 = torch.nn.FractionalMaxPool2d(3, output_ratio=(0.5, 0.5))
input = torch.randn(2, 4, 50, 32, requires_grad=True)
for mod in (m, m2):
    output = mod(input)
    print(mod, output.shape, output.grad_fn.name(), output.sum())
    w = torch.linspace(-1, 1, output.numel()).reshape(output.shape)
    (output * w).sum().backward()
    print(input.grad.abs().sum(), input.grad.sum())
    input.grad = None
x = torch.randn(2, 3, 9, 8)
o, idx = torch.nn.functional.fractional_max_pool2d(x, (2, 3), output_size=4, return_indices=True)
print(o, idx)
o, idx = torch.nn.functional.fractional_max_pool2d_with_indices(x[0], 2, output_ratio=(0.5, 0.5))
print(o.shape, idx[0])
x3 = torch.randn(2, 3, 7, 8, 9, requires_grad=True)
m3 = torch.nn.FractionalMaxPool3d(3, output_ratio=(0.5, 0.5, 0.5))
o3 = m3(x3)
print(m3, o3.shape, o3.grad_fn.name(), o3.sum())
o3.sum().backward()
print(x3.grad.sum(), x3.grad.abs().sum())
o3, i3 = torch.nn.functional.fractional_max_pool3d(x3.detach(), 2, output_size=(3, 4, 5), return_indices=True)
print(o3[0, 0], i3[0, 0])
xn = torch.tensor([[[[1., float('nan'), 2., float('nan')], [0., 5., 5., 1.], [3., 3., 0., 0.], [1, 2, 3, 4]]]], requires_grad=True)
o, i = torch.nn.functional.fractional_max_pool2d(xn, 2, output_size=2, return_indices=True,
                                                 _random_samples=torch.tensor([[[0.3, 0.7]]]))
print(o, i)
for f in [lambda: torch.nn.FractionalMaxPool2d(3), lambda: torch.nn.FractionalMaxPool2d(3, output_size=2, output_ratio=0.5), lambda: torch.nn.FractionalMaxPool2d(3, output_ratio=1.5),
          lambda: torch.nn.functional.fractional_max_pool2d(torch.randn(1, 1, 4, 4), 3, output_size=3), lambda: torch.nn.functional.fractional_max_pool2d(torch.randn(4, 4), 2, output_size=2),
          lambda: torch.nn.FractionalMaxPool3d(0, output_size=2), lambda: torch.nn.functional.fractional_max_pool2d(torch.randn(1, 1, 4, 4), 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)''',
]

CELLS["autograd_functional_create_graph"] = [   # torch.autograd.functional.vjp's docstring: create_graph=True keeps
    # the output's grad_fn, and the results stay connected to inputs that require grad (PyTorch's view_as)
    '''from_ = torch.autograd.functional
def exp_reducer(x):
    return x.exp().sum(dim=1)
torch.manual_seed(0)
inputs = torch.rand(4, 4)
v = torch.ones(4)
print(from_.vjp(exp_reducer, inputs, v, create_graph=True))
print(from_.vjp(exp_reducer, inputs, v))
x = torch.rand(3, 3, requires_grad=True)
for name, call in [("vjp", lambda: from_.vjp(exp_reducer, x, torch.ones(3), create_graph=True)),
                   ("jvp", lambda: from_.jvp(exp_reducer, x, torch.ones(3, 3), create_graph=True)),
                   ("jacobian", lambda: (None, from_.jacobian(exp_reducer, x, create_graph=True))),
                   ("hessian", lambda: (None, from_.hessian(lambda t: t.pow(3).sum(), x, create_graph=True))),
                   ("vhp", lambda: from_.vhp(lambda t: t.pow(3).sum(), x, torch.ones(3, 3), create_graph=True)),
                   ("hvp", lambda: from_.hvp(lambda t: t.pow(3).sum(), x, torch.ones(3, 3), create_graph=True)),
                   ("jac_nograph", lambda: (None, from_.jacobian(exp_reducer, x)))]:
    x.grad = None
    o, r = call()
    print(name, None if o is None else (o.requires_grad, type(o.grad_fn).__name__), r.requires_grad, r.is_leaf)
    if r.requires_grad:
        r.sum().backward()
    print(x.grad)''',
]

CELLS["stateless_functional_call"] = [   # torch.nn.utils.stateless.functional_call's docstring (deprecated spelling)
    '''from torch.nn.utils.stateless import functional_call
import torch.nn.utils.stateless as S
class Foo(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.foo = torch.nn.Parameter(torch.zeros(()))
        self.foo_tied = self.foo
    def forward(self, x):
        return x + self.foo + self.foo_tied
mod = Foo()
a = {'foo': torch.ones(())}
print(functional_call(mod, a, torch.zeros(())), S.functional_call(mod, a, torch.zeros(()), tie_weights=False), functional_call(mod, a, (torch.zeros(()),)))
new_a = {'foo': torch.zeros(()), 'foo_tied': torch.ones(())}
try:
    functional_call(mod, new_a, torch.zeros(()))
except ValueError as e:
    print(e)
print(S.functional_call.__name__)''',
]

CELLS["create_graph_reduction_nodes"] = [   # autograd.functional.jvp's docstring (create_graph=True): the backward
    # of sum(dim) / mean(dim) / logsumexp restores the reduced dims with unsqueeze (ATen's unsqueeze_multiple), and
    # unsqueeze's backward is squeeze(dim), squeeze's unsqueeze
    '''def exp_reducer(x):
    return x.exp().sum(dim=1)
torch.manual_seed(0)
inputs = torch.rand(4, 4)
v = torch.ones(4, 4)
print(torch.autograd.functional.jvp(exp_reducer, inputs, v, create_graph=True))
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(3, requires_grad=True)
def chain(t):
    out = []
    n = t.grad_fn
    while n is not None:
        out.append(n.name())
        n = n.next_functions[0][0] if n.next_functions else None
    return out
for f in [lambda x: x.sum(1), lambda x: x.sum((0, 1)), lambda x: x.mean(1), lambda x: x.sum(1, keepdim=True),
          lambda x: x.sum(), lambda x: x.mean(), lambda x: x.logsumexp(1), lambda x: x.amax(1),
          lambda x: x[None].squeeze(0), lambda x: x.unsqueeze(1).sum(2)]:
    y = f(x)
    g, = torch.autograd.grad(y, x, w[:y.numel()].reshape(y.shape) if y.numel() <= 3 else torch.ones_like(y),
                             create_graph=True)
    print(chain(g)[1:])
    g.sum().backward()
print(x.grad, w.grad)''',
    '''def chain(t):
    out = []
    n = t.grad_fn
    while n is not None:
        out.append(n.name())
        n = n.next_functions[0][0] if n.next_functions else None
    return out
x = torch.randn(3, 1, 4, 1, requires_grad=True)
w = torch.randn(12, requires_grad=True)
for f in [lambda x: x.squeeze(), lambda x: x.squeeze(1), lambda x: x.squeeze((1, 3)), lambda x: x.unsqueeze(0), lambda x: x.unsqueeze(-1), lambda x: x.squeeze(0),
          lambda x: x.view(12), lambda x: x[:, 0].unsqueeze(1)]:
    y = f(x)
    g, = torch.autograd.grad(y, x, w.reshape(y.shape) if y.numel() == 12 else torch.ones_like(y), create_graph=True)
    print(chain(g)[:3], g.shape)
    g.sum().backward()
print(w.grad)
def exp_reducer(x):
    return x.exp().sum(dim=1)
torch.manual_seed(0)
print(torch.autograd.functional.jvp(exp_reducer, torch.rand(4, 4), torch.ones(4, 4), create_graph=True))
m = torch.randn(2, 3, requires_grad=True)
v = torch.randn(3, requires_grad=True)
g, = torch.autograd.grad((v @ m.T).sum() + (m @ v).pow(2).sum(), v, create_graph=True)
print(chain(g)[:4])''',
]

CELLS["numpy_input_to_layers"] = [   # the layers' docstrings run on the training data before torch.from_numpy:
    # PyTorch's argument parser's TypeError (conv's "invalid combination"), or the AttributeError of its Python code
    '''import numpy as np
a3 = np.ones((1, 1, 4), np.float32); a4 = np.ones((1, 1, 4, 4), np.float32); a5 = np.ones((1, 1, 4, 4, 4), np.float32)
for f in [lambda: torch.nn.Conv2d(1, 1, 2)(a4), lambda: torch.nn.Conv1d(1, 1, 2)(a3), lambda: torch.nn.Conv3d(1, 1, 2, bias=False)(a5), lambda: torch.nn.Conv2d(1, 1, 3, padding='same')(a4),
          lambda: torch.nn.Conv2d(1, 2, (2, 3), stride=(1, 2), groups=1)([[1.0]]), lambda: torch.nn.Conv2d(1, 1, 2)(None),
          lambda: torch.nn.MaxPool1d(2)(a3), lambda: torch.nn.MaxPool1d(2, return_indices=True)(a3), lambda: torch.nn.MaxPool3d(2)(a5), lambda: torch.nn.MaxPool3d(2, return_indices=True)(a5),
          lambda: torch.nn.AvgPool1d(2)(a3), lambda: torch.nn.AvgPool3d(2)(a5), lambda: torch.nn.functional.max_pool2d([1.0], 2), lambda: torch.nn.LayerNorm(4)([1.0]), lambda: torch.nn.Embedding(3, 2)(None),
          lambda: torch.nn.GroupNorm(1, 1)(a4), lambda: torch.nn.InstanceNorm2d(1)(a4), lambda: torch.nn.BatchNorm1d(1)(a3), lambda: torch.nn.BatchNorm2d(1)(a4), lambda: torch.nn.BatchNorm3d(1)(a5),
          lambda: torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU())(np.ones((1, 4), np.float32))]:
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__, repr(str(e)))''',
]

CELLS["logistic_normal"] = [   # the LogisticNormal docstring (and its StickBreakingTransform)
    '''from torch.distributions import LogisticNormal
from torch.distributions.transforms import StickBreakingTransform as SBT
torch.manual_seed(0)
m = LogisticNormal(torch.tensor([0.0] * 3), torch.tensor([1.0] * 3))
s = m.sample()
print(s, s.sum(), m, m.batch_shape, m.event_shape)
loc = torch.tensor([[0.5, -1.0], [0.2, 0.3]], requires_grad=True)
sc = torch.tensor([0.7, 1.3], requires_grad=True)
m = LogisticNormal(loc, sc)
x = m.rsample((2,))
print(x, x.grad_fn.name(), m.batch_shape, m.event_shape)
lp = m.log_prob(x.detach())
print(lp)
(x.pow(2).sum() + lp.sum()).backward()
print(loc.grad, sc.grad)
t = SBT()
y = t(torch.tensor([0.3, -0.2, 1.0]))
print(y, t.inv(y), t.log_abs_det_jacobian(torch.tensor([0.3, -0.2, 1.0]), y), t == SBT(), t)
print(m.expand((3, 2)).batch_shape, LogisticNormal(0.0, 1.0).sample(), m.loc, m.scale)
try:
    m.log_prob(torch.tensor([0.5, 0.6, 0.1]))
except ValueError as e:
    print(str(e)[:200])''',
]


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="docstrings", name=name, warns="per_cell")
