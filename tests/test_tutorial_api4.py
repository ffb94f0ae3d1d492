"""From the fourth probe of tutorials (/work/notes/probe_report4.md, items 1-14 and 16): numpy's argument names
(d2l's ``torch.cat(xs, axis=1)``), ``diagonal()`` as a view, ``set_default_dtype(torch.float64)``, addmm's beta and
alpha with addmv/addr/addbmm, the torch.nn.modules and torch.nn.parameter paths with the global module hooks,
inference tensors and decorated generators, setup-cell settings (torch.version, threads, determinism, backends,
sdpa_kernel), default_collate, beginner error messages, take/put, nanmedian, cholesky_solve/triangular_solve,
torch.nn.utils.fusion, torch.special, and random fills of transposed weights. Each case is a notebook cell run on
PyTorch and on the engine (helpers.assert_same_as_pytorch: output, error type and message, warnings); a cell that
changes global state (the default dtype, determinism) puts it back, in a finally block where a failure could skip
it."""
import pytest

from helpers import assert_same_as_pytorch

TRY = ("    try: exec(c) if '=' in c.split('(')[0] or c.startswith('del ') else print(c, '->', eval(c))\n"
       "    except Exception as e: print(c, '!!', type(e).__name__, e)\n")

CELLS = {
    "advanced_indexing_is_contiguous_and_view_dtype_strides": [   # a tensor views/strides recipe
        ("x = torch.arange(24.).view(2, 3, 4)\n"
         "for e in ['x[:, [0, 2]]', 'x[[0, 1], :, [1, 2]]', 'x[..., [0, 3]]', 'x[:, [[0], [2]], 1:3]', 'x[x > 5]',\n"
         "          'x[:, torch.tensor([True, False, True])]', 'x[torch.tensor([1, 0])]']:\n"
         "    t = eval(e)\n    print(e, tuple(t.shape), t.stride(), t.is_contiguous())\n"
         "w = torch.arange(12.).view(3, 4).requires_grad_()\nprint(w[:, [1, 3]].stride(), w[..., [0]].is_contiguous())\n"
         "f = torch.arange(8.)\n"
         "try:\n    f[::2].view(torch.int16)\nexcept RuntimeError as e:\n    print(e)\n"
         "g = f[::2].view(torch.int32)\nprint(g.shape, g.stride(), f.view(torch.int16).shape)\n"
         "g[0] = 7\nprint(f[0] != 0)\n"),
    ],
    "from_numpy_negative_strides_and_read_only_arrays": [   # a numpy cheat sheet: flipped and read-only arrays
        ("import numpy as np\n"
         "a = np.arange(6.0).reshape(2, 3)\n"
         "try:\n    torch.from_numpy(a[:, ::-1])\nexcept ValueError as e:\n    print('ValueError', e)\n"
         "print(torch.from_numpy(a[:, ::-1].copy()), torch.from_numpy(a[::2]).shape)\n"
         "b = np.arange(3.0)\nb.flags.writeable = False\n"
         "print(torch.from_numpy(b), torch.from_numpy(b))\n"),
    ],
    "numpy_argument_names": [   # d2l writes torch.cat(..., axis=1), torch.stack(..., axis=-1) for all frameworks
        ("x = torch.arange(6.).view(2, 3)\n"
         'for c in ["torch.cat([x, x], axis=1)", "torch.stack((x[:, 0], x[:, 1]), axis=-1)", '
         '"torch.concat([x, x], axis=1).shape",\n'
         '          "torch.cumsum(x, axis=1)", "x.cumprod(axis=1)", "torch.softmax(x, axis=1)", '
         '"x.log_softmax(axis=0)",\n'
         '          "x.argsort(axis=1, descending=True)", "torch.sort(x, axis=0, descending=True).values", '
         '"x.topk(2, axis=1).indices",\n'
         '          "x.gather(axis=1, index=torch.tensor([[0], [2]]))", "x[:1].squeeze(axis=0)", '
         '"torch.unsqueeze(x, axis=0).shape",\n'
         '          "x.chunk(3, axis=1)[0]", "x.unbind(axis=1)", "x.logsumexp(axis=1, keepdims=True)", '
         '"x.median(axis=1).values",\n'
         '          "torch.nansum(x, axis=1, keepdims=True)", "x.cummax(axis=1).values", "x.count_nonzero(axis=0)", '
         '"x.size(axis=1)",\n'
         '          "torch.var_mean(x, axis=1)", "x.quantile(0.5, axis=1)", "x.diff(axis=0)", '
         '"torch.unflatten(x, axis=1, sizes=(3, 1)).shape",\n'
         '          "x.repeat_interleave(2, axis=0).shape", "torch.index_select(x, axis=1, index=torch.tensor([0]))",\n'
         '          "x.sum(axis=0, keepdims=True)", "x.split(1, axis=0)", "torch.nn.functional.softmax(x, axis=0)",\n'
         '          "x.unflatten(axis=1, sizes=(3, 1))", "x.norm(axis=0)"]:\n' + TRY),
    ],
    "diagonal_is_a_view": [   # ridge regression and GP noise: A.diagonal().add_(lam) must write into A
        r'''a = torch.zeros(3, 4)
a.diagonal().fill_(1); a.diagonal(1).add_(5); a.diagonal(-1).mul_(0).add_(-2)
print(a)
x = torch.arange(24.).view(2, 3, 4)
d = x.diagonal(dim1=1, dim2=2)
print(d, d.stride(), d.storage_offset(), d.is_contiguous(), d._base is x, x.diagonal(offset=-1, dim1=2, dim2=1).stride())
K = torch.ones(3, 3)
torch.diagonal(K).add_(0.5)
print(K)
w = torch.ones(3, 3, requires_grad=True)
y = w * 2
y.diagonal().zero_()
y.sum().backward()
print(y, y.grad_fn, w.grad)
w2 = torch.ones(2, 2, requires_grad=True)
try:
    w2.diagonal().zero_()
except RuntimeError as e:
    print(e)
z = torch.eye(3, requires_grad=True).clone()
dd = z.diagonal()
print(dd.grad_fn, dd.sum().grad_fn)
with torch.no_grad():
    e = torch.ones(2, 3).expand(4, 2, 3)
print(torch.ones(2, 3).diagonal().is_contiguous(), torch.ones(1, 5).diagonal().stride())''',
    ],
    "addmm_beta_alpha_addmv_addr_addbmm": [   # Dive-into-DL's linear algebra list, old RNN code's addmm(b, x, W)
        r'''torch.manual_seed(0)
A = torch.arange(9.).view(3, 3)
print(torch.addmm(torch.ones(3, 3), A, A, beta=0.5, alpha=2), torch.addmv(torch.ones(3), A, torch.ones(3)))
print(torch.addmm(torch.zeros(2), torch.ones(2, 3), torch.ones(3, 2), beta=0.5), torch.addmv(torch.tensor(1.), torch.ones(2, 3), torch.ones(3), alpha=3))
print(torch.addr(torch.zeros(2, 3), torch.tensor([1., 2.]), torch.tensor([1., 0., -1.]), beta=0, alpha=2), torch.ones(3).addmv_(torch.ones(3, 2), torch.ones(2), alpha=3))
print(torch.addbmm(torch.zeros(2, 2), torch.ones(3, 2, 4), torch.ones(3, 4, 2), beta=0, alpha=0.5), torch.ones(2, 2).addmm_(torch.ones(2, 1), torch.ones(1, 2), beta=2))
c = torch.randn(3, requires_grad=True); M = torch.randn(3, 4, requires_grad=True); v = torch.randn(4, requires_grad=True)
y = torch.addmv(c, M, v, beta=0.5, alpha=2)
y.sum().backward()
print(y.grad_fn, c.grad, M.grad, v.grad)
B = torch.randn(2, 3, 4, requires_grad=True); C = torch.randn(2, 4, 3, requires_grad=True); I = torch.randn(1, 3, requires_grad=True)
z = torch.addbmm(I, B, C, alpha=-1.5, beta=3)
(z * torch.arange(9.).view(3, 3)).sum().backward()
print(z.grad_fn, I.grad, B.grad.sum(), C.grad[1])
u = torch.randn(2, requires_grad=True); w = torch.randn(3, requires_grad=True)
r = torch.addr(torch.ones(2, 3), u, w, alpha=2)
r.pow(2).sum().backward()
print(r.grad_fn, u.grad, w.grad)
X = torch.randn(2, 3, requires_grad=True); W = torch.randn(3, 2, requires_grad=True); b = torch.randn(2, requires_grad=True)
o = torch.addmm(b, X, W, beta=0.1, alpha=0.9)
o.sum().backward()
print(o.grad_fn, b.grad, W.grad, X.grad)
for c in ["torch.addmv(torch.zeros(3), torch.ones(3, 4), torch.ones(5))", "torch.addmv(torch.zeros(2), torch.ones(3, 4), torch.ones(4))",
          "torch.addr(torch.zeros(3, 4), torch.ones(3, 1), torch.ones(4))", "torch.addbmm(torch.zeros(3, 3), torch.ones(2, 3, 4), torch.ones(3, 4, 3))",
          "torch.addbmm(torch.zeros(3, 3), torch.ones(2, 3, 4), torch.ones(2, 5, 3))", "torch.addmv(torch.zeros(3), torch.ones(3, 4), torch.ones(4, 1))",
          "torch.addmm(torch.zeros(3), torch.ones(2, 3), torch.ones(3, 2), alpha=2)"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)''',
    ],
    "torch_nn_modules_and_parameter_paths": [   # custom losses on _Loss, BN freezing by _BatchNorm, _pair in layers
        r'''import torch.nn as nn
from torch.nn.parameter import Parameter
from torch.nn.modules.loss import _Loss, _WeightedLoss
from torch.nn.modules.batchnorm import _BatchNorm
from torch.nn.modules.conv import _ConvNd
from torch.nn.modules.utils import _pair, _single, _triple, _quadruple, _reverse_repeat_tuple, consume_prefix_in_state_dict_if_present
from torch.nn.modules.module import register_module_forward_hook, register_module_forward_pre_hook, register_module_full_backward_hook
import torch.nn.modules.activation
print(Parameter, nn.parameter.Parameter is nn.Parameter, nn.parameter.UninitializedParameter, nn.modules.Linear, nn.modules.linear.Linear)
print(_pair(3), _pair((1, 2)), _single(4), _triple([1, 2, 3]), _quadruple(0), _reverse_repeat_tuple((1, 2), 2), _pair.__name__)
print([isinstance(m, _BatchNorm) for m in (nn.BatchNorm1d(2), nn.BatchNorm2d(2), nn.InstanceNorm2d(2), nn.LayerNorm(2))])
print(isinstance(nn.Conv2d(1, 1, 1), _ConvNd), issubclass(nn.CrossEntropyLoss, _WeightedLoss), issubclass(nn.MSELoss, _Loss), issubclass(nn.MSELoss, _WeightedLoss))
print(torch.nn.modules.activation.ReLU, nn.modules.module.Module is nn.Module, nn.modules.sparse.Embedding, nn.modules.rnn.LSTM)
class FocalLoss(_Loss):
    def __init__(self, gamma=2.0, reduction='mean'):
        super().__init__(reduction=reduction)
        self.gamma = gamma
    def forward(self, input, target):
        logp = nn.functional.log_softmax(input, -1).gather(1, target[:, None]).squeeze(1)
        loss = -(1 - logp.exp()) ** self.gamma * logp
        return loss.mean() if self.reduction == 'mean' else loss
torch.manual_seed(0)
fl = FocalLoss()
print(fl, fl.reduction, fl(torch.randn(4, 3), torch.tensor([0, 1, 2, 1])))
sd = {'module.fc.weight': torch.ones(1), 'module.fc.bias': torch.zeros(1), 'other': torch.ones(1)}
consume_prefix_in_state_dict_if_present(sd, 'module.')
print(list(sd))
print([type(m) for m in (nn.BatchNorm1d(2), nn.LSTM(1, 1), nn.MaxPool2d(2), nn.Dropout2d(), nn.ZeroPad2d(1), nn.GRUCell(1, 1), nn.AdaptiveMaxPool2d(1))])''',
    ],
    "global_module_hooks": [   # torch.nn.modules.module.register_module_forward_hook and the backward ones
        r'''from torch.nn.modules.module import register_module_forward_hook, register_module_forward_pre_hook, register_module_full_backward_hook, register_module_full_backward_pre_hook
import torch.nn as nn
calls = []
g1 = register_module_forward_hook(lambda m, i, o: calls.append(type(m).__name__))
g2 = register_module_forward_pre_hook(lambda m, i: calls.append("pre " + type(m).__name__))
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
net(torch.ones(1, 2))
print(calls)
g1.remove(); g2.remove()
calls.clear()
net(torch.ones(1, 2))
print(calls)
b = []
gb = register_module_full_backward_hook(lambda m, gi, go: b.append((type(m).__name__, [None if g is None else tuple(g.shape) for g in gi], [tuple(g.shape) for g in go])))
gp = register_module_full_backward_pre_hook(lambda m, go: b.append(("pre", type(m).__name__)))
net[0].register_full_backward_hook(lambda m, gi, go: b.append("own"))
net(torch.ones(1, 2, requires_grad=True)).sum().backward()
print(b)
gb.remove(); gp.remove()
b.clear()
net(torch.ones(1, 2, requires_grad=True)).sum().backward()
print(b)''',
    ],
    "settings_versions_and_backends": [   # setup cells: versions, determinism, threads, backends, sdpa_kernel
        r'''import random
print(torch.use_deterministic_algorithms(True), torch.are_deterministic_algorithms_enabled(), torch.get_deterministic_debug_mode())
torch.use_deterministic_algorithms(True, warn_only=True)
print(torch.is_deterministic_algorithms_warn_only_enabled(), torch.get_deterministic_debug_mode())
torch.use_deterministic_algorithms(False)
print(torch.are_deterministic_algorithms_enabled(), torch.get_deterministic_debug_mode())
for c in ['torch.set_deterministic_debug_mode("error")', 'torch.get_deterministic_debug_mode()', 'torch.are_deterministic_algorithms_enabled()',
          'torch.set_deterministic_debug_mode("warn")', 'torch.is_deterministic_algorithms_warn_only_enabled()', 'torch.set_deterministic_debug_mode("bad")',
          'torch.set_deterministic_debug_mode(3)', 'torch.set_deterministic_debug_mode(1.5)', 'torch.set_deterministic_debug_mode(0)',
          'torch.are_deterministic_algorithms_enabled()', 'torch.get_num_interop_threads() >= 1', 'torch.set_num_interop_threads(0)',
          'torch.set_num_interop_threads(2.0)', 'torch.backends.cuda.matmul.allow_tf32', 'torch.set_float32_matmul_precision("high")', 'torch.backends.cuda.matmul.allow_tf32', 'torch.set_float32_matmul_precision("highest")', 'torch.backends.cudnn.allow_tf32', 'torch.backends.mkldnn.is_available()',
          'torch.backends.cuda.is_built()', 'torch.backends.cudnn.version()', 'torch.backends.mkl.is_available()', 'torch.version.cuda', 'torch.version.hip',
          'torch.version.debug', 'type(torch.__version__)', 'torch.__version__ >= "2.1"', 'torch.__version__ < "2.9"', 'torch.__version__ >= (2, 13)',
          'torch.__version__ > (2, 13, 0)', 'torch.__version__ == "2.13.0"', 'torch.__version__.split("+")[0]', 'torch._dynamo.reset()',
          'torch._dynamo.config.suppress_errors', 'torch.backends.cuda.flash_sdp_enabled()']:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel
torch.manual_seed(1)
q, k, v = torch.randn(2, 3, 5, 4), torch.randn(2, 3, 5, 4), torch.randn(2, 3, 5, 4)
with sdpa_kernel(SDPBackend.MATH):
    o = F.scaled_dot_product_attention(q, k, v)
with sdpa_kernel([SDPBackend.FLASH_ATTENTION, SDPBackend.MATH]):
    o2 = F.scaled_dot_product_attention(q, k, v)
print(torch.equal(o, o2), repr(SDPBackend.MATH), SDPBackend.FLASH_ATTENTION, SDPBackend.MATH.value, type(SDPBackend.MATH))
try:
    with sdpa_kernel("math"):
        pass
except AssertionError as e:
    print(e)
m2 = torch.rand(5, 5) > 0.3
a = F.scaled_dot_product_attention(q, k, v, attn_mask=m2, is_causal=True)
d = F.scaled_dot_product_attention(q, k, v, attn_mask=m2 & torch.ones(5, 5, dtype=torch.bool).tril())
print(torch.allclose(a, d), a[0, 0, :2])
for c in ["F.scaled_dot_product_attention(q[0], k[0], v[0], attn_mask=m2, is_causal=True)", "F.scaled_dot_product_attention(q, k, v, attn_mask=m2, is_causal=True, dropout_p=0.1)"]:
    try:
        print(eval(c).shape)
    except RuntimeError as e:
        print(e)
with sdpa_kernel(SDPBackend.EFFICIENT_ATTENTION):
    try:
        F.scaled_dot_product_attention(q, k, v)
    except RuntimeError as e:
        print(e)
print(F.scaled_dot_product_attention(q, k, v).equal(o2))''',
    ],
    "default_collate_and_loader_options": [   # string labels, numpy scalar targets, the workers' option errors
        r'''import numpy as np
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.dataloader import default_collate
for c in ["default_collate([(1, 2.0, 'a'), (3, 4.0, 'b')])", "default_collate([np.float32(1.5), np.float32(2.5)])", "default_collate([np.int32(1), np.int32(2)])",
          "default_collate([np.bool_(True), np.bool_(False)])", "default_collate(['x', 'y'])", "default_collate([{'s': 'a', 'v': 1}, {'s': 'b', 'v': 2}])",
          "default_collate([[1, 'a'], [2, 'b']])", "default_collate([(np.array([1, 2]), 'p'), (np.array([3, 4]), 'q')])", "default_collate([b'a', b'b'])",
          "default_collate([None, None])", "default_collate([np.array(['a', 'b']), np.array(['c', 'd'])])", "default_collate([(1,), (2, 3)])",
          "default_collate([1.5, 2])", "default_collate([2, 1.5])", "default_collate([torch.tensor(1), torch.tensor(2.0)])", "default_collate([])"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
tds = TensorDataset(torch.arange(10.))
for kw in [dict(num_workers=-1), dict(timeout=-1), dict(prefetch_factor=2), dict(persistent_workers=True), dict(num_workers=0, prefetch_factor=None),
           dict(pin_memory=True), dict(batch_size=2, drop_last=True, num_workers=0, worker_init_fn=lambda i: None), dict(multiprocessing_context='spawn'),
           dict(sampler=[0, 1], shuffle=True), dict(collate_fn=None), dict(batch_size=None, shuffle=True, generator=torch.Generator().manual_seed(0))]:
    try:
        dl = DataLoader(tds, **kw)
        print("ok", sorted(kw), len(dl))
    except Exception as e:
        print(type(e).__name__, e)''',
    ],
    "beginner_error_messages": [   # targets, strides, permutations, masks, devices and duplicate parameters
        r'''import torch.nn.functional as F
torch.manual_seed(0)
for c in ["F.cross_entropy(torch.randn(3, 5), torch.rand(3, 4))", "F.cross_entropy(torch.randn(3, 5), torch.rand(3))", "F.cross_entropy(torch.randn(3, 5), torch.rand(3, 5, 2))",
          "F.cross_entropy(torch.randn(3, 5, 2), torch.rand(3, 2))", "F.cross_entropy(torch.randn(3, 5, 2), torch.rand(3, 5))", "F.cross_entropy(torch.randn(5), torch.rand(4))",
          "F.cross_entropy(torch.randn(3, 5), torch.randint(0, 5, (3, 5)))", "F.cross_entropy(torch.randn(3, 5), torch.randint(0, 5, (3, 1)))",
          "F.cross_entropy(torch.randn(3, 5), torch.rand(3, 5).double())", "F.nll_loss(torch.randn(3, 5), torch.rand(3, 4))", "F.nll_loss(torch.randn(3, 5), torch.rand(3))",
          "F.cross_entropy(torch.randn(3, 5), torch.randint(0, 5, (3,)).int())", "F.cross_entropy(torch.randn(3, 5), torch.rand(4, 5))",
          "F.cross_entropy(torch.randn(3, 5), torch.tensor([1, 2, 3], dtype=torch.uint8))", "F.cross_entropy(torch.randn(2, 3, 4, 4), torch.rand(2, 4, 4))"]:
    try:
        r = eval(c)
        print(c, "->", r.shape, r.dtype)
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
for c in ["torch.nn.Conv2d(3, 4, 3, stride=0)(torch.randn(1, 3, 8, 8))", "torch.nn.Conv1d(3, 4, 3, stride=0)(torch.randn(1, 3, 8))", "torch.nn.functional.conv2d(torch.randn(1, 3, 8, 8), torch.randn(4, 3, 3, 3), stride=-1)",
          "torch.nn.Conv2d(3, 4, 3, dilation=0)(torch.randn(1, 3, 8, 8))", "torch.nn.Conv2d(3, 4, 3, padding=-1)(torch.randn(1, 3, 8, 8))", "torch.nn.MaxPool2d(2, stride=0)(torch.randn(1, 1, 4, 4))",
          "torch.nn.AvgPool2d(2, stride=0)(torch.randn(1, 1, 4, 4))", "torch.randn(2, 3).permute(1, 1)", "torch.randn(2, 3, 4).permute(0, 0, 1)", "torch.randn(2, 3).permute(0, 2)",
          "torch.randn(2, 3).permute(0)", "torch.randn(2, 3).permute(0, 1, 2)", "torch.randn(2, 3).permute(-1, 1)", "torch.where(torch.tensor([1, 0, 1]), 1.0, 0.0)",
          "torch.where(torch.tensor([1., 0., 1.]), 1.0, 0.0)", "torch.where(torch.tensor([1, 0], dtype=torch.int32), 1.0, 0.0)", "torch.where(torch.tensor([1, 0], dtype=torch.uint8), 1.0, 0.0)",
          "torch.randn(2).to('mps')", "torch.device('mps')", "torch.nn.Linear(2, 2).to('mps')", "torch.randn(2).to('xpu')"]:
    try:
        r = eval(c)
        print(c, "->", r.shape if hasattr(r, 'shape') else r)
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
p = torch.nn.Parameter(torch.ones(1))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    torch.optim.SGD([p, p], lr=0.1)
    torch.optim.Adam([{'params': [p, p]}], lr=0.1)
    print([str(x.message)[:60] for x in w])
try:
    torch.optim.SGD([{'params': [p]}, {'params': [p]}], lr=0.1)
except ValueError as e:
    print(e)''',
    ],
    "inference_mode_tensors_and_decorated_generators": [   # the recipe "no_grad vs inference_mode"
        r'''x = torch.ones(2, 2, requires_grad=True)
with torch.inference_mode():
    z = x * 2
    t = torch.ones(3)
    v = t.view(3, 1)
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled(), z.is_inference(), t.is_inference(), v.is_inference())
print(z.requires_grad, z.is_inference(), x.is_inference(), torch.is_inference_mode_enabled(), t.view(3, 1).is_inference(), t.clone().is_inference(), (t + 1).is_inference())
for c in ["t.add_(1)", "t.zero_()", "t.requires_grad_()", "t.mul_(torch.ones(3, requires_grad=True))", "(torch.ones(3, requires_grad=True) * t).sum()",
          "(torch.ones(3, requires_grad=True) + t).sum().backward()", "t.requires_grad_(False)", "t.detach().is_inference()", "t.clone().add_(1)"]:
    try:
        print(c, "->", eval(c))
    except RuntimeError as e:
        print(c, "!!", e)
    print(t)
@torch.inference_mode()
def tripler(x):
    return x * 3
print(tripler(x).requires_grad, tripler(x).is_inference())
with torch.inference_mode():
    with torch.inference_mode(False):
        print(torch.is_grad_enabled(), torch.is_inference_mode_enabled(), torch.ones(1).is_inference())
    print(torch.is_grad_enabled(), torch.ones(1).is_inference())
with torch.no_grad():
    with torch.inference_mode(False):
        print(torch.is_grad_enabled())
with torch.inference_mode(mode=False):
    print(torch.is_inference_mode_enabled(), torch.ones(1).is_inference())
class Gen:
    @torch.no_grad()
    def gen(self, n):
        for i in range(n):
            yield (x * i).requires_grad, torch.is_grad_enabled()
            with torch.enable_grad():
                yield (x * i).requires_grad
g = Gen().gen(2)
print(next(g), torch.is_grad_enabled(), next(g), list(g))
@torch.inference_mode()
def stream():
    yield torch.ones(1).is_inference()
    yield torch.is_inference_mode_enabled()
s = stream()
print(next(s), torch.is_inference_mode_enabled(), next(s))
@torch.set_grad_enabled(False)
def g2():
    yield torch.is_grad_enabled()
print(list(g2()), torch.is_grad_enabled())
print(torch.no_grad, type(torch.no_grad()).__name__, torch.autograd.grad_mode.no_grad is torch.no_grad, torch.inference_mode, torch.set_grad_enabled, torch.enable_grad)
print(torch.autograd.inference_mode is torch.inference_mode)
with torch.inference_mode():
    u = torch.arange(4.)
for c in ["u.__setitem__(0, 5.)", "u.copy_(torch.ones(4))", "u.fill_(2)", "u.index_fill_(0, torch.tensor([1]), 9.)"]:
    try:
        print(c, "->", eval(c))
    except RuntimeError as e:
        print(c, "!!", e)
    print(u)''',
    ],
    "take_put_and_index_copy": [   # flat-index reads and writes: TakeBackward0, PutBackward0, their errors
        r'''x = torch.arange(6.).view(2, 3)
for c in ['torch.take(x, torch.tensor([-1, 0]))', 'torch.take(x, torch.tensor([6]))', 'torch.take(x, torch.tensor([-7]))', 'x.clone().put_(torch.tensor([7]), torch.tensor([1.]))',
          'x.clone().put_(torch.tensor([1, 2]), torch.tensor([1.]))', 'x.clone().put_(torch.tensor([1]), torch.tensor([1.], dtype=torch.float64))',
          'x.put(torch.tensor([0, 0]), torch.tensor([1., 2.]), accumulate=True)', 'torch.take(x, torch.tensor([1.]))', 'x.clone().put_(torch.tensor([-1]), torch.tensor(9.))',
          'torch.put(x, torch.tensor([0]), torch.tensor([5.]))', 'x.take(torch.tensor([[0, 5], [1, 1]]))', 'x.clone().put_(torch.tensor([[1], [4]]), torch.tensor([10., 20.]))',
          'torch.zeros(3, 2).index_copy_(0, torch.tensor([0, 1]), torch.ones(3, 2))']:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '!!', type(e).__name__, e)
w = torch.ones(2, 3, requires_grad=True); s = torch.tensor([5., 6.], requires_grad=True)
y = w.put(torch.tensor([0, 4]), s); (y * torch.arange(6.).view(2, 3)).sum().backward(); print(y.grad_fn, w.grad, s.grad)
s.grad = None
y = (w * 1).put_(torch.tensor([0, 0]), s, accumulate=True); (y * torch.arange(6.).view(2, 3)).sum().backward(); print(y.grad_fn, s.grad, w.grad)
w.grad = None
t = torch.take(w, torch.tensor([[5, 5], [0, -6]]))
(t * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(t, t.grad_fn, w.grad)''',
    ],
    "nanmedian_and_median_with_nan": [   # time series with gaps: the median ignoring NaN, and median's NaN
        r'''nan = float('nan')
x = torch.tensor([[1., nan, 3., 2.], [6., 7., nan, 8.], [5., 4., nan, nan]], requires_grad=True)
print(x.nanmedian(), x.nanmedian().grad_fn, x.nanmedian(dim=1), x.nanmedian(1).values.grad_fn, torch.nanmedian(x, 0, keepdim=True))
x.nanmedian(1).values.sum().backward(); print(x.grad)
x.grad = None
torch.nanmedian(x).backward(); print(x.grad)
print(torch.tensor([]).nanmedian(), torch.tensor([nan]).nanmedian(), torch.tensor([3, 1, 2]).nanmedian(), torch.tensor([[3, 1], [2, 2]]).nanmedian(0))
s = torch.tensor([1., nan, 10., 4., nan, 2.])
print(s.nanmedian(), s.median(), torch.nanmedian(s, dim=0, keepdim=True), s.nanmedian(axis=0).indices, torch.tensor(5.).nanmedian(0))
m = torch.tensor([[1., nan, 3., 2.], [nan, nan, nan, nan], [5., 4., nan, nan], [4., 1., 3., 2.]])
print(m.median(1), m.median(), m.median(0, keepdim=True), m[3].median(), torch.tensor([2, 1, 3, 3]).median(0))''',
    ],
    "cholesky_solve_triangular_solve_cholesky_ex": [   # Gaussian-process posteriors from a Cholesky factor
        r'''import warnings
warnings.filterwarnings("ignore", message="torch.triangular_solve is deprecated")   # PyTorch warns once per process
A = torch.tensor([[4.0, 2.0], [2.0, 3.0]])
b = torch.tensor([[1.0], [2.0]])
Lc = torch.linalg.cholesky(A)
print(torch.cholesky_solve(b, Lc), torch.linalg.solve(A, b), torch.cholesky_inverse(Lc))
U = torch.linalg.cholesky(A, upper=True)
print(U, torch.cholesky_solve(b, U, upper=True), b.cholesky_solve(Lc))
r = torch.triangular_solve(b, Lc, upper=False)
print(r, r.solution, torch.triangular_solve(b, U), torch.triangular_solve(b, Lc, upper=False, transpose=True).solution)
print(torch.triangular_solve(b, torch.tensor([[2.0, 1.0], [0.0, 5.0]]), unitriangular=True).solution)
def chol(a, **kw):   # the partial factor to 4 decimals: MKL's AVX2 factorisation leaves ulps in it (0.99999994)
    r = torch.linalg.cholesky_ex(a, **kw)
    return torch.round(r.L * 1e4) / 1e4, r.info
for c in ["torch.cholesky_solve(torch.ones(2), torch.eye(2))", "torch.cholesky_solve(torch.ones(3, 1), torch.eye(2))", "torch.cholesky_solve(torch.ones(2, 1), torch.eye(2).double())",
          "torch.triangular_solve(torch.ones(3, 1), torch.eye(2))", "chol(torch.tensor([[4., 2., 1.], [2., -3., 3.], [1., 3., 9.]]))",
          "chol(torch.tensor([[4., 2., 1.], [2., 5., 3.], [1., 3., -9.]]), upper=True)", "chol(torch.tensor([[-1., 2.], [2., 5.]]))",
          "chol(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
A = torch.tensor([[4.0, 2.0, 0.5], [2.0, 3.0, 0.3], [0.5, 0.3, 2.0]], dtype=torch.float64)
L = torch.linalg.cholesky(A).requires_grad_()
B = torch.tensor([[1.0, 0.5], [2.0, -1.0], [0.3, 0.2]], dtype=torch.float64, requires_grad=True)
X = torch.cholesky_solve(B, L)
(X * torch.arange(6.0, dtype=torch.float64).view(3, 2)).sum().backward()
print(X.grad_fn, L.grad, B.grad)
L.grad = None; B.grad = None
T = torch.triangular_solve(B, L, upper=False, transpose=True)
(T.solution ** 2).sum().backward()
print(T.solution.grad_fn, L.grad, B.grad)''',
    ],
    "fuse_conv_bn_and_linear_bn": [   # the recipe "Fusing Convolution and Batch Norm": torch.nn.utils.fusion
        r'''import torch.nn as nn
from torch.nn.utils.fusion import fuse_conv_bn_eval, fuse_linear_bn_eval, fuse_conv_bn_weights
torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(2, 4, 3, bias=False), nn.BatchNorm2d(4), nn.ReLU())
for _ in range(3):
    net(torch.randn(8, 2, 6, 6))
net.eval()
f2 = fuse_conv_bn_eval(net[0], net[1])
inp = torch.randn(2, 2, 6, 6)
print(type(f2).__name__, f2, f2.weight.shape, f2.bias, f2.weight.requires_grad, f2.bias.is_leaf, f2.weight.grad_fn)
print(torch.allclose(f2(inp), net[1](net[0](inp)), atol=1e-5), (f2(inp) - net[1](net[0](inp))).abs().max() < 1e-5)
print(f2.weight[0, 0], torch.nn.utils.fuse_conv_bn_eval is fuse_conv_bn_eval)
lin, bn1 = nn.Linear(3, 4), nn.BatchNorm1d(4)
bn1(lin(torch.randn(10, 3)))
lin.eval(); bn1.eval()
fl = fuse_linear_bn_eval(lin, bn1)
z = torch.randn(5, 3)
print(torch.allclose(fl(z), bn1(lin(z)), atol=1e-6), fl.weight, fl.bias)
ct, bn2 = nn.ConvTranspose2d(2, 3, 2), nn.BatchNorm2d(3)
bn2(ct(torch.randn(4, 2, 3, 3)))
ct.eval(); bn2.eval()
fct = fuse_conv_bn_eval(ct, bn2, transpose=True)
zz = torch.randn(1, 2, 3, 3)
print(torch.allclose(fct(zz), bn2(ct(zz)), atol=1e-5), fct.bias)
for c in ["fuse_conv_bn_eval(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1))", "fuse_linear_bn_eval(nn.Linear(2, 3).eval(), nn.BatchNorm1d(2).eval())",
          "fuse_conv_bn_eval(nn.Conv2d(1, 1, 1).eval(), nn.BatchNorm2d(1, track_running_stats=False).eval())"]:
    try:
        print(c, "->", eval(c))
    except AssertionError as e:
        print(c, "!! AssertionError", e)
w, b = fuse_conv_bn_weights(torch.ones(2, 1, 1, 1), None, torch.zeros(2), torch.ones(2), 1e-5, None, None)
print(w.view(-1), b, type(w).__name__)''',
    ],
    "torch_special": [   # entropies with torch.special.entr, expit, gammaln, ndtr ...
        r'''x = torch.tensor([-1., 0., 0.25, 0.5, 2., float('nan')])
print(torch.special.entr(x), torch.special.expit(x), torch.special.logit(x[2:5]), torch.special.erf(x), torch.special.erfc(x))
print(torch.special.erfinv(torch.tensor([-0.5, 0., 0.9])), torch.special.gammaln(x[3:5]), torch.special.digamma(x[3:5]), torch.special.psi(x[3:5]))
print(torch.special.xlogy(x, 2.0), torch.special.xlog1py(x, x), torch.special.xlog1py(torch.zeros(2), torch.tensor([float('nan'), -1.])))
print(torch.special.ndtr(x), torch.special.log1p(x), torch.special.expm1(x), torch.special.exp2(x), torch.special.sinc(x))
print(torch.special.softmax(x[:5], 0), torch.special.log_softmax(x[:5], dim=0), torch.special.logsumexp(x[:5], 0), torch.special.polygamma(1, x[3:5]))
p = torch.tensor([[0.1, 0.2, 0.7], [0.5, 0.5, 0.0]], requires_grad=True)
h = torch.special.entr(p).sum(-1)
h.sum().backward()
print(h, h.grad_fn, p.grad)
a = torch.tensor([0.5, 0., 2.], requires_grad=True); b = torch.tensor([0.3, 1., -0.5], requires_grad=True)
y = torch.special.xlog1py(a, b)
y.sum().backward()
print(y, y.grad_fn, a.grad, b.grad)
z = torch.tensor([0.3, -1.2], requires_grad=True)
n = torch.special.ndtr(z)
n.sum().backward()
print(n, n.grad_fn, z.grad, torch.special.entr(torch.tensor([1, 2])))''',
    ],
    "set_default_dtype_float64": [   # scientific notebooks: torch.set_default_dtype(torch.float64) first
        r'''import warnings
warnings.filterwarnings("ignore", message="torch.set_default_tensor_type")   # PyTorch warns once per process
torch.set_default_dtype(torch.float64)
try:
    print(torch.get_default_dtype(), torch.tensor([1., 2.]), torch.tensor([1., 2.], dtype=torch.float32), torch.tensor([1, 2]), torch.tensor(2.5).dtype)
    print([t.dtype for t in (torch.ones(2), torch.zeros(1), torch.empty(1), torch.full((1,), 2.), torch.arange(3.), torch.linspace(0, 1, 3), torch.eye(2),
                             torch.rand(1), torch.randn(1), torch.normal(0., 1., (2,)), torch.Tensor([1]), torch.as_tensor([1.0]), torch.tensor([[1.5]]))])
    print(torch.full((1,), 2).dtype, torch.arange(3).dtype, torch.tensor([1, 2]) / 2, (torch.tensor([1, 2]) * 2.5).dtype, torch.tensor([1, 2]).float().mean())
    print(torch.tensor([1.], dtype=torch.float32) + torch.tensor([1.]), torch.tensor(1.5, dtype=torch.float32) + 1.0, torch.zeros(2).float(), torch.finfo().eps)
    torch.manual_seed(0)
    print(torch.rand(2), torch.randn(2), torch.randint(0, 5, (3,)))
    lin = torch.nn.Linear(3, 1)
    x = torch.linspace(-1, 1, 6).view(2, 3)
    y = lin(x).pow(2).sum()
    y.backward()
    print(lin.weight.dtype, y, lin.weight.grad, torch.nn.LSTM(2, 3).weight_hh_l0.dtype, torch.nn.BatchNorm1d(2).running_mean.dtype, torch.nn.Conv2d(1, 1, 2).bias.dtype)
    print(torch.tensor([1.5, 2], requires_grad=True) * 2, torch.tensor([], dtype=torch.float32), torch.tensor([]), torch.tensor([3., 4.]).mean())
    for c in ["torch.set_default_dtype(torch.int64)", "torch.set_default_dtype(3)"]:
        try:
            exec(c)
        except TypeError as e:
            print(c, "!!", e)
finally:
    torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]), torch.tensor([1.5], dtype=torch.float64))
torch.set_default_tensor_type(torch.DoubleTensor)
try:
    print(torch.get_default_dtype(), torch.tensor([1.]).dtype, torch.ones(1))
finally:
    torch.set_default_tensor_type(torch.FloatTensor)
print(torch.get_default_dtype())''',
    ],
    "random_fills_of_transposed_weights": [   # fast.ai: init.kaiming_normal_(w.T) fills in memory order
        r'''import math
torch.manual_seed(0)
w = torch.zeros(4, 5)
w.T.normal_()
print(w)
torch.manual_seed(0)
w = torch.zeros(4, 5, dtype=torch.float64); w.T.uniform_(-1, 1); print(w)
torch.manual_seed(0)
w = torch.zeros(4, 6); w[:, ::2].normal_(2.0, 0.5); print(w)
torch.manual_seed(0)
w = torch.zeros(6, 8); torch.nn.init.kaiming_normal_(w.T); print(w.mean(), w.std(), w[0])
torch.manual_seed(0)
w = torch.zeros(6, 8); torch.nn.init.xavier_uniform_(w.t()); print(w[1])
torch.manual_seed(0)
w = torch.zeros(3, 4, 5); w.permute(2, 0, 1).normal_(); print(w[0, 0], torch.randn(2))
torch.manual_seed(0)
x = torch.randn(200, 100)
w1 = torch.zeros(100, 50)
torch.nn.init.kaiming_normal_(w1.T)
print(f"{(x @ w1).clamp_min(0).mean():.4f}", torch.randn(3))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
