"""What the hundred-and-eighteenth probe (Godoy's "Deep Learning with PyTorch Step-by-Step", chapters 7-11:
transfer learning with frozen layers and BatchNorm's running statistics, RNN/GRU/LSTM cells by hand, packed
sequences, attention and transformers by hand, embeddings and EmbeddingBag) found, each checked against PyTorch:
the autograd kernel's refusal of an argument PyTorch does not differentiate was missing for batch norm's running
statistics (a BatchNorm layer whose buffers were set to require grad, in training and in eval, through F.batch_norm,
F.instance_norm and the InstanceNorm layers: 'native_batch_norm' ... 'running_mean'), for multi_margin_loss's weight
and for soft_margin_loss's target; and it comes where PyTorch makes it: after the argument parser and the composite
code's checks (the running statistics' sizes, eval mode's undefined statistics, BCE's weight that does not broadcast),
before the kernel's (BCE's integral target, batch norm's dtypes, the margin loss's sizes), never under no_grad."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "batch_norm_running_stats_that_require_grad": [
        ATTEMPT + '''import torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(4, 3)
rg = lambda n=3: torch.zeros(n, requires_grad=True)
for make in [
        lambda: F.batch_norm(x, rg(), torch.ones(3), training=True),
        lambda: F.batch_norm(x, rg(), torch.ones(3), training=False),
        lambda: F.batch_norm(x, torch.zeros(3), rg(), training=False),
        lambda: F.batch_norm(x.requires_grad_(), torch.zeros(3), rg(), training=True),
        lambda: F.batch_norm(x, rg(), None, training=True),
        lambda: F.batch_norm(x, None, rg(), training=False),
        lambda: F.batch_norm(x, rg(2), torch.ones(3), training=False),
        lambda: F.batch_norm(x, rg(), torch.ones(3), weight=torch.ones(2), training=True),
        lambda: F.batch_norm(x.long(), rg(), torch.ones(3), training=False),
        lambda: F.batch_norm(x.double(), rg(), torch.ones(3), training=False),
        lambda: F.batch_norm(torch.zeros(1, 3), rg(), torch.ones(3), training=True),
        lambda: F.batch_norm(torch.zeros(0, 3), rg(), torch.ones(3), training=True),
        lambda: F.instance_norm(torch.randn(2, 3, 4), rg(), torch.ones(3)),
        lambda: F.instance_norm(torch.randn(2, 3, 4), torch.zeros(3), rg(), use_input_stats=False),
        lambda: F.instance_norm(torch.randn(2, 3, 4), rg(2), torch.ones(2)),
        lambda: torch.batch_norm(x, None, None, rg(), torch.ones(3), False, 0.1, 1e-5, False),
]:
    attempt(make)
with torch.no_grad():
    attempt(lambda: F.batch_norm(x, rg(), torch.ones(3), training=True).shape)
''',
        '''import torch.nn as nn
torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
for t in list(bn.parameters()) + list(bn.buffers()):
    if t.is_floating_point():
        t.requires_grad = True
x = torch.randn(5, 3)
for mode in ("train", "eval"):
    getattr(bn, mode)()
    try:
        bn(x)
    except Exception as e:
        print(type(e).__name__, e)
print(bn.running_mean, bn.num_batches_tracked)
bn.running_mean.requires_grad_(False)
try:
    bn(x)
except Exception as e:
    print(type(e).__name__, e)
bn.running_var.requires_grad_(False)
print(bn(x).grad_fn, bn.running_var)
inorm = nn.InstanceNorm1d(3, track_running_stats=True)
inorm.running_var.requires_grad_()
try:
    inorm(torch.randn(2, 3, 4))
except Exception as e:
    print(type(e).__name__, e)
print(inorm.running_var)
''',
    ],
    "loss_arguments_that_require_grad": [
        ATTEMPT + '''import torch.nn as nn, torch.nn.functional as F
torch.manual_seed(0)
rg = lambda *s: torch.ones(*s, requires_grad=True)
scores, labels = torch.randn(4, 3), torch.tensor([0, 1, 2, 1])
for make in [
        lambda: F.multi_margin_loss(scores, labels, weight=rg(3)),
        lambda: F.multi_margin_loss(scores, labels, weight=rg(2)),
        lambda: F.multi_margin_loss(scores, labels[:3], weight=rg(3)),
        lambda: F.multi_margin_loss(scores.long(), labels, weight=rg(3)),
        lambda: F.multi_margin_loss(scores, labels, p=3, weight=rg(3)),
        lambda: F.multi_margin_loss(scores, labels, weight=rg(3), reduction="bad"),
        lambda: nn.MultiMarginLoss(weight=rg(3))(scores, labels),
        lambda: F.soft_margin_loss(scores, rg(4, 3)),
        lambda: F.soft_margin_loss(scores, rg(2, 4, 3)),
        lambda: F.soft_margin_loss(scores.long(), rg(4, 3)),
        lambda: F.soft_margin_loss(scores, rg(4, 3), reduction="bad"),
        lambda: nn.SoftMarginLoss(reduction="none")(scores, rg(4, 3)),
        lambda: F.soft_margin_loss(scores.requires_grad_(), torch.ones(4, 3)).grad_fn,
        lambda: F.binary_cross_entropy(torch.rand(3), torch.ones(3, dtype=torch.long), weight=rg(3)),
        lambda: F.binary_cross_entropy(torch.rand(3) + 2, torch.ones(3), weight=rg(3)),
        lambda: F.binary_cross_entropy(torch.rand(3), torch.ones(3), weight=rg(2)),
        lambda: F.binary_cross_entropy(torch.rand(3), torch.ones(3), weight=rg(2, 1)),
        lambda: F.binary_cross_entropy(torch.rand(3), torch.ones(3, dtype=torch.long), weight=torch.ones(3)),
]:
    attempt(make)
with torch.no_grad():
    attempt(lambda: F.multi_margin_loss(scores, labels, weight=rg(3)))
    attempt(lambda: F.soft_margin_loss(scores, rg(4, 3)))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe118_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe118/{name}", warns="per_cell")
