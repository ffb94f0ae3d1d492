"""Elementwise math, comparisons, broadcasting/joins, finfo/iinfo and torch.save/load, run on real PyTorch and on
the engine: printed text, grad_fn names, gradients and errors must be identical."""

import pytest
from helpers import assert_same_as_pytorch

GRAD = ("def grad_of(f, *xs):\n    for x in xs:\n        x.grad = None\n    y = f(*xs)\n"
        "    (y * torch.ones_like(y).cumsum(-1)).sum().backward()\n    return y, y.grad_fn, [x.grad for x in xs]\n")

CASES = {
    "div_backward_bits": [   # DivBackward0's divisor gradient is -grad * ((a / b) / b), bit for bit
        "a = torch.linspace(-3, 3, 40)\nb = torch.linspace(0.5, 2.7, 40).requires_grad_()\n"
        "(a / b).backward(torch.linspace(-1, 1.3, 40))\n[v.hex() for v in b.grad.tolist()]",
        "x = torch.linspace(-4, 4, 33, requires_grad=True)\ntorch.nn.functional.softsign(x).sum().backward()\n"
        "[v.hex() for v in x.grad.tolist()]",
        # elu's float32 expm1 rounded once (numpy's float32 expm1 differs from PyTorch's for ~10% of inputs)
        "e = torch.linspace(-5, 0.5, 300)\n[v.hex() for v in torch.nn.functional.elu(e, 0.7).tolist()]",
    ],
    "functions_rotations_and_indices": [
        'x = torch.arange(12.).reshape(3, 4).requires_grad_()\ny = torch.rot90(x)\ny, torch.rot90(x, 2), torch.rot90(x, -1, [1, 0]), x.rot90(3), torch.fliplr(x), torch.flipud(x)',
        'g, = torch.autograd.grad((torch.rot90(x, 1) * torch.arange(12.).reshape(4, 3)).sum(), x)\ng',
        'torch.rot90(torch.ones(3))',
        'torch.rot90(x, 1, [0, 0])',
        'torch.rot90(x, 1, [0])',
        'torch.fliplr(torch.ones(3))',
        'torch.tril_indices(3, 3), torch.triu_indices(3, 4, 1), torch.tril_indices(4, 3, -1), torch.triu_indices(2, 2, dtype=torch.int32)',
        'torch.kron(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True), torch.eye(2)), torch.kron(torch.arange(3), torch.arange(2).reshape(2, 1))',
        'torch.take_along_dim(x, torch.tensor([[0], [2], [3]]), 1), torch.take_along_dim(x, torch.tensor([0, 5])), torch.take_along_dim(x, x.argmax(1, keepdim=True), dim=1)',
        'x.tensor_split(3, 1), torch.tensor_split(x, [1, 3], dim=1), torch.tensor_split(torch.arange(7), 3), torch.tensor_split(torch.arange(7), (1, 6, 9))',
        'v = torch.tensor([[1., 3., 3., 2., 5., 5.], [2., 2., 1., 1., 0., 0.]], requires_grad=True)\ntorch.cummax(v, 1), v.cummin(0)',
    ],
    "functions_order_statistics_and_search": [
        "m = torch.cummax(v, 1).values\ng, = torch.autograd.grad(m.sum(), v)\ng, torch.cummax(torch.tensor([1., float('nan'), 2., float('nan')]), 0)",
        'w = torch.tensor([[3., 1., 3., 1., 2.], [0., 4., 4., 2., 2.]], requires_grad=True)\ntorch.kthvalue(w, 2), w.kthvalue(4, 0), torch.kthvalue(w, 1, keepdim=True)',
        'torch.mode(w), torch.mode(torch.tensor([[3, 1, 1, 3, 2], [5, 5, 4, 4, 4]]), 1), w.mode(0, keepdim=True)',
        'torch.kthvalue(w, 6)',
        "torch.manual_seed(3)\nties = torch.randint(-3, 4, (6, 40)).float()\nties[1, 5] = float('nan')\nties[4, :3] = float('nan')\n"
        "torch.kthvalue(ties, 7), torch.kthvalue(ties[:, :9], 4, 1), torch.mode(ties), torch.mode(ties[:, :12], 1), torch.mode(ties, 0), ties.kthvalue(3, 0)",
        '(torch.kthvalue(w, 2).values.sum() + torch.mode(w).values.sum()).backward()\nw.grad',
        'torch.msort(w), torch.aminmax(w), torch.aminmax(w, dim=1), w.aminmax(dim=0, keepdim=True)',
        'torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), torch.tensor([[3, 6, 9], [3, 6, 9]])), torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), torch.tensor([3, 6, 9]), right=True)',
        "torch.searchsorted(torch.tensor([[1, 3, 5], [2, 4, 6]]), torch.tensor([[3, 6], [1, 5]]), side='right'), torch.searchsorted(torch.tensor([1., 2.]), torch.tensor(1.5), out_int32=True)",
        'torch.bucketize(torch.tensor([[1, 3, 9], [5, 7, 10]]), torch.tensor([1, 3, 5, 7, 9])), torch.bucketize(torch.tensor([1, 3, 9]), torch.tensor([1, 3, 5, 7, 9]), right=True)',
        'torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3])), torch.isin(torch.tensor([1., 2.]), torch.tensor([2.]), invert=True)',
        'torch.argwhere(torch.tensor([[1, 0], [0, 3]])), torch.tensor([0., 1., 2.]).argwhere()',
        'u = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])\ntorch.unique_consecutive(u), torch.unique_consecutive(u, return_inverse=True, return_counts=True), u.unique_consecutive(return_counts=True)',
        'torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 3]]), dim=0, return_counts=True)',
        'a = torch.tensor([1., 2.], requires_grad=True)\nb = torch.tensor([3., 4., 5.])\ntorch.cartesian_prod(a, b), torch.cartesian_prod(a)',
        'torch.block_diag(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True), torch.tensor([5., 6.]), torch.tensor(7.)), torch.block_diag(torch.tensor([1, 2]), torch.tensor([[1.5]]))',
    ],
    "functions_quantiles_nan_reductions": [
        "q = torch.tensor([[0.5, -1.2, 3.3, 0.1], [2.0, 1.0, float('nan'), 4.0], [0.25, 0.75, 0.5, 1.0]], requires_grad=True)\ntorch.quantile(q[0], 0.3), torch.quantile(q, 0.4, dim=1), torch.quantile(q[[0, 2]], torch.tensor([0.1, 0.5, 0.9]), dim=0, keepdim=True)",
        "torch.quantile(q[[0, 2]], 0.5), q[[0, 2]].quantile(torch.tensor([0.25, 0.75])), [torch.quantile(q[0], 0.35, interpolation=i) for i in ['linear', 'lower', 'higher', 'midpoint', 'nearest']]",
        'r = torch.quantile(q[[0, 2]], torch.tensor([0.3, 0.8]), dim=1)\nr.sum().backward()\nr, q.grad',
        'torch.quantile(q, 1.5)',
        'torch.quantile(torch.arange(4), 0.5)',
        "torch.quantile(q, 0.5, interpolation='foo')",
        'torch.nanmean(q), torch.nanmean(q, 1), q.nanmean(dim=0, keepdim=True), torch.nansum(q), q.nansum(1), torch.nansum(torch.tensor([1, 2]))',
        'g, = torch.autograd.grad(torch.nanmean(q, 1).sum() + torch.nansum(q), q)\ng',
        'torch.nanmean(torch.tensor([1, 2]))',
    ],
    "functions_elementwise_and_products": [
        'd = torch.tensor([-180., 0., 45., 90.], requires_grad=True)\ntorch.deg2rad(d), torch.rad2deg(d), d.deg2rad(), torch.deg2rad(torch.tensor([180])), torch.rad2deg(torch.tensor([3.14159265]))',
        'torch.signbit(torch.tensor([-0., 0., -1., 2.])), torch.tensor([-1, 1]).signbit()',
        'c = torch.tensor([-1.5, 0., 2.5, -0.], requires_grad=True)\nk = torch.tensor([1., -1., -2., 3.], requires_grad=True)\ny = torch.copysign(c, k)\ny, torch.copysign(c, -1.), c.copysign(2), torch.copysign(torch.tensor([1, -2]), 3)',
        'torch.autograd.grad((y * torch.arange(4.)).sum(), [c, k]), torch.autograd.grad(torch.copysign(c, -1.).sum(), c)',
        'torch.heaviside(torch.tensor([-1.5, 0., 2.]), torch.tensor(0.5)), torch.heaviside(torch.tensor([-1, 0, 2]), torch.tensor([7, 8, 9]))',
        "hv = torch.heaviside(torch.tensor([-1., 0., 2.], requires_grad=True), torch.tensor([0.5, 0.5, 0.5], requires_grad=True))\n"
        "hv, type(hv.grad_fn), hv.grad_fn.name(), torch.tensor([1., 0.]).heaviside(torch.tensor(0.5, requires_grad=True))",
        "hv.sum().backward()",
        'torch.float_power(torch.tensor([2, 3]), 2), torch.float_power(torch.tensor([2., 3.], requires_grad=True), torch.tensor([0.5, 2.])), torch.tensor([1.5]).float_power(2)',
        "e = torch.tensor([-1., 0., 100., float('inf')], requires_grad=True)\nf = torch.tensor([2., 0., -50., float('inf')], requires_grad=True)\ny = torch.logaddexp2(e, f)\ny, torch.autograd.grad(y[:3].sum(), [e, f])",
        's = torch.tensor([-2.5, -1., 0., 0.3, 1., 3.7], requires_grad=True)\ny = torch.sinc(s)\ny, torch.autograd.grad(y.sum(), s), torch.sinc(torch.tensor([0, 1])), torch.sinc(s.double())',
        'torch.vander(torch.tensor([1, 2, 3])), torch.vander(torch.tensor([1., 2., 3.]), N=4, increasing=True), torch.vander(torch.tensor([1., 2.], requires_grad=True))',
        't = torch.tensor([[1., 2., 4.], [0., 3., 9.]], requires_grad=True)\ntorch.trapezoid(t), torch.trapezoid(t, dx=0.5), torch.trapezoid(t, torch.tensor([0., 1., 3.])), torch.trapezoid(t, dim=0)',
        'torch.autograd.grad(torch.trapezoid(t, torch.tensor([0., 1., 3.])).sum(), t)',
    ],
    "diff_logspace_cdist": [
        "a = torch.tensor([[1.0, 4.0, 9.5, 16.0], [0.5, -2.0, 3.25, 7.0], [2.0, 2.0, -1.0, 0.0]], requires_grad=True)\n"
        + GRAD,
        "grad_of(torch.diff, a), grad_of(lambda t: torch.diff(t, n=2, dim=0), a), grad_of(lambda t: t.diff(3), a)",
        "grad_of(lambda t: torch.diff(t, dim=0, prepend=torch.zeros(1, 4), append=torch.ones(2, 4)), a)[0], "
        "torch.diff(a, n=2, prepend=torch.ones(3, 1)).grad_fn.next_functions",
        "torch.diff(a, n=0), torch.diff(a, n=5), torch.diff(torch.tensor([True, False, False])), "
        "torch.diff(torch.tensor([1, 5, 2])), torch.diff(a.detach(), prepend=torch.ones(3, 1, dtype=torch.int64))",
        "torch.diff(torch.tensor(1.0))", "torch.diff(a, n=-1)", "torch.diff(a, prepend=torch.ones(4))",
        "torch.diff(a, dim=0, prepend=torch.ones(1, 3))", "torch.diff(a, dim=2)",
        "torch.logspace(0, 2, 5), torch.logspace(-1, 1, 4, base=2.0), torch.logspace(0, 3, 4, dtype=torch.float64), "
        "torch.logspace(0, 2, 3, dtype=torch.int64), torch.logspace(1, 1, 1), torch.logspace(0, 5, 0)",
        "[torch.logspace(-3.3, 7.1, 101).tolist(), torch.logspace(-3.3, 7.1, 100, base=1.7).tolist(), "
        "torch.logspace(0.1, 9.9, 57, base=3.0, dtype=torch.float64).tolist(), "
        "torch.logspace(2, -2, 9, base=0.5).tolist(), torch.logspace(0, 10, 7, dtype=torch.int32).tolist()]",
        "torch.logspace(0, 1, -1)",
        "torch.manual_seed(0)\nx1 = torch.randn(4, 3, requires_grad=True)\nx2 = torch.randn(5, 3, requires_grad=True)\n"
        "[grad_of(lambda u, v: torch.cdist(u, v, p), x1, x2) for p in (2.0, 1.0, 3.0, 0.5, 0.0, float('inf'))]",
        "big1 = torch.randn(30, 4, requires_grad=True)\nbig2 = torch.randn(6, 4, requires_grad=True)\n"
        "y, fn, gs = grad_of(torch.cdist, big1, big2)\nprint(y[:3], fn, fn.next_functions, gs[0][:3], gs[1])",
        "grad_of(lambda u, v: torch.cdist(u, v, compute_mode='use_mm_for_euclid_dist'), x1, x2), "
        "grad_of(lambda u, v: torch.cdist(u, v, 1.0), big1, big2)[0][:2], "
        "torch.cdist(big1, big2, compute_mode='donot_use_mm_for_euclid_dist').grad_fn",
        "b1 = torch.randn(2, 3, 4)\nb2 = torch.randn(2, 5, 4)\ntorch.cdist(b1, b2), torch.cdist(b1, b2[0]).shape, "
        "torch.cdist(x1, x1.detach())",
        "torch.cdist(torch.ones(3), torch.ones(3))", "torch.cdist(torch.ones(2, 3), torch.ones(2, 4))",
        "torch.cdist(torch.ones(2, 3), torch.ones(2, 3), -1)",
        "torch.cdist(torch.ones(2, 3, dtype=torch.int64), torch.ones(2, 3))",
        "torch.cdist(torch.ones(2, 3), torch.ones(2, 3, dtype=torch.float64))",
        "torch.cdist(torch.ones(2, 3), torch.ones(2, 3), compute_mode='foo')",
        "torch.cdist(torch.ones(2, 2, 3), torch.ones(3, 4, 3))",
    ],
    "unary_math": [
        "x = torch.tensor([[0.3, -0.6, 0.9], [0.05, 0.5, -0.25]], requires_grad=True)\np = x.abs() + 0.5\n" + GRAD,
        "grad_of(torch.rsqrt, p), grad_of(torch.erf, x), grad_of(torch.atan, x)",
        "grad_of(torch.asin, x), grad_of(torch.acos, x), grad_of(torch.sinh, x), grad_of(torch.cosh, x)",
        "grad_of(torch.log2, p), grad_of(torch.log10, p), grad_of(torch.exp2, x), grad_of(torch.expm1, x)",
        "u = x.abs()\ngrad_of(torch.logit, u), grad_of(lambda t: torch.logit(t, eps=0.1), u)",
        "x.rsqrt(), x.erf(), x.atan(), x.asin(), x.acos(), x.sinh(), x.cosh(), p.log2(), p.log10(), x.exp2()",
        "x.expm1(), x.abs().logit(), x.arctan(), x.arcsin(), torch.arccos(x)",
        ("i = torch.tensor([1, 2, 4])\ntorch.rsqrt(i), torch.erf(i), torch.log2(i), torch.exp2(i), torch.expm1(i), "
         "torch.asin(i), torch.logit(i)"),
        "d = torch.tensor([0.5, -2.0, 3.0], dtype=torch.float64, requires_grad=True)\ngrad_of(torch.erf, d), grad_of(torch.sinh, d)",
        "torch.erf(torch.tensor([0., -0., 10., float('inf'), float('nan')])), torch.logit(torch.tensor([0., 1., 2.]))",
    ],
    "binary_math": [
        ("a = torch.tensor([[0.3, -0.6, 0.9], [1.5, 0.5, -0.25]], requires_grad=True)\n"
         "b = torch.tensor([0.7, 1.2, -0.4], requires_grad=True)\n" + GRAD),
        "grad_of(torch.atan2, a, b), grad_of(torch.hypot, a, b), grad_of(torch.logaddexp, a, b)",
        "grad_of(torch.xlogy, a, b.abs()), grad_of(lambda t: torch.xlogy(t, 2.5), a), grad_of(lambda t: torch.xlogy(2., t), b)",
        "z = torch.tensor([0., 1., 2.], requires_grad=True)\ngrad_of(torch.xlogy, z, b.abs())",
        "grad_of(lambda s, e: torch.lerp(s, e, 0.3), a, b), grad_of(lambda s, e: s.lerp(e, 0.75), a, b)",
        "w = torch.tensor([0.2, 0.9, -0.5], requires_grad=True)\ngrad_of(torch.lerp, a, b, w)",
        "grad_of(lambda s, t1, t2: torch.addcmul(s, t1, t2, value=0.5), a, b, w), grad_of(torch.addcmul, a, b, w)",
        "grad_of(lambda s, t1, t2: torch.addcdiv(s, t1, t2, value=-2), a, b, w), grad_of(torch.addcdiv, a, b, w)",
        "a.atan2(b), a.hypot(b), a.logaddexp(b), a.abs().xlogy(b.abs()), torch.arctan2(a, b)",
        "torch.atan2(torch.tensor([1, -1]), torch.tensor([2, 2])), torch.hypot(torch.tensor([3]), torch.tensor([4]))",
        "torch.atan2(a, b.double()).dtype, torch.logaddexp(a, torch.ones(2))",
        "torch.lerp(a, b.double(), 0.5)",
        ("r = torch.linspace(-3, 3, 41)\nq = r.flip(0) * 0.7 + 0.1\n[t.tolist() for t in (torch.lerp(r, q, 0.3), "
         "torch.lerp(r, q, 0.8), torch.addcmul(r, q, r, value=0.3), torch.addcdiv(r, q, r.abs() + 1, value=0.3), "
         "torch.hypot(r, q), torch.rsqrt(r.abs() + 0.5))]"), "torch.addcdiv(torch.ones(2, dtype=torch.int64), torch.ones(2, dtype=torch.int64), torch.ones(2, dtype=torch.int64))",
    ],
    "clamps_and_fmod": [
        "a = torch.tensor([[0.3, -0.6, 0.9], [1.5, 0.5, -0.25]], requires_grad=True)\nb = torch.tensor([0.7, 1.2, -0.4], requires_grad=True)\n" + GRAD,
        "grad_of(lambda t: torch.clamp_min(t, 0.4), a), grad_of(lambda t: t.clamp_max(0.4), a)",
        "grad_of(lambda t: torch.fmod(t, 0.4), a), grad_of(torch.fmod, a, b), grad_of(lambda s, t: s.fmod(t), a, b)",
        "torch.fmod(torch.tensor([-3, 3, 7]), 2), torch.tensor([-3., 3.]).fmod(2), torch.fmod(torch.tensor([-3, 3]), 2.5)",
        "torch.clamp_min(torch.tensor([1, 5]), 3), torch.clamp_max(torch.tensor([1, 5]), 2.5)",
        "c = a.detach().clone()\nc.clamp_min_(0.), c.fmod_(0.5), c",
    ],
    "comparisons_and_info": [
        "a = torch.tensor([1., 2., 3.])\nb = torch.tensor([3., 2., 1.])\ntorch.lt(a, b), torch.gt(a, b), torch.le(a, 2), torch.ge(a, b)",
        "torch.eq(a, b), torch.ne(a, 2.), torch.equal(a, a.clone()), torch.equal(a, b), a.less(b), torch.greater_equal(a, b)",
        "a.is_complex(), a.nbytes, a.itemsize, torch.ones(2, 3, dtype=torch.int64).nbytes, torch.ones(2, dtype=torch.bool).itemsize",
        "torch.finfo(torch.float32), torch.finfo(torch.float64), torch.iinfo(torch.int64), torch.finfo()",
        ("f = torch.finfo(torch.float32)\nf.eps, f.max, f.min, f.tiny, f.bits, f.resolution, "
         "torch.finfo(torch.float64).eps, torch.iinfo(torch.int64).max, torch.iinfo(torch.int64).min"),
        "torch.iinfo(torch.int32), torch.iinfo(torch.uint8), torch.finfo(torch.float16).eps",
        "torch.iinfo(torch.float32)", "torch.finfo(torch.int64)", "torch.iinfo(torch.bool)",
    ],
    "broadcast_roll_narrow": [
        "x = torch.arange(6., requires_grad=True).reshape(2, 3)\nv = torch.tensor([1., 2., 3.], requires_grad=True)\n" + GRAD,
        "torch.broadcast_to(v, (2, 3)), v.broadcast_to((2, 3)), torch.broadcast_tensors(x, v)",
        "p, q = torch.broadcast_tensors(v, v.reshape(3, 1))\n(p * q).sum().backward()\np.grad_fn, q.grad_fn, v.grad",
        "torch.broadcast_to(v, (2, 2))",
        "grad_of(lambda t: torch.roll(t, 1), x), grad_of(lambda t: t.roll((1, -1), (0, 1)), x), grad_of(lambda t: t.roll(-2, 1), x)",
        "torch.roll(x, (1, 2), (0,))",
        "grad_of(lambda t: torch.narrow(t, 1, 1, 2), x), x.narrow(0, -1, 1), torch.narrow(x, 1, 3, 0)",
        "x.narrow(1, 2, 2)", "x.narrow(1, 5, 0)", "x.narrow(2, 0, 1)",
    ],
    "moves_and_joins": [
        "x = torch.arange(6., requires_grad=True).reshape(2, 3)\nv = torch.tensor([1., 2., 3.], requires_grad=True)\n" + GRAD,
        "grad_of(lambda t: torch.movedim(t, 0, 1), x), torch.movedim(torch.ones(2, 3, 4), (0, 1), (2, 0)).shape, torch.moveaxis(torch.ones(2, 3, 4), -1, 0).shape",
        "grad_of(lambda a, b: torch.hstack([a, b]), v, v), grad_of(lambda a, b: torch.vstack([a, b]), x, v)",
        "torch.hstack([x, x]), torch.vstack([v, v]), torch.hstack([torch.tensor(1.), torch.tensor([2., 3.])])",
        "grad_of(lambda t: torch.tile(t, (2,)), v), grad_of(lambda t: t.tile((2, 1, 2)), x), torch.tile(x, (2,))",
        "grad_of(lambda t: torch.repeat_interleave(t, 2), v), grad_of(lambda t: t.repeat_interleave(2, dim=0), x)",
        "torch.repeat_interleave(x, 3), x.repeat_interleave(2, 1), torch.repeat_interleave(v, torch.tensor(2)), x.repeat_interleave(torch.tensor([1, 2]), 0)",
    ],
    "save_and_load": [
        ("import io, os, tempfile, collections\n"
         "torch.manual_seed(0)\nmodel = torch.nn.Linear(3, 2)\nbuf = io.BytesIO()\n"
         "obj = {'w': torch.tensor([1., 2.], requires_grad=True), 'p': torch.nn.Parameter(torch.ones(2)), "
         "'ints': [torch.arange(3), torch.tensor(2.5, dtype=torch.float64)], 'sd': model.state_dict(), 'n': 3}\n"
         "torch.save(obj, buf)\nbuf.seek(0)\nback = torch.load(buf)\nback"),
        "type(back['sd']), type(back['p']).__name__, back['w'].requires_grad, back['ints'][1].dtype",
        ("path = os.path.join(tempfile.mkdtemp(), 'model.pt')\ntorch.save(model.state_dict(), path)\n"
         "torch.manual_seed(1)\nother = torch.nn.Linear(3, 2)\nother.load_state_dict(torch.load(path, weights_only=True))"),
        "other.weight, other.bias, torch.equal(other.weight, model.weight)",
        "torch.save([torch.ones(2)], path)\ntorch.load(path)",
        "torch.load('/no/such/dir/x.pt', weights_only=True)",
    ],
    "save_and_load_a_whole_model": [   # PyTorch's "Save and Load the Model" tutorial: torch.save(model, PATH)
        ("import os, tempfile\ntorch.manual_seed(0)\n"
         "class Net(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
         "        self.stack = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))\n"
         "    def forward(self, x):\n        return self.stack(x)\n"
         "model = Net()\nopt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)\n"
         "model(torch.ones(2, 3)).sum().backward()\nopt.step()\n"
         "path = os.path.join(tempfile.mkdtemp(), 'model.pth')\ntorch.save(model, path)\n"
         "loaded = torch.load(path, weights_only=False)\nloaded"),
        "type(loaded).__name__, type(loaded.stack[0]), loaded(torch.ones(1, 3)), loaded.stack[2].bias",
        ("torch.save({'model': model.state_dict(), 'optimizer': opt.state_dict(), 'epoch': 1}, path)\n"
         "ck = torch.load(path, weights_only=True)\nopt2 = torch.optim.SGD(model.parameters(), lr=0.5)\n"
         "opt2.load_state_dict(ck['optimizer'])\nopt2.state_dict()['param_groups'][0]['lr'], ck['epoch']"),
        "torch.save(torch.nn.ReLU(), path)\ntorch.load(path, weights_only=False)",
    ],
    "accelerator": [   # the device line of PyTorch's current "Learn the Basics" tutorials
        ("device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else 'cpu'\n"
         "print(f'Using {device} device')"),
        "torch.accelerator.is_available(), torch.accelerator.device_count(), torch.accelerator.current_accelerator()",
        "torch.nn.Linear(2, 1).to(device).weight.device",
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_math_api_matches_pytorch(name):
    assert_same_as_pytorch(CASES[name], "math_api", name)
