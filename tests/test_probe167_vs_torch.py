"""What the hundred-and-sixty-seventh probe (the Examples blocks of PyTorch 2.13's 'Creation Ops' and 'Random
sampling' references) found, each checked against PyTorch: torch.asarray follows tensor_new.cpp's asarray in
order (a tensor, a numpy array or scalar, a Python buffer read as frombuffer in the default dtype, else a
sequence): copy=False refuses a sequence ("can't alias arbitrary sequence"), a numpy scalar ("can't alias NumPy
scalars") and a dtype change of an array ("can't alias tensor with dtype"); requires_grad=True is kept on a numpy
array's tensor and refused with set_requires_grad's message on an integer one; the arguments are parsed as
PyTorch's parser does (a positional dtype, copy=1, dtype="float"). torch.frombuffer says "object does not implement
Python buffer protocol." for a list, parses its arguments as PyTorch does ("takes from 2 to 1 positional
arguments") and refuses requires_grad on integers with set_requires_grad's message."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import array
import numpy as np
def show(make):
    try:
        r = make()
        print("ok", r, r.dtype, r.requires_grad)
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "asarray_copy_false_refusals": [
        SETUP + '''for make in [lambda: torch.asarray([1, 2], copy=False),
             lambda: torch.asarray(((1., 2.),), copy=False),
             lambda: torch.asarray(np.float64(2.5), copy=False),
             lambda: torch.asarray(np.arange(3), dtype=torch.float32, copy=False),
             lambda: torch.asarray(torch.arange(3), dtype=torch.float64, copy=False),
             lambda: torch.asarray(np.arange(3), dtype=torch.int64, copy=False)]:
    show(make)
''',
    ],
    "asarray_buffers_read_as_frombuffer": [
        SETUP + '''for make in [lambda: torch.asarray(bytearray(b'\\x00\\x00\\x80\\x3f')),
             lambda: torch.asarray(bytearray(b'\\x01\\x02'), dtype=torch.uint8),
             lambda: torch.asarray(array.array('i', [1, 2]), dtype=torch.int32),
             lambda: torch.asarray(bytearray(8), dtype=torch.int32, requires_grad=True),
             lambda: torch.asarray(bytearray(8), copy=True)]:
    show(make)
buf = bytearray(4)
t = torch.asarray(buf, dtype=torch.int32)
t[0] = 5
print(buf)
''',
    ],
    "asarray_requires_grad_of_arrays": [
        SETUP + '''for make in [lambda: torch.asarray(np.arange(3.), requires_grad=True),
             lambda: torch.asarray(np.arange(3, dtype=np.float32), requires_grad=True, copy=False),
             lambda: torch.asarray(np.arange(3), requires_grad=True),
             lambda: torch.asarray(np.int64(3), requires_grad=True),
             lambda: torch.asarray(np.float32(3), requires_grad=True)]:
    show(make)
n = np.zeros(2)
t = torch.asarray(n, requires_grad=True)
n[0] = 1
print(t)
''',
    ],
    "asarray_and_frombuffer_arguments_parsed": [
        SETUP + '''buf = bytearray(8)
for make in [lambda: torch.asarray([1], torch.float32),
             lambda: torch.asarray([1], copy=1),
             lambda: torch.asarray([1], dtype="float"),
             lambda: torch.asarray(),
             lambda: torch.frombuffer([1, 2], dtype=torch.int32),
             lambda: torch.frombuffer(3, dtype=torch.int32),
             lambda: torch.frombuffer(buf, torch.int32),
             lambda: torch.frombuffer(buf, dtype=torch.int32, count=1.5),
             lambda: torch.frombuffer(buf, dtype="int32"),
             lambda: torch.frombuffer(buf),
             lambda: torch.frombuffer(buf, dtype=torch.int32, requires_grad=1),
             lambda: torch.frombuffer(buf, dtype=torch.int64, requires_grad=True)]:
    show(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe167_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe167/{name}", warns="per_cell")
