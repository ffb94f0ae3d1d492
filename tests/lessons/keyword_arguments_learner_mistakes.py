# Imitates the "Tensor manipulation" sections of the PyTorch docs' tutorials and of Daniel Bourke's "Zero to Mastery
# Learn PyTorch" 00_pytorch_fundamentals (reshaping, stacking, squeezing, permuting, upsampling), written as a learner
# who prefers keyword arguments (torch.cat(tensors=..., dim=...), x.new_ones(size=...), x.to(dtype=...),
# F.interpolate(size=...)) and gets some of their types wrong; each error printed as the course does.
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
# Stacking and concatenating by keyword
x = torch.arange(1., 10.).reshape(3, 3)
print(torch.cat(tensors=[x, x], dim=1).shape)
print(torch.stack(tensors=[x, x, x], dim=0).shape)
for attempt in (lambda: torch.cat(tensors=x, dim=0), lambda: torch.stack(tensors=[x, x], dim=0.5),
                lambda: torch.cat([x, x], dim="columns")):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)

# %%
# Repeating and rotating: tile and rot90 want tuples of ints
print(torch.tile(x, dims=(1, 2)).shape, x.tile(2).shape)
print(torch.rot90(x, k=1, dims=(0, 1)))
for attempt in (lambda: torch.tile(x, dims=2), lambda: x.tile(dims=2), lambda: torch.rot90(x, 1, 1),
                lambda: torch.rot90(x, k=0.5)):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)

# %%
# Reductions with a dim that is not an int
print(torch.amax(x, dim=1), torch.amin(x, dim=(0, 1)))
for attempt in (lambda: torch.amax(x, dim=1.0), lambda: x.amax(dim=(0.0,)), lambda: torch.amin(x, dim="rows")):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)

# %%
# New tensors like an existing one, and changing dtype
print(x.new_ones((2, 2)), x.new_zeros(2, 3).dtype, x.new_full((2,), 7.0))
print(x.to(dtype=torch.int64).dtype, x.view(size=(9,)).shape)
for attempt in (lambda: x.new_ones(size=2), lambda: x.new_full(2, 0.0), lambda: x.to(dtype="int64"),
                lambda: x.to(device=0.0), lambda: x.view(size=9.0), lambda: x.view_as(other=[9])):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)

# %%
# Unflatten and upsampling a signal
signal = torch.randn(1, 1, 4)
print(x.reshape(9).unflatten(0, (3, 3)).shape, F.interpolate(signal, size=8).shape)
for attempt in (lambda: x.reshape(9).unflatten(dim=0, sizes=9), lambda: F.interpolate(signal, size=6.0),
                lambda: F.interpolate(signal, scale_factor="2"),
                lambda: F.interpolate(signal, size=2.5, mode="linear")):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)
