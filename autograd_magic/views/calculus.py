"""Views of derivatives computed by re-running the cell (trace.probe): the Jacobian with v and v^T J, the Hessian,
and the --check column (autograd beside central differences). Each shows itself as HTML and as plain text.
"""
import html
import itertools

import numpy as np

from .graph import MAX_ITEMS, value_glance, value_text

LABELS = {
    "en": {
        "jac_title": "Jacobian of {out}: rows = elements of {out}, columns = elements of the input",
        "jac_v": "v (the gradient= given to backward): {v}",
        "jac_nov": "no gradient= was given: v = 1 (a scalar output)",
        "vtj": "v^T J = {vj} and {leaf}.grad = {g} {verdict}",   # words, not spaces: HTML collapses spaces
        "same": "(equal)",
        "differs": "(differs: the leaf's .grad also holds other backward calls)",
        "hess_title": "Hessian of {out} (torch.autograd.functional.hessian, float64)",
        "check_title": "--check: each gradient beside central differences in float64 (h = 1e-6 * max(1, |x|))",
        "check_head": ["name", "autograd (float64)", "numeric", "rel. error"],
        "skipped": "{what} skipped: {why}",
        "output": "the output",
        "cropped": "J[{name}] has {r} x {c} entries: the first {rs} rows and {cs} columns are shown "
                   "(all of them: the result's .jacobian['{name}'], with %%grad -o or -v NAME)",
    },
    "ko": {
        "jac_title": "{out}의 야코비안: 행 = {out}의 원소, 열 = 입력의 원소",
        "jac_v": "v (backward에 준 gradient=): {v}",
        "jac_nov": "gradient=를 주지 않음: v = 1 (스칼라 출력)",
        "vtj": "v^T J = {vj}, {leaf}.grad = {g} {verdict}",
        "same": "(같음)",
        "differs": "(다름: 리프의 .grad에 다른 backward 호출도 더해짐)",
        "hess_title": "{out}의 헤세 행렬 (torch.autograd.functional.hessian, float64)",
        "check_title": "--check: 기울기와 float64 중앙 차분 비교 (h = 1e-6 * max(1, |x|))",
        "check_head": ["이름", "autograd (float64)", "수치 미분", "상대 오차"],
        "skipped": "{what} 건너뜀: {why}",
        "output": "출력",
        "cropped": "J[{name}]는 {r} x {c}개 원소: 앞의 {rs}행 {cs}열만 보임 "
                   "(전체: %%grad -o 또는 -v NAME 결과의 .jacobian['{name}'])",
    },
}


def _words(lang):
    return LABELS.get(lang, LABELS["en"])


def _matrix_text(m, precision, rows=None, cols=None):
    """A 2-D array as aligned text with optional row and column labels."""
    m = np.atleast_2d(np.asarray(m))
    cells = [[value_text(np.asarray(v), precision) for v in row] for row in m]
    cols = cols or [""] * m.shape[1]
    rows = rows or [""] * m.shape[0]
    table = [[""] + list(cols)] + [[r] + c for r, c in zip(rows, cells)]
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths)).rstrip() for r in table if any(r))


def _matrix_html(m, precision, rows, cols):
    m = np.atleast_2d(np.asarray(m))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in [""] + list(cols))
    body = "".join("<tr><th>" + html.escape(r) + "</th>" + "".join(
        f"<td style='text-align:right'>{html.escape(value_text(np.asarray(v), precision))}</td>" for v in row)
        + "</tr>" for r, row in zip(rows, m))
    return f"<table class='autograd-magic-matrix'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _short(a, precision):
    """Values on one line; a big array as its shape and dtype with its first values and norm."""
    a = np.asarray(a)
    text = value_text(a, precision)
    return text if a.size <= MAX_ITEMS else f"{text}: {value_glance(a, precision)}"


def element_labels(name, size, shape):
    """Labels of the first size elements of a tensor of this shape: ``w[0, 1]``."""
    if not shape:
        return [name]
    return [f"{name}[{', '.join(str(i) for i in idx)}]" for idx in itertools.islice(np.ndindex(tuple(shape)), size)]


MAX_SHOWN = 12   # rows and columns of a Jacobian block drawn


