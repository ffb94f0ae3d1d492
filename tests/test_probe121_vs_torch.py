"""What the hundred-twenty-first probe (arguments given by keyword, and the TypeErrors of PyTorch's argument parser
for them) found, each checked against PyTorch: torch.cat / torch.stack with tensors= or dim= by keyword name no
position (and take a 0-dim int tensor as dim, refuse a bool); torch.tile, torch.rot90, torch.amax / amin,
torch.movedim and torch.unflatten go through the parser (a bare int is no ``int[]`` there: tile's and rot90's
dims, unflatten's sizes; a float dim is refused); x.new_ones / new_zeros / new_empty(size=2) and x.new_full(2, 1)
are refused as PyTorch refuses them, a size given one int at a time still taken; x.tile(dims=2) refused;
Tensor.unflatten names positions even for keywords (PyTorch's Python method hands them on by position);
x.view(size=...) / view(dtype=...) parsed as PyTorch's two overloads (keywords listed in its order); x.to(dtype=1),
to(dtype="float"), to(device=1.5) are its invalid-combination TypeError; view_as / expand_as / reshape_as of a
non-tensor; F.interpolate with a size that is no int or a scale_factor that is no number: the upsample kernel's
TypeError (area mode: adaptive_avg_pool's)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import numpy as np
import torch.nn.functional as F
x = torch.arange(12.).reshape(3, 4)
s = torch.tensor(1)
'''

CELLS = {
    "cat_stack_by_keyword": [
        SETUP + '''for make in [
        lambda: torch.cat(tensors=x),
        lambda: torch.cat([x, x], dim=1.5),
        lambda: torch.cat([x, x], dim="1"),
        lambda: torch.cat([x, x], True),
        lambda: torch.cat([x, x], s).shape,
        lambda: torch.cat(tensors=[x, x], dim=1).shape,
        lambda: torch.stack(tensors=x),
        lambda: torch.stack(tensors=[x, x], dim=0.5),
        lambda: torch.stack([x, x], True),
        lambda: torch.stack([x, x], dim=s).shape,
        lambda: torch.stack([x, x], foo=1),
]:
    attempt(make)
''',
    ],
    "int_lists_tile_rot90_amax": [
        SETUP + '''for make in [
        lambda: torch.tile(x, dims=0.5),
        lambda: torch.tile(x, dims=(1.5,)),
        lambda: torch.tile(x, dims=2),
        lambda: torch.tile(x, (1.5,)),
        lambda: torch.tile(x, dims=[2, 1]).shape,
        lambda: x.tile(dims=2),
        lambda: x.tile(2, 2).shape,
        lambda: torch.amax(x, dim=1.5),
        lambda: torch.amax(x, 1.5),
        lambda: torch.amax(x, dim=(1.5,)),
        lambda: torch.amin(x, dim="0"),
        lambda: torch.amax(x, dim=np.int64(1)),
        lambda: torch.rot90(x, 1, 0),
        lambda: torch.rot90(x, 1, dims=0),
        lambda: torch.rot90(x, k=1.5),
        lambda: torch.rot90(x, 1, (0, 1.5)),
        lambda: x.rot90(1, 0),
        lambda: torch.unflatten(x, 1, 2),
        lambda: x.unflatten(dim=1, sizes=2),
        lambda: x.unflatten(1, (2, 2.0)),
        lambda: x.unflatten(1.5, (2, 2)),
        lambda: x.movedim(source=0, destination=1.5),
        lambda: torch.movedim(x, (0, 1), (1, 0.5)),
        lambda: torch.movedim(x, [0.5], [1]),
]:
    attempt(make)
''',
    ],
    "new_factories_view_to": [
        SETUP + '''for make in [
        lambda: x.new_ones(size=2),
        lambda: x.new_zeros(size=2),
        lambda: x.new_empty(size=2),
        lambda: x.new_full(size=2, fill_value=1),
        lambda: x.new_full(2, 1),
        lambda: x.new_ones(2, 3).shape,
        lambda: x.new_full((2,), fill_value=1.5),
        lambda: x.new_zeros(size=s),
        lambda: x.view(size=1.5),
        lambda: x.view(size=(1.5, 2)),
        lambda: x.view(dtype=1),
        lambda: x.view(size=12),
        lambda: x.view(dtype=torch.int32, size=(2,)),
        lambda: x.view(size=(2, 6)).shape,
        lambda: x.view(dtype=torch.int32).dtype,
        lambda: x.to(dtype=1),
        lambda: x.to(dtype="float"),
        lambda: x.to(device=1.5),
        lambda: x.to(dtype=float).dtype,
        lambda: x.view_as(other=2),
        lambda: x.expand_as(1.5),
        lambda: x.reshape_as(other=None),
]:
    attempt(make)
''',
    ],
    "interpolate_size_and_scale_types": [
        SETUP + '''y = torch.ones(1, 2, 4)
for make in [
        lambda: F.interpolate(y, size=1.5),
        lambda: F.interpolate(y, size="2"),
        lambda: F.interpolate(y, scale_factor="2"),
        lambda: F.interpolate(y, scale_factor=s),
        lambda: F.interpolate(y, size="2", mode="linear"),
        lambda: F.interpolate(y, size=1.5, mode="nearest-exact"),
        lambda: F.interpolate(y[None], size=1.5, mode="bilinear"),
        lambda: F.interpolate(y, size=1.5, mode="area"),
        lambda: F.interpolate(y, size=np.int64(2)).shape,
        lambda: F.interpolate(y, scale_factor=np.float32(2)).shape,
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe121_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe121/{name}", warns="per_cell")
