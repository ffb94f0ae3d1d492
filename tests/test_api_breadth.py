"""Smaller pieces of PyTorch's API that tutorials reach for (issue 16): removed functions, index and mask checks,
distributions, bitwise ops, histograms, LazyLinear, default device, torch.functional, the profiler, legacy
Variable keywords. Each cell runs on PyTorch and on the engine (helpers.assert_same_as_pytorch)."""
import pytest

from helpers import assert_same_as_pytorch, in_fresh_processes, require

CELLS = {
    "one_cycle_lr": [
        ("w = torch.ones(1, requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.1, momentum=0.9)\n"
         "sch = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1.0, total_steps=10)\nseen = []\n"
         "for i in range(10):\n    opt.step()\n    sch.step()\n"
         "    seen.append((sch.get_last_lr()[0], opt.param_groups[0]['momentum']))\nseen"),
        ("a = torch.optim.Adam([w], lr=0.1)\ns2 = torch.optim.lr_scheduler.OneCycleLR(a, max_lr=[0.5], epochs=2, "
         "steps_per_epoch=3, anneal_strategy='linear', three_phase=True)\nout = []\nfor i in range(6):\n"
         "    a.step()\n    s2.step()\n    out.append((s2.get_last_lr(), a.param_groups[0]['betas']))\nout"),
        "a.step()\ns2.step()",
        "torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1.0)",
        "torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1.0, total_steps=5, pct_start=1)",
        "torch.optim.lr_scheduler.OneCycleLR(torch.optim.Adagrad([w]), max_lr=1.0, total_steps=5)",
    ],
    "pad_sequence": [   # NLP lessons: a batch of sequences of different lengths
        ("from torch.nn.utils.rnn import pad_sequence\n"
         "a = torch.ones(3, requires_grad=True)\nb = torch.ones(2) * 2\np = pad_sequence([a, b], batch_first=True)\np"),
        "p.grad_fn.name(), [type(f).__name__ for f, _ in p.grad_fn.next_functions]",
        "p.sum().backward()\na.grad",
        "pad_sequence([a, b]), pad_sequence([a, b], padding_value=-1., padding_side='left', batch_first=True)",
        "pad_sequence([torch.ones(2, 3), torch.zeros(1, 3, dtype=torch.float32)]).shape",
        "pad_sequence([torch.tensor([1, 2]), torch.tensor([3])], batch_first=True)",
        "pad_sequence([a], padding_side='middle')",
        "pad_sequence([])",
    ],
    "gradcheck": [   # the check of "Extending PyTorch" and of custom-Function lessons
        ("torch.manual_seed(0)\n"
         "inp = (torch.randn(4, 3, dtype=torch.double, requires_grad=True), "
         "torch.randn(2, 3, dtype=torch.double, requires_grad=True))\n"
         "torch.autograd.gradcheck(torch.nn.functional.linear, inp, eps=1e-6, atol=1e-4)"),
        ("from torch.autograd import gradcheck, gradgradcheck\n"
         "class Square(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
         "        ctx.save_for_backward(x)\n        return x * x\n    @staticmethod\n    def backward(ctx, g):\n"
         "        x, = ctx.saved_tensors\n        return g * x   # wrong: 2 * g * x\n"
         "x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)\n"
         "gradcheck(Square.apply, (x,), raise_exception=False)"),
        "gradcheck(Square.apply, (x,))",
        "gradgradcheck(lambda t: (t ** 3).sum(), (x,)), torch.randn(2)",   # its random grad_outputs: same stream
        "gradcheck(lambda t: t.sin(), (torch.tensor([1.0, 2.0], requires_grad=True),), raise_exception=False)",
        "gradcheck(lambda t: t * 2, (torch.ones(2, dtype=torch.float64),))",
        ("a = torch.ones(2, dtype=torch.float64, requires_grad=True)\n"
         "gradcheck(lambda a, b: (a * b, a + b), (a, torch.full((2,), 3., dtype=torch.float64, requires_grad=True)))"),
        "gradcheck(lambda t: t.detach() * 2, (a,))",
        "gradcheck(lambda t: t.expand(2, 2).sum(0), (torch.ones(1, dtype=torch.float64, requires_grad=True).expand(3),))",
    ],
    "data_is_not_tracked": [   # changes through .data do not bump the version autograd checks (detach() does)
        "x = torch.ones(2, requires_grad=True)\ny = x * x\nd = x.data\nd[0] = 5.\nx._version, d._version",
        "y.sum().backward()\nx.grad",
        "x = torch.ones(2, requires_grad=True)\ny = x * x\nx.detach()[0] = 5.\ny.sum().backward()",
        "x = torch.ones(2, requires_grad=True)\ny = x * x\nx.data.add_(1)\ny.sum().backward()\nx, x.grad, x._version",
    ],
    "dist_sums_and_reductions_in_pytorchs_order": [   # torch.dist; sums and statistics over dims, bit for bit
        "x = torch.tensor([1., 2., 3.], requires_grad=True)\ny = torch.tensor([0.5, 0., 1.], requires_grad=True)\n"
        "d = torch.dist(x, y)\nd.backward()\nd, x.dist(y, 1), torch.dist(x, y, float('inf')), torch.dist(x, y, 0), x.grad, y.grad",
        "a = torch.ones(2, 3, requires_grad=True)\nb = torch.zeros(3, requires_grad=True)\ntorch.dist(a, b).backward()\na.grad, b.grad",
        "torch.dist(torch.tensor([1, 2]), torch.tensor([0, 0]))",
        "torch.manual_seed(0)\nx = torch.randn(64, 10) * 100\nx.sum(0).tolist(), x.mean(1).tolist()",
        "x.var(0).tolist(), x.std(1).tolist(), torch.var_mean(x, 0)[0].tolist()",
        "logits = torch.randn(33, 5, requires_grad=True)\ny = torch.randint(0, 5, (33,))\n"
        "loss = torch.nn.functional.cross_entropy(logits, y)\nloss.backward()\nloss.item(), logits.grad.sum(0).tolist()",
        "s = torch.softmax(torch.randn(6, 4, 5), 1)\ns.sum().item(), s[0].tolist()",
    ],
    "removed_functions": [
        "torch.eig(torch.eye(2))",
        "torch.symeig(torch.eye(2))",
        "torch.matrix_rank(torch.eye(2))",
        "torch.lstsq(torch.eye(2), torch.eye(2))",
        "torch.solve(torch.eye(2), torch.eye(2))",
    ],
    "index_and_mask_checks": [
        ('x = torch.arange(6.).reshape(2, 3)\n'
         'torch.masked_select(x, torch.tensor([[1, 0, 1], [0, 1, 1]], dtype=torch.uint8))'),
        "x.masked_select(torch.tensor([[1, 0, 1], [0, 1, 1]]))",
        "x.masked_select(torch.tensor([True, False]))",
        "x.masked_select(torch.tensor([True, False, True]))",
        "C = torch.randn(27, 2)\nC[torch.randint(0, 27, (32,)), torch.randint(0, 27, (228146,))]",
        "C[torch.tensor([0, 1]), torch.tensor([0, 1, 1])]",
        "torch.zeros(3, 4, 5)[torch.tensor([0, 1]), :, torch.tensor([[0], [1], [2]])].shape",
        "torch.zeros(3, 4, 5)[torch.tensor([[0, 1]]), torch.tensor([0, 1, 2])]",
        "x[torch.tensor([True, False]), torch.tensor([0, 1, 2])]",
    ],
    "distributions": [
        ('from torch.distributions import multinomial\ntorch.manual_seed(0)\n'
         'fair_probs = torch.ones([6]) / 6\nmultinomial.Multinomial(1, fair_probs).sample()'),
        'multinomial.Multinomial(10, fair_probs).sample()',
        'counts = multinomial.Multinomial(1000, fair_probs).sample()\ncounts / 1000',
        ('counts = multinomial.Multinomial(10, fair_probs).sample((500,))\n'
         'cum_counts = counts.cumsum(dim=0)\n'
         'estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)\nestimates[-1], counts.shape'),
        ('m = multinomial.Multinomial(4, torch.tensor([0.2, 0.3, 0.5]))\n'
         'm.log_prob(torch.tensor([1., 1., 2.])), m.mean, m.variance, m'),
        ('from torch.distributions import Normal, Bernoulli, Categorical, Uniform\n'
         'n = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))\ntorch.manual_seed(1)\n'
         'n.sample(), n.sample((3,)), n'),
        ('loc = torch.tensor(0.5, requires_grad=True); scale = torch.tensor(2.0,'
         ' requires_grad=True)\nd = Normal(loc, scale)\ny = d.rsample((4,))\ny.sum().backward()\n'
         'y, loc.grad, scale.grad, y.grad_fn'),
        ('d.log_prob(torch.tensor([0.0, 1.0, -3.0])), d.entropy(), d.mean, d.stddev, d.variance,'
         ' d.cdf(torch.tensor(0.5))'),
        'Normal(0., -1.)',
        "Normal(0., 1.).log_prob(torch.tensor([float('nan')]))",
        'Normal(torch.zeros(2), torch.ones(2)).log_prob(torch.zeros(3))',
        ('b = Bernoulli(torch.tensor([0.3, 0.9]))\n'
         'torch.manual_seed(2)\n'
         'b.sample(), b.sample((2,)), b.log_prob(torch.tensor([1., 0.])), b.entropy(),'
         ' b.mean, b.variance, b.logits, b'),
        'Bernoulli(logits=torch.tensor([0.0, 2.0])).probs, Bernoulli(0.5).sample()',
        'Bernoulli(torch.tensor([1.5]))',
        'Bernoulli(torch.tensor([0.5])).log_prob(torch.tensor([0.5]))',
        'Bernoulli(probs=0.3, logits=1.0)',
        ('c = Categorical(torch.tensor([0.1, 0.2, 0.7]))\n'
         'torch.manual_seed(3)\n'
         'c.sample(), c.sample((2, 3)), c.log_prob(torch.tensor([0, 2])), c.entropy(),'
         ' c.probs, c.logits, c'),
        ('logits = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]], requires_grad=True)\n'
         'c2 = Categorical(logits=logits)\nlp = c2.log_prob(torch.tensor([2, 1]))\n'
         'lp.sum().backward()\nlp, logits.grad, c2.batch_shape, c2.event_shape, c2.sample((4,)).shape'),
        'Categorical(torch.tensor([0.1, -0.2, 0.7]))',
        'Categorical(torch.tensor([0.2, 0.8])).log_prob(torch.tensor([2]))',
        'Categorical(torch.tensor(0.5))',
        ('u = Uniform(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 3.0]))\n'
         'torch.manual_seed(4)\n'
         'u.sample(), u.rsample((2,)), u.log_prob(torch.tensor([0.5, 2.0])), u.entropy(),'
         ' u.mean, u.stddev, u.variance, u'),
        ('lo = torch.tensor(0.0, requires_grad=True); hi = torch.tensor(2.0, requires_grad=True)\n'
         's = Uniform(lo, hi).rsample((3,))\ns.sum().backward()\ns, lo.grad, hi.grad'),
        'Uniform(2.0, 1.0)',
        'Uniform(0.0, 1.0).log_prob(torch.tensor(1.5))',
        'Uniform(0.0, 1.0, validate_args=False).log_prob(torch.tensor([1.5, 0.5]))',
        ('type(Normal(0., 1.)), type(Categorical(torch.ones(2))), isinstance(Normal(0., 1.),'
         ' torch.distributions.Distribution)'),
    ],
    "lazy_device_histogram_bitwise_legacy": [
        'torch.manual_seed(0)\nnet = torch.nn.LazyLinear(3)\nnet',
        'x = torch.randn(2, 4)\ny = net(x)\nnet, net.weight.shape, y.shape, type(net)',
        ('torch.manual_seed(0)\nref = torch.nn.Linear(4, 3)\ntorch.manual_seed(0)\n'
         'lazy = torch.nn.LazyLinear(3)\nlazy(torch.zeros(1, 4))\n'
         'torch.equal(lazy.weight, ref.weight), torch.equal(lazy.bias, ref.bias)'),
        'torch.nn.LazyLinear(2).weight',
        ('m = torch.nn.Sequential(torch.nn.LazyLinear(8), torch.nn.ReLU(), torch.nn.LazyLinear(1))\n'
         'm(torch.ones(3, 5)).shape, [p.shape for p in m.parameters()], m'),
        "torch.set_default_device('cpu')\ntorch.tensor([1.0]).device, torch.get_default_device()",
        'torch.set_default_device(None)\ntorch.zeros(2)',
        'h = torch.histc(torch.tensor([1., 2, 1, 4, 2.5]), bins=4, min=0, max=4)\nh',
        'torch.histc(torch.tensor([1., 2, 1]), bins=4)',
        'hist, edges = torch.histogram(torch.tensor([1., 2, 1, 4, 2.5]), bins=4, range=(0., 4.))\nhist, edges',
        'torch.histogram(torch.tensor([1., 2, 1, 4]), bins=torch.tensor([0., 1., 2.5, 5.]))',
        'torch.histogram(torch.tensor([1., 2, 1, 4]), bins=3, weight=torch.tensor([1., 2., 3., 4.]), density=True)',
        'r = torch.histogram(torch.tensor([0.5, 0.7, 3.0]), 2)\nr.hist, r.bin_edges, r',
        'torch.histc(torch.tensor([1, 2]), bins=2)',
        ('a = torch.tensor([1, 2, 3, 12]); b = torch.tensor([3, 6, 5, 10])\n'
         'torch.bitwise_and(a, b), torch.bitwise_or(a, b), torch.bitwise_xor(a, b),'
         ' torch.bitwise_not(a)'),
        'a & b, a | b, a ^ b, ~a, a & 6, 5 | a, a ^ 1',
        ('t = torch.tensor([True, False, True]); f = torch.tensor([True, True, False])\n'
         't & f, t | f, t ^ f, ~t, torch.bitwise_xor(t, f), torch.logical_xor(t, f)'),
        'a.bitwise_and(b), a.bitwise_xor(3), a.bitwise_not(), a.bitwise_or_(b), a',
        'torch.tensor([1.5]) & torch.tensor([1.0])',
        '~torch.tensor([1.5])',
        'torch.bitwise_left_shift(torch.tensor([1, 2]), 2), torch.tensor([8, 16]) >> 2, torch.tensor([1, 2]) << 1',
        ('import torch.functional\n'
         'torch.functional.norm(torch.tensor([3., 4.])),'
         " torch.functional.split(torch.arange(5), 2), torch.functional.einsum('i,i->',"
         ' torch.ones(3), torch.ones(3))'),
        'from torch.functional import F\n',
        ("torch.functional.meshgrid(torch.arange(2), torch.arange(3), indexing='ij')[0].shape,"
         ' torch.functional.broadcast_tensors(torch.ones(2, 1), torch.ones(3))[0].shape'),
        'from torch.autograd import Variable\nv = Variable(torch.ones(2), volatile=True)\nv, v.requires_grad',
        'v2 = Variable(torch.ones(2), requires_grad=True)\nv2',
        'Variable(torch.ones(2)).requires_grad, type(Variable(torch.ones(1)))',
        'x = torch.ones(3, requires_grad=True)\nx.volatile',
        ('with torch.autograd.profiler.profile() as prof:\n'
         '    y = (torch.ones(3, requires_grad=True) * 2).sum()\n    y.backward()\ntype(prof).__name__'),
        "with torch.autograd.profiler.record_function('my_block'):\n    z = torch.ones(2) + 1\nz",
    ],
}

