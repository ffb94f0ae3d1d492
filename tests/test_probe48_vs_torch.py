"""What the forty-eighth probe (segmentation, detection and point-cloud lessons: a U-Net with ConvTranspose2d and
skip connections, CrossEntropyLoss on (N, C, H, W) logits, Dice / IoU by hand, bincount confusion matrices, box
IoU / NMS / RoI pooling, PointNet, chamfer distance, kNN) found, each checked against PyTorch: nll_loss2d's checks
of a 4-d input's target and weight in ATen's order (a mask with a channel dimension is "only batches of spatial
targets supported", a uint8 mask passes the dtype check but not the CPU kernel, "Long but found Byte", which also
reaches 3-d and 5-d inputs reshaped to 4-d, a weight of the wrong length is the short message), a 0-d target's
batch size read as 0; ConvTranspose's output_size taken as PyTorch's Python takes it (2 + nd or nd elements for a
batched input, 1 + nd or nd for an unbatched one, the message counting what was given, the input size the message
names being input.size()[2:]); torch.bincount of weights that require grad (NotImplemented node whose backward
raises) and its checks in ATen's order (an empty input is int64 zeros whatever the weights); the adaptive pools'
output_size parsed as PyTorch parses it (a float: len()'s TypeError, a float element: the parser's messages, a
1-d pool's int[1]); F.one_hot's argument parser (num_classes=4.0 is a TypeError); a float32 1x1 convolution
that oneDNN runs (a batch of several: PointNet's shared MLP) rounded as oneDNN rounds it, bias first and then one
fused multiply-add per input channel, so that Conv1d(k=1) minus the Linear with its weights prints PyTorch's
1.1921e-07, not 0; class-probability targets multiply by a weight of another dtype (promoting)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
'''

CELLS = {
    "nll_loss2d_checks_in_aten_order": [
        TRY + '''x4 = torch.randn(2, 3, 4, 4)
for shape in ((2, 1, 4, 4), (2, 4), (2,), (2, 4, 4, 1), (2, 4, 5), (2, 3, 4, 4)):
    for dt in (torch.long, torch.uint8, torch.int32, torch.float, torch.bool):
        for w in (None, torch.ones(2), torch.ones(3), torch.ones(3).double()):
            t = torch.zeros(shape, dtype=dt)
            attempt(lambda: F.nll_loss(x4, t, weight=w))
            attempt(lambda: F.cross_entropy(x4, t, weight=w))''',
        '''t = torch.randint(0, 3, (2, 4, 4))
for red in ("none", "sum", "mean"):
    attempt(lambda: F.nll_loss(x4, t.to(torch.uint8), reduction=red))
    attempt(lambda: F.nll_loss(x4[:0], t[:0].to(torch.uint8), reduction=red))
    attempt(lambda: F.cross_entropy(x4, t.to(torch.uint8), reduction=red, label_smoothing=0.1))
attempt(lambda: F.nll_loss(x4, torch.full((2, 4, 4), 7, dtype=torch.uint8)))
attempt(lambda: F.nll_loss(x4, t.unsqueeze(1), weight=torch.ones(3, requires_grad=True)))
attempt(lambda: F.cross_entropy(x4, t.unsqueeze(1), ignore_index=255, label_smoothing=0.1))
attempt(lambda: F.cross_entropy(x4, t, weight=torch.ones(2), label_smoothing=0.1))
attempt(lambda: nn.CrossEntropyLoss(ignore_index=255)(x4, t.unsqueeze(1)))
soft = torch.rand(2, 3, 4, 4)
for w in (torch.rand(3).double(), torch.rand(3).half(), torch.rand(2)):
    attempt(lambda: F.cross_entropy(x4, soft, weight=w))
    attempt(lambda: F.cross_entropy(x4[:, :, 0, 0], soft[:, :, 0, 0], weight=w, reduction="none"))''',
        '''for x, t in ((torch.randn(2, 3, 4), torch.zeros(2, 4)), (torch.randn(2, 3, 4, 4, 2), torch.zeros(2, 4, 4, 2)),
             (torch.randn(2, 3), torch.zeros(2))):
    attempt(lambda: F.nll_loss(x, t.to(torch.uint8)))
    attempt(lambda: F.nll_loss(x, t.long(), weight=torch.ones(2)))
    attempt(lambda: F.cross_entropy(x, t.long().random_(0, 3).to(torch.uint8)))
for x in (torch.randn(2, 3), torch.randn(2, 3, 4), x4, torch.randn(3)):
    for t in (torch.tensor(1), torch.tensor([5, 1])[1], torch.arange(3).sum()):
        attempt(lambda: F.cross_entropy(x, t))''',
    ],
    "conv_transpose_output_size": [
        TRY + '''up = nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1)
for size in ([10], [1, 10, 10], [1, 4, 10, 10], torch.Size([10, 10]), (1, 2, 3, 10, 10), [12, 12], [1, 2, 9, 9]):
    for x in (torch.randn(1, 4, 5, 5), torch.randn(4, 5, 5)):
        attempt(lambda: up(x, output_size=size).shape)
up1 = nn.ConvTranspose1d(4, 2, 3, stride=2, padding=1)
for size in ([10], [1, 10], [1, 4, 10], [7]):
    for x in (torch.randn(1, 4, 5), torch.randn(4, 5)):
        attempt(lambda: up1(x, output_size=size).shape)
up3 = nn.ConvTranspose3d(4, 2, 3, stride=2, padding=1)
for size in ([1, 5, 5], [1, 5, 5, 5], [5, 6, 5]):
    attempt(lambda: up3(torch.randn(4, 3, 3, 3), output_size=size).shape)''',
    ],
    "bincount_weights_and_order": [
        TRY + '''x = torch.tensor([1, 1, 3])
w = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
y = torch.bincount(x, weights=w)
print(y, y.requires_grad, type(y.grad_fn).__name__, y.grad_fn.name(), len(y.grad_fn.next_functions))
attempt(lambda: y.sum().backward())
print(torch.bincount(x, weights=w.double() * 2, minlength=6), x.bincount(w.detach()))
with torch.no_grad():
    print(torch.bincount(x, weights=w))''',
        '''e = torch.tensor([], dtype=torch.long)
for f in (lambda: torch.bincount(e, weights=torch.tensor([1.0]), minlength=2),
          lambda: torch.bincount(e, weights=torch.tensor([], requires_grad=True)),
          lambda: torch.bincount(e.view(0, 1)), lambda: torch.bincount(torch.ones(2, 2)),
          lambda: torch.bincount(torch.tensor([-1, 2]), minlength=-1),
          lambda: torch.bincount(torch.ones(2, 2, dtype=torch.long), minlength=-1),
          lambda: torch.bincount(torch.tensor([1, -2]), weights=torch.ones(3)),
          lambda: torch.bincount(torch.tensor([1, 2]), weights=torch.ones(2, 1)),
          lambda: torch.bincount(torch.tensor(3)), lambda: torch.bincount(torch.tensor([True]))):
    attempt(f)''',
    ],
    "pad_parses_its_ints_as_the_pools_do": [
        TRY + '''x = torch.ones(1, 1, 2, 2)
for pad in ((1, True), (True, 1), (1, 2.0), (1.0, 2), (1, None), (1, torch.tensor(2)), (torch.tensor(1), 1, 0, 0),
            [1, 1], (1, 1, 1, False)):
    attempt(lambda: F.pad(x, pad).shape)''',
    ],
    "adaptive_pool_output_size_parsing": [
        TRY + '''f = torch.randn(1, 4, 16, 16)
g = torch.randn(4, 5, 7)
h = torch.randn(1, 2, 4, 4, 4)
for size in (2.5, (2.5, 2), (2, 2.5), (2, "2"), (2,), True, (True, 1), (2, True), None, torch.tensor(2),
             torch.tensor([2, 3]), [torch.tensor(2), 3], (None, 2.0), (None, 3), [2, None]):
    attempt(lambda: F.adaptive_max_pool2d(f, size).shape)
    attempt(lambda: F.adaptive_avg_pool2d(f, size).shape)
    attempt(lambda: F.adaptive_max_pool2d(f, size, True)[1].shape)
for size in (2.5, (2, 2.0, 2)):
    attempt(lambda: F.adaptive_max_pool3d(h, size).shape)
    attempt(lambda: F.adaptive_avg_pool3d(h, size).shape)
attempt(lambda: nn.AdaptiveMaxPool2d(2.5)(f))''',
        '''for size in ((3, 2), 2.5, [2.5], None, [], [3], (3,), 3):
    attempt(lambda: F.adaptive_max_pool1d(g, size).shape)
    attempt(lambda: F.adaptive_avg_pool1d(g, size).shape)
attempt(lambda: F.adaptive_max_pool1d(torch.randn(5), 2.5))''',
    ],
    "pointwise_conv_rounds_as_onednn": [
        TRY + '''x = torch.rand(4, 3, 32)
conv = nn.Conv1d(3, 16, 1)
lin = nn.Linear(3, 16)
with torch.no_grad():
    lin.weight.copy_(conv.weight.squeeze(-1))
    lin.bias.copy_(conv.bias)
print((conv(x) - lin(x.transpose(1, 2)).transpose(1, 2)).abs().max())
for c_in, c_out, n, length, bias in ((16, 64, 4, 32, True), (64, 128, 2, 20, False), (70, 33, 3, 17, True)):
    c = nn.Conv1d(c_in, c_out, 1, bias=bias)
    y = c(torch.randn(n, c_in, length))
    print((y * 1e6).frac().abs().sum(), y.sum(), y[0, :2, :3])
c2 = nn.Conv2d(8, 3, 1)
y2 = c2(torch.randn(4, 8, 5, 5))
print((y2 * 1e6).frac().abs().sum(), y2[0, 0])
print(nn.Conv1d(6, 4, 1)(torch.randn(0, 6, 10)).shape, nn.Conv1d(6, 4, 1)(torch.randn(2, 6, 0)).shape)''',
    ],
    "one_hot_argument_parser": [
        TRY + '''t = torch.tensor([0, 2, 1])
for f in (lambda: F.one_hot(t, num_classes=3.0), lambda: F.one_hot(t, 3.0), lambda: F.one_hot([0, 2, 1], 3),
          lambda: F.one_hot(t, num_classes=torch.tensor(3)), lambda: F.one_hot(t, num_classes=None),
          lambda: F.one_hot(t, 3, 4), lambda: F.one_hot(tensor=t), lambda: F.one_hot(input=t),
          lambda: F.one_hot(t, True), lambda: F.one_hot(t.float(), 3.0), lambda: F.one_hot(t, 2)):
    attempt(f)
print(F.one_hot(t, 3), F.one_hot(torch.tensor([[0], [1]])), F.one_hot.__name__)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe48_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
