# Imitates the "torch.tensor of a list of tensors" questions: learners collect per-batch losses, weights or
# predictions (some still requiring grad) in a Python list and call torch.tensor / torch.Tensor on it: the
# warning about converting a tensor with requires_grad=True, the ValueError for tensors of many elements, the
# TypeError for an integer dtype, and the fixes (torch.stack, detach, .item()).
import torch

torch.set_warn_always(True)
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
losses = []
for step in range(3):
    loss = (w * (step + 1)).pow(2).sum()
    losses.append(loss)
print(torch.tensor(losses))
print(torch.tensor([l.item() for l in losses]))
print(torch.stack(losses), torch.stack(losses).grad_fn.name())

# %%
preds = [w * 2, w.detach() + 1]
try:
    torch.tensor(preds)
except ValueError as e:
    print(type(e).__name__, e)
try:
    torch.tensor([w.detach(), w])
except ValueError as e:
    print(type(e).__name__, e)
try:
    torch.Tensor([w, w])
except ValueError as e:
    print(type(e).__name__, e)
print(torch.stack(preds).shape, torch.cat(preds).shape)

# %%
for dtype in (torch.float64, torch.complex64, torch.long, torch.bool):
    try:
        print(torch.tensor([w, w], dtype=dtype))
    except (ValueError, TypeError) as e:
        print(dtype, type(e).__name__, e)
print(torch.tensor([w[0], w[1]], dtype=torch.complex64))
try:
    torch.tensor([w[0].to(torch.complex64), 1.0], dtype=torch.long)
except TypeError as e:
    print(type(e).__name__, e)
print(torch.tensor([w[0].to(torch.complex64), 1.0]))

# %%
with torch.no_grad():
    try:
        torch.tensor([w, w])
    except ValueError as e:
        print(type(e).__name__, e)
    print(torch.tensor([w[0], w[2]]))
print(torch.tensor([t.detach() for t in w.unbind()]), torch.tensor(w.tolist()))
torch.set_warn_always(False)