# Edge values where numpy warns and PyTorch is silent (each cell's warnings are part of its output): log(0), sqrt
# of a negative, division by zero, inf - inf in a reduction or a softmax; and ATen's errors for non-finite ranges.
CELLS["silent_edge_values"] = [
    "torch.log(torch.tensor(0.)), torch.log(torch.tensor([-1.0, 0.0])), torch.tensor([-1.0, 4.0]).sqrt()",
    "torch.tensor([1.0, 0.0, -1.0]) / 0, torch.tensor(0.) / 0, torch.tensor([2.0]) / torch.tensor([0.0])",
    "t = torch.tensor([float('inf'), -float('inf')])\nt.sum(), t.mean(), t.cumsum(0), t.softmax(0), t.log_softmax(0)",
    "torch.nn.functional.normalize(t, dim=0), torch.nn.functional.mse_loss(t, t), torch.log(t)",
    ("x = torch.tensor([0.0, 1.0], requires_grad=True)\ny = torch.log(x) * x\ny.sum().backward()\n"
     "y, x.grad, torch.tensor([]).nanmean()"),
    "torch.nn.functional.kl_div(torch.tensor([0.0, -1.0]), torch.tensor([0.0, 0.5]), reduction='batchmean')",
    "torch.histc(torch.tensor([float('inf'), -float('inf')]))",
    "torch.histc(torch.tensor([float('nan'), 1.0]))",
    "torch.histc(torch.tensor([1.0, 2.0]), min=0.0, max=float('inf'))",
    "torch.histogram(torch.tensor([float('inf'), 1.0]))",
    "t = torch.tensor([0.0, -1.0, 1000.0, float('inf')])\n2 ** t, t // 0, t % 0, torch.remainder(t, 0.), t ** -1",
    "torch.linspace(0, float('inf'), 3), torch.linspace(-float('inf'), 0, 2)",
]

