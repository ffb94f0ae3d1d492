"""Function transforms and forward-mode AD as the tutorials after the autograd chapter use them (issue 16):
torch.func (grad, grad_and_value, vjp, jvp, jacrev, jacfwd, hessian, vmap, functional_call, stack_module_state),
torch.autograd.forward_ad (dual tensors) and torch.autograd.functional's jvp / vjp / hvp / vhp. Each cell runs on
PyTorch and on the engine (helpers.assert_same_as_pytorch): values, printed text and the errors of misuse."""
import warnings

import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "grad": [
        ("from torch.func import grad, grad_and_value\nx = torch.tensor([0.5, 1.0, 2.0])\n"
         "g = grad(lambda x: (x.sin() * x).sum())(x)\ng, g.requires_grad, g.grad_fn"),
        "grad(grad(lambda x: x.sin()))(torch.tensor(1.0)), grad(grad(grad(lambda x: x ** 4)))(torch.tensor(2.0))",
        "grad(lambda a, b: (a * b).sum(), argnums=(0, 1))(x, x * 2)",
        "grad(lambda a, b: (a * b).sum(), argnums=1)(x, torch.ones(3))",
        "grad_and_value(lambda x: (x ** 2).sum())(x)",
        "grad(lambda x: ((x ** 2).sum(), x.mean()), has_aux=True)(x)",
        "grad(lambda p: (p['w'] * p['b']).sum())({'w': x, 'b': torch.ones(3)})",
        "grad(lambda x: x.sin())(x)",
        "grad(lambda x: x.sum())(torch.tensor([1, 2]))",
        "grad(lambda x: 3.0)(x)",
        "grad(lambda x: x.sum(), argnums=2)(x)",
        "w = torch.ones(3, requires_grad=True)\ng = grad(lambda x: (x * w).sum())(x)\ng, g.requires_grad",
        "grad(lambda x: (x * x.detach()).sum())(x)",
    ],
    "vjp_jvp": [
        ("from torch.func import vjp, jvp\np = torch.tensor([1.0, 2.0])\nt = torch.tensor([0.5, -1.0])\n"
         "out, fn = vjp(lambda x: x ** 2 * 3, p)\nout, fn(t), fn(torch.ones(2))"),
        "out, fn = vjp(lambda a, b: (a * b, a + b), p, t)\nfn((torch.ones(2), torch.ones(2)))",
        "jvp(lambda x: x ** 2, (p,), (t,))",
        "jvp(lambda x, y: x * y.exp(), (p, t), (t, p))",
        "jvp(lambda x: (x.sin(), x.sum()), (p,), (t,))",
        "jvp(lambda x: x ** 2, p, t)",
        "jvp(lambda x: x ** 2, (p,), (t, t))",
        "jvp(lambda x: x ** 2, (p,), (torch.ones(3),))",
        "out, fn = vjp(lambda x: x.sum(), p)\nfn(torch.ones(2))",
        "vjp(lambda x: (x * 2, x.sum()), p, has_aux=True)[2]",
    ],
    "jacobians": [
        ("from torch.func import jacrev, jacfwd, hessian\nimport torch.nn.functional as F\n"
         "torch.manual_seed(0)\nW = torch.randn(3, 4)\nb = torch.randn(3)\nx = torch.randn(4)\n"
         "def predict(weight, bias, x):\n    return F.linear(x, weight, bias).tanh()\n"
         "jacrev(predict, argnums=2)(W, b, x)"),
        "jacfwd(predict, argnums=2)(W, b, x)",
        "jw, jb = jacrev(predict, argnums=(0, 1))(W, b, x)\njw.shape, jb",
        "hessian(predict, argnums=2)(W, b, x)[0]",
        "jacfwd(jacrev(lambda v: (v ** 3).sum()))(x)",
        "jacrev(lambda v: v.outer(v))(torch.tensor([1.0, 2.0]))",
        "jacrev(lambda v: {'a': v * 2, 'b': v.sum()})(torch.tensor([1.0, 2.0]))",
        "jacfwd(lambda v: v.sin(), randomness='error')(torch.tensor([1.0, 2.0]))",
        "jacrev(lambda v: (v * 2, v.sum()), has_aux=True)(torch.tensor([1.0, 2.0]))",
        "jacrev(lambda v: v * 2, argnums=1)(torch.tensor([1.0, 2.0]))",
    ],
    "vmap": [
        ("from torch.func import vmap\nimport torch.nn.functional as F\nx = torch.arange(6.).reshape(3, 2)\n"
         "vmap(lambda r: r * 2 + r.sum())(x)"),
        "torch.vmap(torch.dot)(x, x)",
        "vmap(lambda a, b: a * b, in_dims=(0, None))(x, torch.tensor([10., 20.]))",
        "vmap(lambda a: a * 2, in_dims=1)(x)",
        "vmap(lambda a: a * 2, in_dims=1, out_dims=1)(x)",
        "vmap(lambda a: (a.sum(), a * 0))(x)",
        "vmap(vmap(lambda v: v ** 2))(x)",
        "vmap(lambda a: a.sum(), chunk_size=2)(x)",
        "vmap(lambda d: d['u'] @ d['v'])({'u': x, 'v': x})",
        "vmap(lambda a, b: a + b)(x, torch.ones(2, 2))",
        "vmap(lambda a: torch.randn(2) + a)(x)",
        "vmap(lambda a: a * 2, in_dims=2)(x)",
        "vmap(lambda a: a, in_dims=(0, 0))(x)",
        "vmap(lambda a: 3.0)(x)",
        "vmap(lambda a: a)(3.0)",
    ],
    "functional_call": [
        ("from torch.func import functional_call, stack_module_state, vmap, grad\ntorch.manual_seed(0)\n"
         "model = torch.nn.Linear(3, 2)\nparams = {k: v.detach() * 2 for k, v in model.named_parameters()}\n"
         "inp = torch.randn(4, 3)\nfunctional_call(model, params, (inp,))"),
        "functional_call(model, params, inp), model.weight.sum()",
        "functional_call(model, {'weight': torch.zeros(2, 3)}, inp)",
        "functional_call(model, ({'weight': torch.zeros(2, 3)}, {'bias': torch.ones(2)}), (inp,))",
        "functional_call(model, {'weight': torch.zeros(2, 3), 'nope': torch.ones(1)}, (inp,))",
        ("def loss(p, x):\n    return functional_call(model, p, (x,)).pow(2).sum()\n"
         "g = grad(loss)(params, inp)\n{k: v for k, v in g.items()}"),
        ("models = [torch.nn.Linear(3, 2) for _ in range(4)]\nsp, sb = stack_module_state(models)\n"
         "sorted(sp), sp['weight'].shape, sp['weight'].requires_grad, sb"),
        ("base = torch.nn.Linear(3, 2).to('meta')\n"
         "def run(p, b, x):\n    return functional_call(base, (p, b), (x,))\n"
         "vmap(run, in_dims=(0, 0, None))(sp, sb, inp).shape"),
        "vmap(run, in_dims=(0, 0, None))(sp, sb, inp)[1]",
    ],
    "benchmark_timer": [   # the tutorials' timing cells: what does not depend on the clock
        ("from torch.utils.benchmark import Timer\nx = torch.ones(3)\n"
         "m = Timer(stmt='x * 2', setup='y = 1', globals={'x': x}, label='mul', sub_label='f32', "
         "description='ones').timeit(10)\nlines = repr(m).splitlines()\n"
         "print(type(m).__module__, type(m).__name__, m.number_per_run, len(m.times), m.title, m.stmt, m.label)\n"
         "print(lines[1:4], lines[-1], m.times[0] > 0, m.median == m.times[0], m.iqr)"),
        ("m = Timer('torch.ones(2)').blocked_autorange(min_run_time=0.01)\n"
         "type(m).__name__, len(m.times) >= 1, m.number_per_run >= 1, m.title, repr(m).splitlines()[1]"),
        "Timer(stmt='x * 2', globals={'x': x}).timeit(5).task_spec.summarize()",
        "m = Timer('pass').adaptive_autorange(max_run_time=0.05)\ntype(m).__name__, repr(m).splitlines()[1]",
        "Timer(stmt=3)",
        "Timer(stmt='x', global_setup='int x = 1;')",
    ],
    "compositions": [   # nesting, pytrees, argnums, out_dims, randomness='same', empty batches, names
        ('from torch.func import vmap, grad, jacrev, jacfwd, hessian, vjp, jvp, functional_call\n'
         'x = torch.arange(6.).reshape(3, 2)\nvmap(lambda a, k=1: a * k)(x)'),
        'vmap(lambda a, scale: a * scale)(x, scale=3.0)',
        'vmap(lambda a: (a, a.sum()), out_dims=(1, 0))(x)',
        'vmap(lambda a: a, out_dims=(0, 1))(x)',
        'vmap(lambda a: a, in_dims=[0])(x)',
        'vmap(torch.sum)(x)',
        'vmap(torch.nn.Linear(2, 3))(x).shape',
        "vmap(lambda a: a.sum(), randomness='bogus')(x)",
        "torch.manual_seed(0)\nvmap(lambda a: torch.rand(2) + a, randomness='same')(x)",
        "torch.manual_seed(0)\nvmap(lambda a: torch.nn.functional.dropout(a, 0.5), randomness='same')(x)",
        'torch.rand(1)',
        'vmap(lambda a: a @ a, in_dims=1)(torch.ones(2, 3))',
        'vmap(lambda a: a.T)(torch.ones(4, 2, 3)).shape',
        'vmap(lambda a: a)(torch.ones(0, 2))',
        'grad(lambda x, y: (x * y).sum(), argnums=(0,))(x, x)',
        'grad(lambda x: x.pow(2).sum(), argnums=0)(torch.tensor(3.0, dtype=torch.float64))',
        'jacrev(lambda a, b: a * b, argnums=(0, 1))(torch.tensor([1., 2.]), torch.tensor([3., 4.]))',
        'jacfwd(lambda a, b: (a * b, a.sum()), argnums=(0, 1))(torch.tensor([1., 2.]), torch.tensor([3., 4.]))',
        "hessian(lambda p: (p['a'] ** 2 * p['b']).sum())({'a': torch.tensor([1., 2.]), 'b': torch.tensor([3., 4.])})",
        'jacrev(jacrev(lambda v: v.sin().sum()))(torch.tensor([0.1, 0.2]))',
        'jvp(grad(lambda v: (v ** 3).sum()), (torch.tensor([1., 2.]),), (torch.tensor([1., 0.]),))',
        'vmap(jacrev(torch.sin))(torch.tensor([[0.1, 0.2], [0.3, 0.4]]))',
        'vmap(grad(lambda v: v.relu().sum()))(torch.tensor([[-1., 2.], [3., -4.]]))',
        'grad(lambda v: torch.where(v > 0, v, 0.1 * v).sum())(torch.tensor([-1., 2.]))',
        'grad(lambda v: v.max())(torch.tensor([1., 3., 2.]))',
        'grad(lambda v: v.norm())(torch.tensor([3., 4.]))',
        ('out, fn, aux = vjp(lambda v: (v.exp(), v.mean()), torch.tensor([0., 1.]), has_aux=True)\n'
         'out, fn(torch.ones(2)), aux'),
        'jvp(lambda v: v.softmax(0), (torch.tensor([0., 1., 2.]),), (torch.tensor([1., 0., 0.]),))',
        'jacrev(lambda v: v.softmax(0))(torch.tensor([0., 1.]))',
        'jacfwd(torch.nn.functional.log_softmax, argnums=0)(torch.tensor([0., 1.]), 0)',
        'grad(torch.nn.functional.mse_loss)(torch.tensor([1., 2.]), torch.tensor([0., 0.]))',
        'torch.func.jacrev(torch.sin)(torch.tensor(0.5))',
        'torch.func.hessian(lambda v: v ** 3)(torch.tensor(2.0))',
        ('torch.func.vmap(torch.func.grad(lambda w, xi: (w * xi).sum() ** 2), in_dims=(None,'
         ' 0))(torch.tensor([1., 2.]), torch.eye(2))'),
        ('torch.func.grad(lambda x: x.sum()).__name__, torch.func.jacrev(torch.sin).__name__,'
         ' torch.vmap(torch.cos).__name__'),
    ],
    "forward_ad": [
        ("import torch.autograd.forward_ad as fwAD\np = torch.tensor([1.0, 2.0])\nt = torch.tensor([0.5, -1.0])\n"
         "with fwAD.dual_level():\n    d = fwAD.make_dual(p, t)\n    print(d)\n    y = d.sin() * 2 + d ** 2\n"
         "    print(y, y.requires_grad)\n    u = fwAD.unpack_dual(y)\n    print(u)\n"
         "    print(fwAD.unpack_dual(d).tangent is t, fwAD.unpack_dual(p))\nprint(fwAD.unpack_dual(y))"),
        ("with fwAD.dual_level():\n    d = fwAD.make_dual(p, t)\n    z = (d.exp() / (1 + d)).sum()\n"
         "    m = torch.stack([d, d * 3]).mean(0)\n    print(fwAD.unpack_dual(z).tangent, fwAD.unpack_dual(m))"),
        ("with fwAD.dual_level():\n    d = fwAD.make_dual(p, t)\n"
         "    print(d[0] * d[1], d.reshape(2, 1).T @ d.reshape(2, 1))\n"
         "    print(torch.tanh(d).sum(), d.relu(), d.clone())\n"),
        ("torch.manual_seed(0)\nmodel = torch.nn.Linear(2, 2)\nparams = dict(model.named_parameters())\n"
         "tangents = {k: torch.ones_like(v) for k, v in params.items()}\n"
         "with fwAD.dual_level():\n    for name, v in params.items():\n        delattr(model, name)\n"
         "        setattr(model, name, fwAD.make_dual(v, tangents[name]))\n"
         "    out = model(torch.tensor([[1.0, 2.0]]))\n    print(fwAD.unpack_dual(out).tangent.detach())"),
        ("with fwAD.dual_level():\n    d = fwAD.make_dual(torch.ones(2, requires_grad=True), t)\n"
         "    y = (d * d).sum()\n    print(y)"),
        "with fwAD.dual_level():\n    fwAD.make_dual(p, torch.ones(3))",
        "fwAD.make_dual(p, t)",
        "with fwAD.dual_level():\n    with fwAD.dual_level():\n        pass",
        ("with fwAD.dual_level():\n    d = fwAD.make_dual(p, t)\n    with torch.no_grad():\n        y = d * 3\n"
         "    print(fwAD.unpack_dual(y).tangent)"),
    ],
    "custom_function_jvp": [
        ("import torch.autograd.forward_ad as fwAD\nclass Fn(torch.autograd.Function):\n    @staticmethod\n"
         "    def forward(ctx, foo):\n        result = torch.exp(foo)\n        ctx.result = result\n"
         "        return result\n"
         "    @staticmethod\n    def jvp(ctx, gI):\n        gO = gI * ctx.result\n        del ctx.result\n"
         "        return gO\nprimal = torch.tensor([0.5, 1.0], dtype=torch.double, requires_grad=True)\n"
         "with fwAD.dual_level():\n    out = Fn.apply(fwAD.make_dual(primal, torch.tensor([1.0, 2.0])))\n"
         "    u = fwAD.unpack_dual(out)\n    print(u.primal.detach(), u.tangent.detach())"),
        ("torch.autograd.gradcheck(Fn.apply, (primal,), check_forward_ad=True, check_backward_ad=False, "
         "check_undefined_grad=False, check_batched_grad=False)"),
        ("class NoJvp(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        return x * 2\n"
         "    @staticmethod\n    def backward(ctx, g):\n        return g * 2\n"
         "with fwAD.dual_level():\n    NoJvp.apply(fwAD.make_dual(primal, torch.ones(2)))"),
    ],
    "autograd_functional": [
        ("from torch.autograd.functional import jvp, vjp, hvp, vhp\n"
         "def f(x):\n    return x ** 3\nx = torch.tensor([1.0, 2.0])\nv = torch.tensor([1.0, 0.5])\njvp(f, x, v)"),
        "vjp(f, x, v)",
        "def s(x, y):\n    return (x ** 2 * y).sum()\nhvp(s, (x, v), (v, x))",
        "vhp(s, (x, v), (v, x))",
        "hvp(lambda x: (x.exp()).sum(), x, v)",
        "jvp(lambda a, b: a * b, (x, v), (v, v))",
        "jvp(f, x)",
        "hvp(f, x, v)",
        "r = jvp(f, x, v, create_graph=True)\n[t.requires_grad for t in r]",
    ],
}


