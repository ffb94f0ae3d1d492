"""What the seventy-third probe (the loss errors and dtypes beginners hit with targets and inputs of the wrong
dtype, and tensors used as truth values) found, each checked against PyTorch: multi_margin_loss and
multilabel_margin_loss check their kernels' dtypes (float32/float64 input, Long targets, a weight of the input's
dtype; multi_margin_loss's weight size) where they computed anyway; smooth_l1_loss and soft_margin_loss with an
integer or bool target answer in float32, not numpy's float64 (and their errors for integral inputs);
binary_cross_entropy_with_logits answers in the target's dtype (a float64 input with float32 labels: float32);
BCELoss's weight that does not broadcast gives torch._refs' message with the common shape built so far; nll_loss
on integral or bool scores is its kernel's NotImplementedError, before the target's bounds; bool() of an empty
tensor says "no values"; and multi_margin_loss's gradient of a target entry with no active margin is +0.0."""
import pytest

from helpers import assert_same_as_pytorch

ATTEMPT = '''import torch, torch.nn as nn, torch.nn.functional as F
def attempt(f):
    try:
        r = f()
        print(r, getattr(r, "dtype", None))
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(0)
z = torch.randn(4, 3)
'''

CELLS = {
    "margin_kernels_dtypes": [ATTEMPT + '''for f in [
        lambda: F.multi_margin_loss(z, torch.tensor([0., 1, 2, 1])),
        lambda: F.multi_margin_loss(z, torch.tensor([0., 1, 2, 7])),
        lambda: F.multi_margin_loss(z, torch.tensor([0, 1, 2, 1]).int()),
        lambda: F.multi_margin_loss(z.long(), torch.tensor([0, 1, 2, 9])),
        lambda: F.multi_margin_loss(z.bfloat16(), torch.tensor([0, 1, 2, 1])),
        lambda: F.multi_margin_loss(z, torch.tensor([0, 1, 2, 1]), weight=torch.ones(3).double()),
        lambda: F.multi_margin_loss(z, torch.tensor([0, 1, 2, 1]), weight=torch.ones(4)),
        lambda: F.multilabel_margin_loss(z, torch.full((4, 3), 1.)),
        lambda: F.multilabel_margin_loss(z, torch.full((4, 3), 2.9)),
        lambda: F.multilabel_margin_loss(z, torch.full((4, 3), 5.)),
        lambda: F.multilabel_margin_loss(z.long(), torch.full((4, 3), 1)),
        lambda: F.multilabel_margin_loss(z.half(), torch.full((4, 3), 1)),
]:
    attempt(f)
w = torch.randn(4, 3, requires_grad=True)
F.multi_margin_loss(w - 5 * torch.eye(4, 3), torch.tensor([0, 1, 2, 0])).backward()
print(w.grad)
'''],
    "elementwise_losses_integer_targets": [ATTEMPT + '''yi = torch.ones(4, 3).long()
for f in [
        lambda: F.smooth_l1_loss(z, yi),
        lambda: F.smooth_l1_loss(z, yi.bool(), reduction='none').dtype,
        lambda: F.smooth_l1_loss(z.half(), yi, reduction='none').dtype,
        lambda: F.smooth_l1_loss(z.long(), yi),
        lambda: F.smooth_l1_loss(z.int(), yi),
        lambda: F.mse_loss(z.int(), yi),
        lambda: F.soft_margin_loss(z[:, 0], torch.tensor([1, -1, 1, -1])),
        lambda: F.soft_margin_loss(z[:, 0], torch.tensor([1, -1, 1, -1]).double()),
        lambda: F.soft_margin_loss(z.long(), yi.float()),
        lambda: F.soft_margin_loss(z.int(), yi),
        lambda: F.soft_margin_loss(z.int(), yi.double()),
        lambda: F.soft_margin_loss(z.bool(), yi),
]:
    attempt(f)
'''],
    "bce_dtypes_and_weight_shapes": [ATTEMPT + '''p = torch.sigmoid(z)
for f in [
        lambda: F.binary_cross_entropy_with_logits(z.double(), torch.ones(4, 3)),
        lambda: F.binary_cross_entropy_with_logits(z.double(), torch.ones(4, 3), reduction='none').dtype,
        lambda: F.binary_cross_entropy_with_logits(z.double(), torch.ones(4, 3), pos_weight=torch.ones(3)),
        lambda: F.binary_cross_entropy_with_logits(z, torch.ones(4, 3).half()).dtype,
        lambda: F.binary_cross_entropy(p[:, :1], torch.ones(4, 1), weight=torch.ones(2, 3)),
        lambda: F.binary_cross_entropy(p, torch.ones(4, 3), weight=torch.ones(2, 3)),
        lambda: F.binary_cross_entropy(p[:, :1], torch.ones(4, 1), weight=torch.ones(3)),
]:
    attempt(f)
x = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
loss = F.binary_cross_entropy_with_logits(x, torch.ones(4, 3))
loss.backward()
print(loss, x.grad.dtype)
'''],
    "nll_loss_integral_scores": [ATTEMPT + '''for f in [
        lambda: F.nll_loss(z.long(), torch.tensor([0, 1, 2, 7])),
        lambda: F.nll_loss(z.int(), torch.tensor([0, 1, 2, 1]).byte()),
        lambda: F.nll_loss(z.bool(), torch.tensor([0, 1, 2, 1])),
        lambda: F.nll_loss(z.long(), torch.tensor([0, 1, 2, 1]), weight=torch.ones(3)),
        lambda: F.nll_loss(z.long(), torch.tensor([0, 1, 2, 1]), weight=torch.ones(4)),
        lambda: F.nll_loss(torch.ones(2, 3, 2, 2).long(), torch.zeros(2, 2, 2).long() + 9),
        lambda: F.nll_loss(torch.ones(2, 3, 2, 2).int(), torch.zeros(2, 2, 2).byte()),
        lambda: F.nll_loss(torch.ones(2, 3, 5).long(), torch.zeros(2, 5).long()),
]:
    attempt(f)
'''],
    "bool_of_empty_tensor": [ATTEMPT + '''for v in [torch.tensor([]), torch.zeros(0, 4), z[z > 9], torch.zeros(2), torch.tensor([1.])]:
    attempt(lambda: bool(v))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe73_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
