"""What the hundred-fifty-second probe (Bayesian and uncertainty-aware deep learning: Bayes by Backprop, MC
dropout, deep ensembles, SGLD / HMC by hand, conformal prediction, calibration bins) found, each checked against
PyTorch: var_mean / std_mean of an empty tensor give their nan without numpy's "Mean of empty slice"
RuntimeWarning; var / std / var_mean / std_mean warn "degrees of freedom is <= 0" when the output is empty, as
ATen counts the reduced elements per output (numel / output numel, 0 for an empty output); and searchsorted /
bucketize say once per process, as ATen does, that a non-contiguous input value, boundary or sorter tensor is
copied (a calibration bin of one column of the probabilities, probs[:, 0])."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, in_fresh_processes, require

CELLS = {
    "moments_of_empty_tensors": [
        ATTEMPT + '''for dtype in (torch.float32, torch.float16, torch.float64):
    for shape, dim in (((0,), None), ((3, 0), 1), ((0, 3), 0), ((2, 0), None)):
        x = torch.ones(shape, dtype=dtype)
        attempt(lambda: torch.std_mean(x, dim))
        attempt(lambda: torch.var_mean(x, dim, correction=0))
''',
    ],
    "empty_output_has_no_degrees_of_freedom": [
        ATTEMPT + '''for shape, dim in (((0, 3), 1), ((0, 3), -1), ((2, 0, 3), 2), ((0, 3), (0, 1)), ((2, 0, 3), (0, 2))):
    x = torch.ones(shape)
    attempt(lambda: x.var(dim))
    attempt(lambda: x.std(dim, correction=0))
    attempt(lambda: torch.var_mean(x, dim))
    attempt(lambda: torch.std_mean(x, dim, correction=0, keepdim=True))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe152_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe152/{name}", warns="per_cell")


NON_CONTIGUOUS_SEARCH = """
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.manual_seed(0)
    probs = torch.rand(6, 3).softmax(1)
    edges = torch.linspace(0, 1, 11)
    print(torch.searchsorted(edges, torch.tensor([])[::2]))        # nothing to search: no copy, no warning
    print(torch.bucketize(probs[:, 0], edges, right=True))
    print(torch.bucketize(probs[:, 1], edges))                      # (once per process)
    print(torch.searchsorted(edges[::2], torch.tensor([0.3, 0.7])))
    print(torch.searchsorted(torch.tensor([[1., 2., 3.]]).t(), torch.tensor([[2.5]]).expand(3, 1)))
    for sorter in (torch.tensor([1, 9, 4, 9, 0])[::2], torch.tensor([1, 9, 2, 9, 0])[::2]):
        try:
            print(torch.searchsorted(torch.tensor([3., 1., 2.]), torch.tensor([2.5]), sorter=sorter))
        except RuntimeError as e:
            print(e)
    print(torch.bucketize(torch.ones(2), edges[::5]))
for w in caught:
    print(w.category.__name__, w.message)
"""


def test_searchsorted_non_contiguous_warnings_once_per_process():
    require("torch")
    want, got = in_fresh_processes(NON_CONTIGUOUS_SEARCH, timeout=120)
    assert want.count("is non-contiguous") == 3, want
    assert got == want
