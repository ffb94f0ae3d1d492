"""What the hundred-and-thirty-second probe (DeepLearning.AI's "PyTorch for Deep Learning" labs: tensors, the
delivery-times model, a Fashion-MNIST-sized MLP, Dataset / DataLoader / random_split, a small CNN with a
shape-debugging helper, hooks and gradient norms, checkpoints) found, each checked against PyTorch: torch.save to a
path opens PyTorch's zip writer before pickling, with its errors ("Parent directory checkpoints does not exist."
when the folder was not made yet, "invalid file name" for a name ending in a separator or with an empty stem, "open
file failed" for a folder; Python's own errors for a non-ASCII name and for the legacy format); and a weights-only
torch.load of a text file (a note, a CSV) names the unsupported opcode it starts with before reading its argument
(b"garbage": "Unsupported operand 103", not "pickle data was truncated")."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import os, io, pathlib, tempfile
workdir = tempfile.mkdtemp()
os.makedirs(os.path.join(workdir, "exists"))
open(os.path.join(workdir, "afile"), "w").close()
sd = {"w": torch.ones(2)}
def in_workdir(make):
    here = os.getcwd()
    os.chdir(workdir)
    try:
        attempt(make)
    finally:
        os.chdir(here)
'''

CELLS = {
    "save_to_missing_folders_and_bad_names": [
        SETUP + '''for make in [
        lambda: torch.save(sd, "checkpoints/model.pth"),
        lambda: torch.save(sd, "checkpoints/runs/epoch_1.pth"),
        lambda: torch.save(sd, pathlib.Path("checkpoints") / "model.pth"),
        lambda: torch.save(sd, "./checkpoints/model.pth"),
        lambda: torch.save(sd, "exists/../missing/model.pth"),
        lambda: torch.save(sd, "checkpoints\\\\model.pth"),
        lambda: torch.save(sd, "exists\\\\sub/model.pth"),
        lambda: torch.save(sd, "afile/model.pth"),
        lambda: torch.save(sd, "~/models/model.pth"),
        lambda: torch.save(sd, ".pth"),
        lambda: torch.save(sd, "exists/.pth"),
        lambda: torch.save(sd, "exists/"),
        lambda: torch.save(sd, ""),
        lambda: torch.save(sd, "exists"),
        lambda: torch.save(sd, "checkpoints/model.pth", _use_new_zipfile_serialization=False),
        lambda: torch.save(sd, "", _use_new_zipfile_serialization=False),
        lambda: torch.save(sd, "exists/", _use_new_zipfile_serialization=False),
        lambda: torch.save(sd, "missing/modèle.pth"),
        lambda: torch.save(lambda: 0, "checkpoints/model.pth"),
        lambda: torch.save(sd, "exists//model.pth") or torch.load("exists/model.pth"),
        lambda: torch.save(sd, "model.") or torch.load("model."),
        lambda: torch.save(sd, "exists/modèle.pth") or torch.load("exists/modèle.pth"),
]:
    in_workdir(make)
print(sorted(os.listdir(workdir)), sorted(os.listdir(os.path.join(workdir, "exists"))))
''',
        SETUP + '''in_workdir(lambda: torch.save(lambda: 0, "exists/bad.pth"))
print(os.path.exists(os.path.join(workdir, "exists", "bad.pth")))
in_workdir(lambda: torch.load("exists/bad.pth"))
try:
    torch.save(sd, os.path.join(workdir, "nope", "model.pth"))
except Exception as e:
    print(type(e).__name__, str(e).replace(workdir, "<workdir>"))
''',
    ],
    "weights_only_load_of_text_files": [
        ATTEMPT + '''import io
def message_end(make):
    try:
        make()
    except Exception as e:
        lines = [line for line in str(e).splitlines() if line]
        print(type(e).__name__, lines[-2] if len(lines) > 1 else lines)
for raw in [b"garbage", b"good run, lr 0.05", b"hello world", b"distance,time\\n1.0,6.96\\n", b"Invalid file",
            b"Ixy\\n.", b"I12\\n.", b"p0\\n", b"Fabc\\n.", b"S'abc\\n.", b"\\x80\\x02K\\x01garbage",
            b"\\x80\\x02K\\x01q\\x00h\\x00."]:
    message_end(lambda: torch.load(io.BytesIO(raw)))
attempt(lambda: torch.load(io.BytesIO(b"ggg"), weights_only=False))
attempt(lambda: torch.load(io.BytesIO(b"Ixy\\n."), weights_only=False))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe132_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe132/{name}", warns="per_cell")