CELLS["more_inplace_forms"] = [
    ("t = torch.tensor([1.0, 2.0, 3.0])\n"
     "t.reciprocal_(), t.remainder_(0.3), t.floor_divide_(0.1), t.divide_(2), t.multiply_(3), t.subtract_(1), t"),
    "t = torch.tensor([1.0, -2.0, 3.0])\nt.negative_(), t.absolute_(), t.greater_(1.5), t.logical_not_(), t",
    ("t = torch.tensor([1.0, 2.0, 3.0])\nt.cumprod_(0), t.hypot_(t), t.atan2_(t), t.xlogy_(2.), t.true_divide_(4),"
     " t.copysign_(-1.), t"),
    "t.float_power_(2)",
    "d = torch.tensor([1.0, 2.0], dtype=torch.float64)\nd.float_power_(2), d, torch.tensor([2]).float_power_(2)",
    "x = torch.tensor([1.0, 2.0], requires_grad=True)\nx.reciprocal_()",
    "y = x * 1\ny.reciprocal_()\ny.sum().backward()\ny, x.grad",
]

CELLS["small_torch_functions"] = [
    "torch.bincount(torch.tensor([0, 1, 1, 3])), torch.bincount(torch.tensor([0, 1, 1]), "
    "weights=torch.tensor([0.5, 1., 2.]), minlength=5)",
    "torch.bincount(torch.tensor([1., 2.]))",
    "torch.bincount(torch.tensor([-1, 2]))",
    "torch.ravel(torch.ones(2, 3)), torch.swapdims(torch.ones(2, 3, 4), 0, 2).shape",
    ("torch.tensordot(torch.arange(6.).reshape(2, 3), torch.arange(12.).reshape(3, 4), dims=1),"
     " torch.tensordot(torch.arange(24.).reshape(2, 3, 4), torch.arange(12.).reshape(4, 3), dims=([1, 2], [1, 0])),"
     " torch.tensordot(torch.ones(2, 3), torch.ones(2, 3))"),
    "x = torch.tensor([1., 2.], requires_grad=True)\ny = torch.tensordot(x, x, dims=1)\ny.backward()\ny, x.grad",
    ("torch.column_stack((torch.tensor([1, 2]), torch.tensor([[3], [4]]))),"
     " torch.row_stack((torch.tensor([1, 2]), torch.tensor([3, 4]))),"
     " torch.dstack((torch.tensor([1, 2]), torch.tensor([3, 4])))"),
    ("torch.hsplit(torch.arange(16.).reshape(4, 4), 2), torch.vsplit(torch.arange(16.).reshape(4, 4), [3]),"
     " torch.hsplit(torch.arange(6.), 3), torch.dsplit(torch.arange(16.).reshape(2, 2, 4), 2)"),
    "torch.hsplit(torch.arange(6.), 4)",
    ("a = torch.tensor([1., float('nan'), 3.]); b = torch.tensor([2., 1., float('nan')])\n"
     "torch.fmax(a, b), torch.fmin(a, b)"),
    "t = torch.tensor([float('inf'), -float('inf'), 1.])\ntorch.isposinf(t), torch.isneginf(t)",
    "torch.is_nonzero(torch.tensor([1.])), torch.is_nonzero(torch.tensor(0.))",
    "torch.is_nonzero(torch.tensor([1., 2.]))",
    ("torch.is_signed(torch.tensor([1])), torch.is_signed(torch.tensor([1], dtype=torch.uint8)),"
     " torch.is_complex(torch.ones(1))"),
    "torch.broadcast_shapes((2, 1), (1, 3)), torch.broadcast_shapes(3, (2, 1))",
    "torch.broadcast_shapes((2, 1), (3, 3))",
    ("torch.result_type(torch.tensor([1]), 1.0), torch.promote_types(torch.int32, torch.float32),"
     " torch.can_cast(torch.float64, torch.int32), torch.can_cast(torch.int32, torch.float32)"),
    "torch.range(1, 4), torch.range(0, 1, 0.25)",
    "torch.use_deterministic_algorithms(True)\ntorch.are_deterministic_algorithms_enabled()",
    "torch.use_deterministic_algorithms(False)\ntorch.set_float32_matmul_precision('high')\n"
    "torch.get_float32_matmul_precision()",
    "torch.take(torch.tensor([[4, 3, 5], [6, 7, 8]]), torch.tensor([0, 2, 5]))",
    "t = torch.tensor([-1.5, 2.])\ntorch.relu_(t), torch.square_(t), t",
    "t = torch.tensor([[1., -2.5], [3., 4.]])\nt.ravel(), t.swapdims(0, 1), t.hsplit(2), t.fix(), t.positive()",
    "t.equal(t), t.equal(t + 1), t.equal(torch.ones(3)), t.is_same_size(t), torch.tensor([0, 2, 2]).bincount()",
    "t.is_inference(), t.is_sparse, t.is_quantized, t.is_meta, t.is_nested, t.is_pinned()",
    "t.take(torch.tensor([3, 0])), t.inner(t), t.histc(bins=4), t.histogram(2), t.fmax(t.T), t.isposinf()",
    ("torch.inner(torch.tensor([1., 2.]), torch.tensor([3., 4.])), torch.ger(torch.tensor([1., 2.]),"
     " torch.tensor([3., 4.])), torch.inner(torch.ones(2, 3), torch.ones(3, 2))"),
    "torch.inner(torch.ones(2, 3), torch.ones(2))",
    "t.pin_memory()",
]

