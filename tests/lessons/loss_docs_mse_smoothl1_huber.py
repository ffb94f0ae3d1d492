# Imitates the examples of PyTorch's loss-function docs (torch.nn.MSELoss, SmoothL1Loss, HuberLoss, L1Loss:
# "loss = nn.MSELoss(); input = torch.randn(3, 5, requires_grad=True); target = torch.randn(3, 5);
# output = loss(input, target); output.backward()") and the "PyTorch loss functions explained" blog posts that
# follow them: each reduction, the gradient of a scaled loss, beta / delta, a weighted sum of two losses, and the
# errors a learner meets (a size mismatch's warning, an integer target).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=6)

# %%
loss = nn.MSELoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output)
print(input.grad)

# %%
for reduction in ["mean", "sum", "none"]:
    x = input.detach().clone().requires_grad_()
    out = nn.MSELoss(reduction=reduction)(x, target)
    (out * 0.37).sum().backward()
    print(reduction, out.shape, x.grad[0])

# %%
pred = torch.randn(4, 2, requires_grad=True)
boxes = torch.randn(4, 2)
for beta in [1.0, 0.5, 1 / 9]:
    pred.grad = None
    l = F.smooth_l1_loss(pred, boxes, beta=beta)
    (3.0 * l).backward()
    print(f"beta={beta:.4f} loss={l.item():.6f}", pred.grad.flatten())

# %%
huber = nn.HuberLoss(delta=0.8)
l1 = nn.L1Loss()
pred.grad = None
total = 0.5 * F.mse_loss(pred, boxes) + 0.25 * huber(pred, boxes) + 0.25 * l1(pred, boxes)
total.backward()
print(total)
print(pred.grad)

# %%
try:
    F.mse_loss(torch.randn(4, 1), torch.randn(4))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.smooth_l1_loss(torch.randn(3), torch.tensor([1, 2, 3]))
except Exception as e:
    print(type(e).__name__, e)
