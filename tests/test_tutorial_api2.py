"""More of PyTorch's API that public tutorials reach (probe report 2): torch.optim.swa_utils (the SWA tutorial),
torch.utils.checkpoint (activation-checkpointing recipes), nn.MaxUnpool (SegNet-style autoencoders), the tensor
functions of exercise notebooks (scatter_reduce, masked_scatter, combinations ...), TripletMarginWithDistanceLoss
(SimCLR lessons), loading a state dict into unrun lazy modules (d2l's File I/O) and torch.profiler. Each cell runs
on PyTorch and on the engine (helpers.assert_same_as_pytorch: output, error type and message, warnings per cell);
the profiler's timings differ by nature, so its test checks that the recipe runs and the table lists the ops."""
import pytest

from helpers import assert_same_as_pytorch, run_ours

CELLS = {
    "swa_averaged_model_swalr_update_bn": [   # the SWA tutorial's loop
        ("import torch.nn as nn\n"
         "from torch.optim.swa_utils import AveragedModel, SWALR\n"
         "torch.manual_seed(0)\n"
         "model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))\n"
         "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
         "swa_model = AveragedModel(model)\n"
         "swa_scheduler = SWALR(optimizer, swa_lr=0.05, anneal_epochs=2)\n"
         "X = torch.randn(16, 3); Y = torch.randn(16, 1)\n"
         "for epoch in range(5):\n"
         "    optimizer.zero_grad()\n"
         "    loss = nn.functional.mse_loss(model(X), Y)\n"
         "    loss.backward()\n"
         "    optimizer.step()\n"
         "    if epoch >= 2:\n"
         "        swa_model.update_parameters(model)\n"
         "        swa_scheduler.step()\n"
         "    print(epoch, loss.item(), optimizer.param_groups[0]['lr'], swa_scheduler.get_last_lr())\n"
         "print(swa_model.n_averaged, swa_model.module[0].weight)"),
        ("loader = [(X[:8], Y[:8]), (X[8:], Y[8:])]\n"
         "torch.optim.swa_utils.update_bn(loader, swa_model)\n"
         "print(swa_model.module[1].running_mean, swa_model.module[1].running_var, swa_model.module[1].momentum)\n"
         "print(swa_model(X[:2]), swa_model.training)\n"
         "type(swa_model).__name__, list(swa_model.state_dict().keys()), swa_model"),
        ("torch.optim.swa_utils.update_bn([X[:4]], nn.Linear(3, 1))\n"
         "s = SWALR(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0), swa_lr=0.1, anneal_epochs=3,\n"
         "          anneal_strategy='linear')\n"
         "for _ in range(5):\n"
         "    s.optimizer.step(); s.step(); print(s.get_last_lr())\n"
         "sorted(s.state_dict())"),
        "SWALR(optimizer, swa_lr=0.05, anneal_strategy='exp')",
        "SWALR(optimizer, swa_lr=0.05, anneal_epochs=-1)",
        "SWALR(optimizer, swa_lr=[0.1, 0.2])",
        "AveragedModel(model, avg_fn=lambda a, b, n: a, multi_avg_fn=lambda a, b, n: None)",
        "torch.optim.swa_utils.get_ema_multi_avg_fn(1.5)",
    ],
    "swa_ema_and_custom_averages": [   # EMA of weights and buffers (use_buffers=True)
        ("from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn, get_ema_avg_fn\n"
         "torch.manual_seed(1)\n"
         "net = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2))\n"
         "ema = AveragedModel(net, multi_avg_fn=get_ema_multi_avg_fn(0.9), use_buffers=True)\n"
         "opt = torch.optim.SGD(net.parameters(), lr=0.5)\n"
         "for _ in range(3):\n"
         "    opt.zero_grad(); (net(torch.randn(5, 2)) * torch.arange(10.).view(5, 2)).sum().backward(); opt.step()\n"
         "    ema.update_parameters(net)\n"
         "print(ema.module[0].weight, ema.module[1].running_mean, ema.module[1].num_batches_tracked)\n"
         "ema.n_averaged"),
        ("ema2 = AveragedModel(net, avg_fn=get_ema_avg_fn(0.5))\n"
         "ema2.update_parameters(net)\n"
         "with torch.no_grad():\n"
         "    net[0].weight.add_(1.0)\n"
         "ema2.update_parameters(net)\n"
         "ema2.module[0].weight, ema2.module[0].weight.requires_grad, ema2.n_averaged.dtype"),
        ("avg = AveragedModel(net, multi_avg_fn=torch.optim.swa_utils.get_swa_multi_avg_fn())\n"
         "for k in range(3):\n"
         "    with torch.no_grad():\n"
         "        net[0].bias.mul_(3.0)\n"
         "    avg.update_parameters(net)\n"
         "avg.module[0].bias"),
    ],
    "checkpoint_activation_recomputation": [   # the activation-checkpointing recipes
        ("import torch.nn as nn\n"
         "from torch.utils.checkpoint import checkpoint, checkpoint_sequential\n"
         "torch.manual_seed(0)\n"
         "lin1 = nn.Linear(4, 8); lin2 = nn.Linear(8, 2)\n"
         "def block(x):\n"
         "    return torch.tanh(lin1(x))\n"
         "x = torch.randn(3, 4, requires_grad=True)\n"
         "y = lin2(checkpoint(block, x, use_reentrant=False))\n"
         "y.sum().backward()\n"
         "g1 = x.grad.clone(); w1 = lin1.weight.grad.clone()\n"
         "x.grad = None; lin1.zero_grad()\n"
         "lin2(block(x)).sum().backward()\n"
         "print(torch.equal(g1, x.grad), torch.equal(w1, lin1.weight.grad))\n"
         "g1"),
        ("model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 1))\n"
         "inp = torch.randn(2, 4, requires_grad=True)\n"
         "out = checkpoint_sequential(model, 2, inp, use_reentrant=False)\n"
         "out.sum().backward()\n"
         "out, inp.grad, model[0].weight.grad"),
        ("y = checkpoint(lambda t: torch.relu(lin1(t)) * 2, x)\n"   # no use_reentrant: warning, reentrant node
         "print(y.grad_fn)\n"
         "lin1.zero_grad(); x.grad = None\n"
         "y.sum().backward()\n"
         "x.grad, lin1.bias.grad"),
        ("y = checkpoint(lin1, torch.randn(2, 4), use_reentrant=True)\n"   # the classic pitfall: no grad at all
         "y.requires_grad, y.grad_fn"),
        ("d = nn.Dropout(0.5)\n"
         "torch.manual_seed(1)\n"
         "x = torch.randn(6, requires_grad=True)\n"
         "y = checkpoint(lambda t: d(t) * t, x, use_reentrant=True)\n"
         "y.sum().backward()\n"
         "y, x.grad, torch.rand(2)"),
        ("torch.manual_seed(1)\n"
         "x = torch.randn(6, requires_grad=True)\n"
         "y = checkpoint(lambda t: d(t) * t, x, use_reentrant=False)\n"
         "y.sum().backward()\n"
         "y, x.grad, torch.rand(2)"),
        ("m = nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 1))\n"
         "x = torch.ones(3, 2, requires_grad=True)\n"
         "o = checkpoint_sequential(m, 2, x)\n"
         "o.sum().backward()\n"
         "o.grad_fn, x.grad"),
        "checkpoint(lin1, torch.randn(2, 4), use_reentrant=True, foo=1)",
        "checkpoint_sequential(m, 2, x, use_reentrant=False, foo=1)",
        ("a = torch.ones(3, requires_grad=True)\n"
         "checkpoint(lambda u, v: u * v, a, torch.full((3,), 2.0), use_reentrant=False).grad_fn"),
    ],
    "max_unpool": [   # pooling lessons and SegNet-style decoders
        ("x = torch.tensor([[[[1., 2.], [3., 4.]]]], requires_grad=True)\n"
         "out, idx = torch.nn.MaxPool2d(2, return_indices=True)(x)\n"
         "u = torch.nn.MaxUnpool2d(2)(out, idx)\n"
         "u.backward(torch.arange(4.).reshape(1, 1, 2, 2))\n"
         "u, x.grad"),
        ("torch.manual_seed(0)\n"
         "x = torch.randn(2, 3, 5, 5, requires_grad=True)\n"
         "pool = torch.nn.MaxPool2d(2, stride=2, return_indices=True); unpool = torch.nn.MaxUnpool2d(2, stride=2)\n"
         "o, i = pool(x)\n"
         "u = unpool(o, i, output_size=x.size())\n"
         "(u * torch.arange(75.).reshape(3, 5, 5)).sum().backward()\n"
         "u.shape, u.grad_fn, x.grad[1, 2], unpool, torch.nn.MaxUnpool1d(3, 2), torch.nn.MaxUnpool2d((2, 3), 1, 1)"),
        ("x = torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8]]], requires_grad=True)\n"
         "o, i = torch.nn.MaxPool1d(2, stride=2, return_indices=True)(x)\n"
         "u = torch.nn.MaxUnpool1d(2, stride=2)(o, i)\n"
         "u.sum().backward()\n"
         "u, i, x.grad"),
        ("F = torch.nn.functional\n"
         "o = torch.tensor([[[[4.]]]]); idx = torch.tensor([[[[3]]]])\n"
         "for f in [lambda: F.max_unpool2d(o, idx.float(), 2), lambda: F.max_unpool2d(o, idx + 7, 2),\n"
         "          lambda: F.max_unpool2d(o, idx, 2, output_size=(5, 5)), lambda: F.max_unpool2d(o, idx[0], 2),\n"
         "          lambda: F.max_unpool2d(o[0, 0], idx[0, 0], 2),\n"
         "          lambda: F.max_unpool2d(o, idx, 2, output_size=[1, 2, 3]),\n"
         "          lambda: F.max_unpool1d(torch.ones(1, 2), torch.tensor([[0, 7]]), 2),\n"
         "          lambda: F.max_unpool2d(o, idx, 2, output_size=(3, 2))]:\n"
         "    try:\n"
         "        print(f())\n"
         "    except Exception as e:\n"
         "        print(type(e).__name__, e)"),
        ("o, i = torch.nn.functional.max_pool3d(torch.arange(32.).reshape(1, 1, 2, 4, 4), 2, return_indices=True)\n"
         "u = torch.nn.functional.max_unpool3d(o.requires_grad_(), i, 2)\n"
         "u.sum().backward()\n"
         "u.grad_fn, u.sum(), o.grad, torch.nn.MaxUnpool3d(2)"),
    ],
    "scatter_reduce": [   # gather/scatter counting lessons, GNN mean/max aggregation
        "torch.zeros(4).scatter_reduce(0, torch.tensor([0, 0, 1]), torch.tensor([2., 5., 1.]), reduce='amax')",
        ("src = torch.tensor([1., 2., 3., 4., 5., 6.])\n"
         "index = torch.tensor([0, 1, 0, 1, 2, 1])\n"
         "input = torch.tensor([1., 2., 3., 4.])\n"
         "[input.scatter_reduce(0, index, src, reduce=r, include_self=s)\n"
         " for r in ('sum', 'prod', 'mean', 'amax', 'amin') for s in (True, False)]"),
        ("x = torch.tensor([[1, 2, 3], [4, 5, 6]])\n"
         "[torch.scatter_reduce(torch.tensor([[10, 20, 30]]), 1, torch.tensor([[0, 0, 2]]), x[:1], r, include_self=s)\n"
         " for r in ('sum', 'prod', 'mean', 'amax', 'amin') for s in (True, False)]"),
        ("inp = torch.tensor([1., 2., 3., 4.], requires_grad=True)\n"
         "s = torch.tensor([1., 2., 3., 4., 5., 6.], requires_grad=True)\n"
         "outs = []\n"
         "for r in ('sum', 'prod', 'mean', 'amax', 'amin'):\n"
         "    for inc in (True, False):\n"
         "        inp.grad = s.grad = None\n"
         "        out = inp.scatter_reduce(0, index, s, reduce=r, include_self=inc)\n"
         "        (out * torch.tensor([1., -2., 3., 0.5])).sum().backward()\n"
         "        outs.append((out.grad_fn, inp.grad, s.grad))\n"
         "outs"),
        ("inp = torch.tensor([0., 2., 0., 4.], requires_grad=True)\n"
         "s = torch.tensor([0., 2., 3., 4., 0., 6.], requires_grad=True)\n"
         "out = inp.scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 2]), s, 'prod')\n"
         "out.sum().backward()\n"
         "out, inp.grad, s.grad"),
        ("t = torch.zeros(3, 2)\n"
         "t.scatter_reduce_(0, torch.tensor([[0, 1], [0, 1], [2, 2]]), torch.arange(6.).view(3, 2), 'amax')\n"
         "t"),
        "torch.zeros(4).scatter_reduce(0, torch.tensor([0]), torch.tensor([2.]), reduce='foo')",
        "torch.zeros(4).scatter_reduce(0, torch.tensor([0, 1]), torch.tensor([2, 5]), reduce='sum')",
        "torch.zeros(4).scatter_reduce(0, torch.tensor([0, 9]), torch.tensor([2., 5.]), reduce='sum')",
    ],
    "masked_scatter": [
        ("x = torch.zeros(2, 3, requires_grad=True)\n"
         "m = torch.tensor([[True, False, True], [False, True, True]])\n"
         "src = torch.arange(1., 7.).reshape(2, 3).requires_grad_()\n"
         "y = x.masked_scatter(m, src)\n"
         "(y * torch.arange(6.).reshape(2, 3)).sum().backward()\n"
         "y, x.grad, src.grad"),
        "torch.zeros(2, 3).masked_scatter(torch.tensor([[True, False, True], [False, True, True]]), torch.ones(2, 2))",
        "torch.zeros(3).masked_scatter(torch.tensor([[True], [False]]), torch.arange(4.))",
        ("t = torch.zeros(2, 3)\n"
         "t.masked_scatter_(torch.tensor([True, False, True]), torch.arange(4.))\n"
         "t"),
        "torch.zeros(3).masked_scatter_(torch.tensor([[True], [False]]), torch.ones(4))",
        "torch.zeros(2, 3).masked_scatter(torch.tensor([1, 0, 1]), torch.ones(4))",
        "torch.zeros(2, 3).masked_scatter(torch.tensor([True, True, True]), torch.ones(5))",
        "torch.zeros(3).masked_scatter(torch.tensor([True, False, True]), torch.ones(4, dtype=torch.float64))",
    ],
    "exercise_tensor_functions": [   # exercise notebooks: combinations, sgn, diag_embed, view(dtype) ...
        ("x = torch.tensor([1., 2., 3.], requires_grad=True)\n"
         "c = torch.combinations(x, r=2)\n"
         "c.prod(1).sum().backward()\n"
         "c, x.grad, torch.combinations(x, 2, with_replacement=True)"),
        ("torch.combinations(torch.tensor([1, 2, 3]), r=3), torch.combinations(torch.tensor([1, 2]), r=0), "
         "torch.combinations(torch.tensor([1, 2]), r=3), torch.combinations(torch.tensor([1, 2, 3]), 1)"),
        "torch.combinations(torch.ones(2, 2))",
        "torch.combinations(torch.ones(2), -1)",
        ("x = torch.tensor([-2., -0.0, 0.0, 3., float('nan')], requires_grad=True)\n"
         "s = torch.sgn(x)\n"
         "s.sum().backward()\n"
         "s, x.grad, x.detach().sgn(), torch.tensor([-3, 0, 2]).sgn()"),
        ("t = torch.tensor([-1.5, 2.0]); t.sgn_(); t"),
        ("x = torch.tensor([1., 2., 3.], requires_grad=True)\n"
         "d = torch.diag_embed(x)\n"
         "(d * torch.arange(9.).view(3, 3)).sum().backward()\n"
         "d, x.grad, torch.diag_embed(torch.ones(2, 2)), torch.diag_embed(torch.arange(6.).view(2, 3), 1, 0, 2)"),
        "torch.diagflat(torch.tensor([1, 2])), torch.diagflat(torch.ones(2, 2), -1), torch.arange(3.).diagflat(1)",
        ("torch.ones(3).view(torch.int32), torch.tensor([1., -2.]).view(torch.int32).dtype, "
         "torch.ones(2).view(torch.float16), torch.ones(4, dtype=torch.int16).view(torch.int32)"),
        "torch.ones(3).view(torch.float64)",
        ("x = torch.tensor([1.5, -2.7], requires_grad=True)\n"
         "f = torch.fix(x)\n"
         "f.sum().backward()\n"
         "f, x.grad, torch.positive(x) is x, x.positive() is x"),
        "torch.positive(torch.tensor([True]))",
        "t = torch.tensor([1.7, -1.7]); t.fix_(); t",
        ("torch.gcd(torch.tensor([12, 18, 0, -4]), torch.tensor([8, 27, -6, 0])), "
         "torch.lcm(torch.tensor([4, 6, 0, -4]), torch.tensor([6, 4, -6, 3]))"),
        "torch.gcd(torch.ones(2), torch.ones(2))",
        ("y = torch.tensor([1., 4., 9.], requires_grad=True)\n"
         "xs = torch.tensor([0., 1., 3.])\n"
         "r = torch.trapz(y, xs), torch.trapz(y), torch.trapz(y, dx=0.5), torch.cumulative_trapezoid(y, dx=0.5)\n"
         "r[3].sum().backward()\n"
         "r, y.grad, torch.cumulative_trapezoid(torch.ones(2, 3), torch.tensor([0., 1, 3]), dim=1), "
         "torch.cumulative_trapezoid(y, xs)"),
        ("q = torch.tensor([[1., float('nan'), 3.], [float('nan')] * 3, [4., 2., 7.]])\n"
         "torch.nanquantile(q, 0.5, dim=1), torch.nanquantile(q, torch.tensor([0.25, 0.5]), dim=1), "
         "q.nanquantile(0.3), torch.nanquantile(q, 0.5, dim=1, keepdim=True), torch.quantile(q, 0.5, dim=1)"),
        ("v = torch.tensor([1., float('nan'), 3.], requires_grad=True)\n"
         "r = torch.nanquantile(v, 0.5)\n"
         "r.backward()\n"
         "r, v.grad"),
        ("a = torch.ones(2, 3, requires_grad=True)\n"
         "r = torch.chain_matmul(a, torch.arange(6.).view(3, 2), torch.ones(2, 2))\n"
         "r.sum().backward()\n"
         "r, r.grad_fn, a.grad, torch.chain_matmul(a).grad_fn, torch.chain_matmul(a, torch.ones(3, 1)).grad_fn"),
        ("torch.manual_seed(0)\n"
         "ms = [torch.randn(s) for s in [(3, 4), (4, 5), (5, 2), (2, 6)]]\n"
         "torch.chain_matmul(*ms)"),
        ("import numpy as np\n"
         "x = torch.ones(2, requires_grad=True)\n"
         "a = torch.asarray([1, 2])\n"
         "a, torch.asarray(x) is x, torch.asarray(3.5), torch.asarray([[1., 2]], dtype=torch.float64), "
         "torch.asarray(np.arange(3)), torch.asarray(x, dtype=torch.float64), torch.asarray([1.5, 2], "
         "dtype=torch.int64), torch.asarray(x, requires_grad=False).requires_grad"),
        ("t = torch.ones(3)\n"
         "t.apply_(lambda v: v * 2)\n"
         "u = torch.tensor([[1, 2], [3, 4]])\n"
         "t, t.map_(torch.tensor([1., 2, 3]), lambda a, b: a + b), u.apply_(lambda v: v * 10), t"),
        "torch.ones(2, requires_grad=True).apply_(lambda v: v)",
    ],
    "triplet_margin_with_distance_loss": [   # SimCLR-style lessons: a cosine distance
        ("torch.manual_seed(0)\n"
         "a, p, n = torch.randn(3, 5, 4).unbind(0)\n"
         "a.requires_grad_()\n"
         "cos = lambda x, y: 1 - torch.nn.functional.cosine_similarity(x, y)\n"
         "crit = torch.nn.TripletMarginWithDistanceLoss(distance_function=cos)\n"
         "l = crit(a, p, n)\n"
         "l.backward()\n"
         "l, a.grad, crit"),
        ("a.grad = None\n"
         "crit = torch.nn.TripletMarginWithDistanceLoss(swap=True, margin=2.0, reduction='none')\n"
         "l = crit(a, p, n)\n"
         "l.sum().backward()\n"
         "l, a.grad, crit"),
        ("F = torch.nn.functional\n"
         "F.triplet_margin_with_distance_loss(a, p, n), F.triplet_margin_with_distance_loss(a, p, n, "
         "distance_function=torch.nn.PairwiseDistance(p=1), reduction='sum')"),
        "torch.nn.TripletMarginWithDistanceLoss(margin=0)",
        "torch.nn.functional.triplet_margin_with_distance_loss(a, p, n, margin=-1)",
        "torch.nn.functional.triplet_margin_with_distance_loss(a, p[0], n)",
        "torch.nn.functional.triplet_margin_with_distance_loss(a, p, n, reduction='avg')",
    ],
    "load_state_dict_into_unrun_lazy_modules": [   # d2l's File I/O chapter
        ("net = torch.nn.Sequential(torch.nn.LazyLinear(3)); net(torch.ones(1, 2))\n"
         "clone = torch.nn.Sequential(torch.nn.LazyLinear(3))\n"
         "print(clone.load_state_dict(net.state_dict()))\n"
         "print(clone, clone[0].weight.shape, type(clone[0].weight).__name__, clone[0].in_features)\n"
         "torch.manual_seed(0)\n"
         "print(torch.equal(clone(torch.ones(1, 2)), net(torch.ones(1, 2))), torch.rand(1))\n"
         "clone, clone[0].in_features"),
        ("import os, tempfile\n"
         "import torch.nn as nn\n"
         "class MLP(nn.Module):\n"
         "    def __init__(self):\n"
         "        super().__init__()\n"
         "        self.hidden = nn.LazyLinear(256)\n"
         "        self.output = nn.LazyLinear(10)\n"
         "    def forward(self, x):\n"
         "        return self.output(torch.nn.functional.relu(self.hidden(x)))\n"
         "torch.manual_seed(0)\n"
         "net = MLP(); X = torch.randn(size=(2, 20)); Y = net(X)\n"
         "path = os.path.join(tempfile.mkdtemp(), 'mlp.params')\n"
         "torch.save(net.state_dict(), path)\n"
         "clone = MLP()\n"
         "print(clone.load_state_dict(torch.load(path)))\n"
         "print(clone.eval())\n"
         "Y_clone = clone(X)\n"
         "Y_clone == Y"),
        ("net = torch.nn.Sequential(torch.nn.LazyConv2d(2, 3), torch.nn.LazyBatchNorm2d())\n"
         "net(torch.ones(1, 3, 4, 4))\n"
         "clone = torch.nn.Sequential(torch.nn.LazyConv2d(2, 3), torch.nn.LazyBatchNorm2d())\n"
         "print(clone.load_state_dict(net.state_dict()))\n"
         "print(clone)\n"
         "torch.manual_seed(0)\n"
         "print(torch.equal(clone(torch.ones(1, 3, 4, 4)), net(torch.ones(1, 3, 4, 4))), torch.rand(1))\n"
         "clone"),
        ("l = torch.nn.LazyLinear(3); l.load_state_dict({'weight': torch.ones(3, 2), 'bias': torch.zeros(3)})\n"
         "l(torch.ones(1, 5))"),
        ("c2 = torch.nn.LazyLinear(3)\n"
         "print(c2.load_state_dict({'weight': torch.ones(3, 2)}, strict=False))\n"
         "c2.weight, c2.bias"),
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


PROFILER_RECIPE = [   # the "PyTorch Profiler" recipe; timings differ by nature, so the test reads the structure
    ("import os, json, tempfile\n"
     "import torch.nn as nn\n"
     "from torch.profiler import profile, record_function, ProfilerActivity\n"
     "model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2), nn.Softmax(dim=1))\n"
     "inputs = torch.randn(4, 8)\n"
     "with profile(activities=[ProfilerActivity.CPU], record_shapes=True, profile_memory=True) as prof:\n"
     "    with record_function('model_inference'):\n"
     "        model(inputs).sum()\n"
     "print(type(prof).__name__, ProfilerActivity.CPU)\n"
     "print(prof.key_averages().table(sort_by='cpu_time_total', row_limit=10))\n"
     "print(prof.key_averages(group_by_input_shape=True).table(sort_by='self_cpu_time_total', row_limit=10))\n"
     "path = os.path.join(tempfile.mkdtemp(), 'trace.json')\n"
     "prof.export_chrome_trace(path)\n"
     "print(sorted({e['name'] for e in json.load(open(path))['traceEvents']}))\n"
     "@record_function('decorated')\n"
     "def f(x):\n"
     "    return torch.relu(x)\n"
     "with torch.profiler.profile(schedule=torch.profiler.schedule(wait=1, warmup=1, active=2)) as p2:\n"
     "    for _ in range(3):\n"
     "        f(inputs); p2.step()\n"
     "print([(e.key, e.count) for e in p2.key_averages()])\n"
     "with torch.autograd.profiler.profile() as p3:\n"
     "    f(inputs)\n"
     "print(type(p3).__name__)"),
]


def test_profiler_recipe_runs_and_lists_the_ops():
    """The recipe runs on the engine and its table lists the ops that ran, with PyTorch's columns."""
    (out, err), = run_ours(PROFILER_RECIPE)
    assert err is None, err
    lines = out.splitlines()
    assert lines[0] == "profile ProfilerActivity.CPU"
    header = next(line for line in lines if line.strip().startswith("Name"))
    for column in ("Self CPU %", "Self CPU", "CPU total %", "CPU total", "CPU time avg", "# of Calls"):
        assert column in header
    names = {line.split()[0] for line in lines if line.strip().startswith(("aten::", "model_inference"))}
    assert {"model_inference", "aten::relu", "aten::softmax"} <= names, names
    assert any("Self CPU time total:" in line for line in lines)
    assert "Input Shapes" in out and "[[4, 8]]" in out
    assert "'model_inference'" in out and "'aten::relu'" in out   # the chrome trace's events
    assert "('decorated', 3)" in out and "('aten::relu', 3)" in out
    assert lines[-1] == "profile"
