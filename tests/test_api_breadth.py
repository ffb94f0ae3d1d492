"""Smaller pieces of PyTorch's API that tutorials reach for (issue 16): removed functions, index and mask checks,
distributions, bitwise ops, histograms, LazyLinear, default device, torch.functional, the profiler, legacy
Variable keywords. Each cell runs on PyTorch and on the engine (helpers.assert_same_as_pytorch)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "removed_functions": [
        "torch.eig(torch.eye(2))",
        "torch.symeig(torch.eye(2))",
        "torch.matrix_rank(torch.eye(2))",
        "torch.lstsq(torch.eye(2), torch.eye(2))",
        "torch.solve(torch.eye(2), torch.eye(2))",
    ],
    "index_and_mask_checks": [
        "x = torch.arange(6.).reshape(2, 3)\ntorch.masked_select(x, torch.tensor([[1, 0, 1], [0, 1, 1]], dtype=torch.uint8))",
        "x.masked_select(torch.tensor([[1, 0, 1], [0, 1, 1]]))",
        "x.masked_select(torch.tensor([True, False]))",
        "x.masked_select(torch.tensor([True, False, True]))",
        "C = torch.randn(27, 2)\nC[torch.randint(0, 27, (32,)), torch.randint(0, 27, (228146,))]",
        "C[torch.tensor([0, 1]), torch.tensor([0, 1, 1])]",
        "torch.zeros(3, 4, 5)[torch.tensor([0, 1]), :, torch.tensor([[0], [1], [2]])].shape",
        "torch.zeros(3, 4, 5)[torch.tensor([[0, 1]]), torch.tensor([0, 1, 2])]",
        "x[torch.tensor([True, False]), torch.tensor([0, 1, 2])]",
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name)
