"""What the hundred-and-eightieth probe (the errors beginners meet most, as the top Stack Overflow and PyTorch
forum threads show them, each then fixed) found, each checked against PyTorch: torch.rand / torch.randn with a
size that fails at its first element (``torch.randn(n / 2, 3)``, ``torch.rand(2.0, dtype=...)``) list both
overloads as PyTorch's parser does rather than naming the size; layer norm, group norm and rms_norm of an integer
or bool input are ATen's NotImplementedError ("LayerNormKernelImpl" / "GroupNormKernelImpl" / "rms_norm" not
implemented for 'Long'), rms_norm's dtype-mismatch warning coming first and once per process for its one site;
rms_norm as ATen's composite computes it (half and bfloat16 in float32 with float32's epsilon, the weight applied
there, the result cast back to the input's dtype; complex inputs taken, with no default epsilon); ConvTranspose's
output_size error prints output_size as given (a tuple, a torch.Size, a tensor); an embedding of an empty table is
index_select's RuntimeError; ``torch.no_grad(True)`` (a decorator given no function) shows PyTorch's
decorate_context."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, in_fresh_processes, require

CELLS = {
    "grad_mode_decorator_of_a_non_function": [
        '''print(torch.no_grad(True))
print(torch.enable_grad(5))
@torch.no_grad()
def f(x):
    "doc"
    return x * 2
print(f.__name__, f.__qualname__, f.__doc__, f(torch.ones(1, requires_grad=True)).requires_grad)
try:
    torch.no_grad(True)(1)
except TypeError as e:
    print(type(e).__name__, e)
''',
    ],
    "conv_transpose_output_size_printed_as_given": [
        ATTEMPT + '''import torch.nn as nn
x = torch.randn(1, 3, 8, 8)
m = nn.ConvTranspose2d(3, 4, 3)
for o in [(20, 20), torch.Size([20, 20]), (1, 4, 20, 20), [1, 4, 20, 20], torch.tensor([20, 20]), (20,)]:
    attempt(lambda: m(x, output_size=o))
print(m(x, output_size=(1, 4, 10, 10)).shape, m(x, output_size=torch.Size([10, 10])).shape)
m1 = nn.ConvTranspose1d(3, 4, 3, stride=2)
attempt(lambda: m1(torch.randn(3, 8), output_size=(5,)))
attempt(lambda: m1(torch.randn(3, 8), output_size=(3, 30)))
print(m1(torch.randn(3, 8), output_size=torch.Size([4, 18])).shape)
''',
    ],
    "embedding_of_an_empty_table": [
        ATTEMPT + '''import torch.nn as nn
F = torch.nn.functional
attempt(lambda: nn.Embedding(0, 3)(torch.tensor([0])))
attempt(lambda: F.embedding(torch.tensor([[-1]]), torch.zeros(0, 3)))
attempt(lambda: F.embedding(torch.tensor([], dtype=torch.long), torch.zeros(0, 3)).shape)
attempt(lambda: F.embedding(torch.tensor([2]), torch.zeros(2, 3)))
''',
    ],
    "random_factories_refuse_a_float_first_size": [
        ATTEMPT + '''import numpy as np
n = 5
attempt(lambda: torch.randn(n / 2, 3))
attempt(lambda: torch.rand(2.0, 3, dtype=torch.float64))
attempt(lambda: torch.randn(2.0, requires_grad=True))
attempt(lambda: torch.rand(2.0, generator=torch.Generator()))
attempt(lambda: torch.randn([2.0, 3], generator=None))
attempt(lambda: torch.rand((True, 3), requires_grad=True))
attempt(lambda: torch.randn(np.float64(2), 3))
attempt(lambda: torch.randn(torch.tensor(2.), 3))
attempt(lambda: torch.randn("a", 3))
attempt(lambda: torch.randn(size=2.0, dtype=torch.float64))
attempt(lambda: torch.randn(dtype=torch.float64, size=(2.0,)))
attempt(lambda: torch.randn(2.0))
attempt(lambda: torch.randn(2, 3.0, dtype=torch.float64))
attempt(lambda: torch.randn(size=(2, 3.0), dtype=torch.float64))
print(torch.randn(np.int64(2), 3).shape, torch.rand(torch.tensor(2), 1, dtype=torch.float64).dtype)
print(torch.randn(n // 2, 3).shape, torch.rand(size=(2,), requires_grad=True).requires_grad)
print(torch.rand(torch.Size([2, 3]), dtype=torch.float64).shape, torch.randn(torch.ones(2, 1).shape, requires_grad=True).shape)
print(torch.randn([], dtype=torch.float64).shape, torch.rand((), generator=torch.Generator()).shape)
''',
    ],
    "norms_of_integer_inputs": [
        ATTEMPT + '''import torch.nn as nn
F = torch.nn.functional
x = torch.arange(24).view(2, 3, 4)
attempt(lambda: nn.LayerNorm(4, elementwise_affine=False)(x))
attempt(lambda: F.layer_norm(x.int(), (4,)))
attempt(lambda: F.layer_norm(x.bool(), [4], bias=torch.ones(4).bool()))
attempt(lambda: torch.layer_norm(x, [4]))
attempt(lambda: F.layer_norm(x, (4,), weight=torch.ones(4)))
attempt(lambda: F.layer_norm(x, (5,)))
attempt(lambda: F.group_norm(x, 1))
attempt(lambda: nn.GroupNorm(3, 3, affine=False)(x.short()))
attempt(lambda: F.group_norm(x.byte(), 3, weight=torch.ones(3).byte()))
attempt(lambda: F.group_norm(x, 1, weight=torch.ones(3)))
attempt(lambda: F.group_norm(x, 2))
attempt(lambda: F.rms_norm(x, (4,)))
attempt(lambda: F.rms_norm(x.bool(), [4], weight=torch.ones(4).bool()))
attempt(lambda: torch.rms_norm(torch.ones(0, 4).long(), [4]))
attempt(lambda: F.rms_norm(x, (5,)))
y = F.layer_norm(x.float(), (4,))
print(y.grad_fn.name(), y[0, 0])
''',
        '''import torch.nn as nn
torch.set_warn_always(True)
x = torch.arange(24).view(2, 3, 4)
try:
    nn.RMSNorm(4)(x)
except NotImplementedError as e:
    print(type(e).__name__, e)
print(nn.RMSNorm(4)(x.double()).dtype)
torch.set_warn_always(False)
''',
    ],
    "rms_norm_computes_as_aten_composite": [
        '''import torch.nn as nn
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(3, 7) * 3
w = torch.randn(7)
for xx, ww in [(x.half(), None), (x.half(), w.half()), (x.bfloat16(), None), (x.double(), None), (x, None)]:
    r = F.rms_norm(xx, (7,), ww)
    print(r.dtype, r.float().tolist())
r = F.rms_norm(x.half(), (7,), eps=1e-5)
print(r.dtype, r.float().tolist())
c = torch.randn(2, 3, dtype=torch.cfloat)
print(F.rms_norm(c, (3,)))
print(F.rms_norm(c, (3,), torch.randn(3).cfloat(), eps=1e-6))
xh = (torch.randn(2, 5) * 2).half().requires_grad_()
m = nn.RMSNorm(5).half()
y = m(xh)
print(y.grad_fn.name(), [f[0].name() if f[0] else None for f in y.grad_fn.next_functions])
y.float().pow(2).sum().backward()
print(xh.grad, m.weight.grad)
''',
        '''import torch.nn.functional as F
torch.set_warn_always(True)
torch.manual_seed(1)
x = torch.randn(3, 7) * 3
w = torch.randn(7)
for xx, ww in [(x.half(), w), (x.bfloat16(), w), (x, w.double()), (x, w.half())]:
    r = F.rms_norm(xx, (7,), ww)
    print(r.dtype, r.float().tolist())
torch.set_warn_always(False)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe180_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)


# rms_norm's dtype-mismatch warning is one TORCH_WARN_ONCE: the first mismatch of a process warns, whatever the
# dtypes, and an integer input warns before its NotImplementedError
RMS_NORM_ONCE = """
import warnings
warnings.simplefilter("always")
F = torch.nn.functional
def run(f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            print(f().dtype)
        except NotImplementedError as e:
            print(type(e).__name__, e)
    for w in caught:
        print(w.category.__name__, str(w.message))
x = torch.arange(8).view(2, 4)
run(lambda: F.rms_norm(x, (4,), torch.ones(4)))
run(lambda: F.rms_norm(x.double(), (4,), torch.ones(4)))
run(lambda: F.rms_norm(x.float(), (4,), torch.ones(4).half()))
"""


def test_rms_norm_dtype_mismatch_warns_once_per_process():
    require("torch")
    want, got = in_fresh_processes(RMS_NORM_ONCE, timeout=120)
    assert want.count("Mismatch dtype between input and weight") == 1, want
    assert got == want