# torch.utils.data's samplers (PyTorch's draws: a sampler's own generator or a fresh one seeded from the default),
# IterableDataset / ChainDataset through the DataLoader, and their messages.
CELLS["data_samplers"] = [
    'from torch.utils.data import (DataLoader, TensorDataset, RandomSampler, SequentialSampler, SubsetRandomSampler,\n    WeightedRandomSampler, BatchSampler, IterableDataset, ChainDataset, get_worker_info)\nds = TensorDataset(torch.arange(10.), torch.arange(10) % 3)',
    'torch.manual_seed(0)\nlist(RandomSampler(ds)), list(RandomSampler(ds, replacement=True, num_samples=40)), list(RandomSampler(ds, num_samples=13))',
    'g = torch.Generator().manual_seed(1)\nlist(RandomSampler(ds, generator=g)), list(SubsetRandomSampler([3, 5, 7, 9], generator=g)), list(SequentialSampler(ds))',
    'torch.manual_seed(2)\nlist(SubsetRandomSampler([10, 20, 30])), list(WeightedRandomSampler([0.1, 0.9, 0.5], 8)), list(WeightedRandomSampler([1., 1., 1.], 3, replacement=False))',
    'list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=False)), list(BatchSampler(range(10), 4, True)), len(BatchSampler(range(10), 4, False))',
    'torch.manual_seed(3)\nloader = DataLoader(ds, batch_size=4, sampler=RandomSampler(ds))\n[b[0].tolist() for b in loader], len(loader)',
    'torch.manual_seed(4)\nloader = DataLoader(ds, batch_sampler=BatchSampler(SubsetRandomSampler(list(range(0, 10, 2))), 2, False))\n[b[1].tolist() for b in loader], len(loader)',
    'class Stream(IterableDataset):\n    def __init__(self, n):\n        self.n = n\n    def __iter__(self):\n        for i in range(self.n):\n            yield torch.tensor([float(i), i * 2.0])\nlist(DataLoader(Stream(7), batch_size=3)), list(DataLoader(Stream(7), batch_size=3, drop_last=True))',
    'list(DataLoader(Stream(2) + Stream(3), batch_size=None)), get_worker_info()',
    'DataLoader(Stream(3), shuffle=True)',
    'len(DataLoader(Stream(3)))',
    'RandomSampler(ds, num_samples=0)',
    'WeightedRandomSampler([0.5, 0.5], 0)',
    'BatchSampler(range(4), 0, False)',
    'type(RandomSampler(ds)), type(Stream(1)).__mro__[1], isinstance(SequentialSampler(ds), torch.utils.data.Sampler)',
]

