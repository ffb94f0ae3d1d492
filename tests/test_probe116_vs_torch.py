"""What the hundred-and-sixteenth probe (the Russian-language courses' seminars: MIPT DLS tensors / autograd / two-layer
net / CNN pieces, Yandex Practical_DL weeks 1-4, Practical_RL's cross-entropy method and REINFORCE, where states are
kept as lists of numpy arrays and fed to torch.tensor) found, each checked against PyTorch: a nested list that is not
rectangular is read as PyTorch's recursive store reads it, sizes down the first elements and then each item depth
first, so the first error met is PyTorch's (a deeper length before a later sibling's; "not a sequence" inside an
item), a numpy array met before that error gives the "list of numpy.ndarrays is extremely slow" warning first, a
sequence where a number belongs is the error of reading it as the dtype's number ("'list' object cannot be
interpreted as an integer" for integral and bool dtypes, numpy's scalar-conversion errors for an array), sizes that
hold no element store nothing ([[], [1]] is an empty (2, 0) tensor), and an empty list infers the default dtype."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, in_fresh_processes

CELLS = {
    "ragged_lists_depth_first": [
        ATTEMPT + '''for data in ([[[1], [2, 3]], [1, 2, 3]], [[[1], 2], [1, 2, 3]], [[1, 2], [[3], 4]], [[1, 2], 3, [4]]):
    attempt(lambda: torch.tensor(data))
    attempt(lambda: torch.tensor(data, dtype=torch.float32))
''',
    ],
    "sequence_where_a_number_belongs": [
        ATTEMPT + '''import numpy as np
for d in [None, torch.float32, torch.int64, torch.uint8, torch.bool, torch.float64]:
    for data in ([1, [2]], [1., (2,)], [True, [2]], [1, np.ones(2)]):
        attempt(lambda: torch.tensor(data, dtype=d))
attempt(lambda: torch.LongTensor([1, [2]]))
attempt(lambda: torch.Tensor([1, [2]]))
''',
    ],
    "empty_sizes_store_nothing": [
        ATTEMPT + '''for data in ([[], [1]], [[], 1], [[[], []], [1, 2]], [[1], []]):
    attempt(lambda: torch.tensor(data))
    attempt(lambda: torch.tensor(data, dtype=torch.int64))
    attempt(lambda: torch.Tensor(data))
    attempt(lambda: torch.as_tensor(data))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe116_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name])


def test_numpy_rows_warn_before_the_ragged_error():
    """PyTorch warns once per process: each side runs in a fresh one."""
    code = """import numpy as np, warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        torch.tensor([np.ones(2), np.ones(3)])
    except ValueError as e:
        print(e)
print([str(x.message)[:60] for x in w])
"""
    real, ours = in_fresh_processes(code)
    assert "list of numpy.ndarrays" in real
    assert ours == real
