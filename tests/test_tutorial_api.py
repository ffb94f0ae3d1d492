"""Pieces of PyTorch's API that tutorials after the autograd chapter reach for and the engine lacked (issue 16:
"what is missing raises an error that names it"; what tutorials use is built): torch.testing, torch.random, the
torch.* forms of functional ops, more elementwise math. Each cell runs on PyTorch and on the engine
(helpers.assert_same_as_pytorch: output, error type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "group_norm_bit_for_bit": [   # UNet / diffusion lessons
        ("torch.manual_seed(0)\n"
         "x = torch.randn(2, 8, 5, 5) * 2 + .3\n"
         "g, b = torch.randn(8), torch.randn(8)\n"
         "F = torch.nn.functional\n"
         "[F.group_norm(x, 4, *wb)[1, 5, 2, 3].item() for wb in ((None, None), (g, b), (g, None), "
         "(None, b))]"),
        ("torch.manual_seed(1)\n"
         "gn = torch.nn.GroupNorm(8, 32)\n"
         "x = torch.randn(3, 32, 4, 4, requires_grad=True)\n"
         "y = gn(x)\n"
         "y.sum().item(), y.grad_fn.name(), y[2, 31, 3, 3].item()"),
    ],
    "window_functions": [   # signal and audio lessons
        ("for f in (torch.hann_window, torch.hamming_window, torch.blackman_window, "
         "torch.bartlett_window):\n"
         "    print(f.__name__, f(8), f(7, periodic=False), f(1), f(0), f(5, dtype=torch.float64))\n"
         "print(torch.hann_window(400).sum().item(), torch.hamming_window(10, True, 0.6, 0.4), "
         "torch.hann_window(3, requires_grad=True))\n"
         'for c in ["torch.hann_window(-1)", "torch.hann_window(4, dtype=torch.int64)"]:\n'
         "    try: print(eval(c))\n"
         "    except Exception as e: print(type(e).__name__, e)\n"),
    ],
    "alpha_dropout_for_selu_networks": [   # self-normalising nets: AlphaDropout with SELU
        ("torch.manual_seed(0)\n"
         "print(torch.nn.AlphaDropout(0.2)(torch.ones(6)))\n"
         "m = torch.nn.AlphaDropout(0.5); print(m, m.eval()(torch.ones(2)))\n"
         "x = torch.randn(3, 4, requires_grad=True); torch.manual_seed(1)\n"
         "y = torch.nn.functional.alpha_dropout(x, 0.3, "
         "training=True); y.sum().backward(); print(y, y.grad_fn.name(), x.grad)\n"
         "print(torch.nn.functional.alpha_dropout(torch.ones(2), 1.0, True), "
         "torch.nn.functional.alpha_dropout(torch.ones(2), 0.5))\n"
         "try: torch.nn.AlphaDropout(1.5)\n"
         "except Exception as e: print(type(e).__name__, e)\n"
         "torch.manual_seed(2); t = torch.ones(4); torch.nn.functional.alpha_dropout(t, 0.5, True, "
         "inplace=True); print(t)\n"),
    ],
    "cuda_with_an_index_and_tensor_lists": [
        "torch.ones(1).cuda()",
        "torch.ones(1).cuda(0)",
        "torch.ones(1).cuda(device=0)",
        "torch.ones(1).cuda('cuda:0')",
        "torch.stack('ab')",
        "torch.stack([torch.ones(1), 'a'])",
        "torch.cat([torch.ones(1), 2])",
        "torch.cat((torch.ones(1), torch.ones(2))), torch.stack([torch.ones(2)] * 2)",
    ],
    "vdot_multi_dot_gumbel_unravel": [   # discrete-VAE sampling, argmax coordinates, chained products
        ("a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([3., 4.], requires_grad=True)\n"
         "r = torch.vdot(a, b); r.backward(); print(r, a.grad, b.grad)\n"
         "print(torch.linalg.vecdot(torch.ones(2, 3, requires_grad=True), torch.ones(2, "
         "3)).grad_fn.name(), torch.linalg.vecdot(a, b))\n"
         "print(torch.linalg.multi_dot([torch.ones(3, requires_grad=True), torch.ones(3, 4), "
         "torch.ones(4)]), torch.linalg.multi_dot([torch.ones(2, 3, requires_grad=True), "
         "torch.ones(3, 4)]).grad_fn.name())\n"
         "torch.manual_seed(0)\n"
         "ms = [torch.randn(2, 30), torch.randn(30, 3), torch.randn(3, 40), torch.randn(40, 2)]\n"
         "print(torch.linalg.multi_dot(ms), torch.linalg.multi_dot(ms[:3]).shape)\n"
         "torch.manual_seed(0); l = torch.randn(2, 5, requires_grad=True)\n"
         "y = torch.nn.functional.gumbel_softmax(l, tau=0.5, hard=True); print(y, y.grad_fn.name())\n"
         "y.sum().backward(); print(l.grad)\n"
         "print(torch.nn.functional.gumbel_softmax(l))\n"
         "print(torch.unravel_index(torch.tensor([4, 7]), (2, 4)), "
         "torch.unravel_index(torch.tensor(5), (3, 2)), torch.unravel_index(torch.tensor([[0, 5]]), "
         "(2, 3)))\n"
         'for c in ["torch.linalg.multi_dot([torch.ones(2,3)])", "torch.vdot(torch.ones(2,2), '
         'torch.ones(2,2))", "torch.unravel_index(torch.tensor([6]), (2, 3))"]:\n'
         "    try: print(c, eval(c))\n"
         "    except Exception as e: print(c, type(e).__name__, e)\n"
         "print(torch.unravel_index(torch.tensor([-1, 6, 13, -7]), (2, 3)))\n"
         "try: print(torch.unravel_index(torch.tensor([1.5]), (2, 3)))\n"
         "except Exception as e: print(type(e).__name__, e)\n"),
    ],
    "index_put_new_and_small_messages": [   # indexing quizzes, old hidden-state idioms, warmup schedulers
        ("z = torch.zeros(3)\n"
         "z.index_put_((torch.tensor([0, 0, 2]),), torch.tensor([1.0, 2.0, 5.0]), accumulate=True)\n"
         "print(z, torch.zeros(3).index_put((torch.tensor([1]),), torch.tensor(7.0)))\n"
         "x = torch.zeros(3, 3, requires_grad=True); v = torch.tensor([1., 2.], requires_grad=True)\n"
         "y = x.index_put((torch.tensor([0, 2]), torch.tensor([1, 1])), v)\n"
         "(y * torch.arange(9.).view(3, 3)).sum().backward(); print(y, y.grad_fn.name(), x.grad, v.grad)\n"
         "x = torch.zeros(4, requires_grad=True); v = torch.tensor([1., 2., 3.], requires_grad=True)\n"
         "y = x.index_put((torch.tensor([1, 1, 3]),), v, "
         "accumulate=True); (y * torch.arange(4.)).sum().backward(); print(y, x.grad, v.grad)\n"
         'for c in ["torch.zeros(3).index_put_((torch.tensor([1]),), torch.tensor([1]))", '
         '"torch.index_put(torch.zeros(2), (torch.tensor([0]),), torch.tensor(3.))", '
         '"torch.zeros(2).index_put_([torch.tensor([1])], torch.tensor(2.))", "torch.zeros(3, '
         'requires_grad=True).index_put_((torch.tensor([1]),), torch.tensor(2.))"]:\n'
         "    try: print(c, eval(c))\n"
         "    except Exception as e: print(c, type(e).__name__, e)\n"),
        ("w = torch.ones(2, 3)\n"
         'for c in ["w.new(1, 4, 5).zero_().shape", "w.new([1, 2])", "w.new()", '
         '"torch.arange(3).new([1.5])", "w.new(torch.zeros(2))", "w.new(torch.zeros(2, '
         'dtype=torch.int64))", "w.new(2, 2, device=\'cpu\').shape",\n'
         '          "torch.ones(2, 3).expand(4, 4)", "torch.ones(2, 1, 3).expand(4, 5, 4)", '
         '"torch.nn.functional.logsigmoid.__name__",\n'
         '          "torch.arange(12).view(3, 4)[torch.tensor([1.0])]", "torch.arange(12).view(3, '
         '4)[torch.tensor([1.0]), 0]"]:\n'
         '    try: print(c, "->", eval(c))\n'
         '    except Exception as e: print(c, "!!", type(e).__name__, e)\n'
         "class Warm(torch.optim.lr_scheduler._LRScheduler):\n"
         "    def get_lr(self): return [b * min(1.0, (self.last_epoch + 1) / 3) for b in self.base_lrs]\n"
         "opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.3); s = Warm(opt)\n"
         "for _ in range(3): opt.step(); s.step()\n"
         "print(s.get_last_lr(), isinstance(s, torch.optim.lr_scheduler.LRScheduler))\n"),
    ],
    "layer_norm_bit_for_bit": [   # every transformer lesson: ATen's row moments and fused multiply-adds
        ("torch.manual_seed(0)\n"
         "x = torch.randn(4, 8)\n"
         "torch.nn.functional.layer_norm(x, (8,))[0, 1].item()"),
        ("torch.manual_seed(1)\n"
         "ln = torch.nn.LayerNorm(32)\n"
         "with torch.no_grad():\n"
         "    ln.weight.normal_()\n"
         "    ln.bias.normal_()\n"
         "x = torch.randn(2, 5, 32) * 3 + 1\n"
         "y = ln(x)\n"
         "[y[0, i, j].item() for i, j in ((0, 0), (1, 7), (4, 31))], y.sum().item()"),
        ("torch.manual_seed(2)\n"
         "for n in (3, 7, 17, 100, 300, 1025):\n"
         "    x = torch.randn(6, n)\n"
         "    print(n, torch.nn.functional.layer_norm(x, (n,)).abs().sum().item(), "
         "torch.nn.functional.layer_norm(x, (n,), torch.randn(n)).sum().item())"),
        ("torch.manual_seed(3)\n"
         "x = torch.randn(3, 4, 6, requires_grad=True)\n"
         "y = torch.nn.functional.layer_norm(x, (4, 6))\n"
         "y.grad_fn.name(), y[2, 3, 5].item()"),
    ],
    "assignment_into_a_whole_tensor": [   # Raschka's my_relu: z[:] = 0. on a non-leaf (FillBackward3)
        ("x = torch.ones(3, requires_grad=True)\n"
         'for c in ["x[:] = 0.", "x[...] = 1.", "x[0:3] = 1.", "x[:2] = 1."]:\n'
         '    try: exec(c); print(c, "ok")\n'
         "    except Exception as e: print(c, type(e).__name__, e)\n"
         "def show(stmt, shape=(3,)):\n"
         "    z = torch.ones(*shape, requires_grad=True) * 2\n"
         '    exec(stmt, {"z": z, "torch": torch})\n'
         "    z.sum().backward() if False else None\n"
         "    print(stmt, z.grad_fn, z)\n"
         'for s in ["z[:] = 0.", "z[:] = torch.tensor([1., 2., 3.])", "z[...] = 1", "z[0:3] = 1", '
         '"z[:2] = 1", "z[:] = torch.tensor(5.)", "z[0:100] = 2."]:\n'
         "    show(s)\n"
         'for s in ["z[:, :] = 1.", "z[:] = 1.", "z[:, 0:2] = 1.", "z[..., :] = 3.", '
         '"z[:] = torch.ones(2)"]:\n'
         "    show(s, (2, 2))\n"
         "y = torch.ones(3, requires_grad=True); z = y * 2; z[:] = torch.tensor([1., 2., 3.], "
         "requires_grad=True) * 3; z.sum().backward(); print(y.grad)\n"
         "y = torch.ones(3, requires_grad=True); z = y * 2; z[:] = 0.; z.sum().backward(); print(y.grad)\n"),
        ("y = torch.ones(3, requires_grad=True)\n"
         "z = y * 2\n"
         "z.copy_(torch.tensor([1., 2., 3.]))\n"
         "z.sum().backward()\n"
         "z.grad_fn.name(), y.grad"),
        ("y = torch.ones(3, requires_grad=True)\n"
         "s = torch.ones(3, requires_grad=True)\n"
         "z = y * 2\n"
         "z.copy_(s * 3)\n"
         "z.sum().backward()\n"
         "z.grad_fn.name(), y.grad, s.grad"),
        ("z = torch.zeros(3, dtype=torch.float64)\n"
         "s = torch.ones(3, requires_grad=True)\n"
         "z.copy_(s * 2)\n"
         "z.sum().backward()\n"
         "s.grad, s.grad.dtype, torch.zeros(2, 3).copy_(torch.tensor([1, 2, 3]))"),
        "torch.zeros(3).copy_(torch.ones(2))",
        ("v = torch.tensor(2., requires_grad=True)\n"
         "z = torch.ones(3) * 1\n"
         "z.fill_(v)\n"
         "z.sum().backward()\n"
         "v.grad, z.grad_fn.name(), torch.ones(2).fill_(torch.ones(2))"),
    ],
    "sign_and_view_bases": [
        ("x = torch.tensor([float('nan'), -0.0, 0.0, -2., 3., float('inf')])\n"
         "torch.sign(x), 1 / torch.sign(x)[1], x.sign_()"),
        ("w = torch.ones(3, 4)\n"
         "w[:]._base is w, w._base, w.view(12)[2:]._base is w, w.t()._base is w, w.detach()._base, "
         "w.clone()._base, w[[0]]._base, w.unsqueeze(0)._base is w, w.view(-1)._is_view(), w._is_view()"),
    ],
    "scatter_with_reduce": [   # counting lessons: scatter(..., reduce='add') accumulates repeated indices
        ("import warnings\n"
         "warnings.filterwarnings('ignore', 'The reduce argument of torch.scatter')\n"
         "x = torch.zeros(3, requires_grad=True)\n"
         "s = torch.tensor([1., 2.], requires_grad=True)\n"
         "y = x.scatter(0, torch.tensor([0, 0]), s, reduce='add')\n"
         "y, y.grad_fn.name()"),
        "y.sum().backward()",
        ("y = torch.ones(3, requires_grad=True).scatter(0, torch.tensor([0, 0]), 2., reduce='multiply')\n"
         "y, torch.ones(3).scatter(0, torch.tensor([0, 0]), torch.tensor([2., 3.]), reduce='multiply')"),
        "torch.ones(3).scatter(0, torch.tensor([0]), torch.tensor([2.]), reduce='max')",
        ("t = torch.ones(3)\n"
         "t.scatter_(0, torch.tensor([1, 1]), torch.tensor([2., 3.]), reduce='add')\n"
         "t"),
        ("t = torch.ones(2, 3)\n"
         "t.scatter_(1, torch.tensor([[0, 0], [2, 1]]), 5., reduce='multiply')\n"
         "t"),
        ("torch.scatter(torch.zeros(2, 2), 0, torch.tensor([[1, 1]]), torch.tensor([[7., 8.]]), "
         "reduce='add')"),
    ],
    "matmul_of_batches_as_pytorch_dispatches_it": [   # Karpathy's "mathematical trick in self-attention"
        ("torch.manual_seed(1337)\n"
         "B, T, C = 4, 8, 2\n"
         "x = torch.randn(B, T, C)\n"
         "xbow = torch.zeros((B, T, C))\n"
         "for b in range(B):\n"
         "    for t in range(T):\n"
         "        xprev = x[b, :t + 1]\n"
         "        xbow[b, t] = torch.mean(xprev, 0)\n"
         "wei = torch.tril(torch.ones(T, T))\n"
         "wei = wei / wei.sum(1, keepdim=True)\n"
         "xbow2 = wei @ x\n"
         "tril = torch.tril(torch.ones(T, T))\n"
         "wei3 = torch.zeros((T, T)).masked_fill(tril == 0, float('-inf'))\n"
         "wei3 = torch.nn.functional.softmax(wei3, dim=-1)\n"
         "xbow3 = wei3 @ x\n"
         "torch.allclose(xbow, xbow2), torch.allclose(xbow, xbow3), xbow2[1, 5, 1].item(), xbow3[3, "
         "7, 0].item()"),
        ("def names(fn, out):\n"
         "    if fn is not None:\n"
         "        out.append(type(fn).__name__)\n"
         "        for f, _ in fn.next_functions:\n"
         "            names(f, out)\n"
         "    return out\n"
         "w = torch.randn(3, 4, requires_grad=True)\n"
         "b = torch.randn(2, 4, 5, requires_grad=True)\n"
         "r = w @ b\n"
         "r.sum().backward()\n"
         "names(r.grad_fn, []), w.grad, b.grad.sum()"),
        "names((w @ b.detach()).grad_fn, []), names((w.detach() @ b).grad_fn, [])",
        ("v = torch.randn(4, requires_grad=True)\n"
         "names((v @ b).grad_fn, []), names((b.mT @ v).grad_fn, []), (v @ b).shape"),
        ("names((torch.randn(4, 3, 4, requires_grad=True) @ b).grad_fn, []), (torch.randn(2, 1, 3, "
         "4) @ b).shape"),
        ("torch.manual_seed(0)\n"
         "a = torch.randn(3, 7, 7, requires_grad=True)\n"
         "c = torch.randn(3, 7, 7, requires_grad=True)\n"
         "r = torch.bmm(a, c)\n"
         "(r * torch.randn(r.shape)).sum().backward()\n"
         "r.sum().item(), a.grad.sum().item(), c.grad.sum().item()"),
    ],
    "constants_and_ranges": [   # torch.pi in a cosine schedule, -torch.inf masks, torch.tensor(range(n))
        "torch.pi, torch.e, torch.inf, torch.nan, torch.cos(torch.tensor(0.25) * torch.pi)",
        "torch.tensor([1., 2.]).masked_fill(torch.tensor([True, False]), -torch.inf)",
        ("torch.tensor(range(4)), torch.Tensor(range(3)), torch.LongTensor(range(3)), "
         "torch.tensor([range(2), range(2)])"),
        "torch.tensor(range(0)), torch.tensor(range(3), dtype=torch.float32), torch.as_tensor(range(3))",
        "torch.tensor([range(2), [1]])",
    ],
    "integer_clamp_and_moments": [   # bincount(idx).clamp(min=1) in GNN lessons
        ("torch.tensor([1, 5, 9]).clamp(min=3), torch.clamp(torch.tensor([1, 5, 9]), 0, 5), "
         "torch.tensor([1, 5]).clip(0, 2)"),
        "torch.tensor([1, 5, 9]).clamp(max=4.5), torch.bincount(torch.tensor([0, 0, 2])).clamp(min=1)",
        ("t = torch.tensor([1, 5, 9])\n"
         "t.clamp_(2, 6)\n"
         "t"),
        "torch.tensor([1, 2]).std()",
        "torch.tensor([1, 2]).var(0)",
        "torch.std_mean(torch.tensor([1, 2]))",
        "torch.var_mean(torch.tensor([True]))",
        "torch.tensor([1., 2.]).std(), torch.tensor([1., 2.]).var(unbiased=False)",
    ],
    "bool_subtraction_and_negation": [   # Tensor Puzzles: masks combined with - instead of ^
        ("a = torch.tensor([True, False])\n"
         "b = torch.tensor([True, True])\n"
         "a - b"),
        "torch.sub(a, b)",
        "-a",
        "torch.neg(a)",
        "a - 1",
        "1 - a",
        "a - True",
        "a.clone().sub_(b)",
        "torch.rsub(a, b)",
        "a ^ b, ~a, a + b",
    ],
    "devices_named_but_absent": [   # d2l's GPU chapter on a CPU machine: try_gpu() prints a device
        ("d = torch.device('cuda:0')\n"
         "print(d, repr(d), d.type, d.index, torch.device('cuda', 1))"),
        ("torch.device('cpu:0'), torch.device('cpu') == torch.device('cpu:0'), "
         "torch.device('cuda') == torch.device('cuda')"),
        ("{torch.device('cuda:0'): 1}, torch.device(torch.device('cuda:2')), "
         "torch.ones(1).device == torch.device('cuda')"),
        "torch.device('gpu')",
        "torch.device('cuda:x')",
        "torch.device('cuda', -1)",
        "torch.zeros(2, device=torch.device('cuda'))",
        "torch.zeros(2).to(torch.device('cuda:0'))",
        "torch.nn.Linear(2, 2).to(torch.device('cuda'))",
        ("with torch.device('cpu'):\n"
         "    x = torch.ones(1)\n"
         "x.device"),
        ("with torch.device('cuda'):\n"
         "    x = torch.ones(1)"),
    ],
    "loss_shape_mistakes": [   # criterion(output, target) with (N,) against (M,)
        ("import warnings\n"
         "warnings.simplefilter('ignore')\n"
         "F = torch.nn.functional\n"
         "a, b = torch.randn(4), torch.randn(5)"),
        "torch.nn.MSELoss()(a, b)",
        "F.smooth_l1_loss(a, b)",
        "F.huber_loss(a, b)",
        "F.l1_loss(a, b)",
        "torch.nn.Embedding(5, 2)(torch.tensor([1.0, 2.0]))",
        "torch.nn.Embedding(5, 2)(torch.tensor([1.0, 2.0], dtype=torch.float64))",
    ],
    "einsum_of_three_or_more_operands": [   # the einsum docs' bilinear form 'bn,anm,bm->ba'
        ("torch.manual_seed(0)\n"
         "a, b, c = torch.randn(2, 3, requires_grad=True), torch.randn(4, 3, 5, "
         "requires_grad=True), torch.randn(2, 5, requires_grad=True)\n"
         "r = torch.einsum('bn,anm,bm->ba', a, b, c)\n"
         "r.sum().backward()\n"
         "r, r.grad_fn.name(), a.grad, b.grad.sum(), c.grad"),
        ("x, y, z = torch.randn(3, 4), torch.randn(4, 5), torch.randn(5, 2)\n"
         "torch.einsum('ij,jk,kl->il', x, y, z), torch.einsum('ij,jk,kl', x, y, z).shape"),
        "torch.einsum('i,i,i->', torch.arange(3.), torch.arange(3.), torch.arange(3.))",
        "torch.einsum('bi,bj,bk->bijk', torch.ones(2, 2), torch.ones(2, 3), torch.ones(2, 1)).shape",
        "torch.einsum('...i,...i,...i->...', torch.ones(2, 3), torch.ones(2, 3), torch.ones(3))",
        ("torch.einsum('ij,jk,kl,lm->im', torch.ones(2,3), torch.ones(3,4), torch.ones(4,5), "
         "torch.ones(5,6)).sum()"),
        "torch.einsum('ij,jk,kl->il', torch.ones(2, 3), torch.ones(4, 4), torch.ones(4, 2))",
        "torch.einsum('ij,jk->ik', torch.ones(2, 3), torch.ones(3, 4), torch.ones(4, 2))",
    ],
    "numpy_of_a_grad_tensor_under_no_grad": [   # plotting code: x.numpy() inside no_grad works in PyTorch
        ("import numpy as np\n"
         "w = torch.nn.Parameter(torch.ones(2))\n"
         "with torch.no_grad():\n"
         "    print(np.asarray(w), w.numpy().sum())"),
        ("with torch.inference_mode():\n"
         "    print(w.numpy())"),
        "w.numpy()",
        "np.asarray(w)",
        ("class Twice(torch.autograd.Function):\n"
         "    @staticmethod\n"
         "    def forward(ctx, x):\n"
         "        return torch.tensor(x.numpy() * 2)\n"
         "    @staticmethod\n"
         "    def backward(ctx, g):\n"
         "        return g * 2\n"
         "x = torch.ones(2, requires_grad=True)\n"
         "y = Twice.apply(x)\n"
         "y.sum().backward()\n"
         "y, x.grad"),
    ],
    "a_number_where_a_tensor_is_expected": [   # torch.exp(1.1): PyTorch's argument parser, not an error inside
        "torch.exp(1.1)",
        "torch.sigmoid(2)",
        "torch.sin([1., 2.])",
        "torch.sum([1, 2])",
        "torch.mean(1.)",
        ("import numpy as np\n"
         "torch.exp(np.array([1., 2.]))"),
        "torch.tanh(input=0.5)",
        "torch.cos(None)",
        "torch.matmul([1.], [2.])",
        "torch.softmax([1., 2.], 0)",
        "torch.maximum(1., torch.tensor(2.))",
        "torch.exp(torch.tensor(1.)), torch.sum(torch.ones(2)), torch.softmax(torch.ones(2), 0)",
    ],
    "hardswish_at_its_kinks": [   # an activation gallery over linspace(-3, 3, 7) hits x = -3 and x = 3
        ("x = torch.tensor([-3.0, 3.0, -4.0, 0.0, -2.5, 2.5], requires_grad=True)\n"
         "torch.nn.functional.hardswish(x).sum().backward()\n"
         "x.grad"),
        ("x = torch.linspace(-3, 3, 7, requires_grad=True)\n"
         "torch.nn.Hardswish()(x).sum().backward()\n"
         "x.grad"),
    ],
    "mse_loss_of_a_float_input_and_an_integer_target": [   # targets built from integer lists
        ("F = torch.nn.functional\n"
         "x = torch.ones(2, requires_grad=True)\n"
         "l = F.mse_loss(x, torch.tensor([1, 2]))\n"
         "l"),
        ("l.backward()\n"
         "x.grad, x.grad.dtype"),
        "F.mse_loss(torch.tensor([1, 2]), torch.ones(2), reduction='none')",
        "F.mse_loss(torch.ones(2), torch.ones(2, dtype=torch.float64)).dtype",
        "F.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3]))",
        "F.mse_loss(torch.tensor([True]), torch.tensor([False]))",
        "torch.nn.MSELoss()(torch.ones(3, 1), torch.tensor([[1], [2], [3]]))",
    ],
    "utils_data_submodules": [   # from torch.utils.data.dataset import random_split (the text tutorial)
        ("from torch.utils.data.dataset import random_split, TensorDataset, Dataset, Subset\n"
         "from torch.utils.data.sampler import SubsetRandomSampler, RandomSampler, BatchSampler\n"
         "from torch.utils.data.dataloader import default_collate, DataLoader\n"
         "import torch.utils.data.sampler as S\n"
         "S.SequentialSampler, TensorDataset, DataLoader"),
        ("torch.manual_seed(0)\n"
         "ds = TensorDataset(torch.arange(10.))\n"
         "a, b = random_split(ds, [7, 3])\n"
         "list(SubsetRandomSampler(list(range(5)))), len(a), [x for x in DataLoader(b, batch_size=2)]"),
        "default_collate([torch.ones(2), torch.zeros(2)]), torch.utils.data.dataset.ConcatDataset",
    ],
    "embedding_bag_from_pretrained": [
        ("bag = torch.nn.EmbeddingBag.from_pretrained(torch.arange(6.).view(3, 2), mode='max')\n"
         "bag, bag(torch.tensor([[0, 2]])), bag.weight.requires_grad"),
        ("bag = torch.nn.EmbeddingBag.from_pretrained(torch.arange(6.).view(3, 2), freeze=False)\n"
         "out = bag(torch.tensor([0, 1, 2]), torch.tensor([0, 2]))\n"
         "out.sum().backward()\n"
         "out, bag.weight.grad"),
        "torch.nn.EmbeddingBag.from_pretrained(torch.ones(3))",
    ],
    "inverse_hyperbolic_and_erfc_erfinv": [   # the math chapter's remaining elementwise functions
        ("torch.manual_seed(0)\n"
         "x = (torch.rand(6) * 5 + 1).requires_grad_()\n"
         "y = torch.acosh(x)\n"
         "y.sum().backward()\n"
         "y, y.grad_fn.name(), x.grad"),
        ("x = torch.linspace(-4, 4, 7, requires_grad=True)\n"
         "y = x.asinh()\n"
         "y.sum().backward()\n"
         "y, y.grad_fn.name(), x.grad"),
        ("x = torch.linspace(-0.9, 0.9, 7, dtype=torch.float64, requires_grad=True)\n"
         "y = torch.arctanh(x)\n"
         "y.sum().backward()\n"
         "y, y.grad_fn.name(), x.grad"),
        ("x = torch.linspace(-3, 3, 7, requires_grad=True)\n"
         "y = torch.erfc(x)\n"
         "y.sum().backward()\n"
         "y, y.grad_fn.name(), x.grad"),
        ("x = torch.linspace(-0.95, 0.95, 7, requires_grad=True)\n"
         "y = torch.erfinv(x)\n"
         "y.sum().backward()\n"
         "y, y.grad_fn.name(), x.grad"),
        ("torch.acosh(torch.tensor([0.5, 1., float('inf')])), torch.atanh(torch.tensor([-1., 1., "
         "2.])), torch.erfinv(torch.tensor([-1., 1., 1.5]))"),
        ("torch.asinh(torch.tensor([1, 2, 3])), torch.erfc(torch.tensor([0, 1])), "
         "torch.arccosh(torch.tensor([2.], dtype=torch.float64))"),
        ("a = torch.tensor([0.3, 0.6])\n"
         "a.arcsin_(), a.atanh_(), a.erfinv_(), torch.tensor([2.]).arccosh_(), torch.tensor([1.]).asinh_()"),
        ("x = torch.tensor([0.5, 1.5], requires_grad=True)\n"
         "g, = torch.autograd.grad(torch.asinh(x).sum(), x, create_graph=True)\n"
         "g2, = torch.autograd.grad(g.sum(), x)\n"
         "g, g2"),
        ("torch.manual_seed(2)\n"
         "v = torch.rand(1000) * 1.98 - 0.99\n"
         "[f(v).sum().item() for f in (torch.asinh, torch.atanh, torch.erfc, torch.erfinv)]"),
        ("w = torch.rand(1000, dtype=torch.float64) * 10 + 1\n"
         "[f(w).sum().item() for f in (torch.acosh, torch.asinh, torch.erfc)]"),
    ],
    "torch_forms_of_functional_ops": [   # torch.cosine_similarity (word vectors), torch.dropout ...
        ("a = torch.tensor([[1., 2., 3.], [0., 1., 0.]], requires_grad=True)\n"
         "b = torch.tensor([[1., 0., 1.], [2., 1., 2.]])\n"
         "s = torch.cosine_similarity(a, b)\n"
         "s.sum().backward()\n"
         "s, s.grad_fn.name(), a.grad"),
        ("torch.cosine_similarity(a, b, dim=0), torch.pairwise_distance(a, b), "
         "torch.pairwise_distance(a, b, p=1.0, keepdim=True)"),
        ("torch.manual_seed(0)\n"
         "d = torch.dropout(torch.ones(8), 0.5, True)\n"
         "d, torch.dropout(torch.ones(3), 0.5, False)"),
        "torch.dropout(torch.ones(3), 1.5, True)",
        "torch.dropout(torch.ones(3), p=0.2, train=False)",
        ("torch.manual_seed(1)\n"
         "t = torch.ones(6)\n"
         "torch.dropout_(t, 0.5, True)\n"
         "t"),
        ("torch.manual_seed(0)\n"
         "w = torch.randn(4, 3, 2)\n"
         "x1, x2 = torch.randn(5, 3), torch.randn(5, 2)\n"
         "torch.bilinear(x1, x2, w).shape, torch.allclose(torch.bilinear(x1, x2, w), "
         "torch.nn.functional.bilinear(x1, x2, w))"),
        ("x = torch.arange(12.).reshape(1, 2, 6)\n"
         "torch.avg_pool1d(x, 2), torch.adaptive_avg_pool1d(x, 3), torch.rms_norm(x, (6,), eps=1e-6)"),
    ],
    "random_module": [   # torch.random: seeding, state, and draws inside fork_rng that leave the stream alone
        ("torch.random.manual_seed(3)\n"
         "torch.randn(2)"),
        ("s = torch.random.get_rng_state()\n"
         "a = torch.rand(3)\n"
         "torch.random.set_rng_state(s)\n"
         "b = torch.rand(3)\n"
         "bool((a == b).all()), torch.random.initial_seed()"),
        ("with torch.random.fork_rng():\n"
         "    inside = torch.randn(2)\n"
         "after = torch.randn(2)\n"
         "torch.manual_seed(3)\n"
         "fresh = torch.randn(2)\n"
         "inside, after"),
        ("with torch.random.fork_rng(enabled=False):\n"
         "    x = torch.randn(1)\n"
         "torch.randn(1)"),
        ("torch.default_generator.manual_seed(5)\n"
         "torch.rand(2), torch.default_generator.initial_seed()"),
        "torch.default_generator.get_state().shape, torch.random.default_generator.device",
    ],
    "testing_assert_close": [   # checking a hand-written gradient against autograd's
        "import numpy as np",
        "torch.testing.assert_close(torch.tensor([1., 2., 3.]), torch.tensor([1., 2., 3.]))",
        "torch.testing.assert_close(torch.tensor([1., 2., 3.]), torch.tensor([1., 2.1, 3.]))",
        "torch.testing.assert_close(torch.tensor([1., 2., 3.]), torch.tensor([1., 2.1, 3.5]))",
        ("torch.testing.assert_close(torch.tensor([[1., 2.], [3., 4.]]), torch.tensor([[1., 2.], "
         "[3., 4.0001]]))"),
        "torch.testing.assert_close(torch.tensor(1.), torch.tensor(1.1))",
        "torch.testing.assert_close(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 4]))",
        "torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.], dtype=torch.float64))",
        ("torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.1], "
         "dtype=torch.float64), check_dtype=False)"),
        "torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2., 3.]))",
        "torch.testing.assert_close(torch.tensor([1., 2.]), [1., 2.])",
        "torch.testing.assert_close(torch.tensor(1.), 1.)",
        "torch.testing.assert_close(1, 1.)",
        "torch.testing.assert_close(1., 1.1)",
        "torch.testing.assert_close(1., 1.00000001)",
        ("torch.testing.assert_close([torch.tensor(1.), torch.tensor(2.)], [torch.tensor(1.), "
         "torch.tensor(2.5)])"),
        ("torch.testing.assert_close({'a': torch.tensor(1.), 'b': torch.tensor([2., 3.])}, "
         "{'a': torch.tensor(1.), 'b': torch.tensor([2., 4.])})"),
        "torch.testing.assert_close({'a': 1}, {'b': 1})",
        "torch.testing.assert_close([1, 2], [1, 2, 3])",
        "torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.5]), rtol=0, atol=0)",
        "torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.5]), rtol=1e-3)",
        "torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.5]), msg='Footer')",
        ("torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.5]), "
         "msg=lambda m: m + '\\nFooter')"),
        "torch.testing.assert_close(torch.tensor([float('nan')]), torch.tensor([float('nan')]))",
        ("torch.testing.assert_close(torch.tensor([float('nan')]), torch.tensor([float('nan')]), "
         "equal_nan=True)"),
        "torch.testing.assert_close(torch.tensor([0., 1.]), torch.tensor([1e-3, 1.]))",
        "torch.testing.assert_close(np.array([1., 2.]), np.array([1., 2.2]))",
        "torch.testing.assert_close(None, None)",
        "torch.testing.assert_close(None, 1)",
        "torch.testing.assert_close(True, False)",
        "torch.testing.assert_close(torch.tensor([True, False]), torch.tensor([True, True]))",
        "torch.testing.assert_close(torch.ones(2, requires_grad=True) * 2, torch.tensor([2., 2.0001]))",
        "torch.testing.assert_close(torch.nn.Parameter(torch.ones(2)), torch.ones(2))",
        "torch.testing.assert_close(torch.tensor([1., float('inf')]), torch.tensor([1., float('inf')]))",
        "torch.testing.assert_close(torch.tensor([1., float('inf')]), torch.tensor([1., 5.]))",
        "torch.testing.assert_allclose(torch.tensor([1., 2.]), torch.tensor([1., 2.0001]))",
        "torch.testing.assert_allclose(torch.tensor([1., 2.]), [1., 2.1])",
        "torch.testing.assert_close(torch.tensor([1., 2.]), torch.tensor([1., 2.]), rtol=1e-3, atol=None)",
        "torch.testing.assert_close(np.float32(1.0), 1.0)",
        "torch.testing.assert_close(torch.zeros(2, 3), torch.zeros(3, 2))",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
