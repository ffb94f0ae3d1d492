"""What the 166th probe (the Examples of PyTorch's "Indexing, Slicing, Joining, Mutating Ops" reference and a
learner's follow-ups) found, each checked against PyTorch: a 0-d tensor read by gather / take at an index of one or
more dims (its value repeated, the gradient summed back), take from an empty tensor and take_along_dim / select of a
0-d tensor with PyTorch's IndexErrors; transpose / swapaxes / swapdims (and transpose_) of a 0-d tensor over dims
0 / -1; torch.swapaxes and Tensor.swapaxes / swapaxes_ under their own keyword names axis0 / axis1; Tensor.squeeze
and squeeze_ with dims given one by one (x.squeeze(1, 3)); tensor_split at negative indices (ATen's slice: counted
from the end); slice_scatter's "slice step must be positive"; nonzero's refusal of out= with as_tuple=True."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "scalar_gather_take_select": [
        ATTEMPT + '''s = torch.tensor(5.)
for make in [lambda: torch.gather(s, 0, torch.tensor([0, 0])),
             lambda: torch.gather(s, -1, torch.tensor([[0], [0]])),
             lambda: torch.take(torch.tensor(4), torch.tensor([[0, -1]])),
             lambda: torch.take(torch.tensor([]), torch.tensor([0])),
             lambda: torch.take(torch.ones(0, 2), torch.tensor([[0]])),
             lambda: torch.take_along_dim(torch.tensor(5), torch.tensor(0), dim=0),
             lambda: torch.take_along_dim(torch.tensor(5), torch.tensor(0), dim=-1),
             lambda: torch.select(torch.tensor(1.), 0, 0),
             lambda: torch.tensor(1.).select(0, 0)]:
    attempt(make)
a = torch.tensor(2., requires_grad=True)
y, z = torch.gather(a, 0, torch.tensor([0, 0, 0])), torch.take(a, torch.tensor([[0, -1]]))
(y.sum() + 2 * z.sum()).backward()
print(y, z, a.grad, type(y.grad_fn).__name__, type(z.grad_fn).__name__)
''',
    ],
    "scalar_transpose_and_swapaxes_names": [
        ATTEMPT + '''x = torch.arange(6.).reshape(2, 3)
s = torch.tensor(3., requires_grad=True)
for make in [lambda: torch.transpose(s, 0, 0), lambda: torch.swapaxes(s, 0, -1), lambda: torch.swapdims(s, -1, 0),
             lambda: s.detach().clone().transpose_(0, -1), lambda: torch.transpose(s, 0, 1),
             lambda: torch.swapaxes(x, axis0=0, axis1=1), lambda: x.swapaxes(axis0=1, axis1=0),
             lambda: x.clone().swapaxes_(axis0=0, axis1=1), lambda: x.clone().transpose_(dim0=0, dim1=1)]:
    attempt(make)
w = torch.transpose(s, 0, -1)
(3 * w).backward()
print(w, s.grad, type(w.grad_fn).__name__)
''',
    ],
    "squeeze_dims_one_by_one": [
        '''x = torch.zeros(2, 1, 2, 1, 2)
print(x.squeeze(1, 3).shape, x.clone().squeeze_(1, 3).shape, x.clone().squeeze_(3).shape, x.squeeze(1).shape)
w = torch.ones(1, 3, 1, requires_grad=True)
out = w.squeeze(0, 2) * torch.tensor([1., 2., 3.])
out.sum().backward()
print(out, w.grad)
''',
    ],
    "tensor_split_negative_slice_scatter_step_nonzero_out": [
        ATTEMPT + '''x = torch.arange(8)
for make in [lambda: torch.tensor_split(x, [-2, 10]), lambda: torch.tensor_split(x, torch.tensor([-3, 5])),
             lambda: torch.tensor_split(x, [-20, 3, -1]),
             lambda: torch.slice_scatter(torch.zeros(8, 8), torch.ones(8, 2), dim=1, start=2, end=6, step=0),
             lambda: torch.zeros(8, 8).slice_scatter(torch.ones(8, 2), dim=1, start=2, end=6, step=-1),
             lambda: torch.nonzero(torch.tensor([1, 0, 2]), as_tuple=True, out=torch.empty(0, dtype=torch.long))]:
    attempt(make)
w = torch.arange(5., requires_grad=True)
pieces = torch.tensor_split(w, [-2, 4])
sum((i + 1) * p.sum() for i, p in enumerate(pieces)).backward()
print([p.shape for p in pieces], w.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe166_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
