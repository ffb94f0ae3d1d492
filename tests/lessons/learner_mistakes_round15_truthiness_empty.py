# Tensors in `if` and `while`, as in the Stack Overflow question "Boolean value of Tensor with more than one value is
# ambiguous" and its variants: an early-stopping check on a filtered tensor that came out empty, "if detections:"
# after a score threshold that kept no boxes (the torchvision detection tutorial's post-processing), `any()` on
# nothing, and the fixes (.numel(), .any(), .item()).
import torch

torch.manual_seed(0)
scores = torch.tensor([0.2, 0.4, 0.1])
keep = scores[scores > 0.5]
print(keep, keep.shape)
for value in [keep, torch.zeros(0, 4), scores, torch.tensor([0.7]), torch.tensor(0.0), torch.zeros(1, 1, 0)]:
    try:
        print('true' if value else 'false')
    except Exception as e:
        print(type(e).__name__, e)
try:
    while keep:
        break
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.is_nonzero(keep)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(not keep)
except Exception as e:
    print(type(e).__name__, e)
print(keep.numel() > 0, keep.any(), bool(keep.any()), len(keep) == 0, torch.tensor([]).all())

# %%
losses = torch.tensor([0.9, 0.7, 0.71, 0.72])
best = losses[:0]
try:
    if best and losses[-1] < best.min():
        print('improved')
except Exception as e:
    print(type(e).__name__, e)
try:
    if losses[1:] > losses[:-1]:
        print('worse')
except Exception as e:
    print(type(e).__name__, e)
worse = (losses[1:] > losses[:-1])
print(worse, worse.any().item(), worse.all().item())
boxes = torch.rand(3, 4)[torch.tensor([False, False, False])]
try:
    assert boxes, 'no boxes'
except Exception as e:
    print(type(e).__name__, e)
print('no boxes' if boxes.numel() == 0 else boxes)
