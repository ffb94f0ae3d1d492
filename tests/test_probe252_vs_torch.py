"""What the two-hundred-and-fifty-second probe (weather and climate data lessons: gridded fields with missing
values, monthly climatologies with bucketize / bincount / index_add_, unfold / fold patches, a hand-written
ConvLSTM cell, rfft2 spectra, histc / histogram) found, each checked against PyTorch. nanmedian along a dim breaks
ties by index, but NaNs are neither below nor equal to one another, so a row of NaNs only gets the index
std::nth_element's partitioning leaves at position 0 (2 of 4, 3 of 6, 5 of 7 ...), and its gradient goes there.
index_add_ stops at the first index out of range having added what came before it: a matrix indexed along its
first or last dim with alpha 1, int64 indices and a source of matching sizes goes through scatter_add_ (a
RuntimeError naming the index; along the last dim only the first row's earlier entries are added), everything
else adds slice by slice and raises IndexError("index out of range in self"), a 3-d tensor's middle dim included."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "nanmedian_dim_of_all_nan_rows_picks_nth_element_index": ['''nan = float("nan")
for n in range(1, 10):
    t = torch.full((2, n), nan)
    t[1, 0] = 1.0
    print(n, t.nanmedian(1).indices, t.double().nanmedian(-1, keepdim=True).indices.flatten())
torch.manual_seed(0)
T = torch.randn(3, 6, 5)
T[1] = nan
T[:, 2, 1] = nan
print(torch.nanmedian(T, dim=0).indices[1:3], torch.nanmedian(T, 1).indices, T.nanmedian(2, True).indices[1, :2])
'''],
    "nanmedian_dim_gradient_of_an_all_nan_row": ['''d = torch.full((2, 6), float("nan"), requires_grad=True)
r = d.nanmedian(1)
r.values.sum().backward()
print(r.values, r.indices, d.grad)
e = torch.full((7, 2), float("nan"), dtype=torch.float64, requires_grad=True)
(e.nanmedian(0).values * torch.tensor([2.0, 3.0], dtype=torch.float64)).sum().backward()
print(e.grad)
'''],
    "index_add_inplace_keeps_what_it_added_before_a_bad_index": ['''cases = [((3, 2), 0, [0, 5]), ((3, 2), 0, [1, 0, 5, 2]), ((3,), 0, [0, 1, 5]),
         ((3, 2), 1, [0, 7]), ((3, 2), 1, [1, -3]), ((3, 2), 0, [-1, 2, -4])]
for shape, dim, idx in cases:
    src_shape = list(shape)
    src_shape[dim] = len(idx)
    for dt in (torch.float32, torch.int64):
        acc = torch.zeros(shape, dtype=dt)
        src = torch.arange(1, 1 + torch.Size(src_shape).numel()).view(src_shape).to(dt)
        try:
            acc.index_add_(dim, torch.tensor(idx), src)
        except (RuntimeError, IndexError) as e:
            print(type(e).__name__, e)
        print(acc)
'''],
    "index_add_slice_path_raises_index_error_and_adds_earlier_slices": ['''b = torch.zeros(4, 3, 2)
try:
    b.index_add_(1, torch.tensor([0, 2, 9, 1]), torch.arange(1.0, 17.0).view(4, 4, 1).expand(4, 4, 2).contiguous())
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
print(b)
for kw, dt in (({"alpha": 2}, torch.int64), ({}, torch.int32)):
    a = torch.zeros(3, 2)
    try:
        a.index_add_(0, torch.tensor([1, 4], dtype=dt), torch.ones(2, 2), **kw)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
    print(a)
c = torch.zeros(5)[::2]
try:
    c.index_add_(0, torch.tensor([2, 0, 3]), torch.tensor([1.0, 2.0, 3.0]), alpha=3)
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
print(c)
m = torch.zeros(2, 3, 4)
try:
    m.index_add_(2, torch.tensor([3, 1, -1]), torch.ones(2, 3, 3))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
print(m)
try:
    print(torch.index_add(torch.zeros(3, 2), 0, torch.tensor([0, 5]), torch.ones(2, 2)))
except (RuntimeError, IndexError) as e:
    print(type(e).__name__, e)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe252(name):
    assert_same_as_pytorch(CELLS[name], name=name)
