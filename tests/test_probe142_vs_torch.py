"""What the hundred-and-forty-second probe (OpenAI Spinning Up's PyTorch algorithms as students re-implement them
without gym: replay buffers and rollouts turned into tensors with torch.as_tensor(dtype=torch.float32)) found, each
checked against PyTorch: torch.tensor / torch.as_tensor infer the dtype of nested data before they read its sizes
(a dict, a set, None or a generator among lists: "Could not infer dtype of dict", not a ragged-list or "not a
sequence" error); with a dtype given, an object where a list of the sizes belongs is read as PySequence_Fast reads
it (a gymnasium-style reset() tuple ``(obs, {})``: "expected sequence of length 3 at dim 1 (got 0)"; a non-iterable
one stays "not a sequence"); torch.as_tensor of an ndarray and another dtype checks the array as from_numpy does
(an object array: PyTorch's TypeError, not numpy's ValueError); as_tensor takes dtype and device by keyword only,
refuses a CUDA device on a CPU build, and without data it and torch.tensor raise the parser's 'missing 1 required
positional arguments: "data"'."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + "import numpy as np\n"

CELLS = {
    "reset_tuple_and_dicts_among_lists": [
        SETUP + '''o = (np.zeros(3), {})
attempt(lambda: torch.as_tensor(o, dtype=torch.float32))
attempt(lambda: torch.as_tensor(o))
attempt(lambda: torch.tensor(o, dtype=torch.float32))
attempt(lambda: torch.as_tensor((np.zeros(1), {'a': 1}), dtype=torch.float32))
attempt(lambda: torch.as_tensor([[1., 2.], {3.0, 4.0}], dtype=torch.float64))
attempt(lambda: torch.as_tensor([[1., 2.], (x for x in [3., 4.])], dtype=torch.float32))
attempt(lambda: torch.tensor([[1, 2], range(2)]))
attempt(lambda: torch.tensor([[1., 2.], 3], dtype=torch.float32))
attempt(lambda: torch.tensor([[1., 2.], np.array(3.)], dtype=torch.float32))
''',
        SETUP + '''attempt(lambda: torch.as_tensor((np.zeros(1), {2.0: 1})))
attempt(lambda: torch.as_tensor((np.zeros(2), {2.0, 3.0})))
attempt(lambda: torch.as_tensor(([1., 2.], {})))
attempt(lambda: torch.tensor(([1., 2.], {})))
attempt(lambda: torch.tensor([[1., 2.], (x for x in [1., 2.])]))
attempt(lambda: torch.tensor([[1., 2.], None]))
attempt(lambda: torch.tensor([[1, 2], [None]]))
attempt(lambda: torch.as_tensor([[1, 2], [3, None]]))
attempt(lambda: torch.tensor([[1., 2.], {1: 2, 3: 4}]))
attempt(lambda: torch.tensor([np.zeros(2), {}]))
''',
    ],
    "object_arrays_with_a_dtype": [
        SETUP + '''ragged = np.array([np.zeros(3), np.zeros(2)], dtype=object)
attempt(lambda: torch.as_tensor(ragged, dtype=torch.float32))
attempt(lambda: torch.as_tensor(np.array([1.0, 2.0], dtype=object), dtype=torch.float32))
attempt(lambda: torch.as_tensor([np.array([1.0, 2.0], dtype=object)], dtype=torch.float32))
obs = np.arange(6.0).reshape(2, 3)
t = torch.as_tensor(obs, dtype=torch.float32)
obs[0, 0] = 100.0
print(t, t.dtype, t.is_contiguous())
t = torch.as_tensor(obs[:, ::2], dtype=torch.float32)
print(t, t.stride())
ro = np.ones(2)
ro.flags.writeable = False
print(torch.as_tensor(ro, dtype=torch.float32))
''',
    ],
    "as_tensor_arguments": [
        SETUP + '''attempt(lambda: torch.as_tensor(np.zeros(3), torch.float32))
attempt(lambda: torch.as_tensor(np.zeros(3), torch.float32, 'cpu'))
attempt(lambda: torch.as_tensor([1., 2.], torch.float64))
attempt(lambda: torch.as_tensor())
attempt(lambda: torch.as_tensor(dtype=torch.float32))
attempt(lambda: torch.tensor())
attempt(lambda: torch.tensor(requires_grad=True))
attempt(lambda: torch.as_tensor(data=np.zeros(2)))
attempt(lambda: torch.tensor(data=[1, 2]))
attempt(lambda: torch.as_tensor(np.zeros(2), device='cuda'))
attempt(lambda: torch.as_tensor([1., 2.], device='cuda:0'))
attempt(lambda: torch.as_tensor(np.zeros(2), device='cpu', dtype=torch.float32))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe142_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe142/{name}", warns="per_cell")
