"""What the eighty-seventh probe (beginner Kaggle-style tabular notebooks in numpy and PyTorch only: standardising,
one-hot columns, seeded splits, samplers for imbalanced classes, k-fold cross-validation, metrics by hand, early
stopping, CSV submissions) found, each checked against PyTorch: torch.diff / Tensor.diff's arguments parsed (a float
append= for the last value of a curve, a float n or dim: PyTorch's TypeErrors); torch.tensor_split /
Tensor.tensor_split parsed as PyTorch's three overloads (a float section count, floats among the indices, None or a
string: the "invalid combination" TypeError; the overloads' keywords sections= / indices= /
tensor_indices_or_sections=; a float or 2-d index tensor refused by ATen's checks); a DataLoader's, a RandomSampler's
or a SubsetRandomSampler's generator that is no torch.Generator refused with the TypeError of the random_ / randperm
/ randint call that meets it; torch.chunk of an empty dimension giving `chunks` empty pieces (split_with_sizes); and
torch.as_tensor / torch.tensor refusing strings as PyTorch does when a dtype is given (a bare string, a string first
in a list, a string or None among numbers, a complex for an integer dtype), with as_tensor's ragged lists refused in
PyTorch's words (reached by WeightedRandomSampler's weights); std_mean / var_mean's warning when no degree of freedom
is left naming std_mean() / var_mean(), not std() / var()."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "tensor_split_overloads": [
        ATTEMPT + '''p = torch.arange(10)
for make in [lambda: torch.tensor_split(p, 2.0), lambda: p.tensor_split(2.0), lambda: torch.tensor_split(p, [1.0, 3]),
             lambda: torch.tensor_split(p, torch.tensor([1.0, 3.0])), lambda: torch.tensor_split(p, torch.tensor([[1, 3]])),
             lambda: torch.tensor_split(p, torch.tensor(3.0)), lambda: torch.tensor_split(p, 2, 0.0),
             lambda: torch.tensor_split(p, "a"), lambda: torch.tensor_split(p, None), lambda: p.tensor_split(None),
             lambda: [len(c) for c in p.tensor_split(sections=3)], lambda: [len(c) for c in torch.tensor_split(p, indices=[2])],
             lambda: [len(c) for c in torch.tensor_split(p, tensor_indices_or_sections=torch.tensor([2, 5]))],
             lambda: [len(c) for c in p.tensor_split(torch.tensor(4))], lambda: [len(c) for c in torch.tensor_split(p, (3, 7), dim=0)]]:
    attempt(make)
''',
    ],
    "diff_arguments_parsed": [
        ATTEMPT + '''x = torch.tensor([0.0, 0.5, 1.5])
for make in [lambda: torch.diff(x, append=0.0), lambda: torch.diff(x, prepend=[0.0]), lambda: x.diff(append=0.0),
             lambda: x.diff(1.0), lambda: torch.diff(x, n=2.0), lambda: torch.diff(x, dim=0.0), lambda: torch.diff([1.0, 2.0]),
             lambda: torch.diff(x, True), lambda: x.diff(n=None), lambda: torch.diff(x, 1, 0, None, torch.tensor([2.0])),
             lambda: x.diff(axis=0), lambda: torch.diff(x, out=torch.empty(2))]:
    attempt(make)
''',
    ],
    "kfold_chunks_of_empty": [
        ATTEMPT + '''e = torch.zeros(0, 3, requires_grad=True)
attempt(lambda: torch.chunk(e, 3))
attempt(lambda: [c.grad_fn.name() for c in e.chunk(2)])
attempt(lambda: torch.zeros(2, 0).chunk(4, 1))
attempt(lambda: torch.arange(0).chunk(2))
''',
    ],
    "loader_generator_not_a_generator": [
        ATTEMPT + '''from torch.utils.data import DataLoader, RandomSampler, SubsetRandomSampler, TensorDataset
ds = TensorDataset(torch.zeros(10, 2))
attempt(lambda: next(iter(DataLoader(ds, batch_size=4, shuffle=True, generator=5))))
attempt(lambda: next(iter(DataLoader(ds, batch_size=4, generator="g"))))
attempt(lambda: next(iter(RandomSampler(ds, generator=3))))
attempt(lambda: next(iter(RandomSampler(ds, replacement=True, generator=3))))
attempt(lambda: next(iter(SubsetRandomSampler([1, 2], generator=3))))
attempt(lambda: next(iter(DataLoader(ds, sampler=RandomSampler(ds, generator=2.5)))))
attempt(lambda: next(iter(DataLoader(ds, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))))[0].shape)
''',
    ],
    "std_mean_of_one_row_warns_as_std_mean": [
        '''x = torch.tensor([[1.0, 2.0, 3.0]])
print(torch.std_mean(x, 0))
''',
        '''x = torch.tensor([[1.0, 2.0, 3.0]])
print(torch.var_mean(x.double(), dim=0, keepdim=True))
print(torch.var_mean(torch.tensor([2.0, 3.0]), correction=2))
''',
    ],
    "strings_and_dtypes_in_tensor_data": [
        ATTEMPT + '''from torch.utils.data import WeightedRandomSampler
for make in [torch.tensor, torch.as_tensor]:
    for dt in [torch.float64, torch.int64, torch.bool]:
        attempt(lambda: make("ab", dtype=dt))
        attempt(lambda: make(["1", 2], dtype=dt))
        attempt(lambda: make([1, "2"], dtype=dt))
        attempt(lambda: make([None, 1], dtype=dt))
        attempt(lambda: make([[1, 2], [3]], dtype=dt))
        attempt(lambda: make([1 + 2j], dtype=dt))
attempt(lambda: WeightedRandomSampler("ab", 2))
attempt(lambda: WeightedRandomSampler(["0.5", "0.5"], 2))
attempt(lambda: WeightedRandomSampler([[1.0, 2.0], [3.0]], 2))
attempt(lambda: WeightedRandomSampler([1.0, 2.0], 2).weights)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe87_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe87/{name}", warns="per_cell")
