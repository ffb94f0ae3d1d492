"""The seed lesson (tests/data/autograd-tutorial-ko.txt) split into code cells and the outputs it shows."""
import pathlib
import re

SEED = pathlib.Path(__file__).parent / "data" / "autograd-tutorial-ko.txt"


def seed_cells():
    """[(code, expected_output)] in lesson order; expected_output is the text the lesson shows under the cell."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    cells, i = [], 0
    while i < len(lines):
        if not re.match(r"In \[\d+\]:", lines[i]):
            i += 1
            continue
        j = i + 1
        block = []
        while j < len(lines) and not re.match(r"In \[\d+\]:", lines[j]) and not re.match(r"^\s*(- |\d+\. )", lines[j]):
            block.append(lines[j])
            j += 1
        code, out = _split(block)
        cells.append(("\n".join(code).strip() + "\n", "".join(line + "\n" for line in out)))
        i = j
    return cells


def _split(block):
    """Output is the run of lines starting with 'tensor(' at the end of the block."""
    while block and not block[-1].strip():
        block.pop()
    k = len(block)
    while k > 0 and (block[k - 1].startswith("tensor(") or not block[k - 1].strip()):
        k -= 1
    out = [line for line in block[k:] if line.strip()]
    return block[:k], out
