"""What the eighty-fourth probe (Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step", chapters 0-6:
linear regression by hand and with autograd, optimizers and their state dicts, checkpoints, DataLoaders and
random_split, logistic regression and the logit, small image classifiers, schedulers and clipping) found, each
checked against PyTorch: SGD without momentum leaves its state empty (PyTorch reads a parameter's state only for the
momentum buffer, so a printed optimizer.state_dict() shows 'state': {}); torch.logit with eps above 0.5 clamps as
PyTorch's kernel does (below eps -> eps first, so the lower bound wins); and a short non-tuple sequence of tensors
used as a subscript (x[train_idx] with a random_split Subset, the book's index_splitter) is read as a tuple and its
parts counted before anything else, so too many of them is "too many indices" in reading and in writing; an integer
subscript out of range in a write (``cm[label, pred] += 1`` with a label the matrix has no row for) is PyTorch's
IndexError naming a "dimension", not numpy's "axis", and before a leaf's in-place error; and the dimension such an
error names is the integer's place in the subscript (``x[None, 9]``: dimension 1), more indices than dims are
refused before any is checked, and a 0-dim tensor refuses ``t[5]`` as out of bounds of a dim of size 0."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import random_split
'''

CELLS = {
    "sgd_state_without_momentum": [
        SETUP + '''torch.manual_seed(42)
b = torch.randn(1, requires_grad=True)
w = torch.randn(1, requires_grad=True)
x = torch.rand(8, 1)
y = 1 + 2 * x
for momentum, extra in [(0, {}), (0, dict(weight_decay=0.1, maximize=True)), (0.9, {}), (0, dict(nesterov=False))]:
    optimizer = optim.SGD([b, w], lr=0.1, momentum=momentum, **extra)
    for _ in range(2):
        loss = nn.MSELoss()(b + w * x, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    print(optimizer.state_dict()['state'].keys(), len(optimizer.state), dict(optimizer.state))
    print(b, w)
''',
        SETUP + '''model = nn.Sequential(nn.Linear(1, 1))
optimizer = optim.SGD(model.parameters(), lr=0.1)
model(torch.ones(2, 1)).sum().backward()
optimizer.step()
checkpoint = {'epoch': 1, 'optimizer_state_dict': optimizer.state_dict()}
print(checkpoint)
new_optimizer = optim.SGD(model.parameters(), lr=0.5)
new_optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
print(new_optimizer.state_dict())
''',
    ],
    "logit_eps_above_half": [
        SETUP + '''x = torch.tensor([0.5, 0.1, 0.95, 0.6, 0.4], requires_grad=True)
y = torch.logit(x, eps=0.6)
print(y)
y.sum().backward()
print(x.grad)
print(torch.logit(torch.tensor([0.5, 0.1, 0.9], dtype=torch.float64), eps=0.75))
print(torch.tensor([0.2, 0.7]).logit(0.9), torch.tensor([0.2, 0.7]).logit_(eps=0.55))
print(torch.special.logit(torch.tensor([0.3]), eps=0.8))
''',
    ],
    "short_sequence_of_tensors_as_subscript": [
        SETUP + '''torch.manual_seed(13)
x_tensor = torch.arange(20.).view(10, 2)
train_idx, val_idx = random_split(torch.arange(10), [8, 2])
print(train_idx.indices, val_idx.indices)
attempt(lambda: x_tensor[train_idx])
attempt(lambda: x_tensor[val_idx])
attempt(lambda: x_tensor[[torch.tensor(1), torch.tensor(0), torch.tensor(1)]])
attempt(lambda: torch.zeros(3)[[torch.tensor(1), slice(None)]])
attempt(lambda: torch.zeros(3, 2)[[torch.tensor([True, False, True]), 0, 1]])
attempt(lambda: x_tensor[train_idx.indices].shape)
big_x = torch.arange(80.).view(40, 2)
big_train, big_val = random_split(torch.arange(40), [32, 8])
print(big_x[big_train].shape)
''',
        SETUP + '''def put(t, k, v):
    t[k] = v
    return t
attempt(lambda: put(torch.zeros(3, 2), [torch.tensor(1), torch.tensor(0)], 5.0))
attempt(lambda: put(torch.zeros(3, 2), [torch.tensor(1), torch.tensor(0), torch.tensor(0)], 5.0))
attempt(lambda: put(torch.zeros(3), [torch.tensor(1), slice(None)], 5.0))
attempt(lambda: put(torch.zeros(3, 2), [torch.tensor(2), torch.tensor(5)], torch.ones(())))
''',
    ],
    "integer_subscript_bounds": [
        SETUP + '''cm = torch.zeros(2, 2, dtype=torch.long)
labels, preds = torch.tensor([0, 1, 2]), torch.tensor([1, 1, 0])
try:
    for t, p in zip(labels, preds):
        cm[t, p] += 1
except Exception as e:
    print(type(e).__name__, e)
print(cm)
def put(t, k, v=1.0):
    t[k] = v
    return t
x = torch.zeros(2, 3, 4)
for k in [(0, 5), (Ellipsis, 9), (None, Ellipsis, 9), (None, 0, None, 9), (slice(None), 5, Ellipsis), (5, 0, 0, 0),
          (1, -4), -3, (Ellipsis, None, -5)]:
    attempt(lambda: x[k].shape)
    attempt(lambda: put(x.clone(), k).sum())
w = torch.zeros(2, 3, requires_grad=True)
attempt(lambda: put(w, (0, 5)))
attempt(lambda: put(w, 7))
z = torch.tensor(1.)
for k in [5, -1, 0, (0,), (Ellipsis, 0), (None, 4), (slice(None, None, -1),), torch.tensor(0)]:
    attempt(lambda: z[k])
    attempt(lambda: put(z.clone(), k))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe84_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe84/{name}", warns="per_cell")
