"""What the ninety-sixth probe (beginner blog tutorials: MachineLearningMastery's first network, regression,
multiclass, activation, optimizer, loss-function and save/load posts; GeeksforGeeks' tensor manipulation) found,
each checked against PyTorch: torch.load of what a failed torch.save left behind (PyTorch's zip writer closes the
archive without its data.pkl: "PytorchStreamReader failed locating file data.pkl", also for a path, with mmap, and
whatever weights_only says), of a file that is no checkpoint (a broken zip archive; a text or plain-pickle file read
as PyTorch's legacy format: the weights-only unpickler's "Unsupported operand N" and its truncation errors, pickle's
own errors, "Invalid magic number; corrupt file?"), and of a checkpoint saved with pickle_protocol 3/4/5 (the
weights-only unpickler's protocol warning; protocol 4's FRAME opcode refused)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import io, os, pickle, tempfile, warnings
def show(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, str(e).replace("\\n", "|"))
'''

CELLS = {
    "load_after_a_failed_save": [
        SETUP + '''buffer = io.BytesIO()
try:
    torch.save({'f': lambda: 1, 'w': torch.ones(2)}, buffer)
except Exception as e:
    print(type(e).__name__)
print(buffer.tell() > 0)
for wo in [True, False, None]:
    buffer.seek(0)
    show(lambda: torch.load(buffer, weights_only=wo))
buffer.seek(0)
show(lambda: torch.load(buffer, mmap=True))
path = os.path.join(tempfile.mkdtemp(), "model.pth")
try:
    torch.save([torch.ones(1), lambda: 2], path)
except Exception as e:
    print(type(e).__name__)
print(os.path.exists(path))
show(lambda: torch.load(path))
show(lambda: torch.load(path, mmap=True, weights_only=False))
''',
    ],
    "load_of_files_that_are_no_checkpoint": [
        SETUP + '''import numpy as np
npy = io.BytesIO()
np.save(npy, np.ones(2))
for raw in [b"x", b"hello world", b"1,2,3\\n", b"\\x80", b"\\x80\\x02", b"PK\\x03\\x04", b"PK\\x03\\x04junk" * 3,
            npy.getvalue(), pickle.dumps({'a': 1}, protocol=2), pickle.dumps(5, protocol=2),
            pickle.dumps(np.ones(2), protocol=2), pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2)]:
    for wo in [True, False]:
        show(lambda: torch.load(io.BytesIO(raw), weights_only=wo))
show(lambda: torch.load(io.BytesIO(b"1,2,3"), mmap=True))
show(lambda: torch.load(io.BytesIO(b"PK\\x03\\x04"), mmap=True))
''',
    ],
    "load_of_other_pickle_protocols": [
        SETUP + '''for proto in [2, 3, 4, 5]:
    buffer = io.BytesIO()
    torch.save({'w': torch.ones(2), 'step': 3}, buffer, pickle_protocol=proto)
    for wo in [True, False]:
        buffer.seek(0)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            show(lambda: torch.load(buffer, weights_only=wo))
        print(proto, wo, [str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    show(lambda: torch.load(io.BytesIO(pickle.dumps({'a': 1}, protocol=4))))
print([str(x.message) for x in w])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe96_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name])
