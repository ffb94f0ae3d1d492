# Imitates the loss-function threads of the PyTorch forums and Stack Overflow: a classifier trained with float class
# targets, one-hot targets, targets of the wrong length or out of range, BCELoss fed logits, MSELoss with a double
# target or a (N,) target against (N, 1) outputs; each failing call is followed by the fix the answer gives.
import warnings
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            out = f()
        for x in w:
            print("warning:", x.category.__name__, str(x.message)[:300])
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
logits = torch.randn(4, 3, requires_grad=True)
ce = nn.CrossEntropyLoss()
attempt(lambda: ce(logits, torch.tensor([0., 2., 1., 1.])))
attempt(lambda: ce(logits, torch.tensor([0, 2, 1])))
attempt(lambda: ce(logits, torch.tensor([0, 2, 3, 1])))
attempt(lambda: ce(logits, torch.tensor([0, 2, -1, 1])))
attempt(lambda: ce(logits, torch.tensor([[0], [2], [1], [1]])))
attempt(lambda: ce(logits, torch.tensor([0, 2, 1, 1], dtype=torch.int32)))
attempt(lambda: ce(logits, torch.tensor([0, 2, 1, 1], dtype=torch.uint8)))
attempt(lambda: ce(logits, F.one_hot(torch.tensor([0, 2, 1, 1]), 3)))
attempt(lambda: ce(logits, F.one_hot(torch.tensor([0, 2, 1, 1]), 3).float()))
attempt(lambda: ce(logits, torch.tensor([0, 2, 1, 1]).float().long()))
attempt(lambda: ce(logits.double(), torch.tensor([0, 2, 1, 1])))
attempt(lambda: ce(logits[0], torch.tensor(2)))
attempt(lambda: ce(logits[0], torch.tensor([2])))
attempt(lambda: ce(logits, torch.tensor(2)))

# %%
torch.manual_seed(1)
logp = F.log_softmax(torch.randn(3, 5), dim=1)
nll = nn.NLLLoss()
attempt(lambda: nll(logp, torch.tensor([1., 0., 4.])))
attempt(lambda: nll(logp, torch.tensor([1, 0, 5])))
attempt(lambda: nll(logp, torch.tensor([1, 0])))
attempt(lambda: nll(logp, torch.tensor([[1, 0, 4]])))
attempt(lambda: nll(logp.unsqueeze(0), torch.tensor([1, 0, 4])))
attempt(lambda: nll(logp, torch.tensor([1, 0, 4])))
attempt(lambda: F.nll_loss(logp, torch.tensor([1, -100, 4])))
attempt(lambda: F.nll_loss(logp, torch.tensor([1, 0, 4]), weight=torch.ones(4)))
attempt(lambda: F.cross_entropy(torch.randn(2, 3, 4), torch.tensor([[0, 1, 2, 1], [2, 2, 0, 1]])))
attempt(lambda: F.cross_entropy(torch.randn(2, 3, 4), torch.tensor([[0, 1, 2], [2, 2, 0]])))
attempt(lambda: F.cross_entropy(torch.randn(2, 3, 4), torch.tensor([0, 1])))

# %%
torch.manual_seed(2)
out = torch.randn(4, 1, requires_grad=True)
y = torch.tensor([1., 0., 1., 1.])
bce = nn.BCELoss()
attempt(lambda: bce(out, y))
attempt(lambda: bce(out, y.unsqueeze(1)))
attempt(lambda: bce(torch.sigmoid(out), y))
attempt(lambda: bce(torch.sigmoid(out), y.unsqueeze(1)))
attempt(lambda: bce(torch.sigmoid(out), y.unsqueeze(1).long()))
attempt(lambda: bce(torch.sigmoid(out), y.unsqueeze(1).double()))
attempt(lambda: nn.BCEWithLogitsLoss()(out, y))
attempt(lambda: nn.BCEWithLogitsLoss()(out, y.unsqueeze(1)))
attempt(lambda: nn.BCEWithLogitsLoss()(out, y.unsqueeze(1).long()))
attempt(lambda: nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.]))(out, y.view(4, 1)))
attempt(lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.2]), torch.tensor([1., 0.])))
attempt(lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.0]), torch.tensor([1., 0.])))
attempt(lambda: F.binary_cross_entropy(torch.tensor([0.5, float('nan')]), torch.tensor([1., 0.])))

# %%
torch.manual_seed(3)
pred = torch.randn(5, 1, requires_grad=True)
target = torch.from_numpy(np.arange(5.0))
mse = nn.MSELoss()
attempt(lambda: mse(pred, target))
attempt(lambda: mse(pred, target.view(-1, 1)))
loss = mse(pred, target.view(-1, 1).float())
print(loss, loss.grad_fn)
attempt(lambda: loss.backward())
print(pred.grad)
attempt(lambda: mse(pred, target.view(-1, 1)).backward())
attempt(lambda: nn.L1Loss()(pred, torch.arange(5).view(5, 1)))
attempt(lambda: nn.L1Loss()(pred, torch.arange(5.0)))
attempt(lambda: nn.SmoothL1Loss()(pred, torch.arange(6.0).view(6, 1)))
attempt(lambda: nn.HuberLoss()(pred, torch.arange(3.0)))
attempt(lambda: F.mse_loss(pred, torch.arange(5.0).view(5, 1), reduction='avg'))
attempt(lambda: F.kl_div(torch.randn(2, 3).log_softmax(1), torch.randn(2, 3).softmax(1)))