FORWARD_AD_OPS = [   # each op of a lesson on a dual tensor: its tangent (PyTorch's formulas) and how the repr shows it
    "F.linear(d, W)", "d @ W.T", "d.softmax(-1)", "F.log_softmax(d, 1)", "F.cross_entropy(d, torch.tensor([0, 2]))",
    "F.mse_loss(d, torch.zeros(2, 3))", "F.layer_norm(d, (3,))", "torch.cat([d, d * 2])", "torch.where(d > 0, d, -d)",
    "d.max()", "d.max(1).values", "d[torch.tensor([1, 0])]", "d[:, 1:]", "d.sum(0, keepdim=True)", "d.mean()",
    "d.var(1)", "d.std()", "d.norm()", "d.abs()", "d.sigmoid()", "F.gelu(d)", "F.relu(d)", "d.pow(3)", "3 ** d",
    "d / (d + 5)", "1 / (d + 5)", "d.exp().log()", "d.clamp(-0.5, 0.5)", "d.t().reshape(-1)",
    "d.unsqueeze(0).expand(2, 2, 3)", "d.flatten()", "torch.stack([d, d]).permute(2, 0, 1)", "d.cumsum(1)",
    "d.prod(1)", "torch.logsumexp(d, 1)", "F.dropout(d, 0.5, training=False)", "d.sqrt()", "torch.tanh(d) * d",
    "d.masked_fill(d > 0, 0.)", "d.double()", "torch.einsum('ij,kj->ik', d, W)",
    "F.conv1d(d.unsqueeze(0), torch.ones(1, 2, 2))", "d.topk(2).values",
    "F.binary_cross_entropy(d.sigmoid(), torch.ones(2, 3))",
]
CELLS["forward_ad_ops"] = [
    ("import torch.autograd.forward_ad as fwAD\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"
     "x = torch.randn(2, 3)\nt = torch.randn(2, 3)\nW = torch.randn(4, 3)")] + [
    f"with fwAD.dual_level():\n    d = fwAD.make_dual(x, t)\n    y = {op}\n    print(fwAD.unpack_dual(y))"
    for op in FORWARD_AD_OPS] + [
    # in-place ops update the tangent in place (t itself changes, as in PyTorch); a write of a constant zeroes it
    "with fwAD.dual_level():\n    d = fwAD.make_dual(x.clone(), t)\n    d.add_(1)\n    d.mul_(2)\n    print(d, t)",
    "with fwAD.dual_level():\n    d = fwAD.make_dual(x.clone(), t)\n    d[0] = 1.0\n    d.exp_()\n    print(d, t)",
    "with fwAD.dual_level():\n    d = fwAD.make_dual(x.clone(), t)\n    print(d.argmax(), d > 0, d.long())",
]


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
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


LINEARIZE = [
    ("from torch.func import linearize\nout, jvp_fn = linearize(lambda v: v.sin() * v, torch.tensor([0.5, 1.0]))\n"
     "out, jvp_fn(torch.ones(2)), jvp_fn(torch.tensor([1.0, 0.0]))"),
    "jvp_fn(torch.ones(3))",
    "jvp_fn(torch.ones(2, dtype=torch.float64))",
    "jvp_fn(torch.ones(2), torch.ones(2))",
]


def test_linearize_matches_pytorch():
    """torch.func.linearize: values and the errors of its jvp_fn. Warnings left out: PyTorch's make_fx tracing
    warns about its own graph ("Attempted to insert a get_attr Node ..."), an internal of its implementation."""
    assert_same_as_pytorch(LINEARIZE, corpus="api_breadth", name="linearize", warns=None)
