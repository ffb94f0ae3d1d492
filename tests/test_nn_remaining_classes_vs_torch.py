"""The torch.nn classes the engine lacked until now, each checked against PyTorch: the lazy 3-d convolution, the
lazy transposed convolutions (their weight is (C_in, C_out / groups, k...), output_size= reaches the forward that
becomes the plain class), LazyBatchNorm3d and the lazy instance norms (PyTorch's _LazyNormBase defaults: affine and
running statistics on), SyncBatchNorm in one process (a batch norm over any (N, C, ...) input) and its
convert_sync_batchnorm, the deprecated NLLLoss2d and Container (PyTorch's FutureWarning when made and when
subclassed, not for a subclass's instances), UninitializedBuffer, and optim.Adafactor (PyTorch's single-tensor
update: factored second moments for matrices, its argument checks, state and printing); F.*_with_indices always
give (output, indices) whatever return_indices says (max_pool2d_with_indices was max_pool2d itself), and
nn.init.eye / dirac are the deprecated aliases with PyTorch's FutureWarning; torch.nn.utils.clip_grad,
convert_parameters, init and memory_format (convert_conv2d/3d_weight_memory_format) as modules; CrossMapLRN2d
(the legacy Function's running sum of squares, its node CrossMapLRN2dBackward); AdaptiveLogSoftmaxWithLoss (head,
clusters, the (output, loss) namedtuple, log_prob, predict, its errors); parametrizations.orthogonal's householder map
(the default for a non-square weight: householder_product of the reflectors, geqrf for its inverse)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CASES = ATTEMPT + '''for make in CASES:
    attempt(make)
'''

CELLS = {
    "lazy_convolutions": [
        "torch.manual_seed(0)\nl = torch.nn.LazyConvTranspose2d(4, 3, stride=2, bias=True)\n"
        "print(l, list(l.state_dict()), torch.nn.parameter.is_lazy(l.weight))\n"
        "y = l(torch.ones(1, 2, 5, 5))\n"
        "print(y.shape, l, type(l).__name__, l.weight.shape, round(l.weight.sum().item(), 4), round(l.bias.sum().item(), 4))\n"
        "y.sum().backward()\nprint(y.grad_fn, l.weight.grad.shape, round(l.weight.grad.sum().item(), 4))",
        "torch.manual_seed(1)\nl3 = torch.nn.LazyConv3d(2, 2)\nprint(l3(torch.ones(3, 4, 4, 4)).shape, l3, l3.weight.shape)\n"
        "lt = torch.nn.LazyConvTranspose1d(3, 2, stride=2)\nprint(lt(torch.ones(1, 2, 4), output_size=[9]).shape, lt.weight.shape)\n"
        "lt = torch.nn.LazyConvTranspose3d(4, 2, groups=2)\nprint(lt(torch.ones(1, 2, 3, 3, 3)).shape, lt.weight.shape, lt)",
        "CASES = [lambda: torch.nn.LazyConvTranspose1d(3, 2)(torch.ones(2, 2, 2, 2)),\n"
        "         lambda: torch.nn.LazyConvTranspose1d(3, 2, padding_mode='reflect'), lambda: torch.nn.LazyConvTranspose2d(),\n"
        "         lambda: torch.nn.LazyConvTranspose3d(2, 2, bogus=1), lambda: torch.nn.LazyConv3d(2, 2)(torch.ones(2, 2)),\n"
        "         lambda: torch.nn.LazyConvTranspose2d(4, 3, groups=2)(torch.ones(1, 3, 4, 4))]\n" + CASES,
    ],
    "lazy_norms": [
        "li = torch.nn.LazyInstanceNorm1d()\nprint(li, list(li.state_dict()))\n"
        "print(li(torch.arange(24.).reshape(2, 3, 4)).sum(), li, li.running_mean, li.num_batches_tracked)\n"
        "li2 = torch.nn.LazyInstanceNorm2d(affine=False, track_running_stats=False)\nprint(li2(torch.rand(3, 4, 5)).shape, li2)\n"
        "torch.manual_seed(0)\nlb = torch.nn.LazyBatchNorm3d()\nx = torch.rand(2, 3, 2, 2, 2)\n"
        "print(lb(x).shape, lb, lb.running_mean, lb.num_batches_tracked)",
        "CASES = [lambda: torch.nn.LazyInstanceNorm3d()(torch.ones(2, 2)), lambda: torch.nn.LazyInstanceNorm1d()(torch.rand(3, 5)),\n"
        "         lambda: torch.nn.LazyInstanceNorm2d(3), lambda: torch.nn.LazyBatchNorm3d()(torch.ones(2, 3, 4))]\n" + CASES,
    ],
    "sync_batch_norm": [
        "torch.manual_seed(0)\ns = torch.nn.SyncBatchNorm(3)\nprint(s, list(s.state_dict()))\nx = torch.randn(4, 3, 5)\n"
        "y = s(x)\nprint(y.grad_fn, y.mean().item() < 1e-6, s.running_mean, s.num_batches_tracked)\n"
        "s.eval()\nprint(s(x)[0, :, 0])",
        "m = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.BatchNorm2d(2), torch.nn.ReLU(),\n"
        "                        torch.nn.Sequential(torch.nn.BatchNorm1d(2, affine=False)))\n"
        "m[1].eval()\nc = torch.nn.SyncBatchNorm.convert_sync_batchnorm(m)\nprint(c)\n"
        "print(c[1].weight is m[1].weight, c[1].training, c[3][0].weight, c is m)\n"
        "print(torch.nn.SyncBatchNorm.convert_sync_batchnorm(torch.nn.BatchNorm1d(4)))",
        "CASES = [lambda: torch.nn.SyncBatchNorm(3)(torch.ones(3)), lambda: torch.nn.SyncBatchNorm(0)(torch.ones(2, 0)),\n"
        "         lambda: torch.nn.SyncBatchNorm(2)(torch.ones(2, 3, 4)), lambda: torch.nn.SyncBatchNorm(2, process_group=None)]\n"
        + CASES,
    ],
    "deprecated_nll_loss_2d_and_container": [
        "loss = torch.nn.NLLLoss2d(ignore_index=1)\nlogp = torch.log_softmax(torch.arange(24.).reshape(1, 3, 2, 4) / 7, 1)\n"
        "print(loss, loss.ignore_index, loss(logp, torch.tensor([[[0, 1, 2, 0], [2, 2, 1, 0]]])))",
        "class L(torch.nn.NLLLoss2d):\n    pass\nprint(L())",
        "c = torch.nn.Container(fc=torch.nn.Linear(2, 1), act=torch.nn.ReLU())\nprint(c, [n for n, _ in c.named_parameters()])",
        "class Net(torch.nn.Container):\n    def __init__(self):\n        super().__init__(fc=torch.nn.Linear(1, 1))\n"
        "print('defined')\nprint(Net())",
    ],
    "adafactor": ['torch.manual_seed(0)\nmodel = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))\nopt = torch.optim.Adafactor(model.parameters(), lr=0.05, weight_decay=0.01)\nprint(opt)\nX = torch.randn(32, 4); Y = X.sum(1, keepdim=True) ** 2\nfor i in range(30):\n    opt.zero_grad()\n    loss = ((model(X) - Y) ** 2).mean()\n    loss.backward()\n    opt.step()\n    if i % 10 == 0: print(i, loss.item())\nprint(loss.item(), model[0].weight[0], sorted(opt.state[model[0].weight].keys()), opt.state[model[0].weight]["step"], opt.state[model[0].weight]["row_var"].shape)\nw = torch.nn.Parameter(torch.randn(2, 3, 4))\no2 = torch.optim.Adafactor([w], maximize=True, eps=(1e-30, 1e-3), d=2.0)\nfor i in range(3):\n    o2.zero_grad(); (w.sin().sum()).backward(); o2.step()\nprint(w[0, 0], o2.state_dict()["param_groups"])\nfor f in [lambda: torch.optim.Adafactor([w], lr=-1), lambda: torch.optim.Adafactor([w], beta2_decay=0.5), lambda: torch.optim.Adafactor([w], eps=(-1, 1e-3)), lambda: torch.optim.Adafactor([w], d=0.5), lambda: torch.optim.Adafactor([w], weight_decay=-1)]:\n    try: f()\n    except Exception as e: print(type(e).__name__, e)\nz = torch.nn.Parameter(torch.randn(3, dtype=torch.complex64)); z.grad = torch.ones(3, dtype=torch.complex64)\ntry: torch.optim.Adafactor([z]).step()\nexcept Exception as e: print(type(e).__name__, e)\n'],
    "pooling_with_indices_and_init_aliases": ['F = torch.nn.functional\nx = torch.arange(16.).reshape(1, 1, 16).requires_grad_()\nfor f in [lambda: F.max_pool1d_with_indices(x, 2), lambda: F.adaptive_max_pool1d_with_indices(x, 3), lambda: F.adaptive_max_pool2d_with_indices(x.view(1, 4, 4), 2, True),\n          lambda: F.max_pool2d_with_indices(x.view(1, 4, 4), 2), lambda: F.max_pool3d_with_indices(x.view(1, 2, 2, 4), 2, ceil_mode=True), lambda: F.adaptive_max_pool3d_with_indices(x.view(1, 2, 2, 4), 1),\n          lambda: F.max_pool1d_with_indices(x, 2, return_indices=False)[0].grad_fn.name(), lambda: F.max_pool2d(x.view(1, 4, 4), 2, return_indices=True)[1],\n          lambda: F.max_pool1d_with_indices(), lambda: torch.nn.init.eye(torch.empty(2, 3)), lambda: torch.nn.init.dirac(torch.empty(2, 2, 3)), lambda: torch.nn.init.eye.__name__]:\n    try: print(f())\n    except Exception as e: print(type(e).__name__, e)\n'],
    "nn_utils_submodules": ['from torch.nn.utils.clip_grad import clip_grad_norm_, clip_grad_value_\nfrom torch.nn.utils.convert_parameters import parameters_to_vector, vector_to_parameters\nfrom torch.nn.utils.init import skip_init\nfrom torch.nn.utils.memory_format import convert_conv2d_weight_memory_format\ntorch.manual_seed(0)\nm = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.ReLU(), torch.nn.Sequential(torch.nn.ConvTranspose2d(4, 2, 2)), torch.nn.Conv3d(1, 1, 1))\nm2 = torch.nn.utils.convert_conv2d_weight_memory_format(m, torch.channels_last)\nprint(m2 is m, m[0].weight.is_contiguous(), m[0].weight.is_contiguous(memory_format=torch.channels_last), m[0].weight.stride(), m[2][0].weight.stride(), type(m[0].weight).__name__)\ntorch.nn.utils.convert_conv3d_weight_memory_format(m, torch.channels_last_3d); print(m[3].weight.stride())\ny = m[0](torch.randn(1, 3, 5, 5)); y.sum().backward()\nprint(clip_grad_norm_(m.parameters(), 1.0), skip_init(torch.nn.Linear, 2, 3).weight.shape)\ntry:\n    parameters_to_vector(m[0].parameters())\nexcept RuntimeError as e:\n    print(e)\nprint(parameters_to_vector(m[1:3].parameters()).shape)\nprint(torch.nn.utils.clip_grad.clip_grad_norm_ is torch.nn.utils.clip_grad_norm_)\n'],
    "cross_map_lrn2d": ['torch.manual_seed(0)\nm = torch.nn.CrossMapLRN2d(3, alpha=1e-2, beta=0.75, k=1)\nprint(m)\nx = torch.randn(2, 5, 3, 3, requires_grad=True)\ny = m(x)\nprint(y.grad_fn.__class__.__name__, y[0, :, 0, 0], y.shape)\n(y * torch.arange(45.).reshape(5, 3, 3)).sum().backward()\nprint(x.grad[1, :, 1])\nm2 = torch.nn.CrossMapLRN2d(4)\nx2 = torch.randn(1, 6, 2, 2, requires_grad=True)\ny2 = m2(x2); y2.pow(2).sum().backward(); print(y2[0, :, 1, 1], x2.grad[0, :, 0, 0])\nprint(torch.nn.CrossMapLRN2d(5, k=2)(torch.ones(1, 2, 1, 1)))\nfor f in [lambda: m(torch.ones(2, 3)), lambda: torch.nn.CrossMapLRN2d(), lambda: m(torch.ones(1, 1, 2, 2)).shape]:\n    try: print(f())\n    except Exception as e: print(type(e).__name__, e)\n'],
    "adaptive_log_softmax_with_loss": ['torch.manual_seed(0)\nasm = torch.nn.AdaptiveLogSoftmaxWithLoss(16, 20, cutoffs=[4, 10], div_value=2.0)\nprint(asm)\nx = torch.randn(8, 16, requires_grad=True)\ny = torch.tensor([0, 3, 5, 9, 12, 19, 1, 7])\nout = asm(x, y)\nprint(type(out).__name__, out._fields, out.output, out.loss)\nout.loss.backward()\nprint(x.grad[0, :4], asm.head.weight.grad.sum(), asm.tail[1][1].weight.grad.abs().sum())\nprint(asm.log_prob(x[:3]).exp().sum(1), asm.predict(x), asm.log_prob(x[:2]).grad_fn)\no1 = asm(x[0], y[0]); print(o1.output, o1.loss)\nprint([n for n, _ in asm.named_parameters()])\nfor f in [lambda: torch.nn.AdaptiveLogSoftmaxWithLoss(4, 10, []), lambda: torch.nn.AdaptiveLogSoftmaxWithLoss(4, 10, [5, 3]),\n          lambda: torch.nn.AdaptiveLogSoftmaxWithLoss(4, 10, [10]), lambda: asm(x, y[:3]), lambda: asm(x, torch.tensor([0, 1, 2, 3, 4, 5, 6, 25])),\n          lambda: asm(x.unsqueeze(0), y), lambda: asm(x, y.view(2, 4)), lambda: asm(x, y[0])]:\n    try: print(f())\n    except Exception as e: print(type(e).__name__, e)\n'],
    "orthogonal_householder_map": ['torch.manual_seed(0)\nP = torch.nn.utils.parametrizations\nm = P.orthogonal(torch.nn.Linear(3, 5))\nprint(m.parametrizations.weight[0].orthogonal_map, (m.weight.T @ m.weight - torch.eye(3)).abs().max() < 1e-5)\nprint(m.weight)\nx = torch.randn(4, 3)\nm(x).sum().backward()\nprint(m.parametrizations.weight.original.grad)\nm2 = P.orthogonal(torch.nn.Linear(5, 3), use_trivialization=False)\nprint(m2.weight, (m2.weight @ m2.weight.T - torch.eye(3)).abs().max() < 1e-5)\nopt = torch.optim.SGD(m2.parameters(), lr=0.1)\nfor _ in range(3):\n    opt.zero_grad(); loss = (m2(torch.ones(2, 5)) ** 2).sum(); loss.backward(); opt.step()\nprint(round(loss.item(), 4), m2.weight)\nm3 = P.orthogonal(torch.nn.Linear(4, 4), orthogonal_map="householder")\nprint(m3.weight)\nwith torch.no_grad():\n    m2.weight = torch.linalg.qr(torch.randn(5, 3))[0].T\nprint(m2.weight)\nm4 = P.orthogonal(torch.nn.Linear(3, 3, dtype=torch.float64), orthogonal_map="cayley")\nprint(m4.weight.dtype, m4.weight)\n'],
    "uninitialized_buffer": [
        "b = torch.nn.UninitializedBuffer()\nprint(repr(b), type(b).__name__, torch.nn.parameter.is_lazy(b))",
        "CASES = [lambda: b + 1, lambda: b.numel(), lambda: b.shape, lambda: torch.nn.parameter.UninitializedBuffer]\n"
        + CASES,
        "b.materialize((2, 3))\nprint(type(b), b.shape)",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_remaining_nn_classes_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
