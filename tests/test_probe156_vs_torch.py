"""What the hundred-and-fifty-sixth probe (tensor printing and tensor internals as first chapters show them:
set_printoptions, summarised printing, dtype suffixes, format specs, strides, storage, views) found, each checked
against PyTorch: the strides of empty tensors (numpy gives a new zero-size array zero strides; PyTorch row-major
ones, a zero-size dim counted as 1: zeros(0, 3) is (3, 1), zeros(3, 0) is (1, 1)), and the layout of results of
ops on a transposed tensor: flip keeps its input's order of dims (ATen's empty_like(self, preserve_format)),
while masked_fill, masked_scatter and log_softmax come back row-major (ATen clones contiguous, or writes a contiguous output)
and roll row-major unless its input is channels-last."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "empty_tensor_strides": [
        '''for make in [lambda: torch.zeros(0, 3), lambda: torch.zeros(3, 0), lambda: torch.empty(2, 0, 3),
             lambda: torch.ones(1, 0), lambda: torch.zeros(0), lambda: torch.zeros(0, 3) + 1,
             lambda: torch.randn(3, 0, 2).sum(1), lambda: torch.zeros(0, 2, 5, dtype=torch.int64).float(),
             lambda: torch.zeros(4, 0).clone()]:
    e = make()
    print(e.shape, e.stride(), e.is_contiguous(), e.stride(-1))
''',
    ],
    "layouts_after_ops_on_transposed": [
        '''t = torch.arange(12.).reshape(3, 4).T
for name, f in [("flip", lambda a: a.flip(0)), ("fliplr", lambda a: a.fliplr()), ("flipud", lambda a: a.flipud()),
                ("masked_fill", lambda a: a.masked_fill(a > 3, 0.)),
                ("masked_fill_t", lambda a: a.masked_fill(a > 3, torch.tensor(0.))),
                ("masked_scatter", lambda a: a.masked_scatter(a > 3, torch.zeros(12))),
                ("roll", lambda a: a.roll(1, 0)), ("log_softmax", lambda a: a.log_softmax(1))]:
    for src in (t, t[::2], t.contiguous()):
        out = f(src)
        print(name, out.stride(), out.is_contiguous())
print(t.flip(0), t.masked_fill(t > 3, 0.))
''',
        '''w = torch.randn(2, 3, 4, 5, generator=torch.Generator().manual_seed(0)).contiguous(memory_format=torch.channels_last)
print(w.flip(1).stride(), w.flip(3).is_contiguous(memory_format=torch.channels_last), w.roll(1, 2).stride())
print(w.masked_fill(w > 0, 0.).stride(), w.log_softmax(1).stride(), w.masked_scatter(w > 0, w).stride())
a = torch.arange(6., requires_grad=True)
y = a.view(2, 3).T.flip(0)
y.backward(torch.arange(6.).reshape(3, 2))
print(y.stride(), a.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe156(name):
    assert_same_as_pytorch(CELLS[name], name=name)