# 1-d poolings (PyTorch's squeeze over a 2-d pooling), softmin, RMSNorm, Dropout1d, distance modules.
CELLS["pool1d_softmin_rmsnorm_dropout1d"] = [
    'import torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\nx = torch.randn(2, 3, 8, requires_grad=True)\ny = F.max_pool1d(x, 2)\ny, y.grad_fn, y.grad_fn.next_functions',
    'F.max_pool1d(x, 3, stride=2, padding=1, return_indices=True), F.max_pool1d(x[0], 2, ceil_mode=True).shape',
    'z = F.avg_pool1d(x, 3, stride=2, padding=1)\nz, z.grad_fn.next_functions, F.avg_pool1d(x, 2, count_include_pad=False).shape',
    'a = F.adaptive_avg_pool1d(x, 3)\na, a.grad_fn.next_functions, F.adaptive_avg_pool1d(x, 1).shape',
    '(y.sum() + z.sum() + a.sum()).backward()\nx.grad',
    'F.max_pool1d(torch.ones(3), 2)',
    'F.softmin(x[0], 1), F.softmin(x[0, 0], dim=0).sum()',
    'F.softmin(x[0, 0])',
    'd = F.pairwise_distance(x[0], x[1])\nd, d.grad_fn, F.pairwise_distance(x[0], x[1], p=1.0, keepdim=True).shape',
    'w = torch.ones(8, requires_grad=True)\nr = F.rms_norm(x, (8,), w)\nr, r.grad_fn.next_functions, F.rms_norm(x, [3, 8], eps=1e-3).sum()',
    'F.rms_norm(x, (4,))',
    'torch.manual_seed(1)\nF.dropout1d(x, 0.5), F.dropout1d(x[0], 0.3).grad_fn, F.dropout1d(x, 0.5, training=False) is x',
    'F.dropout1d(torch.ones(2, 2, 2, 2), 0.5)',
    'm = nn.Sequential(nn.Conv1d(3, 4, 3), nn.ReLU(), nn.MaxPool1d(2), nn.AvgPool1d(2, 1), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout1d(0.1))\nm',
    'torch.manual_seed(2)\nm.train()\nout = m(x)\nout.sum().backward()\nout, [p.grad.shape for p in m.parameters()]',
    'nn.RMSNorm(8), nn.RMSNorm([3, 8], eps=1e-6, elementwise_affine=False), nn.Softmin(dim=1), nn.CosineSimilarity(), nn.PairwiseDistance(p=1.0), list(nn.RMSNorm(4).state_dict())',
    'nn.RMSNorm(8)(x).sum(), nn.Softmin(1)(x[0]).sum(), nn.CosineSimilarity(dim=0)(x[0], x[1]).shape, nn.PairwiseDistance()(x[0], x[1])',
    'nn.MaxPool1d(3, stride=1, padding=1), nn.AvgPool1d(3), nn.AdaptiveAvgPool1d(5), nn.Dropout1d(p=0.2)',
]

