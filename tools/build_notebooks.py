"""Build the demo notebooks from the seed lesson and execute them so they are committed with outputs.

Run: .venv/bin/python tools/build_notebooks.py [01 02 03]
"""
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))
from seed import seed_cells  # noqa: E402

INTRO_KO = """# 자동미분 (Autograd) — `%%grad`로 들여다보기

PyTorch 자동미분 강의의 코드를 **그대로** 실행합니다. 각 셀 위의 `%%grad` 한 줄만 다릅니다:
셀은 평소처럼 실행되고 (같은 출력), 그 아래에

* **기울기 표** — `requires_grad=True`인 leaf 텐서(파란색), `backward()`를 시작한 출력(초록색),
  이름 붙은 중간 텐서(노란색)와 각각의 값과 기울기,
* **연산 그래프** — PyTorch의 `grad_fn` 노드(`MulBackward0` 등)와 텐서 이름, 값, 기울기

가 나타납니다. 여기서 `torch`는 numpy로 만든 autograd_magic 엔진이며 PyTorch와 같은 값과 출력을 냅니다.

*The seed lesson, unchanged, with every code cell under `%%grad`.*"""

NOTES_KO = {
    1: "`requires_grad=True`인 텐서는 연산을 기록하는 leaf 텐서입니다. 표에는 아직 기울기가 없다고 나옵니다.",
    2: "`backward()` 전이라 그래프에는 값만 있고 기울기는 없습니다. `y * y`처럼 이름 없는 중간값은 식으로 표시됩니다.",
    3: "`backward()`가 그래프를 거꾸로 따라가며 기울기를 계산합니다. 앞 셀에서 만든 `y`, `z`, `result`도 표에 나오고, "
       "중간 텐서의 기울기 d(result)/d(y)는 PyTorch가 `retain_grad()` 없이는 보관하지 않는 값을 `%%grad`가 계산해 보여줍니다. "
       "`--steps`: 그래프 아래의 슬라이더(또는 재생 버튼)로 역전파를 한 노드씩 따라가 보세요. 각 노드는 들어온 기울기에 "
       "자기 국소 미분을 곱해 다음으로 넘깁니다 (`upstream × local = contribution`).",
    4: "$f(x) = x^2 + 3x + 2$, $f'(2) = 2\\cdot 2 + 3 = 7$. `--slope`: 슬라이더 범위의 f와 x에서의 접선 (기울기 7).",
    6: "$\\partial z/\\partial x = 6x + 2y = 10$, $\\partial z/\\partial y = 2x + 2y = 6$. "
       "그래프에서 `x`와 `y`가 여러 경로로 쓰이면 기울기는 경로마다 더해집니다.",
    8: "`Q`가 벡터이므로 `backward(gradient=...)`에 벡터-야코비안 곱의 벡터를 줍니다. 표의 비고 열에 그 벡터가 보이고, "
       "그 아래 야코비안 J(행 = `Q`의 원소, 열 = 입력의 원소)와 v^T J = `a.grad`, `b.grad`가 나옵니다.",
}

# The lesson's three main backward cells step through the chain rule (--steps); the two scalar functions draw
# their slope (--slope); Q.backward(gradient=...) shows its Jacobian by itself.
OPTIONS_KO = {3: " --steps", 4: " --steps --slope", 6: " --steps --slope"}

