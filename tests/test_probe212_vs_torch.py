"""What the two-hundred-and-twelfth probe (tabular reinforcement-learning lessons: gridworld transition tensors, value
and policy iteration, Q-learning and SARSA tables, bandits with UCB and Beta posteriors, Monte Carlo and n-step
returns) found, each checked against PyTorch. The values, errors and messages all agreed; the warnings did not, in
where they point and how often they come. A warning PyTorch gives from C++ names the line of the user's code that
called it; the engine named its own frames where it counted frames to the user (torch.tensor(state) on a tensor,
through the @quiet wrapper; new_tensor) or one too many (a read-only array through from_numpy, torch.Tensor or
as_tensor; a complex value written into a real tensor), and now finds the user's frame by its module
(argcheck.user_level), the same as plain Python and compiled. PyTorch's warning that a list of numpy arrays is slow
is TORCH_WARN_ONCE in recursive_store: once per process, but under torch.set_warn_always(True) once for each array
it meets (an array's rows too, and a 0-d array where a number belongs), each before that item's own errors; the
engine warned once per process whatever set_warn_always said. PyTorch reads a list's sizes down its first elements
before any dtype, the numpy arrays among them too: a string array's first str_ is a string without end ("too many
dimensions 'str'"), for torch.tensor, as_tensor, new_tensor and the legacy torch.Tensor alike, before the slow-list
warning."""
import pytest

from helpers import assert_same_as_pytorch

# each cell prints where its warnings point: "<cell>" is the file name both sides compile a cell with
WHERE = '''
def where(fn):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn()
    return [(w.category.__name__, w.filename, w.lineno, str(w.message)[:40]) for w in caught]
'''

CELLS = {
    "copy_construct_warning_names_the_callers_line": [WHERE + '''torch.set_warn_always(True)
state = torch.tensor([0.0, 1.0, 0.0])
Q = torch.zeros(3, 2, requires_grad=True)
print(where(lambda: torch.tensor(state)))
print(where(lambda: torch.tensor(Q, dtype=torch.float64)))
print(where(lambda: state.new_tensor(state)))
print(where(lambda: torch.tensor(state[1])))
'''],
    "read_only_array_warning_names_the_callers_line": [WHERE + '''import numpy as np
torch.set_warn_always(True)
obs = np.arange(4.0)
obs.flags.writeable = False
print(where(lambda: torch.from_numpy(obs)))
print(where(lambda: torch.as_tensor(obs)))
print(where(lambda: torch.Tensor(obs)))
print(where(lambda: torch.asarray(obs)))
print(where(lambda: torch.tensor(obs)))
'''],
    "complex_to_real_warning_names_the_callers_line": [WHERE + '''torch.set_warn_always(True)
P = torch.tensor([[0.9, 0.1], [0.5, 0.5]])
evals, evecs = torch.linalg.eig(P.T)
stat = torch.zeros(2)
def assign_slice():
    stat[:] = evecs[:, 0]
def assign_index():
    try:
        stat[torch.tensor([0, 1])] = evecs[:, 0]
    except RuntimeError as e:
        print(e)
def assign_item():
    stat[1] = evecs[1, 0]
print(where(assign_slice))
print(where(assign_index))
print(where(assign_item))
print(where(lambda: stat.copy_(evecs[:, 0])))
print(where(lambda: evecs.float()))
'''],
    "list_of_arrays_warns_for_each_array_under_warn_always": ['''import numpy as np
torch.set_warn_always(True)
obs = [np.array([0.0, 1.0]), np.array([1.0, 0.0]), np.array([0.5, 0.5])]
print(torch.tensor(obs).shape)
print(torch.tensor([np.ones((2, 2)), np.ones((2, 2))]).shape)
print(torch.tensor([[np.ones(1)], [np.ones(1)]], dtype=torch.float64).shape)
print(torch.as_tensor(obs).shape, torch.Tensor(obs).shape, torch.FloatTensor(obs).shape)
print(torch.tensor([[1.0, 2.0], np.ones(2)]).shape, torch.tensor([np.ones(2), torch.ones(2)]).shape)
print(torch.zeros(1).new_tensor(obs).shape, torch.tensor(np.stack(obs)).shape)
returns = [np.float64(1.5), np.array(0.5)]   # a 0-d array (loss.detach().numpy()) where a number belongs
print(torch.tensor([1.0, returns[1]]), torch.tensor([[1.0], [returns[1]]]).shape, torch.tensor(returns))
''', '''import numpy as np
torch.set_warn_always(True)
try:
    torch.tensor([np.ones(2), np.ones(2), np.ones(3), np.ones(2)])
except ValueError as e:
    print(e)
'''],
    "string_array_in_a_list_is_too_many_dimensions": ['''import numpy as np
actions = np.array(["up", "down"])
for make in (lambda: torch.tensor([actions, actions]), lambda: torch.tensor([actions], dtype=torch.float32),
             lambda: torch.as_tensor([actions]), lambda: torch.tensor([[actions]]), lambda: torch.Tensor([actions]),
             lambda: torch.LongTensor([actions]), lambda: torch.zeros(1).new_tensor([actions]),
             lambda: torch.tensor([actions.astype(object)]), lambda: torch.Tensor(["up"]),
             lambda: torch.Tensor([["up"]]),
             lambda: torch.tensor([np.array([1.0]), actions]), lambda: torch.tensor([np.array([1.0], dtype=object)]),
             lambda: torch.tensor([np.array(1.0), actions]), lambda: torch.Tensor([1.0, "up"])):
    try:
        print(make())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe212(name):
    assert_same_as_pytorch(CELLS[name], name=name, warns="per_cell")
