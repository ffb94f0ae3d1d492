"""torch.nn, torch.optim (with lr_scheduler) and torch.utils.data snippets run on real PyTorch and on the engine.

Every cell's stdout plus the repr of its last expression, its exception (type and message) and its warnings
must be identical (object addresses masked). Random draws (init, dropout, shuffling) must be PyTorch's.
"""
import pytest

from helpers import assert_same_as_pytorch, require

SETUP = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

CASES = {
    "scaled_dot_product_attention": [
        SETUP + "torch.manual_seed(0)\nq = torch.randn(2, 3, 4, requires_grad=True)\nk = torch.randn(2, 5, 4, requires_grad=True)\n"
        "v = torch.randn(2, 5, 6, requires_grad=True)\n"
        "for kw in [{}, dict(is_causal=True), dict(scale=0.3), dict(scale=-0.5),\n"
        "           dict(attn_mask=torch.tensor([[True, False, True, True, False]] * 3)),\n"
        "           dict(attn_mask=torch.randn(3, 5)), dict(attn_mask=torch.tensor([[False] * 5, [True] * 5, [True, False] * 2 + [True]]))]:\n"
        "    o = F.scaled_dot_product_attention(q, k, v, **kw)\n"
        "    gq, gk, gv = torch.autograd.grad((o * torch.arange(o.numel()).reshape(o.shape) / 10).sum(), [q, k, v])\n"
        "    print(o.grad_fn.name(), o.grad_fn.next_functions[0][0].name(), o, gq, gk, gv)",
        "F.scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(3, 5, dtype=torch.bool), is_causal=True)",
        "F.scaled_dot_product_attention(q.double(), k.double(), v.double(), is_causal=True).dtype",
        "torch.manual_seed(1)\nF.scaled_dot_product_attention(q, k, v, dropout_p=0.3), torch.rand(1)",
    ],
    "lbfgs": [
        SETUP + "w = torch.tensor([1.5, -0.5], requires_grad=True)\n"
        "def make(**kw):\n    global opt\n    w.data = torch.tensor([1.5, -0.5])\n"
        "    opt = torch.optim.LBFGS([w], **kw)\n    return opt\n"
        "def rosen():\n    opt.zero_grad()\n    l = (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2\n"
        "    l.backward()\n    return l\n"
        "for kw in [dict(line_search_fn='strong_wolfe'), dict(), dict(lr=0.1, history_size=3, max_iter=7),\n"
        "           dict(line_search_fn='strong_wolfe', history_size=2, max_iter=5, tolerance_change=1e-5)]:\n"
        "    make(**kw)\n"
        "    print([opt.step(rosen).item() for _ in range(3)], [v.hex() for v in w.tolist()],\n"
        "          opt.state[w]['func_evals'], opt.state[w]['n_iter'], float(opt.state[w]['t']))",
        "opt", "type(opt)",
        # three parameters: PyTorch's float32 dot of 4 or more terms sums in its BLAS's order (README Limits)
        "q = torch.zeros(3, requires_grad=True)\nopt = torch.optim.LBFGS([q])\n"
        "def quad():\n    opt.zero_grad()\n    l = ((q - torch.tensor([1.0, -2.0, 0.5])) ** 2 * torch.tensor([1.0, 10.0, 0.1])).sum()\n"
        "    l.backward()\n    return l\n"
        "opt.step(quad), q, opt.step(quad), opt.state[q]['n_iter']",
        "torch.manual_seed(0)\nmodel = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))\n"
        "x, y = torch.randn(20, 3), torch.randn(20, 1)\nopt = torch.optim.LBFGS(model.parameters(), max_iter=4)\n"
        "def closure():\n    opt.zero_grad()\n    loss = ((model(x) - y) ** 2).mean()\n    loss.backward()\n    return loss\n"
        "[round(opt.step(closure).item(), 4) for _ in range(2)]",
        "a3, b3 = torch.tensor([0.1, -2.3, 1.7]), torch.tensor([3.3, 0.7, -1.9])\n"
        "[(a3 * k).dot(b3 / k).item() for k in (1.0, 3.0, 7.0, 0.3)]",
        "torch.optim.LBFGS([w], lr=-1)", "torch.optim.LBFGS([{'params': [w]}, {'params': [q]}])",
        "opt = torch.optim.LBFGS([w], line_search_fn='foo')\nopt.step(rosen)",
        "t = (torch.ones(1, requires_grad=True) * 2).sum()\nwith torch.no_grad():\n    print(float(t))",
    ],
    "optimizers_more": [
        SETUP + """
def run(cls, n=8, **kw):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
    x, y = torch.randn(16, 3), torch.randn(16, 1)
    opt = cls(model.parameters(), **kw)
    for _ in range(n):
        opt.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    return loss.item(), model[2].weight, model[0].bias
O = torch.optim
for cls, kw in [(O.Adamax, {}), (O.Adamax, dict(lr=0.1, weight_decay=0.1)), (O.NAdam, {}),
                (O.NAdam, dict(lr=0.05, weight_decay=0.1)), (O.NAdam, dict(lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)),
                (O.RAdam, {}), (O.RAdam, dict(lr=0.1, weight_decay=0.1)), (O.RAdam, dict(lr=0.1, decoupled_weight_decay=True, weight_decay=0.2)),
                (O.Adadelta, {}), (O.Adadelta, dict(lr=0.5, rho=0.8, weight_decay=0.1)), (O.ASGD, {}),
                (O.ASGD, dict(lr=0.1, t0=3, lambd=0.01)), (O.Adamax, dict(maximize=True)), (O.NAdam, dict(betas=(0.8, 0.9), momentum_decay=0.01))]:
    print(cls.__name__, kw, run(cls, **kw))
""",
        "w = torch.tensor([0.5, -1.25, 2.0, 1e-3], requires_grad=True)\n"
        "def steps(opt, n=30):\n    for _ in range(n):\n        opt.zero_grad()\n"
        "        ((w - 0.3) ** 2 * torch.tensor([1.0, 3.0, 0.7, 2.0])).sum().backward()\n        opt.step()\n"
        "    return [v.hex() for v in w.tolist()]\n"
        "for cls in [O.Adamax, O.RAdam, O.ASGD]:\n    w.data = torch.tensor([0.5, -1.25, 2.0, 1e-3])\n    print(steps(cls([w], lr=0.05)))",
        "opts = [O.Adamax([w]), O.NAdam([w]), O.RAdam([w]), O.Adadelta([w]), O.ASGD([w])]\nfor o in opts:\n    print(o, type(o))",
        "for o in opts:\n    o.zero_grad()\n    (w * w).sum().backward()\n    o.step()\n    print(o.state_dict())",
        "sd = opts[1].state_dict()\nn2 = O.NAdam([w], lr=0.5)\nn2.load_state_dict(sd)\nn2.state[w], n2.param_groups[0]['lr']",
        "O.Adamax([w], lr=-1)", "O.Adamax([w], betas=(0.9, 1.0))", "O.NAdam([w], momentum_decay=-1)",
        "O.RAdam([w], eps=-1)", "O.Adadelta([w], rho=1.5)", "O.ASGD([w], weight_decay=-0.1)",
        "O.Adadelta([w], eps=-1e-3)",
    ],
    "pad_functional_and_layers": [
        SETUP + "x = torch.arange(24.).reshape(1, 2, 3, 4).requires_grad_()\n"
        "w = torch.arange(1., 1 + 2 * 3 * 4).reshape(1, 2, 3, 4)\n"
        "for args in [((1, 2), 'constant'), ((1, 1, 2, 0), 'constant'), ((1, -1, 0, 1), 'constant'),\n"
        "             ((2, 1), 'reflect'), ((1, 2, 2, 1), 'reflect'), ((1, -1), 'reflect'), ((3, 2), 'replicate'),\n"
        "             ((2, 0, 1, 3), 'replicate'), ((2, 1), 'circular'), ((1, 2, 3, 1), 'circular')]:\n"
        "    y = F.pad(x, *args)\n"
        "    g, = torch.autograd.grad((y * torch.arange(y.numel()).reshape(y.shape)).sum(), x)\n"
        "    print(args, y.grad_fn.name(), y.shape, y, g)",
        "F.pad(x, (1, 1), value=2.5), F.pad(torch.arange(4).reshape(1, 4), (1, 1), value=2.5), "
        "F.pad(torch.arange(3), [1, 0], 'constant', -1), F.pad(torch.ones(1, 3, dtype=torch.bool), (1, 1))",
        "F.pad(torch.randn(2, 3, 4, 5, 6, dtype=torch.float64), (1, 1, 2, 2, 0, 1), mode='reflect').shape, "
        "F.pad(torch.arange(12.).reshape(3, 4), (1, 2), mode='replicate')",
        "F.pad(x, (1,))", "F.pad(x, (1, 1), mode='foo')", "F.pad(x, (1, 1), mode='reflect', value=2.)",
        "F.pad(x[0, 0], (1, 1, 1, 1), mode='reflect')", "F.pad(x[0, 0, 0], (1, 1), mode='replicate')",
        "F.pad(x, (4, 1), mode='reflect')", "F.pad(x, (1, 1, 3, 3), mode='reflect')", "F.pad(x, (5, 1), mode='circular')",
        "F.pad(torch.ones(2), (1, 1, 1, 1, 1, 1))", "F.pad(torch.ones(2, 3), (-5, 1))",
        "r = torch.arange(10.).reshape(2, 5)\n[F.pad(r, p, mode='circular') for p in [(-1, 1), (-1, 2), (2, -1), (-2, -1), (1, -2), (-1, 3)]]",
        "for m in [nn.ZeroPad1d(2), nn.ZeroPad2d((1, 0, 2, 1)), nn.ConstantPad1d((1, 2), 3.5), nn.ConstantPad2d(1, -1.),\n"
        "          nn.ReflectionPad1d(1), nn.ReflectionPad2d((1, 0, 2, 1)), nn.ReplicationPad1d((0, 2)),\n"
        "          nn.ReplicationPad2d(1), nn.CircularPad1d(1), nn.CircularPad2d((1, 0, 0, 1))]:\n"
        "    y = m(torch.arange(12.).reshape(1, 3, 4))\n"
        "    print(m, m.padding, y)",
        "nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(2, 3, 3))",
    ],
    "conv_padding_modes": [
        SETUP + "torch.manual_seed(0)\nx = torch.randn(2, 2, 5, 6, requires_grad=True)\n"
        "for mode in ['zeros', 'reflect', 'replicate', 'circular']:\n"
        "    for pad in [1, (2, 1), 'same']:\n"
        "        c = nn.Conv2d(2, 3, 3, padding=pad, padding_mode=mode)\n"
        "        y = c(x)\n"
        "        y.pow(2).sum().backward()\n"
        "        print(c, y.grad_fn.name(), [f[0].name() if f[0] else None for f in y.grad_fn.next_functions])\n"
        "        print(y[0, 0], x.grad[1, 1], c.weight.grad[0, 0])\n"
        "        x.grad = None",
        "torch.manual_seed(1)\nc = nn.Conv1d(2, 2, 3, padding=2, padding_mode='circular', dilation=2)\n"
        "x1 = torch.randn(3, 2, 7, requires_grad=True)\ny = c(x1)\ny.sum().backward()\nc, y, x1.grad, c._reversed_padding_repeated_twice",
        "nn.Conv1d(1, 1, 3, padding_mode='reflect')(torch.ones(1, 1, 4)).shape, "
        "nn.Conv2d(1, 1, 3, padding=4, padding_mode='reflect')(torch.ones(1, 1, 4, 4))",
    ],
    "kl_div": [
        SETUP + "torch.manual_seed(0)\nx = torch.randn(3, 4).log_softmax(1).detach().requires_grad_()\n"
        "t = torch.softmax(torch.randn(3, 4), 1).requires_grad_()\n"
        "for kw in [dict(reduction='batchmean'), dict(reduction='sum'), dict(reduction='none'),\n"
        "           dict(reduction='batchmean', log_target=True), dict(reduction='none', log_target=True),\n"
        "           dict(size_average=False), dict(reduce=False)]:\n"
        "    y = F.kl_div(x, t, **kw)\n"
        "    gx, gt = torch.autograd.grad(y.sum(), [x, t])\n"
        "    print(y, y.grad_fn.next_functions, gx, gt)",
        "F.kl_div(x, t)", "F.kl_div(x, t, reduction='foo')", "F.kl_div(x, torch.tensor([[0, 1, 0, 0]] * 3))",
        "F.kl_div(x, torch.zeros(3, 4)), F.kl_div(torch.tensor(-0.5), torch.tensor(0.2), reduction='batchmean')",
        "loss = nn.KLDivLoss(reduction='batchmean')\nprint(loss, type(loss), nn.KLDivLoss(log_target=True).log_target)\n"
        "loss(x, t), nn.KLDivLoss(reduction='sum', log_target=True)(x, t.log()), nn.KLDivLoss()(x, t)",
        "nn.KLDivLoss(reduce=False)(x, t).shape, nn.KLDivLoss(reduce=False).reduction",
    ],
    "parameter_containers": [
        SETUP + "torch.manual_seed(0)\n"
        "pl = nn.ParameterList([nn.Parameter(torch.randn(2)), nn.Parameter(torch.randn(3, 2, dtype=torch.float64))])\n"
        "print(pl)\npl.append(torch.zeros(4))\nprint(pl, type(pl[2]), pl[2].requires_grad)\n"
        "pl.extend([nn.Parameter(torch.ones(1))])\nlen(pl), pl[-1], pl[1:], type(pl[1:]), [p.shape for p in pl]",
        "pl += [torch.ones(2)]\nlen(pl), [n for n, _ in pl.named_parameters()]",
        "pl.extend(torch.ones(2))", "pl[7]", "pl()",
        "pd = nn.ParameterDict({'b': nn.Parameter(torch.randn(2)), 'a': nn.Parameter(torch.zeros(2, 2), "
        "requires_grad=False)})\nprint(pd)\npd['c'] = torch.ones(3)\n"
        "print(pd, type(pd['c']), list(pd.keys()), [k for k, v in pd.items()], len(list(pd.values())))",
        "pd.update([('z', nn.Parameter(torch.ones(1)))])\npd.pop('z'), 'a' in pd, 'z' in pd, len(pd), pd.get('q', 3)",
        "pd[1]", "pd.update(3)", "pd.update([('x',)])", "pd(1)", "nn.ParameterList(), nn.ParameterDict()",
        "pd2 = pd | {'d': torch.zeros(1)}\nlist(pd2.keys()), list(reversed(pd2)), pd2.popitem()[0], pd2.setdefault('e', torch.ones(2))",
        "class M(nn.Module):\n    def __init__(s):\n        super().__init__()\n"
        "        s.ps = nn.ParameterList([nn.Parameter(torch.ones(2)) for _ in range(2)])\n"
        "        s.d = nn.ParameterDict({'w': nn.Parameter(torch.zeros(1))})\n"
        "    def forward(s, x):\n        return sum(p.sum() for p in s.ps) * x + s.d['w']\n"
        "m = M()\nprint(m)\nm(torch.tensor(2.0)).backward()\n"
        "list(m.state_dict().keys()), [n for n, _ in m.named_parameters()], m.ps[0].grad, m.d['w'].grad",
        "opt = torch.optim.SGD(m.parameters(), lr=0.1)\nopt.step()\nm.ps[1], m.d.w",
        "pl2 = nn.ParameterList([nn.Parameter(torch.ones(2)), 3, 'x', nn.Linear(1, 1)])\nprint(pl2)\npl2[1], len(pl2)",
    ],
    "activations_more": [
        SETUP + "x = torch.tensor([[-4.0, -2.5, -0.7, -0.25, 0.0, 0.1], [0.3, 0.5, 1.2, 3.5, 7.0, -1e-3]], requires_grad=True)\n"
        "fs = [F.hardtanh, F.relu6, F.softsign, F.mish, F.hardsigmoid, F.hardswish, F.logsigmoid, F.tanhshrink,\n"
        "      F.softshrink, F.hardshrink, F.celu, F.selu, F.rrelu, lambda t: F.hardtanh(t, -2.0, 0.5),\n"
        "      lambda t: F.celu(t, alpha=0.7), lambda t: F.softshrink(t, 0.3), lambda t: F.threshold(t, 0.4, -2.0),\n"
        "      lambda t: F.rrelu(t, 0.1, 0.6), F.glu, lambda t: F.glu(t, 0), lambda t: F.prelu(t, torch.tensor([0.2])),\n"
        "      lambda t: F.prelu(t, torch.tensor([0.2, -0.3]))]\n"
        "for f in fs:\n"
        "    y = f(x)\n"
        "    g, = torch.autograd.grad((y * torch.arange(y.numel()).reshape(y.shape).float()).sum(), x)\n"
        "    print(y, g)",
        "for f in [F.mish, F.hardswish, F.logsigmoid, F.selu, F.celu, F.hardsigmoid]:\n"
        "    t = torch.linspace(-9, 9, 37, dtype=torch.float64)\n"
        "    print(f(t).tolist() == f(t).tolist(), f(t))",
        "t = torch.linspace(-30, 30, 41)\nF.mish(t), F.logsigmoid(t), F.selu(t), F.hardswish(t), F.softsign(t)",
        "for inplace_f in [F.hardtanh, F.relu6, F.mish, F.hardsigmoid, F.hardswish, F.celu, F.selu, F.rrelu,\n"
        "                  lambda t, inplace: F.threshold(t, 0.4, -2.0, inplace)]:\n"
        "    y = inplace_f(x * 1, inplace=True)\n"
        "    y.sum().backward()\n"
        "    print(y, y.grad_fn.name(), x.grad)\n"
        "    x.grad = None",
        "F.celu(x, 0.0)", "F.softshrink(x, -0.5)", "F.glu(torch.ones(3))", "F.glu(torch.ones(2, 3), -1)",
        "F.glu(torch.tensor(1.0))", "F.prelu(torch.ones(2, 3), torch.ones(2))",
        "F.prelu(torch.ones(2, 3), torch.ones(3, 1))", "F.hardtanh(x, 2.0, 1.0)",
        "F.threshold(torch.tensor([1, 2, 3]), 1, 0), F.hardtanh(torch.tensor([1, 2, 3]), 0, 2)",
        "ms = [nn.Hardtanh(), nn.Hardtanh(-2, 3, True), nn.ReLU6(), nn.ReLU6(True), nn.Softsign(), nn.Mish(),\n"
        "      nn.Mish(True), nn.Hardsigmoid(), nn.Hardswish(True), nn.LogSigmoid(), nn.SELU(), nn.SELU(True),\n"
        "      nn.CELU(), nn.CELU(2.0, True), nn.GLU(), nn.GLU(0), nn.PReLU(), nn.PReLU(3, 0.1),\n"
        "      nn.Threshold(0.1, 20), nn.Threshold(0.1, 20, True), nn.Softshrink(), nn.Softshrink(0.3),\n"
        "      nn.Hardshrink(), nn.Tanhshrink(), nn.RReLU(0.1, 0.3, True)]\n"
        "for m in ms:\n"
        "    print(m, type(m))",
        "nn.Hardtanh(1.0, 0.0)",
        "torch.manual_seed(0)\nnet = nn.Sequential(nn.Linear(3, 4), nn.PReLU(4), nn.Linear(4, 2), nn.SELU(), nn.GLU())\n"
        "print(net)\nout = net(torch.randn(5, 3))\nout.sum().backward()\n"
        "out, [n for n, _ in net.named_parameters()], net[1].weight.grad, net.state_dict()['1.weight']",
        "p = nn.PReLU()\nimg = torch.randn(2, 3, 2, 2)\ny = p(img)\ny.sum().backward()\ny.grad_fn, p.weight.grad",
        "p3 = nn.PReLU(3)\ny = p3(img)\n(y * y).sum().backward()\np3.weight.grad, y.grad_fn.next_functions",
        "nn.Mish()(x), nn.Hardswish()(x), nn.Softsign()(x).grad_fn, nn.Tanhshrink()(x).grad_fn, nn.SELU()(x).grad_fn",
        "r = nn.RReLU()\nr.eval()\nr(x)",
        "torch.manual_seed(3)\nr.train()\ny = r(x)\ny.sum().backward()\ny, x.grad, torch.rand(2)",
        "x.grad = None\nz = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)\n"
        "y = F.rrelu(z * 1, 0.05, 0.9, training=True, inplace=True)\n(y * y).sum().backward()\ny, z.grad, torch.rand(1)",
        "F.rrelu(torch.randn(4), 0.3, 0.3, training=True), F.rrelu(x, training=True).grad_fn",
        "nn.Hardtanh(min_value=-2.0, max_value=0.5)",
        "fs_ = [F.hardtanh_, F.relu_, F.elu_, F.leaky_relu_, F.selu_, F.celu_, F.rrelu_,\n"
        "       lambda t: F.threshold_(t, 0.4, -2.0), lambda t: F.elu_(t, 0.5), lambda t: F.leaky_relu_(t, 0.2)]\n"
        "for f in fs_:\n    y = f(x * 1)\n    y.sum().backward()\n    print(y, y.grad_fn.name(), x.grad)\n    x.grad = None",
    ],
    "sgd_variants": [
        SETUP + """
def run(**kw):
    w = torch.tensor([0.5, -1.25, 2.0], requires_grad=True)
    opt = torch.optim.SGD([w], **kw)
    for _ in range(6):
        opt.zero_grad()
        ((w - 0.3) ** 2 * torch.tensor([1.0, 3.0, 0.7])).sum().backward()
        opt.step()
    return w.tolist()
for kw in [dict(lr=0.1), dict(lr=0.07, momentum=0.9), dict(lr=0.03, momentum=0.8, nesterov=True),
           dict(lr=0.05, momentum=0.5, dampening=0.3, weight_decay=0.01), dict(lr=0.1, maximize=True),
           dict(lr=0.013, weight_decay=0.2)]:
    print(run(**kw))
""",
    ],
    "adaptive_optimizers": [
        SETUP + """
def run(cls, **kw):
    w = torch.tensor([0.5, -1.25, 2.0], requires_grad=True)
    opt = cls([w], **kw)
    for _ in range(5):
        opt.zero_grad()
        ((w - 0.3) ** 2 * torch.tensor([1.0, 3.0, 0.7])).sum().backward()
        opt.step()
    return w
print(run(torch.optim.Adam, lr=0.1), run(torch.optim.Adam, lr=0.05, amsgrad=True, weight_decay=0.1))
print(run(torch.optim.AdamW, lr=0.1), run(torch.optim.RMSprop, lr=0.01), run(torch.optim.Adagrad, lr=0.5))
print(run(torch.optim.RMSprop, lr=0.01, momentum=0.9, centered=True, weight_decay=0.1))
print(run(torch.optim.Adagrad, lr=0.5, lr_decay=0.1, initial_accumulator_value=0.2))
""",
    ],
    "optimizer_api": [
        SETUP + "torch.manual_seed(0)\nmodel = nn.Linear(2, 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)\nopt",
        "opt.state_dict()",
        "model(torch.ones(3, 2)).sum().backward()\nopt.step()\nopt.state_dict()['state']",
        "opt.zero_grad(set_to_none=False)\nmodel.weight.grad, model.bias.grad",
        "opt.zero_grad()\nmodel.weight.grad",
        "opt.add_param_group({'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.5})\nopt",
        "opt.add_param_group({'params': model.bias})",
        "opt.param_groups[1]['lr'], len(opt.param_groups[0]['params'])",
        "adam = torch.optim.Adam(model.parameters(), lr=1e-3)\nadam",
        "for _ in range(3):\n    adam.zero_grad()\n    model(torch.ones(4, 2)).sum().backward()\n    adam.step()\n"
        "adam.state[model.bias]",
        "sd = adam.state_dict()\nadam2 = torch.optim.Adam(model.parameters(), lr=0.5)\nadam2.load_state_dict(sd)\n"
        "adam2.param_groups[0]['lr'], adam2.state[model.weight]['step']",
        "torch.optim.AdamW([model.bias]), torch.optim.RMSprop([model.bias]), torch.optim.Adagrad([model.bias])",
        "torch.optim.SGD(torch.ones(2), lr=0.1)",
        "torch.optim.SGD([], lr=0.1)",
        "torch.optim.Adam([model.bias], lr=-1)",
        "torch.optim.Adam([model.bias], betas=(1.0, 0.9))",
        "type(adam), type(torch.optim.SGD([model.bias]))",
    ],
    "lr_schedulers": [
        SETUP + """
def run(make, n=7, metric=None):
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    sched = make(opt)
    lrs = []
    for epoch in range(n):
        opt.step()
        sched.step(*([metric[epoch]] if metric else []))
        lrs.append(sched.get_last_lr())
    return lrs
S = torch.optim.lr_scheduler
print(run(lambda o: S.StepLR(o, step_size=2, gamma=0.5)))
print(run(lambda o: S.MultiStepLR(o, milestones=[1, 3, 3], gamma=0.3)))
print(run(lambda o: S.ExponentialLR(o, gamma=0.9)))
print(run(lambda o: S.LambdaLR(o, lambda e: 1 / (e + 1))))
print(run(lambda o: S.CosineAnnealingLR(o, T_max=3, eta_min=0.01), n=9))
print(run(lambda o: S.ReduceLROnPlateau(o, patience=1, factor=0.5), metric=[1, 0.9, 0.95, 0.97, 0.99, 0.5, 0.6]))
""",
        "w = torch.zeros(1, requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.1)\n"
        "sched = torch.optim.lr_scheduler.StepLR(opt, 1)\nsched.step()\nsched.get_last_lr(), opt",
        "from torch.optim.lr_scheduler import ExponentialLR\ntype(ExponentialLR(opt, 0.5))",
        "from torch.nn.utils import clip_grad_norm_\nfrom torch.nn import init\nimport torch.optim.lr_scheduler as S\n"
        "S.StepLR, S.ReduceLROnPlateau, clip_grad_norm_.__name__, init.xavier_uniform_.__name__",
        "s = S.StepLR(opt, 2)\ns.get_lr(), s.state_dict()",
    ],
    "init_generator_refused": [   # (trunc_normal_, orthogonal_, sparse_: an AttributeError of ours before)
        "def refused(f):\n    try:\n        f()\n    except TypeError as e:\n        return str(e)\n"
        "[refused(lambda: f(torch.empty(3, 2), generator=5)) for f in (torch.nn.init.trunc_normal_, "
        "torch.nn.init.orthogonal_, torch.nn.init.normal_, torch.nn.init.kaiming_uniform_)]",
        "refused(lambda: torch.nn.init.sparse_(torch.empty(3, 2), 0.5, generator='g'))",
    ],
    "clip_grad": [
        SETUP + "w = torch.tensor([3.0, -4.0], requires_grad=True)\nb = torch.tensor([1.0], requires_grad=True)\n"
        "(w * torch.tensor([1.0, 2.0])).sum().backward()\n(b * 2).sum().backward()\n"
        "torch.nn.utils.clip_grad_norm_([w, b], max_norm=1.0), w.grad, b.grad",
        "torch.nn.utils.clip_grad_norm_([w, b], max_norm=10.0, norm_type='inf'), w.grad",
        "torch.nn.utils.clip_grad_norm_(w, 0.5, norm_type=1), w.grad",
        "torch.nn.utils.clip_grad_norm_([torch.zeros(1, requires_grad=True)], 1.0)",
        "w.grad = torch.tensor([5.0, -0.2])\nprint(torch.nn.utils.clip_grad_value_([w], 1.0))\nw.grad",
    ],
    "activations": [
        SETUP + "x = torch.tensor([[-2.0, 0.0, 0.5], [1.0, 2.0, -30.0]], requires_grad=True)\n"
        "for f in [lambda: F.leaky_relu(x, 0.1), lambda: F.elu(x), lambda: F.gelu(x), "
        "lambda: F.gelu(x, approximate='tanh'), lambda: F.softplus(x), lambda: F.softplus(x, beta=2, threshold=1), "
        "lambda: F.silu(x), lambda: F.relu(x), lambda: nn.LeakyReLU(0.2)(x), lambda: nn.ELU(0.5)(x), "
        "lambda: nn.GELU()(x), lambda: nn.SiLU()(x), lambda: nn.Softplus()(x), lambda: nn.Softmax(dim=1)(x), "
        "lambda: nn.LogSoftmax(1)(x), lambda: nn.Identity()(x)]:\n"
        "    y = f()\n    print(y, y.grad_fn.next_functions if y.grad_fn else None)",
        "for f in [F.leaky_relu, F.elu, F.gelu, F.softplus, F.silu]:\n"
        "    x.grad = None\n    f(x).sum().backward()\n    print(x.grad)",
        "nn.LeakyReLU(), nn.LeakyReLU(0.2, inplace=True), nn.ELU(), nn.GELU('tanh'), nn.SiLU(), nn.Softplus(2, 10), "
        "nn.Softmax(), nn.LogSoftmax(dim=1), nn.Identity(), nn.ReLU(inplace=True), nn.ReLU(), nn.Tanh()",
        "F.softmax(torch.tensor([1.0, 2.0, 3.0]))",
        "F.log_softmax(torch.tensor([[1.0, 2.0], [0.5, 0.1]]))",
        "nn.Softmax()(torch.ones(2, 2, 2))",
        "F.relu(torch.tensor([-1.0, 1.0]), inplace=True)",
        "x = torch.tensor([-1.0, 2.0], requires_grad=True)\n"
        "for f in [lambda y: F.leaky_relu(y, 0.1, inplace=True), lambda y: F.elu(y, inplace=True), "
        "lambda y: F.silu(y, inplace=True), lambda y: nn.LeakyReLU(inplace=True)(y), lambda y: nn.ELU(0.5, True)(y)]:\n"
        "    y = x * 1\n    z = f(y)\n    print(z, z is y, z.grad_fn.next_functions)\n    z.sum().backward()\n"
        "    print(x.grad)\n    x.grad = None",
        "F.leaky_relu(x, inplace=True)",
    ],
    "dropout": [
        SETUP + "torch.manual_seed(0)\nx = torch.ones(3, 4, requires_grad=True)\ny = F.dropout(x, 0.3)\ny, y.grad_fn.next_functions",
        "y.sum().backward()\nx.grad",
        "d = nn.Dropout(p=0.5)\nd, d(torch.ones(8))",
        "d.eval()\nd(torch.ones(3)), F.dropout(x, training=False) is x, F.dropout(x, 0.0) is x",
        "F.dropout(torch.ones(3), 1.0), F.dropout(torch.ones(3), 1.5)",
        "nn.Dropout(2.0)",
        "torch.rand(2)",
    ],
    "losses": [
        SETUP + "a = torch.tensor([[0.5, -1.5], [2.0, 0.3]], requires_grad=True)\nb = torch.tensor([[0.0, 0.0], [0.2, 0.1]])\n"
        "for f in [nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=0.5), nn.SmoothL1Loss(reduction='sum'), nn.HuberLoss(), "
        "nn.HuberLoss(delta=0.4, reduction='none'), nn.SmoothL1Loss(beta=0.0)]:\n"
        "    print(f, f(a, b))",
        "nn.SmoothL1Loss()(a, b).backward()\na.grad",
        "probs = torch.sigmoid(torch.tensor([0.3, -1.2, 2.0]))\nnn.BCELoss()(probs, torch.tensor([1, 0, 1]))",
        "nn.BCEWithLogitsLoss()(torch.tensor([0.3, -1.2]), torch.tensor([1, 0]))",
        "nn.BCELoss()(probs, torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64))",
        "type(nn.HuberLoss()), type(nn.MSELoss())",
    ],
    "functions": [
        SETUP + "F.one_hot(torch.tensor([0, 2]), num_classes=3), F.one_hot(torch.tensor([[1], [3]]))",
        "F.one_hot(torch.tensor([0., 2.]))", "F.one_hot(torch.tensor([0, 5]), 3)", "F.one_hot(torch.tensor([-1]), 3)",
        "x = torch.tensor([[3.0, 4.0], [0.0, 0.0]], requires_grad=True)\ny = F.normalize(x)\ny, y.grad_fn",
        "F.normalize(x, dim=0), F.normalize(torch.tensor([3., 4.]), p=1, dim=0)",
        "c = F.cosine_similarity(torch.tensor([[1., 2.], [0., 1.]]), torch.tensor([[2., 3.], [1., 1.]]))\nc",
        "F.cosine_similarity(torch.tensor([1., 2.]), torch.tensor([2., 3.]), dim=0)",
    ],
    "embedding": [
        SETUP + "torch.manual_seed(0)\ne = nn.Embedding(5, 3)\ne, e.weight",
        "out = e(torch.tensor([[1, 3], [3, 0]]))\nout, out.grad_fn, out.grad_fn.next_functions",
        "out.sum().backward()\ne.weight.grad",
        "p = nn.Embedding(4, 2, padding_idx=1)\np, p.weight",
        "p(torch.tensor([1, 2, 1])).sum().backward()\np.weight.grad",
        "e(torch.tensor([5]))", "type(e)",
    ],
    "modules": [
        SETUP + "torch.manual_seed(0)\nnet = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))\n"
        "order = []\nnet.apply(lambda m: order.append(type(m).__name__))\n"
        "net.apply(lambda m: nn.init.normal_(m.weight) if type(m) == nn.Linear else None)\norder, net[0].weight",
        "class TwoLayer(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)] + [nn.ReLU(), nn.Linear(2, 1)])\n"
        "        self.heads = nn.ModuleDict({'a': nn.Linear(1, 1), 'b': nn.Tanh()})\n"
        "        self.scale = nn.Parameter(torch.ones(1))\n"
        "m = TwoLayer()\nprint(m)\n[n for n, _ in m.named_parameters()], [n for n, _ in m.named_modules()]",
        "nn.ModuleList(), len(m.layers), m.heads['b'], 'a' in m.heads, list(m.heads.keys())",
        "shared = nn.Linear(2, 2)\ns = nn.Sequential(shared, nn.ReLU(), shared)\n"
        "len(list(s.modules())), len(list(s.parameters())), list(s.state_dict().keys()), len(list(s.children()))",
        "type(nn.Linear(1, 1)), type(nn.Sequential()), type(nn.ReLU()), type(nn.Dropout()), type(nn.Flatten()), "
        "type(nn.Embedding(2, 2)), type(nn.Module()), type(nn.ModuleList())",
        "nn.Sequential(nn.Flatten(), nn.Unflatten(1, (2, 2)))(torch.arange(8.).reshape(2, 4)).shape, "
        "nn.Unflatten(1, (2, 2))",
        "m = nn.Linear(2, 1)\nh = m.register_forward_hook(lambda mod, inp, out: print('fwd', type(mod).__name__, "
        "inp[0].shape, out.shape))\np = m.register_forward_pre_hook(lambda mod, inp: print('pre', len(inp)))\n"
        "m(torch.ones(3, 2))\nh.remove()\nm(torch.ones(1, 2)).shape",
        "m2 = nn.Linear(2, 1)\nm2.register_forward_hook(lambda mod, inp, out: out * 0)\nprint(m2(torch.ones(1, 2)))\n"
        "m2.register_forward_pre_hook(lambda mod, inp: (inp[0] * 0,))\nm2(torch.ones(1, 2))",
        "m.train('yes')",
    ],
    "init": [
        SETUP + "torch.manual_seed(0)\nw = torch.empty(3, 4)\n"
        "for f in [nn.init.xavier_uniform_, nn.init.xavier_normal_, nn.init.kaiming_uniform_, nn.init.kaiming_normal_, "
        "nn.init.normal_, nn.init.uniform_, nn.init.zeros_, nn.init.ones_, nn.init.eye_, nn.init.trunc_normal_]:\n"
        "    print(f(w))",
        "nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu'), nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('tanh'))",
        "nn.init.constant_(w, 0.3), nn.init.trunc_normal_(w, std=0.02), nn.init.calculate_gain('leaky_relu', 0.2)",
        "nn.init.xavier_uniform_(torch.empty(3))", "nn.init.calculate_gain('foo')", "nn.init.eye_(torch.empty(2, 2, 2))",
        "torch.rand(2)",
    ],
    "data": [
        SETUP + "from torch.utils.data import TensorDataset, DataLoader, Dataset, random_split\n"
        "torch.manual_seed(0)\nX = torch.arange(14.).reshape(7, 2)\ny = torch.arange(7)\nds = TensorDataset(X, y)\n"
        "len(ds), ds[2], type(ds)",
        "for xb, yb in DataLoader(ds, batch_size=3, shuffle=True):\n    print(xb, yb)",
        "[yb for _, yb in DataLoader(ds, batch_size=3, shuffle=True, drop_last=True)], "
        "[yb for _, yb in DataLoader(ds, batch_size=4)], torch.rand(1)",
        "len(DataLoader(ds, batch_size=3)), len(DataLoader(ds, batch_size=3, drop_last=True)), type(DataLoader(ds))",
        "g = torch.Generator().manual_seed(3)\n[yb for _, yb in DataLoader(ds, batch_size=3, shuffle=True, generator=g)]",
        "a, b = random_split(ds, [5, 2])\nlen(a), [b[i][1] for i in range(len(b))]",
        "class Squares(Dataset):\n    def __len__(self):\n        return 5\n    def __getitem__(self, i):\n"
        "        return i, float(i * i)\nlist(DataLoader(Squares(), batch_size=2))",
        "next(iter(DataLoader([{'a': torch.ones(2), 'b': 1}, {'a': torch.zeros(2), 'b': 2}], batch_size=2)))",
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_nn_snippets_match_pytorch(name):
    real = require("torch")
    import torch.optim.lr_scheduler  # noqa: F401
    import torch.utils.data  # noqa: F401
    assert_same_as_pytorch(CASES[name], "nn_api", name, ns=({}, {"torch": real}), warns="per_cell")
