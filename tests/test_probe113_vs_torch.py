"""What the hundred-and-thirteenth probe (sparsemax / entmax from scratch, Gumbel-softmax and straight-through
estimators, Neural Turing Machine addressing, soft sorting and soft top-k, the sorting, searching and cumulative ops'
gradients) found, each checked against PyTorch: torch.median / nanmedian over all elements return the element
std::nth_element leaves at the middle, so of -0. and 0. the one it picks (-0. where ATen's partition puts it
there); kthvalue's and mode's out= tensors are resized as their kernels resize them: to the shape that keeps the
reduced dim, an out without it (keepdim=False) unsqueezed there first (mode's whatever its rank, kthvalue's when it
has one dim fewer than the input), so the resize warning names those shapes, and mode of a 0-d input resizes
silently; the structured kernels (sort, topk, max/min with dim) and kthvalue resize the values before they refuse
an indices out of the wrong dtype, so the values' resize warning comes before the error."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''x = torch.tensor([[3., 1., 2.], [0., 5., 4.]])
def pair(shape, idx=torch.long):
    return torch.empty(shape), torch.empty(shape, dtype=idx)
'''

CELLS = {
    "median_over_all_picks_the_zero_nth_element_leaves": [
        '''losses = -torch.tensor([0.5, 0.0, -0.3, 0.6, 0.2, 0.0, -0.1, 0.0])
print(losses)
print(torch.median(losses), torch.nanmedian(losses), losses.median(), losses.nanmedian())
print(torch.signbit(torch.median(losses)), torch.signbit(losses.nanmedian()))
''',
        '''x = torch.tensor([1.0, float("nan"), -0.0, 0.0, 2.0, float("nan"), -1.0], requires_grad=True)
m = torch.nanmedian(x)
m.backward()
print(m, x.grad, torch.median(x), m.signbit())
''',
        '''g = torch.Generator().manual_seed(3)
x = torch.randint(0, 3, (6, 64), generator=g).float() - 1
x = torch.where((x == 0) & torch.randint(0, 2, (6, 64), generator=g).bool(), torch.tensor(-0.0), x)
print([torch.median(row).signbit().item() for row in x], [row.nanmedian().signbit().item() for row in x[:, :20]])
print(x.median().signbit(), x[:, :33].median().signbit(), x.median(1).values.signbit())
''',
    ],
    "kthvalue_and_mode_out_resize_shapes": [
        SETUP + '''for make in [
        lambda: torch.kthvalue(x, 2, 1, out=pair(5)),
        lambda: torch.kthvalue(x, 2, 0, out=pair((5, 5))),
        lambda: torch.kthvalue(x, 2, 1, out=pair((2, 1))),
        lambda: torch.kthvalue(x, 2, 1, True, out=pair(2)),
        lambda: torch.kthvalue(x, 2, 1, out=pair((1, 2))),
        lambda: torch.kthvalue(x[0], 1, out=pair(5)),
        lambda: torch.kthvalue(torch.tensor(1.), 1, out=pair((2, 2))),
]:
    attempt(make)
''',
        SETUP + '''for make in [
        lambda: torch.mode(x, 1, out=pair(5)),
        lambda: torch.mode(x, -1, out=pair((5, 5))),
        lambda: torch.mode(x, 1, out=pair((2, 1))),
        lambda: torch.mode(x, 1, out=pair(2)),
        lambda: torch.mode(x, 1, True, out=pair(2)),
        lambda: torch.mode(x[0], 0, out=pair(5)),
        lambda: torch.mode(torch.ones(2, 3, 4), 1, out=pair((2, 5))),
        lambda: torch.mode(torch.tensor(1.), 0, out=pair(5)),
        lambda: torch.median(x, 1, out=pair(5)),
]:
    attempt(make)
''',
    ],
    "values_resized_before_indices_refused": [
        SETUP + '''for make in [
        lambda: torch.topk(x, 2, out=pair(5, torch.int32)),
        lambda: torch.sort(x, out=pair(5, torch.int32)),
        lambda: torch.max(x, 1, out=pair(5, torch.int32)),
        lambda: torch.min(x, 0, out=pair(5, torch.int32)),
        lambda: torch.kthvalue(x, 1, out=pair(5, torch.int32)),
        lambda: torch.cummax(x, 1, out=pair(5, torch.int32)),
        lambda: torch.median(x, 1, out=pair(5, torch.int32)),
        lambda: torch.mode(x, 1, out=pair(5, torch.int32)),
        lambda: torch.topk(x, 2, out=(torch.empty(5, dtype=torch.float64), torch.empty(5, dtype=torch.long))),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe113_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe113/{name}", warns="per_cell")
