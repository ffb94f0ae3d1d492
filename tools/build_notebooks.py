"""Build the demo notebooks from the seed lesson and execute them so they are committed with outputs.

Run: .venv/bin/python tools/build_notebooks.py
"""
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from seed import seed_cells  # noqa: E402

INTRO = """# 자동미분 (Autograd) — autograd_magic

이 노트북은 PyTorch 자동미분 강의의 코드를 **그대로** 실행합니다. 다른 점은 한 줄뿐입니다:
`import torch` 대신 `from autograd_magic import torch` — numpy로 만든 autograd 엔진이 PyTorch와 같은 값,
같은 기울기, 같은 출력을 냅니다.

*This notebook runs the seed lesson's code unchanged on autograd_magic's numpy engine.*"""

NOTES = {
    1: "`requires_grad=True`인 텐서는 연산을 기록합니다 (leaf tensor).",
    2: "`y`, `z`, `result`는 연산 그래프의 중간 노드입니다. `result.grad_fn`이 그래프의 끝입니다.",
    3: "`backward()`가 그래프를 거꾸로 따라가며 `x.grad`에 d(result)/dx 를 쌓습니다.",
    4: "$f(x) = x^2 + 3x + 2$, $f'(2) = 2\\cdot 2 + 3 = 7$",
    6: "$\\partial z/\\partial x = 6x + 2y = 10$, $\\partial z/\\partial y = 2x + 2y = 6$",
    7: "`Q`가 벡터이므로 `backward(gradient=...)`에 벡터-야코비안 곱의 벡터를 줍니다.",
}


def lesson_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells.append(nbformat.v4.new_markdown_cell(INTRO))
    for i, (code, _expected) in enumerate(seed_cells()):
        if i in NOTES:
            nb.cells.append(nbformat.v4.new_markdown_cell(NOTES[i]))
        code = code.replace("import torch\n", "from autograd_magic import torch\n") if i == 0 else code
        nb.cells.append(nbformat.v4.new_code_cell(code.rstrip("\n")))
    return nb


def execute(nb, path):
    NotebookClient(nb, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)


def main():
    out = ROOT / "demo_notebooks" / "01_autograd_lesson_ko.ipynb"
    execute(lesson_notebook(), out)
    print("wrote", out)


if __name__ == "__main__":
    main()