class JacobianView:
    """J per input (rows: output elements, columns: input elements), the vector v and v^T J beside .grad."""

    def __init__(self, jacobian, v, out_name, grads, shapes, *, precision=4, lang="en"):
        self.jacobian, self.v, self.out_name = jacobian, v, out_name or None
        self.grads, self.shapes = grads, shapes      # {name: leaf .grad array or None}, {name: shape}
        self.precision, self.words = precision, _words(lang)

    def vtj(self, name):
        j = self.jacobian[name]
        v = np.ones(j.shape[0]) if self.v is None else np.asarray(self.v, np.float64)
        return (v @ j.astype(np.float64)).reshape(self.shapes[name])

    def _parts(self):
        """(name, the block drawn, row labels, column labels, the v^T J line, a note when the block is cropped):
        a block of more than MAX_SHOWN rows or columns is drawn as its top-left corner (an --jacobian over a
        784 x 256 weight stays a page, not 11 MB of table)."""
        w, p = self.words, self.precision
        out = self.out_name or w["output"]
        for name, j in self.jacobian.items():
            shown = j[:MAX_SHOWN, :MAX_SHOWN]
            rows = element_labels(out, shown.shape[0], (j.shape[0],) if j.shape[0] > 1 else ())
            cols = element_labels(name, shown.shape[1], self.shapes[name])
            g = self.grads.get(name)
            vj = self.vtj(name)
            same = g is not None and g.shape == vj.shape and np.allclose(vj, g, rtol=1e-5, atol=1e-6)
            line = w["vtj"].format(vj=_short(vj, p), leaf=name, g="None" if g is None else _short(g, p),
                                   verdict=w["same"] if same else w["differs"])
            cropped = None if shown.shape == j.shape else w["cropped"].format(
                name=name, r=j.shape[0], c=j.shape[1], rs=shown.shape[0], cs=shown.shape[1])
            yield name, shown, rows, cols, line, cropped

    def head(self):
        w = self.words
        out = self.out_name or w["output"]
        v = w["jac_nov"] if self.v is None else w["jac_v"].format(v=_short(self.v, self.precision))
        return [w["jac_title"].format(out=out), v]

    def __repr__(self):
        lines = self.head()
        for name, j, rows, cols, line, cropped in self._parts():
            lines += ["", f"J[{name}]", _matrix_text(j, self.precision, rows, cols), line]
            if cropped:
                lines.append(cropped)
        return "\n".join(lines)

    def _repr_html_(self):
        parts = [f"<div class='autograd-magic-jacobian'><p>{'<br/>'.join(html.escape(t) for t in self.head())}</p>"]
        for name, j, rows, cols, line, cropped in self._parts():
            note = f"<br/><small>{html.escape(cropped)}</small>" if cropped else ""
            parts.append(f"<div style='display:inline-block;vertical-align:top;margin-right:2em'><b>J[{html.escape(name)}]"
                         f"</b>{_matrix_html(j, self.precision, rows, cols)}<small>{html.escape(line)}</small>{note}"
                         "</div>")
        return "".join(parts) + "</div>"


class HessianView:
    """The Hessian of a scalar output over all input elements, as one matrix."""

    def __init__(self, blocks, names, shapes, out_name, *, precision=4, lang="en"):
        self.names, self.shapes = names, shapes
        self.matrix = np.block([[blocks[(a, b)] for b in names] for a in names])
        self.labels = [lab for n in names for lab in element_labels(n, int(np.prod(shapes[n], dtype=int)), shapes[n])]
        self.out_name, self.precision, self.words = out_name, precision, _words(lang)

    def title(self):
        return self.words["hess_title"].format(out=self.out_name or self.words["output"])

    def __repr__(self):
        return self.title() + "\n" + _matrix_text(self.matrix, self.precision, self.labels, self.labels)

    def _repr_html_(self):
        return (f"<div class='autograd-magic-hessian'><p>{html.escape(self.title())}</p>"
                f"{_matrix_html(self.matrix, self.precision, self.labels, self.labels)}</div>")


class CheckView:
    """The --check rows: name, autograd (float64), central differences, relative error."""

    def __init__(self, rows, *, precision=4, lang="en"):
        self.rows, self.precision, self.words = rows, precision, _words(lang)

    def cells(self):
        p = self.precision
        return [[r.name, value_text(r.autograd, p), value_text(r.numeric, p), f"{r.rel_error:.1e}"]
                for r in self.rows]

    def __repr__(self):
        table = [self.words["check_head"]] + self.cells()
        widths = [max(len(r[i]) for r in table) for i in range(4)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in table]
        return "\n".join([self.words["check_title"], lines[0], "  ".join("-" * w for w in widths)] + lines[1:])

    def _repr_html_(self):
        head = "".join(f"<th style='text-align:left'>{html.escape(h)}</th>" for h in self.words["check_head"])
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{html.escape(c)}</td>" for c in r) + "</tr>"
                       for r in self.cells())
        return (f"<div class='autograd-magic-check'><p>{html.escape(self.words['check_title'])}</p>"
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


class Note:
    """A computation that was skipped, and why."""

    def __init__(self, what, why, lang="en"):
        self.text = _words(lang)["skipped"].format(what=what, why=why)

    def __repr__(self):
        return self.text

    def _repr_html_(self):
        return f"<p class='autograd-magic-note'><em>{html.escape(self.text)}</em></p>"
