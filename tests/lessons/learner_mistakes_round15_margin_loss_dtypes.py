# Margin and robust-regression losses given the targets learners build from pandas and numpy: the PyTorch forum's
# "expected scalar type Long but found Float" threads for MultiMarginLoss / MultiLabelMarginLoss (class labels read
# as float64 from a CSV, then .float()), SmoothL1Loss on integer house prices (the Kaggle "house prices" notebooks),
# SoftMarginLoss with -1/+1 integer labels, and the dtype each loss comes back in.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
scores = torch.randn(4, 3, requires_grad=True)
labels = torch.tensor([0., 2., 1., 2.])          # read from a CSV column: float
for target in [labels, labels.int(), labels.long()]:
    try:
        loss = nn.MultiMarginLoss()(scores, target)
        print('ok', loss)
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.MultiMarginLoss(weight=torch.tensor([1., 2., 1.], dtype=torch.float64))(scores, labels.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MultiMarginLoss(weight=torch.ones(4))(scores, labels.long())
except Exception as e:
    print(type(e).__name__, e)
loss = nn.MultiMarginLoss(weight=torch.tensor([1., 2., 1.]))(scores, labels.long())
loss.backward()
print(loss, scores.grad)

# %%
for x in [scores.detach().long(), scores.detach().half()]:
    try:
        F.multi_margin_loss(x, labels.long())
    except Exception as e:
        print(type(e).__name__, e)
multi_hot = torch.tensor([[0, 2, -1], [1, -1, -1], [2, 0, 1], [1, 2, -1]])
for target in [multi_hot.float(), multi_hot.int(), multi_hot.float() * 3]:
    try:
        print(nn.MultiLabelMarginLoss()(scores, target))
    except Exception as e:
        print(type(e).__name__, e)
print(nn.MultiLabelMarginLoss()(scores, multi_hot))

# %%
price = torch.tensor([[208], [181], [223], [140]])    # integer sale prices (thousands)
pred = torch.randn(4, 1, requires_grad=True) * 10 + 200
for fn in [nn.SmoothL1Loss(), nn.SmoothL1Loss(beta=5.0), nn.HuberLoss(delta=5.0), nn.L1Loss(), nn.MSELoss()]:
    loss = fn(pred, price)
    print(type(fn).__name__, loss, loss.dtype)
print(F.smooth_l1_loss(pred, price, reduction='none').dtype)
print(F.smooth_l1_loss(pred, price.double()).dtype)
for a, b in [(price, price), (price.int(), price), (price.bool(), price.bool())]:
    try:
        F.smooth_l1_loss(a, b)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.mse_loss(price.int(), price)
except Exception as e:
    print(type(e).__name__, e)
loss = F.smooth_l1_loss(pred, price.float())
loss.backward()
print(loss)

# %%
margin_logits = torch.randn(6, requires_grad=True)
signs = torch.tensor([1, -1, 1, 1, -1, -1])
for target in [signs, signs.double(), signs > 0]:
    loss = nn.SoftMarginLoss()(margin_logits, target)
    print(loss, loss.dtype)
for x, target in [(signs, signs.float()), (signs.int(), signs), (signs.int(), signs.double()), (signs > 0, signs.float())]:
    try:
        nn.SoftMarginLoss()(x, target)
    except Exception as e:
        print(type(e).__name__, e)
loss = nn.SoftMarginLoss(reduction='sum')(margin_logits, signs)
loss.backward()
print(loss, margin_logits.grad)
