"""What the hundred-and-ninth probe (陈云's 'Deep learning framework PyTorch: getting started and practice', chapters
3-4, as learners retype them) found, each checked against PyTorch: Tensor.resize_ keeps its storage (a tensor shrunk
and grown again sees its old elements; a view grown past its storage grows the storage its base shares, the base
moving with it; a non-contiguous tensor becomes contiguous at its offset), and torch.Tensor(ndarray) /
torch.FloatTensor(ndarray) / tensor.new(ndarray) share the array's memory when its dtype is theirs, after
tensor_from_numpy's checks (negative strides, byte order) and its warning for a read-only array."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "resize_keeps_and_grows_storage": [
        '''a = torch.arange(0, 6)
b = a.view(-1, 3)
b.resize_(1, 3)
print(b)
b.resize_(3, 3)
print(b[:2], a, a.untyped_storage().nbytes(), b.untyped_storage().nbytes())
a[0] = 7
print(b[0], a.data_ptr() == b.data_ptr())
''',
        '''a = torch.arange(0, 6.)
c = a[2:]
c.resize_(2, 3)
c[0, 0] = 9
print(a, c.storage_offset(), a.untyped_storage().nbytes(), c.is_contiguous())
d = torch.arange(6.)
d.resize_(2)
d.resize_(6)
print(d)
''',
        ATTEMPT + '''x = torch.arange(6.).view(2, 3).t()
attempt(lambda: x.resize_(2, 2))
print(x.stride())
y = torch.arange(6.).view(2, 3)[:, 1:]
attempt(lambda: y.resize_(4))
print(y.storage_offset())
z = torch.zeros(2, 3).t()
attempt(lambda: z.resize_(7).shape)
''',
    ],
    "legacy_constructors_share_numpy_memory": [
        ATTEMPT + '''import numpy as np
a = np.ones(3, np.float32)
for make in [lambda: torch.Tensor(a), lambda: torch.FloatTensor(a), lambda: torch.DoubleTensor(a),
             lambda: torch.zeros(1).new(a), lambda: torch.zeros(1, dtype=torch.float64).new(a),
             lambda: torch.LongTensor(np.arange(3)), lambda: torch.Tensor(a[::2])]:
    a[:] = 1
    r = make()
    a[0] = 5
    print(r, r.stride())
attempt(lambda: torch.Tensor(a[::-1]))
attempt(lambda: torch.FloatTensor(np.ones(2, '>f4')))
attempt(lambda: torch.Tensor(np.ones(2, '>f8')))
''',
        '''import numpy as np
ro = np.ones(2, np.float32)
ro.flags.writeable = False
torch.set_warn_always(True)
try:
    print(torch.Tensor(ro))
    print(torch.FloatTensor(ro))
    print(torch.zeros(1).new(ro.astype(np.float64)))
finally:
    torch.set_warn_always(False)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe109_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe109/{name}", warns="per_cell")
