"""What the ninety-fourth probe (the most-viewed PyTorch questions on Stack Overflow and the PyTorch forums: model
summaries, weight init, view vs reshape, eval / no_grad / inference_mode, detach vs data vs clone, hooks, freezing,
custom losses, gradient clipping, schedulers, one-hot, stack vs tensor(list), expand vs repeat, the common runtime
errors) found, each checked against PyTorch: nn.Parameter of an inference tensor is one too (outside inference mode
it refuses requires_grad=True, as Tensor._make_subclass does); writes into an expand's memory (numpy's broadcast_to
is read-only, PyTorch's expand is not): ``e[0, 0] = 7`` and in-place ops on a view that does not share memory within
itself write the expanded tensor, a basic index whose view does share memory refuses with the overlap error, and
index_put_ / masked_fill_ through advanced indexing warn that it is deprecated, then write."""
from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "parameter_of_inference_tensor": [
        ATTEMPT + '''with torch.inference_mode():
    buf = torch.zeros(3)
    inside = torch.nn.Parameter(buf)
print(inside.is_inference(), inside.requires_grad)
attempt(lambda: torch.nn.Parameter(buf))
p = torch.nn.Parameter(buf, requires_grad=False)
print(p.is_inference(), p.requires_grad)
attempt(lambda: p.requires_grad_())
attempt(lambda: torch.nn.Parameter(torch.zeros(2)).is_inference())
''',
    ],
    "writes_into_an_expand": [
        ATTEMPT + '''def run(write):
    v = torch.tensor([[1.], [2.]])
    e = v.expand(2, 3)
    attempt(lambda: write(e))
    print(v.flatten(), v._version)
run(lambda e: e.__setitem__((0, 0), 7))
run(lambda e: e.__setitem__(0, 7))
run(lambda e: e.__setitem__((slice(None), 1), torch.tensor([5., 6.])))
run(lambda e: e.__setitem__(0, torch.tensor([5., 6., 7.])))
run(lambda e: e.__setitem__(0, torch.tensor(5.)))
run(lambda e: e.__setitem__((1, slice(0, 1)), torch.tensor([5.])))
run(lambda e: e[1].__setitem__(2, 4.))
run(lambda e: e[1, 2].add_(1))
run(lambda e: e[:, 2].mul_(3))
run(lambda e: e[:, 2].copy_(torch.tensor([8., 9.])))
run(lambda e: e.add_(1))
''',
    ],
    "advanced_index_writes_into_an_expand_warn": [
        ATTEMPT + '''import warnings
for value in (0., torch.tensor(0.), torch.tensor([0.]), torch.tensor([3., 4.])):
    v = torch.tensor([[1.], [2.]])
    e = v.expand(2, 3)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        attempt(lambda: e.__setitem__(e > 1, value) if value.__class__ is float or value.numel() == 1 else None)
        attempt(lambda: e.__setitem__((0, torch.tensor([0, 1])), value))
        attempt(lambda: e.__setitem__(torch.tensor([True, False]), 5.))
    print(v.flatten(), [f"{x.category.__name__}: {x.message}" for x in w])
''',
    ],
}


def test_parameter_of_inference_tensor():
    assert_same_as_pytorch(CELLS["parameter_of_inference_tensor"], name="parameter_of_inference_tensor")


def test_writes_into_an_expand():
    assert_same_as_pytorch(CELLS["writes_into_an_expand"], name="writes_into_an_expand")


def test_advanced_index_writes_into_an_expand_warn():
    assert_same_as_pytorch(CELLS["advanced_index_writes_into_an_expand_warn"],
                           name="advanced_index_writes_into_an_expand_warn")
