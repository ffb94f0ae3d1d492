# Imitates dataflowr (Marc Lelarge) module 3 "loss functions for classification": the same logits through
# nn.LogSoftmax + nn.NLLLoss, nn.CrossEntropyLoss, nn.Sigmoid + nn.BCELoss and nn.BCEWithLogitsLoss; printing each
# loss and catching the errors a learner gets from wrong target dtypes and shapes.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(1)
logits = torch.randn(4, 3, requires_grad=True)
target = torch.tensor([0, 2, 1, 2])
m = nn.LogSoftmax(dim=1)
loss_nll = nn.NLLLoss()
print(m)
print(loss_nll)
l1 = loss_nll(m(logits), target)
ce = nn.CrossEntropyLoss()
l2 = ce(logits, target)
print(l1, l2)
print(torch.allclose(l1, l2))
l2.backward()
print(logits.grad)

# %%
print(nn.NLLLoss(reduction='none')(m(logits), target))
print(nn.NLLLoss(reduction='sum')(m(logits), target))
print(nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5]))(logits, target))
print(nn.CrossEntropyLoss(ignore_index=2)(logits, target))
print(nn.CrossEntropyLoss(label_smoothing=0.1)(logits, target))
print(F.cross_entropy(logits, F.softmax(logits.detach() * 2, dim=1)))

# %%
for bad in [target.float(), target.view(4, 1), torch.tensor([0, 3, 1, 2]), target[:3], target.int()]:
    try:
        print(ce(logits, bad))
    except Exception as e:
        print(type(e).__name__, e)

# %%
try:
    loss_nll(logits, target.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.NLLLoss()(m(logits), torch.tensor([0, -1, 1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    m(torch.tensor([1, 2, 3]))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(2)
z = torch.randn(5, requires_grad=True)
y = torch.tensor([1., 0., 1., 1., 0.])
sig = nn.Sigmoid()
bce = nn.BCELoss()
bcel = nn.BCEWithLogitsLoss()
print(sig, bce, bcel)
a = bce(sig(z), y)
b = bcel(z, y)
print(a, b, (a - b).abs() < 1e-6)
b.backward()
print(z.grad)
print(nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.))(z, y))
print(F.binary_cross_entropy(torch.sigmoid(z), y, reduction='none'))

# %%
for bad_target in [y.long(), y[:4], y.view(5, 1)]:
    try:
        print(bce(sig(z), bad_target))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(bcel(z, bad_target))
    except Exception as e:
        print(type(e).__name__, e)
try:
    bce(z * 3, y)
except Exception as e:
    print(type(e).__name__, e)

# %%
# two-class problem both ways
z2 = torch.stack([torch.zeros(5), z.detach()], dim=1)
print(F.cross_entropy(z2, y.long()), F.binary_cross_entropy_with_logits(z.detach(), y))
print(F.log_softmax(z2, 1).exp().sum(1))
print(F.nll_loss(F.log_softmax(z2, 1), y.long(), reduction='none'))
