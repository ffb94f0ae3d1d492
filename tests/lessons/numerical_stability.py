# Imitates a lesson on numerical stability: log(0), overflow in a naive softmax, nan gradients, and the stable versions.
import torch
import torch.nn.functional as F

# %%
p = torch.tensor([0.0, 0.5, 1.0])
print(torch.log(p))
print(torch.log(1 - p))

# %%
print(torch.tensor([1.0, -1.0, 0.0]) / 0)

# %%
z = torch.tensor([1000.0, 1001.0, 1002.0])
naive = torch.exp(z) / torch.exp(z).sum()
print(naive)
print(F.softmax(z, dim=0))
print(torch.exp(z - z.max()) / torch.exp(z - z.max()).sum())

# %%
x = torch.tensor([0.0, 1.0], requires_grad=True)
torch.sqrt(x).sum().backward()
print(x.grad)

# %%
logits = torch.tensor([20.0, -20.0], requires_grad=True)
target = torch.tensor([0.0, 1.0])
prob = torch.sigmoid(logits)
print(prob)
naive_bce = -(target * torch.log(prob) + (1 - target) * torch.log(1 - prob)).mean()
print(naive_bce)
print(F.binary_cross_entropy_with_logits(logits, target))
print(F.binary_cross_entropy(prob, target))