TOUR = [
    ("md", ("# A tour of `%%grad`\n\n`%load_ext autograd_magic` adds one cell magic. A `%%grad` cell runs like a "
           "normal cell, with `torch` meaning autograd_magic's numpy engine, and then shows a gradient table and the "
           "computation graph under its output.")),
    ("code", "%load_ext autograd_magic"),
    ("md", ("## Tables and graphs\nLeaves (blue) are the inputs that require grad, the output (green) is where "
           "`backward()` started, intermediates (yellow) get d(output)/d(intermediate) — PyTorch keeps that only "
           "after `retain_grad()`, `%%grad` computes it for you.")),
    ("code", ("%%grad\nimport torch\nw = torch.tensor([0.5, -1.0], requires_grad=True)\nb = torch.tensor(0.1, "
             "requires_grad=True)\nx = torch.tensor([2.0, 3.0])\nlogit = (w * x).sum() + b\np = torch.sigmoid(logit)"
             "\nloss = -torch.log(p)\nloss.backward()\nw.grad, b.grad")),
    ("md", ("## One computation over several cells\nLessons often build a value in one cell and call `backward()` in "
           "the next. Before `backward()` the graph shows values only; afterwards the table covers tensors from "
           "the earlier cell too.")),
    ("code", "%%grad\nu = torch.tensor([1.0, 2.0], requires_grad=True)\nv = u * 3\ns = (v ** 2).sum()"),
    ("code", "%%grad\ns.backward()\nu.grad"),
    ("md", ("## `backward(gradient=...)` is a vector-Jacobian product\nFor a vector output, `backward` needs the "
           "vector `v`; the leaves then receive `v @ J`. The table shows `v` next to the output.")),
    ("code", ("%%grad\na = torch.tensor([2.0, 3.0], requires_grad=True)\nQ = 3 * a ** 3\nv = torch.tensor([1.0, 0.1])"
             "\nQ.backward(gradient=v)\na.grad")),
    ("md", ("## A tensor used twice\nBoth paths into `t` appear in the graph, and its gradient is their sum: "
           "d(t*t + t)/dt = 2t + 1.")),
    ("code", "%%grad\nt = torch.tensor(3.0, requires_grad=True)\nr = t * t + t\nr.backward()\nt.grad"),
    ("md", ("## Options\n`%%grad?` lists them: `--no-table`, `--no-graph`, `--no-sliders`, `--rankdir LR|TB`, "
           "`--max-nodes N`, `--format svg|png`, `--precision N`, `-o` (return the result object), `-v NAME` "
           "(store it). The result object gives the DOT source and `.save(\"graph.svg\")`.")),
    ("code", ("%%grad --rankdir LR --precision 2 -v res\nk = torch.tensor(1.5, requires_grad=True)\nm = torch.exp(k) * k"
             "\nm.backward()")),
    ("code", "print(res.dot[:300])"),
    ("md", ("## What an error looks like\nEngine misuse raises PyTorch's own message; the traceback is the one a "
           "normal cell shows.")),
    ("code", "%%grad\nq = torch.tensor([1.0, 2.0], requires_grad=True)\n(q * 2).backward()"),
    ("md", "A wrong option is a one-line `UsageError`:"),
    ("code", "%%grad --rankdir sideways\nq"),
]


SETUP_KO = "%load_ext autograd_magic\n%config GradMagics.language = 'ko'"


def lesson_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.cells.append(nbformat.v4.new_markdown_cell(INTRO_KO))
    nb.cells.append(nbformat.v4.new_code_cell(SETUP_KO))
    for i, (code, _expected) in enumerate(seed_cells()):
        if i in NOTES_KO:
            nb.cells.append(nbformat.v4.new_markdown_cell(NOTES_KO[i]))
        nb.cells.append(nbformat.v4.new_code_cell(f"%%grad{OPTIONS_KO.get(i, '')}\n" + code.rstrip("\n")))
    return nb


def tour_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    for kind, text in TOUR:
        nb.cells.append(nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text))
    return nb


# The kernelspec as the kernel itself names it: JupyterLab rewrites a different display name when the notebook
# opens, and the tab is then dirty before the user did anything.
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def static(nb):
    """The notebook as a user opens it (untrusted, not run): no saved widget state, which JupyterLab does not
    restore for an unrun notebook, and each widget output reduced to its plain-text stand-in ("sliders for x: run
    this cell in Jupyter to move them"); the table and graph are outputs of their own and need no widget."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:   # the stepper's static steps (an <img> and text) stay: they render untrusted
                out["data"] = {k: data[k] for k in ("text/plain", "text/html") if k in data}
    return nb


def execute(nb, path):
    NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(static(nb), path)


def course_notebook():
    """Demo 03: the lessons after the autograd chapter (tools/course_ko.py), in Korean."""
    from course_ko import CELLS, INTRO
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.cells.append(nbformat.v4.new_markdown_cell(INTRO))
    nb.cells.append(nbformat.v4.new_code_cell(SETUP_KO))
    for kind, text in CELLS:
        nb.cells.append(nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text))
    return nb


NOTEBOOKS = (("01_autograd_lesson_ko.ipynb", lesson_notebook), ("02_grad_magic_tour.ipynb", tour_notebook),
             ("03_training_lessons_ko.ipynb", course_notebook))


def main():
    only = sys.argv[1:]   # names (or prefixes such as 03) to rebuild; all by default
    for name, build in NOTEBOOKS:
        if only and not any(name.startswith(o) for o in only):
            continue
        out = ROOT / "demo_notebooks" / name
        execute(build(), out)
        print("wrote", out)


if __name__ == "__main__":
    main()