# torch.optim.Rprop: PyTorch's single-tensor update, its repr, state and messages.
CELLS["rprop"] = [
    'torch.manual_seed(0)\nX = torch.randn(32, 3)\ny = X @ torch.tensor([[1.0], [-2.0], [0.5]])\nmodel = torch.nn.Linear(3, 1)\nopt = torch.optim.Rprop(model.parameters(), lr=0.05)\nopt',
    "for i in range(30):\n    opt.zero_grad()\n    loss = torch.nn.functional.mse_loss(model(X), y)\n    loss.backward()\n    opt.step()\n    if i % 5 == 0:\n        print(i, loss.item())\nmodel.weight, model.bias, opt.state[model.weight]['step_size'], opt.state[model.weight]['step']",
    "w = torch.nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))\nopt2 = torch.optim.Rprop([w], lr=0.1, etas=(0.3, 1.5), step_sizes=(0.01, 0.2), maximize=True)\nfor _ in range(6):\n    opt2.zero_grad()\n    (w ** 3 - 2 * w).sum().backward()\n    opt2.step()\nw, opt2.state_dict()['state'][0]['prev']",
    'torch.optim.Rprop([w], etas=(1.5, 1.2))',
    'torch.optim.Rprop([w], lr=-1)',
]


# Probabilistic regression losses (PyTorch's Python / ATen composites), Softmax2d, init.dirac_.
CELLS["gaussian_poisson_nll_softmax2d_dirac"] = [
    'import torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\nmu = torch.randn(5, 2, requires_grad=True)\ny = torch.randn(5, 2)\nvar = torch.rand(5, 2, requires_grad=True)\nl = F.gaussian_nll_loss(mu, y, var)\nl, l.grad_fn',
    'l.backward()\nmu.grad, var.grad',
    "F.gaussian_nll_loss(mu, y, var, full=True, reduction='sum'), F.gaussian_nll_loss(mu, y, var[:, 0]), F.gaussian_nll_loss(mu, y, 0.5)",
    'F.gaussian_nll_loss(mu, y, -1.0)',
    'F.gaussian_nll_loss(mu, y, torch.ones(3))',
    "nn.GaussianNLLLoss()(mu, y, var), nn.GaussianNLLLoss(full=True, reduction='none')(mu, y, var).shape, nn.GaussianNLLLoss()",
    'rate = torch.randn(6, requires_grad=True)\ncounts = torch.tensor([0., 1., 2., 3., 5., 8.])\np = F.poisson_nll_loss(rate, counts)\np, p.grad_fn',
    "p.backward()\nrate.grad, F.poisson_nll_loss(rate.exp(), counts, log_input=False), F.poisson_nll_loss(rate, counts, full=True, reduction='sum')",
    "nn.PoissonNLLLoss()(rate, counts), nn.PoissonNLLLoss(log_input=False, full=True)(rate.exp(), counts), nn.PoissonNLLLoss(reduction='none')",
    "F.poisson_nll_loss(rate, counts, reduction='avg')",
    'x = torch.randn(2, 3, 2, 2)\ns = nn.Softmax2d()(x)\ns.sum(1), nn.Softmax2d()',
    'nn.Softmax2d()(torch.randn(3))',
    'w = torch.empty(4, 2, 3)\nnn.init.dirac_(w), nn.init.dirac_(torch.empty(4, 2, 3, 3), groups=2)[2:], nn.init.eye_(torch.empty(2, 3))',
    'nn.init.dirac_(torch.empty(2, 2))',
]

