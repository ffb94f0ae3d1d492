"""From the eighth probe of tutorials (/work/notes/probe_report8.md): d2l-style chapters from scratch, Karpathy's
makemore / nanoGPT / micrograd checks and the Korean wikidocs book. Each case is a notebook cell run on PyTorch and on
the engine (helpers.assert_same_as_pytorch: output, error type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch, in_fresh_processes, require

CELLS = {
    "optimizer_param_checks": [   # the classic mistake: w = torch.randn(3, requires_grad=True) * 0.01; SGD([w])
        '''w = torch.randn(3, requires_grad=True) * 0.01
for make in [lambda: torch.optim.SGD([w], lr=0.1), lambda: torch.optim.Adam([torch.ones(1, requires_grad=True), 3.0]),
             lambda: torch.optim.SGD([{"params": {torch.ones(1, requires_grad=True)}}], lr=0.1)]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
w.retain_grad()
opt = torch.optim.SGD([w], lr=0.1)
print(opt.param_groups[0]["params"][0] is w)
try:
    opt.add_param_group([torch.ones(1, requires_grad=True)])
except TypeError as e:
    print(e)''',
    ],
    "optimizer_named_parameters": [   # PyTorch 2.6+: optimizers take model.named_parameters()
        '''torch.manual_seed(0)
m = torch.nn.Linear(2, 1)
opt = torch.optim.Adam(m.named_parameters(), lr=0.1)
m(torch.ones(1, 2)).sum().backward()
opt.step()
print(opt)
print(opt.state_dict())
plain = torch.optim.Adam(m.parameters(), lr=0.5)
plain.load_state_dict(opt.state_dict())
print(plain.param_groups[0]["param_names"], plain.param_groups[0]["lr"])
for group in [{"params": [("w", torch.ones(1, requires_grad=True)), torch.ones(1, requires_grad=True)]},
              {"params": [torch.ones(1, requires_grad=True)]}]:
    try:
        opt.add_param_group(group)
    except ValueError as e:
        print(e)''',
    ],
    "cuda_amp_deprecated_spellings": [   # nanoGPT train.py: scaler = torch.cuda.amp.GradScaler(enabled=(dtype == 'float16'))
        '''from torch.cuda.amp import autocast, GradScaler
scaler = torch.cuda.amp.GradScaler(enabled=False)
print(scaler.is_enabled(), type(scaler), scaler.get_scale(), isinstance(scaler, torch.amp.GradScaler))
x = torch.ones(2, requires_grad=True)
opt = torch.optim.SGD([x], lr=0.1)
loss = (x * 2).sum()
print(scaler.scale(loss) is loss)
scaler.scale(loss).backward()
scaler.unscale_(opt)
print(scaler.step(opt), x)
scaler.update()
print(GradScaler().is_enabled(), autocast)
with torch.cuda.amp.autocast():
    print((torch.ones(2, 2) @ torch.ones(2, 2)).dtype)
with autocast(enabled=False):
    print(torch.is_autocast_enabled())''',
    ],
    "clip_grad_norm_deprecated": [   # older char-RNN / word-language-model code: torch.nn.utils.clip_grad_norm(...)
        '''torch.manual_seed(0)
m = torch.nn.Linear(3, 2)
m(torch.ones(1, 3)).sum().backward()
print(torch.nn.utils.clip_grad_norm(m.parameters(), 0.5), m.weight.grad.norm())
print(torch.nn.utils.clip_grad_norm([m.bias], 0.1, norm_type="inf"), m.bias.grad)
try:
    torch.nn.utils.not_a_util
except AttributeError as e:
    print(str(e).split(":")[0])''',
    ],
    "real_tensor_complex_api": [   # linear-algebra lessons: A.mH, A.adjoint(), x.conj(), x.real on real tensors
        '''x = torch.arange(6.).view(2, 3).requires_grad_()
y = x * 1
print(y.conj() is y, y.real is y, y.resolve_conj() is y, y.resolve_neg() is y, torch.conj(y) is y, torch.real(y) is y)
print(y.mH, y.H, y.adjoint().grad_fn, torch.adjoint(y).grad_fn, torch.ones(2, 3, 4).mH.shape)
print(torch.is_conj(y), y.is_neg(), torch.ones(3, dtype=torch.long).conj())
for f in [lambda: torch.arange(3).mH, lambda: torch.ones(3).mT, lambda: torch.ones(3).adjoint(), lambda: torch.ones(3).imag,
          lambda: torch.imag(torch.ones(3)), lambda: torch.ones(3).H, lambda: torch.ones(2, 2, 2).H, lambda: torch.real(3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
z = torch.tensor(2., requires_grad=True) * 1
print(z.mH is z, z.adjoint() is z)
(y.mH.sum() * 2).backward()
print(x.grad)''',
    ],
    "layout_and_typename": [   # "tensor attributes" lessons print dtype, device and layout
        '''x = torch.ones(2, 3)
print(x.layout, type(x.layout), torch.strided, x.layout == torch.strided, torch.nn.Parameter(torch.ones(1)).layout)
print(f"dtype={x.dtype}, device={x.device}, layout={x.layout}", torch.zeros(2, layout=torch.strided))
print(torch.typename(3), torch.typename(torch.ones(2, dtype=torch.long)), torch.typename(torch.nn.Linear(1, 1)), torch.typename(x))''',
    ],
    "data_parallel_on_cpu": [   # "model = nn.DataParallel(model)" and the 'module.' prefix stripped before loading
        '''from collections import OrderedDict
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU())
dp = torch.nn.DataParallel(model, device_ids=[0])
print(dp, dp.module is model, dp.device_ids, dp(torch.ones(1, 3)), list(dp.state_dict()))
sd = dp.state_dict()
bare = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU())
try:
    bare.load_state_dict(sd)
except RuntimeError as e:
    print(e)
print(bare.load_state_dict(OrderedDict((k[7:], v) for k, v in sd.items())))
opt = torch.optim.SGD(dp.parameters(), lr=0.1)
dp(torch.ones(4, 3)).sum().backward()
opt.step()
print(dp.module[0].bias, isinstance(dp, torch.nn.parallel.DataParallel))
try:
    dp.output_device
except AttributeError as e:
    print(e)''',
    ],
    "resize_in_place": [   # older tutorials: x.resize_(2, 3), torch.Tensor(2, 3).resize_(6)
        '''x = torch.arange(6.)
print(x.resize_(2, 3), x.resize_((3, 2)), x.shape, x._version)
v = x.view(-1)
x.resize_(2, 2)
x[0, 0] = 100
print(x, v)
y = torch.arange(4)
y.resize_(2, 3)
print(y.shape, y[0], y.flatten()[:4], y.resize_as_(torch.ones(1, 2)), y.resize_(torch.Size([2])))
w = torch.ones(2, requires_grad=True)
for f in [lambda: w.resize_(4), lambda: (w * 2).resize_(1), lambda: torch.ones(2).resize_(-1, 2)]:
    try:
        f()
    except RuntimeError as e:
        print(e)
b = torch.zeros(3, 4).resize_(12)
print(b.shape, b.stride(), b.is_contiguous(), torch.Tensor(2, 3).resize_(6).fill_(1))''',
    ],
    "multinomial_integer_counts": [   # makemore: torch.multinomial(N[ix], 1) on the int32 count row, not P[ix]
        '''N = torch.zeros((3, 3), dtype=torch.int32)
N[0, 1] += 2
for p in [N[0], N[0].long(), N[0] > 0, N[0].to(torch.uint8)]:
    try:
        torch.multinomial(p, 1)
    except RuntimeError as e:
        print(e)
torch.manual_seed(0)
print(torch.multinomial(N[0].float(), 1), N[0].float().multinomial(2, replacement=True))''',
    ],
    "cat_stack_argument_mistakes": [   # makemore: torch.cat(emb[:, 0, :], emb[:, 1, :]) without the brackets
        '''emb = torch.randn(4, 3, 2)
a, b = emb[:, 0, :], emb[:, 1, :]
for f in [lambda: torch.cat(a, b), lambda: torch.cat(a), lambda: torch.cat((a, b), b), lambda: torch.cat([a], "x"),
          lambda: torch.stack(a, b), lambda: torch.stack(a), lambda: torch.cat(x for x in [a, b]),
          lambda: torch.hstack(a), lambda: torch.vstack(a), lambda: torch.concat(a, b), lambda: torch.concatenate(a, b),
          lambda: torch.cat([a, 3])]:
    try:
        print(f().shape)
    except Exception as e:
        print(type(e).__name__, e)
print(torch.cat((a, b), 1).shape, torch.concatenate([a, b], axis=0).shape, torch.concatenate([a, b], dim=1).shape,
      torch.concat([a, b], dim=-1).shape, torch.stack((a, b), dim=1).shape, torch.cat(torch.unbind(emb, 1), 1).shape)''',
    ],
    "tensor_from_strings": [   # torch.tensor(words) instead of the encoded indices
        '''for data in [["emma", "olivia"], "emma", [["a"]], [1, "a"], ("x",)]:
    try:
        print(torch.tensor(data))
    except Exception as e:
        print(type(e).__name__, e)''',
    ],
    "index_out_of_range_messages": [   # probs[torch.arange(n), ys] with a bad label, ys out of the vocabulary
        '''x = torch.arange(12.).view(3, 4)
p = torch.ones(4, 5, requires_grad=True)
t3 = torch.ones(2, 3, 4)
for f in [lambda: torch.ones(3)[[0, 5]], lambda: x[torch.arange(3), torch.tensor([0, 4, 1])], lambda: x[[5, 0], [1, 9]],
          lambda: x[[0, 5], [9, 1]], lambda: x[1, [0, 7]], lambda: x[[0, 7], 1], lambda: x[:, [-5]], lambda: x[5, [0]],
          lambda: x[torch.tensor([True, False, True]), [0, 4]], lambda: x[..., [4]], lambda: x[None, [4]],
          lambda: t3[[0], 0, 9], lambda: t3[:, 5, [0]], lambda: torch.ones(3)[torch.tensor(4)],
          lambda: p[torch.arange(4), torch.tensor([0, 1, 5, 2])], lambda: x.index_select(1, torch.tensor([0, 7, 9])),
          lambda: x.index_select(0, torch.tensor([-1])), lambda: t3.index_select(2, torch.tensor([4])),
          lambda: t3.index_select(1, torch.tensor([-4]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(p[torch.arange(4), torch.tensor([0, 1, 4, -5])], x[[]], x[[-3, 2], [-4, 3]])
print(x[torch.tensor(True)].shape, x[torch.tensor(False)].shape, x[torch.tensor(True), [0, 1]].shape)
try:
    x[torch.tensor(True), [0, 5]]
except IndexError as e:
    print(e)
y = torch.zeros(3)
for idx in [[0, 4], torch.tensor([5])]:
    try:
        y[idx] = 1
    except IndexError as e:
        print(e)''',
    ],
    "numpy_array_of_a_tensor": [   # np.array(t): numpy 2 warns that PyTorch's __array__ takes no copy= keyword
        '''import numpy as np
print(np.array(torch.ones(2)), np.asarray(torch.ones(2)), np.array(torch.tensor(1.)), np.array(torch.ones(2), dtype=np.float64))
print(np.array([torch.tensor(1.), torch.tensor(2.)]), np.array([torch.ones(2), torch.ones(2)]).shape)
w = torch.ones(2, requires_grad=True)
try:
    np.array(w)
except RuntimeError as e:
    print(e)''',
    ],
    "float_sizes": [   # nn.Linear(n / 2, 4), torch.randn(batch, n / 2), x.view(-1, n / 2): / written for //
        '''import numpy as np
n = 6
x = torch.ones(6)
for f in [lambda: torch.zeros(3.0), lambda: torch.zeros(2, n / 2), lambda: torch.ones((2.0, 3)), lambda: torch.randn(4, n / 2),
          lambda: torch.rand(2, 2.5), lambda: torch.empty(1, 2.0), lambda: torch.full((2, 2.0), 1.), lambda: torch.zeros(size=(2, 3.0)),
          lambda: torch.zeros(2.0, 3), lambda: torch.zeros(2, np.float32(3)), lambda: torch.zeros(2, None),
          lambda: torch.zeros(2, torch.tensor(3.)), lambda: x.view(-1, n / 2), lambda: x.view(2.0, 3), lambda: x.reshape(-1, 3.0),
          lambda: x.reshape(3.0), lambda: torch.ones(2).expand(2, 2.0), lambda: torch.ones(2).repeat(2, 2.0),
          lambda: torch.ones(2, 3).permute(1, 0.0), lambda: torch.nn.Linear(n / 2, 3), lambda: torch.nn.Linear(3, n / 2),
          lambda: torch.nn.Conv2d(1, 6, 5.0), lambda: torch.nn.Conv2d(1, n / 2, 3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.zeros(2, True).shape, torch.zeros(2, torch.tensor(3)).shape, x.view(np.int64(2), 3).shape,
      x.view(torch.tensor(2), 3).shape, torch.zeros(np.int64(2), 3).shape)''',
    ],
    "non_tensor_inputs": [   # model(X_numpy) before torch.from_numpy; a forward that forgot its return (None)
        '''import numpy as np
F = torch.nn.functional
t, labels = torch.ones(2), torch.tensor([0, 1])
model = torch.nn.Sequential(torch.nn.Linear(2, 1), torch.nn.Sigmoid())
for f in [lambda: model(np.ones((3, 2), dtype=np.float32)), lambda: torch.nn.Linear(2, 2)([1.0, 2.0]),
          lambda: F.linear(torch.ones(2), np.ones((2, 2))), lambda: torch.nn.MSELoss()(None, t),
          lambda: torch.nn.CrossEntropyLoss()(None, labels), lambda: F.cross_entropy(torch.ones(2, 2), [0, 1]),
          lambda: torch.nn.BCELoss()(None, t), lambda: F.binary_cross_entropy_with_logits(t, None), lambda: F.l1_loss(None, t),
          lambda: torch.nn.BCELoss()(torch.full((2,), 0.5), np.ones(2)), lambda: torch.nn.MSELoss()(t, np.ones(2)),
          lambda: torch.nn.NLLLoss()(None, labels), lambda: F.nll_loss(torch.ones(2, 2), np.array([0, 1])),
          lambda: torch.nn.ReLU()([1.0]), lambda: torch.nn.Sigmoid()(None), lambda: torch.nn.Tanh()(np.ones(2)),
          lambda: F.softmax(None, 0), lambda: F.log_softmax([1.0], 0), lambda: torch.nn.Dropout()(np.ones(2)),
          lambda: torch.nn.GELU()([1.0]), lambda: F.silu(np.ones(2)), lambda: torch.cat([t, np.ones(2)])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)''',
    ],
    "integer_inputs_to_float_kernels": [   # F.softmax(counts, dim=1) on the int32 bigram counts
        '''F = torch.nn.functional
x, N = torch.tensor([1, -2]), torch.zeros((2, 3), dtype=torch.int32)
for f in [lambda: F.softmax(N, dim=1), lambda: F.softmax(N, dim=0), lambda: F.log_softmax(N, 1), lambda: N.softmax(0),
          lambda: torch.softmax(torch.tensor([True, False]), 0), lambda: F.log_softmax(torch.tensor([1, 2], dtype=torch.uint8), 0),
          lambda: F.softmax(torch.tensor([[[1, 2]]]), dim=1), lambda: torch.nn.Softmax(dim=1)(N), lambda: F.softmin(x, 0),
          lambda: F.gelu(x), lambda: F.silu(x), lambda: F.elu(x), lambda: F.selu(x), lambda: F.celu(x), lambda: F.softplus(x),
          lambda: F.leaky_relu(x), lambda: F.mish(x), lambda: F.logsigmoid(x), lambda: F.hardswish(x), lambda: F.hardsigmoid(x)]:
    try:
        print(f())
    except NotImplementedError as e:
        print(e)
print(F.softmax(N, dim=1, dtype=torch.float32), F.relu(x), torch.sigmoid(x), F.hardtanh(x), F.relu6(x))''',
    ],
    "module_init_arguments": [   # nn.Sigmoid(x) written for nn.Sigmoid()(x); super().__init__(n) in a subclass
        '''nn = torch.nn
x = torch.ones(2)
class Net(nn.Module):
    def __init__(self, n):
        super().__init__(n)
class Net2(nn.Module):
    def __init__(self, **kwargs):
        super(Net2, self).__init__(**kwargs)
for f in [lambda: nn.Sigmoid(x), lambda: nn.Tanh(x), lambda: nn.Softsign(1), lambda: nn.Module(3), lambda: nn.Module(a=1),
          lambda: Net(3), lambda: Net2(), lambda: Net2(name="x"), lambda: nn.Identity(3, 4), lambda: nn.ReLU(True)]:
    try:
        print(f())
    except TypeError as e:
        print(e)''',
    ],
    "method_printed_without_call": [   # print("loss", loss.item): the call forgotten
        '''x = torch.ones(2)
p = torch.nn.Parameter(torch.ones(1))
loss = (x * 2).sum()
print("loss", loss.item, "acc", (x > 0).float().mean, p.item, x.size, x.numpy)
print(torch.Tensor.sum, type(loss.item).__name__, type(torch.Tensor.sum).__name__, loss.item == loss.item,
      loss.item.__name__, loss.item.__self__ is loss, loss.item.__qualname__, torch.Tensor.item(loss), f"{loss.sum}"[:22])
for f in [lambda: f"{loss.item:.4f}", lambda: "epoch {} loss {:.4f}".format(1, loss.item)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
print(loss.item(), x.size(0), x.sum(dim=0), x.max(), x.detach().clone().cpu().float().long().tolist())''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


MODULE_COMPILE = """
import warnings
warnings.filterwarnings("ignore", category=DeprecationWarning)  # PyTorch's own imports
torch.manual_seed(0)
m = torch.nn.Linear(2, 2)
print(m.compile(), type(m).__name__, list(m.state_dict()), m.weight.shape)
try:
    m.compile(mode="bogus")
except RuntimeError as e:
    print(e)
"""


def test_module_compile_in_place():
    """PyTorch 2.2+ lessons write model.compile() instead of model = torch.compile(model): None, the module keeps its
    class and parameter names. The compiled module is not called (PyTorch would compile it). In fresh processes, as
    test_api_breadth's torch.compile case: importing PyTorch's compiler changes its global state."""
    require("torch")
    outputs = in_fresh_processes(MODULE_COMPILE, timeout=300)
    assert outputs[1] == outputs[0]
