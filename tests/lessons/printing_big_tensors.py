# Imitates the "what does print show me" part of a tensors lesson: summarised big tensors (the ... threshold),
# edgeitems, linewidth, scientific notation, mixed magnitudes, integers and float64 tensors.
import torch

torch.manual_seed(0)
print(torch.arange(1500))
print(torch.arange(2000.).reshape(40, 50))
print(torch.zeros(3, 1001, dtype=torch.int32))

# %%
print(torch.tensor([1e-8, 1.0, 1e8]))
print(torch.tensor([0.1, 12345.678]))
print(torch.tensor([1e-5, 2e-5]))
print(torch.tensor([123456789.0]))
print(torch.tensor([1.0, float('inf'), -float('inf'), float('nan')]))
print(torch.tensor([[1.5e10, -2.0], [3.0, 4.0e-3]], dtype=torch.float64))

# %%
torch.set_printoptions(precision=2, threshold=5, edgeitems=2)
print(torch.linspace(0, 1, 11))
print(torch.randn(4, 4))
torch.set_printoptions(sci_mode=True)
print(torch.tensor([1.0, 250.0]))
torch.set_printoptions(profile="default")
print(torch.tensor([1.0, 250.0]), torch.randn(3))

# %%
torch.set_printoptions(linewidth=40)
print(torch.arange(20.) / 3)
torch.set_printoptions(profile="default")
print(torch.tensor([1, -20, 300], dtype=torch.int16))
w = torch.randn(30, 40, requires_grad=True)
print(w * 2)

# %%
big = torch.nn.Parameter(torch.arange(1200.).reshape(2, 600))
print(big)
print(torch.ones(2, 3, 400, dtype=torch.bool))
print(torch.tensor(3.14159, dtype=torch.float64), torch.tensor([2.5], dtype=torch.float16))
print(torch.full((2, 2), 1e-10), torch.tensor([1e-10, 1.0]))
