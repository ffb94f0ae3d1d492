# Imitates cells that change how tensors print: torch.set_printoptions(precision, sci_mode, threshold, linewidth,
# edgeitems).
import torch

# %%
x = torch.tensor([1.123456789, 22.5, -0.000123])
print(x)
torch.set_printoptions(precision=2)
print(x)

# %%
torch.set_printoptions(precision=6)
print(x)
print(torch.tensor(3.14159265358979))

# %%
torch.set_printoptions(sci_mode=False)
print(x)
print(torch.tensor([1e-8, 1e8]))

# %%
torch.set_printoptions(precision=4, sci_mode=True)
print(torch.tensor([0.5, 1.5]))

# %%
torch.set_printoptions(profile="default")
big = torch.arange(2000.0)
print(big)
torch.set_printoptions(threshold=10, edgeitems=2)
print(torch.arange(20))
print(torch.arange(36).reshape(6, 6))

# %%
torch.set_printoptions(profile="default")
torch.set_printoptions(linewidth=40)
print(torch.linspace(0, 1, 12))

# %%
torch.set_printoptions(profile="short")
print(torch.tensor([1.23456, 2.5]))
print(torch.arange(1500))

# %%
torch.set_printoptions(profile="default")
print(torch.tensor([1.23456, 2.5]))
print(torch.tensor([1.23456, 2.5], requires_grad=True) * 2)