# d2l's LeNet as d2l writes it: LazyConv2d / LazyBatchNorm2d / LazyLinear, their draws at the first call, init after.
CELLS["lazy_conv_batchnorm"] = [
    'import torch.nn as nn\nnet = nn.Sequential(nn.LazyConv2d(6, kernel_size=5, padding=2), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2),\n    nn.LazyConv2d(16, kernel_size=5), nn.LazyBatchNorm2d(), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2),\n    nn.Flatten(), nn.LazyLinear(120), nn.Sigmoid(), nn.LazyLinear(10))\nnet',
    'net[0].weight, type(net[0]).__name__, net[4].weight',
    "torch.manual_seed(0)\nX = torch.randn(2, 1, 28, 28)\nfor layer in net:\n    X = layer(X)\n    print(layer.__class__.__name__, 'output shape:\\t', X.shape)",
    'net, net[0].weight[0, 0, 0], net[3].bias[:4], net[4].running_mean[:3], type(net[0])',
    'def init_cnn(module):\n    if type(module) == nn.Linear or type(module) == nn.Conv2d:\n        nn.init.xavier_uniform_(module.weight)\ntorch.manual_seed(1)\nnet.apply(init_cnn)\nnet[0].weight[0, 0, 0], sum(p.numel() for p in net.parameters())',
    'out = net(torch.randn(4, 1, 28, 28))\nout.sum().backward()\nout.shape, net[0].weight.grad.shape, net[4].num_batches_tracked',
    'c1 = nn.LazyConv1d(4, 3, bias=False)\nc1, c1(torch.ones(2, 5, 7)).shape, c1, c1.weight.shape',
    'b1 = nn.LazyBatchNorm1d()\nb1, b1(torch.randn(3, 4)).shape, b1',
    'nn.LazyConv2d(4, 3)(torch.ones(2, 3))',
]

# nn.EmbeddingBag as PyTorch's text-classification tutorial uses it (offsets, sum/mean/max, per_sample_weights).
CELLS["embedding_bag"] = [
    "import torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\nbag = nn.EmbeddingBag(10, 3, mode='sum')\nbag, bag.weight[:2]",
    'text = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])\noffsets = torch.tensor([0, 4])\nout = bag(text, offsets)\nout, out.grad_fn',
    'out.sum().backward()\nbag.weight.grad',
    "torch.manual_seed(1)\nw = torch.randn(10, 3, requires_grad=True)\nm = F.embedding_bag(torch.tensor([[1, 2, 4], [4, 3, 9]]), w, mode='mean')\nx = F.embedding_bag(text, w, offsets, mode='max')\nm, x",
    '(m.sum() + (x * torch.tensor([[1., 2., 3.]])).sum()).backward()\nw.grad',
    "w.grad = None\ns = F.embedding_bag(text, w, torch.tensor([0, 3, 3, 8]), mode='sum', per_sample_weights=torch.arange(8.), include_last_offset=True)\ns.sum().backward()\ns, w.grad",
    "p = nn.EmbeddingBag(10, 2, mode='mean', padding_idx=2)\np, p(torch.tensor([[2, 2, 1], [3, 2, 0]])).shape, p.weight[2]",
    'torch.manual_seed(3)\nclass TextClassificationModel(nn.Module):\n    def __init__(self, vocab_size, embed_dim, num_class):\n        super().__init__()\n        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)\n        self.fc = nn.Linear(embed_dim, num_class)\n        self.init_weights()\n    def init_weights(self):\n        initrange = 0.5\n        self.embedding.weight.data.uniform_(-initrange, initrange)\n        self.fc.weight.data.uniform_(-initrange, initrange)\n        self.fc.bias.data.zero_()\n    def forward(self, text, offsets):\n        return self.fc(self.embedding(text, offsets))\nmodel = TextClassificationModel(20, 8, 4)\nopt = torch.optim.SGD(model.parameters(), lr=5)\nfor step in range(3):\n    opt.zero_grad()\n    loss = F.cross_entropy(model(torch.tensor([1, 5, 7, 3, 3, 19, 2]), torch.tensor([0, 3, 5])), torch.tensor([1, 0, 3]))\n    loss.backward()\n    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)\n    opt.step()\n    print(step, loss.item())\nmodel',
    'F.embedding_bag(text, w)',
    'F.embedding_bag(torch.tensor([[1, 2]]), w, torch.tensor([0]))',
    "F.embedding_bag(text, w, offsets, mode='mean', per_sample_weights=torch.ones(8))",
]

# Adaptive max pooling (AdaptiveMaxPool2DBackward0; 1-d through a squeeze, as PyTorch), indices, ties.
CELLS["adaptive_max_pool"] = [
    'import torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\nx = torch.randn(2, 3, 7, 5, requires_grad=True)\ny = F.adaptive_max_pool2d(x, (3, 2))\ny, y.grad_fn',
    'v, i = F.adaptive_max_pool2d(x, 2, return_indices=True)\ni, F.adaptive_max_pool2d(x[0], (None, 3)).shape',
    '(y.sum() + v.sum() * 2).backward()\nx.grad[0, 0]',
    'z = F.adaptive_max_pool1d(x[:, :, 0], 3)\nz, z.grad_fn, z.grad_fn.next_functions, F.adaptive_max_pool1d(x[0, :, 0], 2, return_indices=True)',
    'nn.AdaptiveMaxPool2d((5, 7)), nn.AdaptiveMaxPool1d(3), nn.AdaptiveMaxPool2d(1)(x).shape, nn.AdaptiveMaxPool2d(2, return_indices=True)(x)[1].shape',
    'F.adaptive_max_pool2d(torch.randn(3, 4), 2)',
    't = torch.tensor([[[[1., 3., 3.], [2., 0., 3.]]]], requires_grad=True)\nr = F.adaptive_max_pool2d(t, (1, 2), return_indices=True)\nr[0].sum().backward()\nr, t.grad',
]

