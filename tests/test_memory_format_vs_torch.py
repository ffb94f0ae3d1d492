"""torch.memory_format on the engine, run against PyTorch (helpers.assert_same_as_pytorch): the format objects,
the layouts to() / contiguous() / clone() / empty() / *_like give (their strides), is_contiguous(memory_format=),
the rank errors, Module.to(memory_format=), and the values random *_like functions draw into a tensor of another
layout (filled in memory order, as PyTorch fills them: a transposed input's randn_like differed in value before).
Written in the fourteenth session (optimizers copied from PyTorch's sources call
``torch.zeros_like(p, memory_format=torch.preserve_format)``; the channels-last tutorial prints strides)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT

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
    # (fifteenth session: the channels-last tutorial's "model(input).is_contiguous(memory_format=...)" printed False,
    # an op on a transposed tensor gave a row-major result that .view() accepted where PyTorch refuses)
    "channels_last_model_stays_channels_last": ['''torch.manual_seed(0)
F = torch.nn.functional
model = torch.nn.Conv2d(8, 4, 3).to(memory_format=torch.channels_last)
inp = torch.randint(1, 10, (2, 8, 4, 4), dtype=torch.float32, requires_grad=True)
inp = inp.contiguous(memory_format=torch.channels_last)
out = model(inp)
print(out.is_contiguous(memory_format=torch.channels_last), out.stride())
x = torch.randn(2, 8, 6, 6).contiguous(memory_format=torch.channels_last)
w = torch.randn(4, 8, 3, 3)
x5 = torch.randn(2, 4, 4, 4, 4).contiguous(memory_format=torch.channels_last_3d)
for label, make in [("conv", lambda: F.conv2d(x, w, padding=1, stride=2)),
                    ("conv_weight_cl", lambda: F.conv2d(x.contiguous(), w.contiguous(memory_format=torch.channels_last))),
                    ("conv_groups", lambda: F.conv2d(x, torch.randn(8, 1, 3, 3), groups=8)),
                    ("conv_transpose", lambda: F.conv_transpose2d(x, torch.randn(8, 3, 3, 3), stride=2)),
                    ("max_pool", lambda: F.max_pool2d(x, 2)),
                    ("max_pool_indices", lambda: F.max_pool2d(x, 2, return_indices=True)[1]),
                    ("avg_pool", lambda: F.avg_pool2d(x, 3, 1, 1)),
                    ("adaptive_avg", lambda: F.adaptive_avg_pool2d(x, (3, 3))),
                    ("adaptive_max", lambda: F.adaptive_max_pool2d(x, 2, return_indices=True)[1]),
                    ("pad", lambda: F.pad(x, (1, 1, 1, 1))),
                    ("reflect_pad", lambda: F.pad(x, (1, 1, 1, 1), mode="reflect")),
                    ("circular_pad", lambda: F.pad(x, (1, 1, 1, 1), mode="circular")),
                    ("nearest", lambda: F.interpolate(x, scale_factor=2)),
                    ("bilinear", lambda: F.interpolate(x, scale_factor=2, mode="bilinear")),
                    ("pixel_shuffle", lambda: F.pixel_shuffle(x, 2)),
                    ("channel_shuffle", lambda: F.channel_shuffle(x, 2)),
                    ("group_norm", lambda: torch.nn.GroupNorm(2, 8)(x)),
                    ("local_response_norm", lambda: F.local_response_norm(x, 2)),
                    ("flip", lambda: x.flip(3)),
                    ("cumsum", lambda: x.cumsum(1)),
                    ("unfold", lambda: F.unfold(x, 2)),
                    ("unpool", lambda: F.max_unpool2d(*F.max_pool2d(x, 2, return_indices=True), 2)),
                    ("conv3d", lambda: F.conv3d(x5, torch.randn(2, 4, 3, 3, 3))),
                    ("max_pool3d", lambda: F.max_pool3d(x5, 2)),
                    ("avg_pool3d", lambda: F.avg_pool3d(x5, 2)),
                    ("trilinear", lambda: F.interpolate(x5, scale_factor=2, mode="trilinear"))]:
    print(label, make().stride())'''],
    "grad_has_the_leafs_layout": ['''w = torch.randn(3, 4).t().detach().requires_grad_()
(w * 2).sum().backward()
print(w.grad.stride(), w.grad.is_contiguous())
(w * 2).sum().backward()
print(w.grad.stride())
v = torch.randn(3, 4)[:, ::2].detach().requires_grad_()
(v * 2).sum().backward()
print(v.grad.stride())
x = torch.randn(2, 3, 4, 4).contiguous(memory_format=torch.channels_last).requires_grad_()
conv = torch.nn.Conv2d(3, 2, 3).to(memory_format=torch.channels_last)
conv(x).sum().backward()
print(x.grad.stride(), conv.weight.grad.stride(), conv.bias.grad.stride())
m = torch.randn(4, 3).t().detach().requires_grad_()
(torch.randn(2, 4) @ m.t()).sum().backward()
print(m.grad.stride())
g, = torch.autograd.grad((w * 3).sum(), w)
print(g.stride())'''],
    "elementwise_ops_follow_their_first_input": ['''a = torch.randn(3, 4).t()
b = torch.randn(4, 3)
print((a + b).stride(), (b + a).stride(), a.exp().stride(), torch.where(a > 0, a, b).stride())
print((a + torch.randn(3)).stride(), (torch.randn(3) + a).stride(), (a[:, :2] + b[:, :2]).stride())
c = torch.randn(2, 3, 4).permute(2, 0, 1)
d = torch.randn(4, 2, 3)
print((c + d).stride(), (d + c).stride(), (c * d + d).stride(), torch.add(c, d, alpha=2).stride())
x = torch.randn(2, 8, 6, 6).contiguous(memory_format=torch.channels_last)
print((x + torch.randn(2, 8, 6, 6)).stride(), (torch.randn(2, 8, 6, 6) + x).stride())
s = a + b
print(s.is_contiguous())
try:
    s.view(-1)
except RuntimeError as e:
    print(e)
print(s.reshape(-1).shape, s.contiguous().view(-1).shape)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_memory_formats_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
