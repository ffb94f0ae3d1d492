"""What the two-hundred-and-fifth probe (probabilistic sequence models as course notebooks teach them: an HMM's
forward-backward and Viterbi in log space, a linear-chain CRF's NLL with padded masks, F.ctc_loss on small inputs)
found, each checked against PyTorch: ctc_loss dispatches on float and double only ('"ctc_loss_cpu" not implemented
for 'Half''), before ATen's other checks, then refuses an empty log_probs and checks that log_probs is 3-d (an input
of any other rank is "unbatched" and gains a dim first); torch.ctc_loss's reduction left out is 0 (none: the Python
parser reads the schema's "at::Reduction::Mean" as a number), and an int other than 1 or 2 reduces nothing; the
parser checks every argument's type (a float blank, an int zero_infinity, a list of targets are TypeErrors);
masked_scatter with a uint8 mask warns that it is deprecated before refusing it, and its in-place expand error names
the mask's own type."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "ctc_loss_dispatches_on_float_and_double_first": [
        ATTEMPT + '''F = torch.nn.functional
torch.manual_seed(0)
lp = torch.randn(5, 2, 4).log_softmax(2)
tg = torch.tensor([[1, 2], [3, 3]])
for dt in (torch.half, torch.bfloat16, torch.long, torch.int32, torch.bool, torch.complex64):
    attempt(lambda: F.ctc_loss(lp.to(dt), tg, (5, 5), (2, 2)))
    attempt(lambda: F.ctc_loss(lp.to(dt), tg, (5, 5), (2, 2), blank=9))
    attempt(lambda: F.ctc_loss(lp.to(dt)[:, 0], tg[0], (5,), (2,)))
    attempt(lambda: torch.ctc_loss(lp.to(dt), tg, (5, 5), (2, 2)))
attempt(lambda: F.ctc_loss(lp.half(), tg, torch.tensor([5, 5]), torch.tensor([2., 2.])))
attempt(lambda: torch.nn.CTCLoss()(lp.half().requires_grad_(), tg, (5, 5), (2, 2)))
print(F.ctc_loss(lp.double(), tg, (5, 4), (2, 2), reduction="none"))
''',
    ],
    "ctc_loss_empty_and_rank_checks": [
        ATTEMPT + '''F = torch.nn.functional
torch.manual_seed(0)
lp = torch.randn(5, 2, 4).log_softmax(2)
tg = torch.tensor([[1, 2], [3, 3]])
attempt(lambda: F.ctc_loss(lp.unsqueeze(0), tg, (5, 5), (2, 2)))
attempt(lambda: F.ctc_loss(lp.unsqueeze(2), tg, (5, 5), (2, 2), blank=9))
attempt(lambda: F.ctc_loss(lp.unsqueeze(0), tg[None, None], (5, 5), (2, 2)))
attempt(lambda: F.ctc_loss(lp[0, 0], tg, (5, 5), (2, 2)))
attempt(lambda: F.ctc_loss(lp[:0], tg, (0, 0), (2, 2), reduction="none"))
attempt(lambda: F.ctc_loss(lp[:, :0], tg[:0], (), (), reduction="mean"))
attempt(lambda: F.ctc_loss(lp[:, :, :0], tg, (5, 5), (2, 2)))
attempt(lambda: F.ctc_loss(torch.randn(0), tg, (0, 0), (2, 2)))
attempt(lambda: F.ctc_loss(torch.randn(0, 2, 4).half(), tg, (0, 0), (2, 2)))
attempt(lambda: torch.ctc_loss(torch.randn(0, 2, 4), tg, (5, 5), (2, 2)))
''',
    ],
    "torch_ctc_loss_reduction_default_is_none": [
        ATTEMPT + '''torch.manual_seed(0)
lp = torch.randn(5, 2, 4).log_softmax(2).requires_grad_()
tg = torch.tensor([[1, 2], [3, 3]])
print(torch.ctc_loss(lp, tg, (5, 5), (2, 2)))
print(torch.ctc_loss(lp, tg, torch.tensor([5, 4]), torch.tensor([2, 1])))
print(torch.ctc_loss(lp, tg, (5, 5), (2, 2), blank=0, zero_infinity=True))
for red in (0, 1, 2, 3, -1, 7):
    print(red, torch.ctc_loss(lp, tg, (5, 4), (2, 1), 0, red))
print(torch.ctc_loss(lp, tg, (5, 5), (2, 2), reduction=2, zero_infinity=True))
''',
    ],
    "ctc_loss_parser_checks_every_argument": [
        ATTEMPT + '''F = torch.nn.functional
torch.manual_seed(0)
lp = torch.randn(6, 2, 5).log_softmax(2)
tg = torch.tensor([[1, 2], [3, 4]])
attempt(lambda: torch.ctc_loss(lp, tg, (6, 6), (2, 2), reduction="mean"))
attempt(lambda: torch.ctc_loss(lp, tg, (6, 6), (2, 2), 0, 1, 1))
attempt(lambda: torch.ctc_loss(lp, tg, (6, 6), (2, 2), 0.0))
attempt(lambda: F.ctc_loss(lp, tg, (6, 6), (2, 2), blank=1.0))
attempt(lambda: F.ctc_loss(lp, tg, (6, 6), (2, 2), zero_infinity=1))
attempt(lambda: F.ctc_loss(lp, tg.tolist(), (6, 6), (2, 2)))
attempt(lambda: F.ctc_loss(lp, tg, [6, 6.0], [2, 2]))
attempt(lambda: F.ctc_loss(lp, tg, torch.tensor([6, 6]), (2, 2)))
attempt(lambda: torch.nn.CTCLoss(blank=4.0)(lp, tg, (6, 6), (2, 2)))
print(F.ctc_loss(lp, tg, (6, 6), (2, 2), blank=4, zero_infinity=False))
''',
    ],
    "masked_scatter_byte_mask_warns_then_refuses": [
        ATTEMPT + '''x = torch.zeros(3)
m = torch.tensor([1, 0, 1], dtype=torch.uint8)
attempt(lambda: x.masked_scatter(m, torch.ones(3)))
attempt(lambda: torch.masked_scatter(x, m, torch.ones(3)))
attempt(lambda: x.clone().masked_scatter_(m, torch.ones(3)))
attempt(lambda: x.masked_scatter(m, torch.ones(3).double()))
attempt(lambda: x.masked_scatter(m.long(), torch.ones(3)))
attempt(lambda: x.clone().masked_scatter_(m[None, None], torch.ones(3)))
attempt(lambda: x.clone().masked_scatter_(m.long()[None, None], torch.ones(3)))
attempt(lambda: x.clone().masked_scatter_(m.bool()[None, None], torch.ones(3)))
print(x.masked_scatter(m.bool(), torch.tensor([5., 6.])))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe205(name):
    assert_same_as_pytorch(CELLS[name], name=name)
