"""What the hundred-and-fifteenth probe (statistical modelling as stats/econometrics notebooks write it: GLMs with
PoissonNLLLoss and hand-written negative binomial / Gamma likelihoods, logit and probit with BCEWithLogitsLoss and
ndtr/ndtri, heteroscedastic regression with GaussianNLLLoss, quantile and robust regression, OLS/ridge/LASSO with
standard errors from the Hessian, bootstrap) found, each checked against PyTorch: the scalar arguments of the
losses are parsed as PyTorch's argument parser parses them. A robust scale read off a tensor (a MAD) passes as
huber_loss's delta or smooth_l1_loss's beta when it is a 0-dim tensor that does not require grad; a 1-element
tensor, a tensor that requires grad, a string or None is the parser's TypeError ("argument 'delta' (position 4)
must be float, not Tensor"), not a numpy comparison error; HuberLoss(delta=<tensor>) refuses it in its constructor;
the reduction is read before delta/beta, the broadcast before beta, and smooth_l1_loss(beta=0) warns once about
the target size. The same parse for poisson_nll_loss (log_input, full: bool; eps: float), margin_ranking_loss,
hinge_embedding_loss, cosine_embedding_loss and triplet_margin_loss (margin, p, eps: float; swap: bool),
multi_margin_loss (p, margin: Number), cross_entropy's label_smoothing (float) and kl_div's log_target (bool);
F.softplus (a variance head's link) and F.softshrink (LASSO's soft threshold) are ATen's functions themselves and
parse beta / threshold / lambd as Numbers, the position named only for an argument given by position."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import numpy as np
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(4, 3)
t = torch.randn(4, 3)
lab = torch.tensor([0, 2, 1, 0])
s = torch.tensor([1., -1., 1., -1.])
mad = (t - t.median()).abs().median() / 0.6745
'''

CELLS = {
    "huber_smooth_l1_delta_beta": [
        SETUP + '''for v in [mad, torch.tensor(2), torch.tensor(True), np.float32(0.5), 1, torch.tensor([0.5]),
          torch.tensor(0.5, requires_grad=True), "1.0", None, torch.tensor(-1.), torch.tensor(1 + 1j), 1 + 2j]:
    attempt(lambda: F.huber_loss(x, t, delta=v))
    attempt(lambda: F.smooth_l1_loss(x, t, beta=v))
''',
        SETUP + '''for v in [torch.tensor(0), torch.tensor([0.]), torch.tensor(0., requires_grad=True), torch.tensor([0., 0.])]:
    attempt(lambda: F.smooth_l1_loss(x, t, beta=v))
attempt(lambda: F.huber_loss(x, t, delta=None, reduction="bad"))
attempt(lambda: F.smooth_l1_loss(x, t[:2], beta=None))
attempt(lambda: F.smooth_l1_loss(x, t, beta=None, reduction="bad"))
attempt(lambda: F.huber_loss(x, t, delta=mad, weight=torch.ones(4, 3)))
attempt(lambda: torch.nn.SmoothL1Loss(beta=mad)(x, t))
attempt(lambda: torch.nn.HuberLoss(delta=torch.tensor(1.0)))
attempt(lambda: torch.nn.HuberLoss(delta="1"))
''',
        SETUP + '''print(F.smooth_l1_loss(x, t[:, :1], beta=0.0))
print(F.smooth_l1_loss(x, t[:1], beta=torch.tensor(0.0), reduction="sum"))
w = torch.randn(4, 3, requires_grad=True)
l = F.huber_loss(w, t, delta=1.345 * mad)
l.backward()
print(l, w.grad)
''',
    ],
    "losses_scalar_arguments": [
        SETUP + '''for make in [
        lambda: F.poisson_nll_loss(x, t.abs(), eps=torch.tensor(0.1)),
        lambda: F.poisson_nll_loss(x, t.abs(), eps=torch.tensor([0.1])),
        lambda: F.poisson_nll_loss(x, t.abs(), eps=None),
        lambda: F.poisson_nll_loss(x, t.abs(), eps="1e-8"),
        lambda: F.poisson_nll_loss(x, t.abs(), log_input=1),
        lambda: F.poisson_nll_loss(x, t.abs(), full=1),
        lambda: F.poisson_nll_loss(x, t.abs(), eps=None, reduction="x"),
        lambda: torch.nn.PoissonNLLLoss(log_input=False, eps=torch.tensor(1e-3))(x.abs(), t.abs()),
        lambda: F.margin_ranking_loss(x[:, 0], t[:, 0], s, margin=torch.tensor([0.5])),
        lambda: F.margin_ranking_loss(x[:, 0], t[:, 0], s, margin=None),
        lambda: F.margin_ranking_loss(x[:, 0], t[:, 0], s, margin=1 + 1j),
        lambda: F.margin_ranking_loss(x[:, 0], t[:, 0], s[:2, None], margin=None),
        lambda: F.hinge_embedding_loss(x, torch.ones(4, 3), margin=torch.tensor(0.5, requires_grad=True)),
        lambda: F.hinge_embedding_loss(x, torch.ones(4, 3), margin="a"),
        lambda: F.cosine_embedding_loss(x, t, s, margin=torch.tensor([0.5])),
        lambda: F.cosine_embedding_loss(x, t, s, margin=torch.tensor(0.5)),
        lambda: F.triplet_margin_loss(x, t, x, margin=torch.tensor([0.5])),
        lambda: F.triplet_margin_loss(x, t, x, p=torch.tensor([2.])),
        lambda: F.triplet_margin_loss(x, t, x, eps=None),
        lambda: F.triplet_margin_loss(x, t, x, swap=1),
        lambda: F.multi_margin_loss(x, lab, margin=torch.tensor([1.])),
        lambda: F.multi_margin_loss(x, lab, margin="a"),
        lambda: F.multi_margin_loss(x, lab, p=torch.tensor(2.0), margin=np.float64(0.5)),
        lambda: F.cross_entropy(x, lab, label_smoothing=torch.tensor([0.1])),
        lambda: F.cross_entropy(x, lab, label_smoothing=None),
        lambda: F.cross_entropy(x, lab, label_smoothing=torch.tensor(0.1)),
        lambda: F.cross_entropy(x, torch.softmax(t, 1), label_smoothing=np.float32(0.2)),
        lambda: F.kl_div(x, t, reduction="batchmean", log_target=torch.tensor(True)),
        lambda: F.kl_div(x, t, reduction="batchmean", log_target=1),
        lambda: F.kl_div(x, t, reduction="batchmean", log_target=np.bool_(True)),
        lambda: torch.nn.KLDivLoss(reduction="batchmean", log_target=0)(x, t),
        lambda: torch.nn.TripletMarginLoss(swap=0)(x, t, x),
]:
    attempt(make)
''',
    ],
    "softplus_softshrink_scalar_arguments": [
        SETUP + '''for v in [torch.tensor(0.5), torch.tensor([0.5]), torch.tensor(0.5, requires_grad=True), "a", None, 2,
          np.float32(0.5), torch.tensor(-0.5)]:
    attempt(lambda: F.softplus(x, v).sum())
    attempt(lambda: F.softplus(x, beta=v).sum())
    attempt(lambda: F.softplus(x, 1, v).sum())
    attempt(lambda: torch.nn.Softplus(beta=v)(x).sum())
    attempt(lambda: F.softshrink(x, v).sum())
    attempt(lambda: torch.nn.Softshrink(lambd=v)(x).sum())
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe115_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe115/{name}", warns="per_cell")
