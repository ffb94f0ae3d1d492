"""torch.memory_format on the engine, run against PyTorch (helpers.assert_same_as_pytorch): the format objects,
the layouts to() / contiguous() / clone() / empty() / *_like give (their strides), is_contiguous(memory_format=),
the rank errors, Module.to(memory_format=), and the values random *_like functions draw into a tensor of another
layout (filled in memory order, as PyTorch fills them: a transposed input's randn_like differed in value before).
Written in the fourteenth session (optimizers copied from PyTorch's sources call
``torch.zeros_like(p, memory_format=torch.preserve_format)``; the channels-last tutorial prints strides)."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''def attempt(make):
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "the_formats": ['''print(torch.channels_last, torch.contiguous_format, torch.preserve_format, torch.channels_last_3d)
print(type(torch.channels_last), torch.legacy_contiguous_format is torch.contiguous_format)
import copy, pickle
print(copy.deepcopy(torch.channels_last) is torch.channels_last, pickle.loads(pickle.dumps(torch.preserve_format)))
try:
    torch.memory_format()
except TypeError as e:
    print(e)'''],
    "tutorial_strides": ['''N, C, H, W = 10, 3, 32, 32
x = torch.empty(N, C, H, W)
print(x.stride())
x = x.to(memory_format=torch.channels_last)
print(x.shape, x.stride())
x = x.to(memory_format=torch.contiguous_format)
print(x.stride())
x = x.contiguous(memory_format=torch.channels_last)
print(x.stride(), x.is_contiguous(), x.is_contiguous(memory_format=torch.channels_last))
y = torch.empty(N, C, H, W, memory_format=torch.channels_last)
print(y.stride(), y.clone().stride(), torch.empty_like(y).stride(), (y * 2).stride(), (x * y).stride())
z = torch.randn(N, H, W, C).permute(0, 3, 1, 2)
print(z.is_contiguous(memory_format=torch.channels_last))'''],
    "size_one_dims": [TRY + '''for shape in [(1, 1, 1, 1), (1, 3, 1, 1), (2, 1, 3, 4), (1, 1, 3, 4), (2, 3, 1, 4)]:
    t = torch.ones(shape)
    print(shape, t.to(memory_format=torch.channels_last).stride(),
          t.contiguous(memory_format=torch.channels_last).stride(),
          t.is_contiguous(memory_format=torch.channels_last))'''],
    "rank_errors": [TRY + '''x2 = torch.ones(2, 3)
x4 = torch.ones(1, 2, 3, 4)
for make in [lambda: x2.to(memory_format=torch.channels_last).stride(),
             lambda: x2.contiguous(memory_format=torch.channels_last).stride(),
             lambda: x4.to(memory_format=torch.channels_last_3d).stride(),
             lambda: x4.contiguous(memory_format=torch.channels_last_3d).stride(),
             lambda: torch.empty(2, 3, memory_format=torch.channels_last).stride(),
             lambda: torch.empty(2, 3, memory_format=torch.preserve_format).stride(),
             lambda: torch.randn_like(x2, memory_format=torch.channels_last).stride(),
             lambda: torch.zeros_like(x2, memory_format=torch.channels_last).stride(),
             lambda: x2.is_contiguous(memory_format=torch.channels_last),
             lambda: x2.t().contiguous(memory_format=torch.preserve_format).stride(),
             lambda: x2.contiguous(memory_format=torch.preserve_format).stride(),
             lambda: torch.ones(1, 2, 2, 2, 2).to(memory_format=torch.channels_last_3d).stride(),
             lambda: torch.ones(2).to(memory_format=torch.preserve_format).stride()]:
    attempt(make)'''],
    "like_functions_preserve_the_layout": ['''x = torch.ones(2, 3).t()
c = torch.ones(1, 2, 3, 4).to(memory_format=torch.channels_last)
s = torch.ones(3, 4)[:, ::2]
for t in (x, c, s):
    print(torch.zeros_like(t).stride(), torch.ones_like(t).stride(), torch.full_like(t, 2.0).stride(),
          torch.empty_like(t).stride(), torch.rand_like(t).stride(), torch.randint_like(t, 5).stride(),
          torch.zeros_like(t, memory_format=torch.contiguous_format).stride(),
          torch.zeros_like(t, memory_format=torch.legacy_contiguous_format).stride(),
          t.clone().stride(), t.clone(memory_format=torch.contiguous_format).stride())
print(torch.ones_like(torch.ones(1, 2, 3, 4), memory_format=torch.channels_last).stride())
p = torch.nn.Parameter(torch.randn(3, 4))
print(torch.zeros_like(p, memory_format=torch.preserve_format))'''],
    "random_like_values_in_memory_order": ['''x = torch.ones(2, 3).t()
torch.manual_seed(0)
print(torch.randn_like(x))
print(torch.rand_like(x))
print(torch.randint_like(x, 10))
z = torch.zeros(2, 3, 4).permute(2, 0, 1)
print(torch.rand_like(z)[0])
print(torch.empty_like(x).normal_())'''],
    "module_to_channels_last": ['''torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Conv2d(2, 3, 3), torch.nn.BatchNorm2d(3), torch.nn.Linear(4, 2))
model = model.to(memory_format=torch.channels_last)
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.stride())
x = torch.randn(1, 2, 6, 6).to(memory_format=torch.channels_last)
print(x.requires_grad_().to(memory_format=torch.contiguous_format).grad_fn.name())
print(x.to(torch.float64, memory_format=torch.channels_last).stride())
try:
    torch.nn.Conv3d(1, 1, 1).to(memory_format=torch.channels_last)
except RuntimeError as e:
    print(e)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_memory_formats_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
