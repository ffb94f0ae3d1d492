# Imitates fastbook chapter 4 "Under the Hood: Training a Digit Classifier" (first half): stacking the '3' and '7'
# images with torch.stack, the "ideal" digit as stacked.mean(0), mnist_distance with (a-b).abs().mean((-1,-2)),
# F.l1_loss / F.mse_loss against the hand-written forms, broadcasting the distance over the validation stack, and
# is_3 accuracy. Small synthetic 6x6 'images' stand in for MNIST.
import torch
import torch.nn.functional as F
from torch import tensor

# %%
torch.manual_seed(0)
base3 = torch.zeros(6, 6); base3[1:5, 3] = 1.; base3[1, 1:4] = 1.; base3[4, 1:4] = 1.
base7 = torch.zeros(6, 6); base7[1, 1:5] = 1.; base7[2:5, 4] = 1.
three_tensors = [(base3 + torch.rand(6, 6) * 0.3).clamp(0, 1) for _ in range(8)]
seven_tensors = [(base7 + torch.rand(6, 6) * 0.3).clamp(0, 1) for _ in range(8)]
len(three_tensors), len(seven_tensors)

# %%
stacked_sevens = torch.stack(seven_tensors).float()
stacked_threes = torch.stack(three_tensors).float()
stacked_threes.shape, stacked_threes.ndim, len(stacked_threes.shape)

# %%
mean3 = stacked_threes.mean(0)
mean7 = stacked_sevens.mean(0)
print(mean3)
print(mean3.dtype, mean3.shape)

# %%
a_3 = stacked_threes[1]
dist_3_abs = (a_3 - mean3).abs().mean()
dist_3_sqr = ((a_3 - mean3)**2).mean().sqrt()
dist_3_abs, dist_3_sqr

# %%
dist_7_abs = (a_3 - mean7).abs().mean()
dist_7_sqr = ((a_3 - mean7)**2).mean().sqrt()
dist_7_abs, dist_7_sqr

# %%
F.l1_loss(a_3.float(), mean7), F.mse_loss(a_3, mean7).sqrt()

# %%
print(F.l1_loss(a_3, mean7, reduction='none').shape)
print(F.mse_loss(a_3, mean7, reduction='sum'))
try:
    F.l1_loss(a_3, mean7, reduction='average')
except Exception as e:
    print(type(e).__name__, e)

# %%
data = [[1, 2, 3], [4, 5, 6]]
arr = tensor(data)
print(arr)
print(arr[1])
print(arr[:, 1])
print(arr[1, 1:3])
print(arr + 1)
print(arr.type())
print((arr * 1.5).type())

# %%
valid_3_tens = torch.stack([(base3 + torch.rand(6, 6) * 0.4).clamp(0, 1) for _ in range(5)])
valid_7_tens = torch.stack([(base7 + torch.rand(6, 6) * 0.4).clamp(0, 1) for _ in range(5)])
valid_3_tens = valid_3_tens.float() / 1
valid_3_tens.shape, valid_7_tens.shape

# %%
def mnist_distance(a, b): return (a - b).abs().mean((-1, -2))
mnist_distance(a_3, mean3)

# %%
valid_3_dist = mnist_distance(valid_3_tens, mean3)
valid_3_dist, valid_3_dist.shape

# %%
tensor([1, 2, 3]) + tensor(1)

# %%
(valid_3_tens - mean3).shape

# %%
def is_3(x): return mnist_distance(x, mean3) < mnist_distance(x, mean7)
is_3(a_3), is_3(a_3).float()

# %%
is_3(valid_3_tens)

# %%
accuracy_3s = is_3(valid_3_tens).float().mean()
accuracy_7s = (1 - is_3(valid_7_tens).float()).mean()
accuracy_3s, accuracy_7s, (accuracy_3s + accuracy_7s) / 2

# %%
try:
    (1 - is_3(valid_7_tens)).float()
except Exception as e:
    print(type(e).__name__, e)
print((~is_3(valid_7_tens)).float().mean())
print(mnist_distance(valid_3_tens, mean3).mean(-1, keepdim=True))
try:
    mnist_distance(valid_3_tens, mean3.view(-1))
except Exception as e:
    print(type(e).__name__, e)
