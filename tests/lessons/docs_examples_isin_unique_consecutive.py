# Imitates the "Example::" blocks of PyTorch 2.13's reference pages for torch.isin, torch.unique and
# torch.unique_consecutive, typed into a notebook cell by cell, then poked at the way a learner does: a number on
# either side of isin, invert=, the dtypes isin refuses (bool, complex) and the call its parser refuses (two numbers).
import torch

# %%
print(torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3])))
print(torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3]), invert=True))
print(torch.isin(torch.tensor([1, 2, 3]), 2), torch.isin(2, torch.tensor([1, 2])))
print(torch.isin(torch.tensor([1., 2.]), torch.tensor([1, 2])), torch.isin(torch.tensor([1, 2]), torch.tensor([2]), assume_unique=True))
print(torch.isin(torch.tensor([float('nan'), 1.]), torch.tensor([float('nan')])))
print(torch.isin(torch.tensor([1, 2]), 1.0), torch.isin(torch.tensor([2]), torch.tensor([2.5])))
print(torch.isin(torch.tensor([44], dtype=torch.int8), 300), torch.isin(torch.tensor([1.1], dtype=torch.float16), 1.1))

# %%
for bad in [lambda: torch.isin(1, 2),
            lambda: torch.isin(torch.tensor([1, 2]), [1]),
            lambda: torch.isin(torch.tensor([1]), torch.tensor([1j])),
            lambda: torch.isin(torch.tensor([True]), torch.tensor([1])),
            lambda: torch.isin(True, torch.tensor([1])),
            lambda: torch.isin(torch.tensor([1.]), 1j),
            lambda: torch.isin(torch.tensor([1]), torch.tensor([1]), out=torch.empty(1))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
output = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long))
print(output)
output, inverse_indices = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long), sorted=True, return_inverse=True)
print(output, inverse_indices)
output, inverse_indices = torch.unique(torch.tensor([[1, 3], [2, 3]], dtype=torch.long), sorted=True, return_inverse=True)
print(output, inverse_indices)
a = torch.tensor([[[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]],
                  [[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 1, 1]],
                  [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]]])
print(torch.unique(a, dim=0))
print(torch.unique(a, dim=1))
print(torch.unique(a, dim=0, return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([3., float('nan'), 1., float('nan')]), return_counts=True))

# %%
x = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
output = torch.unique_consecutive(x)
print(output)
output, inverse_indices = torch.unique_consecutive(x, return_inverse=True)
print(output, inverse_indices)
output, counts = torch.unique_consecutive(x, return_counts=True)
print(output, counts)
print(torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 3]]), dim=0, return_counts=True, return_inverse=True))
for bad in [lambda: torch.unique(a, dim=3), lambda: torch.unique_consecutive(x, dim=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