# torch.cov / corrcoef as ATen composes them (values, grad_fn, the degrees-of-freedom warning).
CELLS["cov_corrcoef"] = [
    'torch.manual_seed(0)\nx = torch.randn(3, 6, requires_grad=True)\nc = torch.cov(x)\nc, c.grad_fn',
    'r = torch.corrcoef(x)\nr, r.grad_fn',
    '(c.sum() + r.sum()).backward()\nx.grad',
    'torch.cov(x, correction=0), x.cov(), x.corrcoef().shape, torch.cov(torch.tensor([1., 2., 4.])), torch.corrcoef(torch.tensor([1., 2., 4.]))',
    'torch.cov(torch.tensor([[1, 2, 3], [2, 4, 7]])), torch.corrcoef(torch.tensor([[1, 2, 3], [2, 4, 7]]))',
    'torch.cov(torch.tensor([2.0]))',
    'torch.cov(torch.ones(2, 2, 2))',
]


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


def test_tanh_and_sigmoid_backward_round_like_pytorchs_kernels():
    """tanh's gradient g * (1 - y*y) with 1 - y*y fused (one rounding), sigmoid's as (g * (1 - y)) * y: bit for bit
    with PyTorch's tanh_backward/sigmoid_backward on this CPU (its vectorised kernels contract to a fused
    multiply-add on AVX2/AVX-512), given the same saved output y."""
    import numpy as np
    from helpers import require
    torch = require("torch")
    if torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        pytest.skip("PyTorch's default (non-vector) kernels round without a fused multiply-add")
    from autograd_magic.engine.optable import OPS
    rng = np.random.default_rng(4)
    g = rng.standard_normal(5000).astype(np.float32)
    for name, y in (("tanh_backward", np.tanh(rng.standard_normal(5000) * 2).astype(np.float32)),
                    ("sigmoid_backward", (1 / (1 + np.exp(-rng.standard_normal(5000) * 2))).astype(np.float32))):
        want = getattr(torch.ops.aten, name)(torch.from_numpy(g), torch.from_numpy(y)).numpy()
        assert np.array_equal(OPS[name].fwd(g, y), want), name


COMPILE_CELLS = """
import warnings
warnings.filterwarnings("ignore", category=DeprecationWarning)  # PyTorch's own imports
m = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.ReLU())
c = torch.compile(m)
print(c)
print(list(c.state_dict()), c._orig_mod is m, [n for n, _ in c.named_parameters()], type(c),
      isinstance(c, torch.nn.Module))
print(c.training, c.eval() is c, c.training, torch.compile(m, mode='reduce-overhead').__class__.__name__)
@torch.compile
def f(x):
    return torch.sin(x) + 1
print(f.__name__, type(f).__name__, torch.compile(m, disable=True) is m, torch.compiler.is_compiling())
for bad in (lambda: torch.compile(m, mode='bogus'), lambda: torch.compile(3)):
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)
"""


def test_compile_runs_eagerly_with_pytorchs_wrapper():
    """torch.compile: PyTorch's OptimizedModule wrapper, names and messages (the compiled callables are not called:
    PyTorch would compile them). In fresh processes: importing PyTorch's compiler changes its global state."""
    require("torch")
    outputs = in_fresh_processes(COMPILE_CELLS, timeout=300)
    assert outputs[1] == outputs[0]


COMPILE_VALIDATION = """
D = torch.distributions
def made(make):
    try:
        return repr(make())
    except ValueError as exc:
        return type(exc).__name__
print(made(lambda: D.Laplace(0.0, -1.0)))
torch.compile(lambda x: x, disable=True)
print(made(lambda: D.Laplace(0.0, -1.0)), D.Distribution._validate_args)
try:
    torch.compile(lambda x: x, mode='bogus')
except RuntimeError as exc:
    print(type(exc).__name__)
print(made(lambda: D.Normal(0.0, -1.0)))
torch.compile(lambda x: x)
print(made(lambda: D.Laplace(0.0, -1.0)), made(lambda: D.Normal(torch.zeros(2), -torch.ones(2))))
print(D.Distribution._validate_args, made(lambda: D.Normal(0.0, -1.0, validate_args=True)))
"""


def test_compile_turns_distribution_validation_off_for_the_process():
    """PyTorch's first compile patches torch for the whole process (dynamo's TorchPatcher), and one of its patches
    turns the distributions' argument validation off: a later Laplace(0., -1.) is made without a ValueError (a lesson
    after a torch.compile lesson in one notebook sees that). Not for disable=True nor a refused mode."""
    require("torch")
    outputs = in_fresh_processes(COMPILE_VALIDATION, timeout=300)
    assert outputs[1] == outputs[0]
    assert "Laplace(loc: 0.0, scale: -1.0)" in outputs[0]
