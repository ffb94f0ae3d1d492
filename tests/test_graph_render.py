"""The graph diagram: GraphSpec -> DOT (asserted on the source), DOT -> SVG/PNG with graphviz-pure, and the
text outline shown when no diagram can be drawn. Specs are built by hand; the engine is not needed."""
import os
import pathlib
import re
import stat
import sys
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from autograd_magic.views import graph, render as render_mod
from autograd_magic.views.graph import KIND_COLOURS, NO_GRADIENTS, outline, to_dot, value_text
from autograd_magic.views.render import find_renderer, render
from autograd_magic.trace.model import INTERMEDIATE, LEAF, OUTPUT, GraphEdge, GraphNode, GraphSpec, TensorInfo
from helpers import REQUIRE_ALL

SVG = "{http://www.w3.org/2000/svg}"


# ---------------------------------------------------------------- fixtures and builders

@pytest.fixture(autouse=True)
def _no_override(monkeypatch):
    """Tests start from the real search; the ones that need a fake renderer set the override themselves."""
    monkeypatch.delenv(render_mod.ENV_OVERRIDE, raising=False)


@pytest.fixture
def renderer():
    """The real graphviz-pure command; skip without it, fail under AUTOGRAD_MAGIC_REQUIRE_ALL=1."""
    command = find_renderer()
    if command is None:
        if REQUIRE_ALL:
            pytest.fail("graphviz-pure is required under AUTOGRAD_MAGIC_REQUIRE_ALL=1")
        pytest.skip("no graph renderer (pip install graphviz-pure)")
    return command


def tensor(key, name, expr, kind, value, grad, dtype="float32"):
    value = np.asarray(value, dtype=np.float32)
    grad = None if grad is None else np.asarray(grad, dtype=np.float32)
    return TensorInfo(key, name, expr, kind, value.shape, dtype, value, grad)


def seed_spec(has_gradients=True):
    """x = [1, 2, 3] (leaf); y = x + 2; z = y * y * 2; result = z.mean(); result.backward().

    Shaped as the run layer builds it: each op with the tensor it made pointing at it, AccumulateGrad
    pointing at its leaf, and MulBackward0 of y * y reaching AddBackward0 twice (y is used twice).
    """
    x = np.array([1.0, 2.0, 3.0])
    y = x + 2
    dy = 4 * y / 3

    def g(value):
        return value if has_gradients else None

    nodes = [
        GraphNode("n0", "op", "MeanBackward0", grad=np.array(1.0)),
        GraphNode("n0t", "tensor", "result", tensor("t0", "result", None, OUTPUT, (2 * y * y).mean(), g(1.0))),
        GraphNode("n1", "op", "MulBackward0", grad=np.full(3, 1 / 3)),
        GraphNode("n1t", "tensor", "z", tensor("t1", "z", None, INTERMEDIATE, 2 * y * y, g(np.full(3, 1 / 3)))),
        GraphNode("n2", "op", "MulBackward0", grad=np.full(3, 2 / 3)),
        GraphNode("n2t", "tensor", "y * y", tensor("t2", None, "y * y", INTERMEDIATE, y * y, g(np.full(3, 2 / 3)))),
        GraphNode("n3", "op", "AddBackward0", grad=dy),
        GraphNode("n3t", "tensor", "y", tensor("t3", "y", None, INTERMEDIATE, y, g(dy))),
        GraphNode("n4", "op", "AccumulateGrad", grad=dy),
        GraphNode("n4t", "tensor", "x", tensor("t4", "x", None, LEAF, x, g(dy))),
    ]
    edges = [("n0t", "n0"), ("n0", "n1"), ("n1t", "n1"), ("n1", "n2"), ("n2t", "n2"),
             ("n2", "n3"), ("n2", "n3"), ("n3t", "n3"), ("n3", "n4"), ("n4", "n4t")]
    return GraphSpec(nodes, [GraphEdge(a, b) for a, b in edges], has_gradients=has_gradients)


def chain_spec(n, omitted=0):
    """n op nodes in a line, listed from the output backwards."""
    nodes = [GraphNode(f"op{i}", "op", f"Op{i}Backward0") for i in range(n)]
    edges = [GraphEdge(f"op{i}", f"op{i + 1}") for i in range(n - 1)]
    return GraphSpec(nodes, edges, has_gradients=True, omitted=omitted)


def dot_ids(dot):
    """{DOT node id: its label text} for the drawn nodes n0, n1, ..."""
    return {m[1]: m[2] for m in re.finditer(r"^\s*(n\d+) \[label=<(.*?)> ", dot, re.M)}


def id_of(dot, label_part, nth=0):
    return [nid for nid, label in dot_ids(dot).items() if label_part in label][nth]


def node_line(dot, nid):
    return next(line for line in dot.splitlines() if line.strip().startswith(nid + " ["))


def svg_nodes(svg):
    """{node title: (list of its text strings, its tooltip, y of its first text)} from rendered SVG."""
    root = ET.fromstring(svg)
    found = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") != "node":
            continue
        texts = [t for t in g.iter(SVG + "text")]
        links = [a for a in g.iter(SVG + "a")]
        tooltip = links[0].get("{http://www.w3.org/1999/xlink}title") if links else None
        found[g.find(SVG + "title").text] = ([t.text for t in texts], tooltip, float(texts[0].get("y")))
    return found


def fake_renderer(tmp_path, body, name="fake-dot"):
    """An executable Python script standing in for the renderer."""
    path = tmp_path / name
    path.write_text(f"#!{sys.executable} -S\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


# ---------------------------------------------------------------- value_text

@pytest.mark.parametrize("value, precision, expected", [
    (np.array(7.0), 4, "7."),
    (np.array([4.0, 16 / 3, 20 / 3], dtype=np.float32), 4, "[4.0000, 5.3333, 6.6667]"),
    (np.array([4.0, 16 / 3, 20 / 3]), 2, "[4.00, 5.33, 6.67]"),
    (np.array([-12.0, -8.0]), 4, "[-12., -8.]"),
    (np.array([[1.0, 2.0], [3.0, 4.0]]), 4, "[[1., 2.], [3., 4.]]"),
    (np.array([1.0, 2000.0]), 4, "[1.0000e+00, 2.0000e+03]"),
    (np.array([1.0, np.nan]), 4, "[1., nan]"),
    (np.array([0.0, 0.0]), 4, "[0., 0.]"),
    (np.array([1, 2], dtype=np.int64), 4, "[1, 2]"),
    (np.array([True, False]), 4, "[True, False]"),
    (np.zeros(0), 4, "[]"),
    (np.ones(9), 4, "shape (9,), float64"),
    (np.ones((3, 4), dtype=np.float32), 4, "shape (3, 4), float32"),
])
def test_value_text(value, precision, expected):
    assert value_text(value, precision) == expected


def test_value_text_names_the_tensors_dtype_for_big_values():
    assert value_text(np.ones((3, 3), dtype=np.float32), dtype="bfloat16") == "shape (3, 3), bfloat16"


# ---------------------------------------------------------------- DOT source

def test_seed_dot_has_op_names_labels_values_and_gradients():
    dot = to_dot(seed_spec())
    labels = list(dot_ids(dot).values())
    assert labels.count("MulBackward0") == 2
    for op in ("MeanBackward0", "AddBackward0", "AccumulateGrad"):
        assert labels.count(op) == 1
    assert len(labels) == 10
    assert "rankdir=TB" in dot
    for name in ("result", "z", "y * y", "y", "x"):
        assert f"<B>{name}</B>" in dot
    x_label = dot_ids(dot)[id_of(dot, "<B>x</B>")]
    assert "[1., 2., 3.]" in x_label and "grad: [4.0000, 5.3333, 6.6667]" in x_label
    result_label = dot_ids(dot)[id_of(dot, "<B>result</B>")]
    assert "33.3333" in result_label and "grad: 1." in result_label
    assert "grad: [0.3333, 0.3333, 0.3333]" in dot_ids(dot)[id_of(dot, "<B>z</B>")]
    assert NO_GRADIENTS not in dot and "no gradient yet" not in dot


def test_seed_dot_colours_each_kind_and_has_a_legend():
    dot = to_dot(seed_spec())
    assert f'fillcolor="{KIND_COLOURS[LEAF]}"' in node_line(dot, id_of(dot, "<B>x</B>"))
    assert f'fillcolor="{KIND_COLOURS[OUTPUT]}"' in node_line(dot, id_of(dot, "<B>result</B>"))
    assert f'fillcolor="{KIND_COLOURS[INTERMEDIATE]}"' in node_line(dot, id_of(dot, "<B>y * y</B>"))
    assert len(set(KIND_COLOURS.values())) == 3
    legend = node_line(dot, "legend")
    for kind in (LEAF, OUTPUT, INTERMEDIATE):
        assert f'BGCOLOR="{KIND_COLOURS[kind]}">{graph.KIND_TITLES[kind]}' in legend


def test_seed_dot_edges_run_from_the_output_down_and_keep_both_uses_of_y():
    dot = to_dot(seed_spec())
    edges = re.findall(r"^\s*(n\d+) -> (n\d+)", dot, re.M)
    result, mean = id_of(dot, "<B>result</B>"), id_of(dot, "MeanBackward0")
    square, add = id_of(dot, "MulBackward0", 1), id_of(dot, "AddBackward0")
    acc, x = id_of(dot, "AccumulateGrad"), id_of(dot, "<B>x</B>")
    assert (result, mean) in edges and (acc, x) in edges
    assert edges.count((square, add)) == 2
    assert len(edges) == 10
    assert "dir=back" not in dot


def test_dot_before_backward_says_there_are_no_gradients():
    dot = to_dot(seed_spec(has_gradients=False))
    assert NO_GRADIENTS in dot
    assert dot.count("no gradient yet") == 5
    assert "grad: " not in dot


def test_dot_shows_shape_and_dtype_of_big_tensors():
    value = np.arange(12, dtype=np.float32).reshape(3, 4)
    node = GraphNode("t", "tensor", "W", tensor("t", "W", None, LEAF, value, np.ones((3, 4))))
    dot = to_dot(GraphSpec([node], [], has_gradients=True))
    assert "shape (3, 4), float32" in dot and "grad: shape (3, 4), float32" in dot
    assert "11." not in dot
    # a glance under the shape: the first values and the norm, as torch prints them (issue 14: big tensors
    # summarised, not dumped)
    assert "[0., 1., \u2026] norm 22.4944" in dot and "grad [1., 1., \u2026] norm 3.4641" in dot


def test_rankdir_is_passed_and_checked():
    assert "rankdir=LR" in to_dot(seed_spec(), rankdir="LR")
    with pytest.raises(ValueError, match="rankdir"):
        to_dot(seed_spec(), rankdir="sideways")
    with pytest.raises(ValueError, match="max_nodes"):
        to_dot(seed_spec(), max_nodes=0)


def test_precision_reaches_the_labels():
    dot = to_dot(seed_spec(), precision=2)
    assert "grad: [4.00, 5.33, 6.67]" in dot and "5.3333" not in dot


def test_node_cap_keeps_the_first_nodes_and_counts_the_rest():
    dot = to_dot(chain_spec(100), max_nodes=20)
    labels = list(dot_ids(dot).values())
    assert labels == [f"Op{i}Backward0" for i in range(20)]
    assert "... 80 more nodes not drawn (--max-nodes)" in dot
    assert re.search(r"^\s*n19 -> omitted_notice", dot, re.M)


def test_notice_counts_nodes_the_run_layer_left_out():
    assert "... 5 more nodes not drawn (--max-nodes)" in to_dot(chain_spec(10, omitted=5))
    assert "... 85 more nodes not drawn (--max-nodes)" in to_dot(chain_spec(100, omitted=5), max_nodes=20)
    assert "omitted_notice" not in to_dot(chain_spec(10))


def test_huge_graph_is_capped_without_recursion():
    spec = chain_spec(5000)
    dot = to_dot(spec)
    assert len(dot_ids(dot)) == 60 and "4940 more nodes" in dot
    text = outline(spec, max_lines=50)
    assert "... 4950 more lines" in text


# ---------------------------------------------------------------- escaping

PAYLOADS = [
    "<script>alert(1)</script>",
    "</table>",
    '"]; evil [label="',
    "&amp;",
    "\\l",
    "\\\\l",
    "\\N \\G",
    "기울기",
    "a'b\"c",
]


def payload_spec(payload):
    t = tensor("t", payload, None, LEAF, [1.0], [2.0])
    expr = tensor("u", None, payload, INTERMEDIATE, [3.0], [4.0])
    big = tensor("w", "w", None, LEAF, np.ones(9), np.ones(9), dtype=payload)
    nodes = [GraphNode("a", "op", payload), GraphNode("b", "tensor", payload, t),
             GraphNode("c", "tensor", payload, expr), GraphNode("d", "tensor", "w", big)]
    return GraphSpec(nodes, [GraphEdge("a", "b"), GraphEdge("c", "a")], has_gradients=True)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_escaped_in_dot(payload):
    dot = to_dot(payload_spec(payload))
    assert "<script" not in dot and "</table>" not in dot
    assert 'evil [label="' not in dot
    assert len(dot_ids(dot)) == 4
    if "<" in payload:
        assert "&lt;" in dot


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_render_as_literal_text_in_svg(renderer, payload):
    result = render(to_dot(payload_spec(payload)))
    assert result.error is None
    svg = result.data
    assert "<script" not in svg and "</table>" not in svg
    nodes = svg_nodes(svg)  # parses: the SVG is well-formed XML
    assert set(nodes) == {"n0", "n1", "n2", "n3", "legend"}
    assert not any(el.tag.endswith("script") for el in ET.fromstring(svg).iter())
    assert nodes["n0"][0] == [payload]
    assert nodes["n1"][0] == [payload, "[1.]", "grad: [2.]"]
    assert nodes["n2"][0][0] == payload
    assert nodes["n3"][0] == ["w", f"shape (9,), {payload}", "[1., 1., \u2026] norm 3.",
                              f"grad: shape (9,), {payload}", "grad [1., 1., \u2026] norm 3."]
    tooltips = [tip for _, tip, _ in nodes.values() if tip is not None]
    assert len(tooltips) == 4 and not any(c in tip for tip in tooltips for c in "<>\\\"")
    if "<" in payload:
        assert "&lt;script&gt;" in svg or "&lt;/table&gt;" in svg


def test_newlines_and_control_characters_stay_on_one_line():
    spec = payload_spec("a\nb\r\n\tc\x00d")
    dot = to_dot(spec)
    assert "<B>a b c\ufffdd</B>" in dot
    assert "\x00" not in dot and "a\nb" not in dot
    assert "a b c\ufffdd [leaf]" in outline(spec)


def test_long_labels_are_shortened():
    dot = to_dot(payload_spec("x" * 500))
    assert "x" * 47 + "\u2026" in dot and "x" * 48 not in dot
    assert "shape (9,), " + "x" * 31 + "\u2026" in dot  # a dtype is shortened too


# ---------------------------------------------------------------- rendering with graphviz-pure

def test_renderer_is_found_without_path(renderer, monkeypatch):
    monkeypatch.setenv("PATH", "")
    render_mod._discover.cache_clear()
    try:
        command = find_renderer()
    finally:
        render_mod._discover.cache_clear()
    assert command is not None and pathlib.Path(command[0]).is_file()
    assert find_renderer() == find_renderer()


def test_seed_renders_to_inline_svg(renderer):
    result = render(to_dot(seed_spec()))
    assert result.error is None and result.ok
    svg = result.data
    assert svg.startswith("<svg") and "<?xml" not in svg and "<!DOCTYPE" not in svg
    nodes = svg_nodes(svg)
    texts = [text for node in nodes.values() for text in node[0]]
    for expected in ("MeanBackward0", "AccumulateGrad", "result", "y * y", "[1., 2., 3.]",
                     "grad: [4.0000, 5.3333, 6.6667]", "33.3333"):
        assert expected in texts
    assert texts.count("MulBackward0") == 2
    dot = to_dot(seed_spec())
    result_y = nodes[id_of(dot, "<B>result</B>")][2]
    x_y = nodes[id_of(dot, "<B>x</B>")][2]
    assert result_y < x_y  # the output is drawn above the leaf
    assert svg.count('class="edge"') == 10


def test_seed_before_backward_renders_the_note(renderer):
    svg = render(to_dot(seed_spec(has_gradients=False))).data
    assert NO_GRADIENTS in svg and svg.count("no gradient yet") == 5


def test_capped_graph_renders_at_most_max_nodes(renderer):
    nodes = svg_nodes(render(to_dot(chain_spec(300), max_nodes=25)).data)
    assert set(nodes) == {f"n{i}" for i in range(25)} | {"legend", "omitted_notice"}
    assert nodes["omitted_notice"][0] == ["... 275 more nodes not drawn (--max-nodes)"]


def test_png_renders(renderer):
    result = render(to_dot(seed_spec()), fmt="png")
    assert result.error is None
    assert isinstance(result.data, bytes) and result.data.startswith(b"\x89PNG\r\n\x1a\n")


def test_bad_dot_gives_the_renderers_message(renderer):
    result = render("digraph { a -> }")
    assert result.data is None
    assert "failed with exit code" in result.error


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError, match="svg"):
        render("digraph {}", fmt="pdf")


# ---------------------------------------------------------------- no renderer, failing renderer, hanging renderer

def test_no_renderer_gives_an_error_and_the_outline_still_reads(monkeypatch):
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, "none")
    assert find_renderer() is None
    result = render(to_dot(seed_spec()))
    assert result.data is None and not result.ok
    assert "no graph renderer found" in result.error and "graphviz-pure" in result.error
    lines = outline(seed_spec()).splitlines()
    assert lines[0] == graph.OUTLINE_TITLE
    assert lines[1] == "MeanBackward0: result [output]  = 33.3333  grad: 1."
    assert lines[2] == "  MulBackward0: z [intermediate]  = [18., 32., 50.]  grad: [0.3333, 0.3333, 0.3333]"
    assert lines[5] == "        AccumulateGrad"
    assert lines[6] == "          x [leaf]  = [1., 2., 3.]  grad: [4.0000, 5.3333, 6.6667]"
    assert lines[7] == "      AddBackward0: y  (again, see above)"
    assert len(lines) == 8


def test_outline_before_backward_and_with_omitted_nodes():
    text = outline(seed_spec(has_gradients=False))
    assert NO_GRADIENTS in text and text.count("no gradient yet") == 5 and "grad:" not in text
    assert outline(chain_spec(3, omitted=7)).endswith("... 7 more nodes not drawn (--max-nodes)")


def test_override_path_that_does_not_exist(monkeypatch, tmp_path):
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(tmp_path / "missing-dot"))
    result = render("digraph {}")
    assert result.data is None and "could not start the graph renderer" in result.error


def test_failing_renderer_reports_its_stderr(monkeypatch, tmp_path):
    script = fake_renderer(tmp_path, "import sys\nsys.stdin.read()\nsys.stderr.write('boom: bad input')\nsys.exit(3)")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(script))
    result = render("digraph {}")
    assert result.data is None
    assert "exit code 3" in result.error and "boom: bad input" in result.error


def test_renderer_without_png_says_so(monkeypatch, tmp_path):
    body = ("import sys\nsys.stdin.read()\n"
            "sys.stderr.write('Format: \"png\" not recognized. Use one of: svg')\nsys.exit(1)")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(fake_renderer(tmp_path, body)))
    result = render("digraph {}", fmt="png")
    assert result.data is None and "cannot write PNG" in result.error


def _alive(pid):
    """True while pid is a running process (a zombie waiting for a non-reaping init counts as gone)."""
    try:
        import psutil
    except ImportError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        stat_file = pathlib.Path(f"/proc/{pid}/stat")
        return not (stat_file.exists() and stat_file.read_text().split(")")[-1].split()[0] == "Z")
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_hanging_renderer_is_stopped_and_leaves_no_process(monkeypatch, tmp_path):
    pids = tmp_path / "pids"
    body = (f"import os, subprocess, sys, time\n"
            f"open({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n')\n"
            f"child = subprocess.Popen([sys.executable, '-S', '-c', 'import time; time.sleep(30)'])\n"
            f"open({str(pids)!r}, 'a').write(f'{{child.pid}}\\n')\n"
            f"time.sleep(30)\n")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(fake_renderer(tmp_path, body, "hanging-dot")))
    start = time.monotonic()
    result = render(to_dot(seed_spec()), timeout=0.5)
    elapsed = time.monotonic() - start
    assert result.data is None
    assert result.error == "the graph renderer took longer than 0.5 s; showing the outline instead"
    assert elapsed < 10  # far less than the 30 s the renderer would take
    written = [int(line) for line in pids.read_text().split()]
    assert written, "the fake renderer never started"
    renderer_pid = written[0]
    assert not _alive(renderer_pid)
    if os.name == "posix":
        with pytest.raises(ChildProcessError):
            os.waitpid(renderer_pid, os.WNOHANG)  # render() has already reaped it: no zombie left behind
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in written) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in written), "a renderer process outlived render()"


def test_the_same_source_is_laid_out_once_and_a_failure_is_not_kept(monkeypatch, tmp_path):
    """A re-run cell (or a slider back at a value) draws the same DOT source: the layout is reused. A failed
    render is tried again next time."""
    calls = tmp_path / "calls"
    script = fake_renderer(tmp_path, f"import sys\nsys.stdin.read()\nopen({str(calls)!r}, 'a').write('x')\n"
                                     "sys.stdout.write('<svg>drawn</svg>')")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(script))
    source = "digraph { a -> b /* %s */ }" % tmp_path.name
    first, second = render(source), render(source)
    assert first.data == second.data == "<svg>drawn</svg>"
    assert calls.read_text() == "x"
    assert render(source + " ").data == "<svg>drawn</svg>" and calls.read_text() == "xx"
    flag = tmp_path / "failed-once"
    flaky = fake_renderer(tmp_path, f"import os, sys\nsys.stdin.read()\nif not os.path.exists({str(flag)!r}):\n"
                                    f"    open({str(flag)!r}, 'w').close()\n    sys.exit(3)\n"
                                    "sys.stdout.write('<svg>second try</svg>')", name="flaky")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(flaky))
    assert render(source).data is None
    assert render(source).data == "<svg>second try</svg>"


# ---------------------------------------------------------------- wide (East Asian) text fits its box

def _polygon_box(poly):
    xs = [float(p.split(",")[0]) for p in poly.get("points").split()]
    ys = [float(p.split(",")[1]) for p in poly.get("points").split()]
    return min(xs), max(xs), min(ys), max(ys)


def _drawn_width_at_least(text, size):
    """A lower bound of the width a browser draws: Hangul and CJK glyphs are 0.94-1 em in every CJK font
    (NanumGothic, Noto Sans CJK, Malgun Gothic), and no Times glyph is narrower than 0.18 em."""
    import unicodedata
    return sum(0.9 if unicodedata.east_asian_width(c) in "WF" else 0.18 for c in text) * size


def _texts_sticking_out(svg):
    """(text, how far it sticks out of the smallest polygon around its anchor) for every boxed text with wide
    characters."""
    out = []
    for g in ET.fromstring(svg).iter(SVG + "g"):
        if g.get("class") != "node":
            continue
        boxes = [_polygon_box(p) for p in g.iter(SVG + "polygon")]
        for t in g.iter(SVG + "text"):
            if not any(ord(c) > 0x2000 for c in t.text or ""):
                continue
            x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
            around = [b for b in boxes if b[0] <= x <= b[1] and b[2] <= y <= b[3]]
            if not around:   # a legend line without a cell border
                continue
            left, right, _, _ = min(around, key=lambda b: (b[1] - b[0]) * (b[3] - b[2]))
            width = _drawn_width_at_least(t.text, size)
            start = x if t.get("text-anchor") == "start" else x - width / 2
            out.append((t.text, round(max(left - start, start + width - right), 2)))
    return out


def test_korean_labels_and_legend_cells_are_measured_wide_enough(renderer):
    """Graphviz measures a Hangul syllable as 0.75 em (3 UTF-8 bytes, a space each); it is drawn 0.94-1 em wide, so
    the Korean legend's cells (9 pt, 4 pt of padding) were narrower than their text: "중간값" in 20 pt of room."""
    spec = seed_spec()
    spec.nodes[0] = GraphNode(spec.nodes[0].id, "tensor", "결과값의평균", spec.nodes[0].tensor)
    svg = render(to_dot(spec, lang="ko")).data
    checked = _texts_sticking_out(svg)
    assert {"결과값의평균", "중간값", "출력", "리프 (requires_grad=True)"} <= {text for text, _ in checked}
    assert all(over <= 0 for _, over in checked), checked
    assert not any(0xF0000 <= ord(c) for c in svg)   # the stand-ins measured in their place are gone


def test_wide_characters_come_back_and_private_use_text_is_kept(renderer):
    user_pua = "\U000F0000"
    spec = payload_spec("연산 → " + user_pua + "…")
    svg = render(to_dot(spec)).data
    assert svg_nodes(svg)["n0"][0] == ["연산 → " + user_pua + "…"]


def test_a_wide_graph_keeps_a_readable_size_and_scrolls(renderer):
    """A 30-node-wide graph: the picture may shrink to the output's width, but not below 0.7 of its natural width
    (its min-width), and its box scrolls sideways beyond that."""
    from autograd_magic.views.diagram import GraphView
    nodes = [GraphNode("root", "op", "SumBackward0")] + [GraphNode(f"o{i}", "op", f"MulBackward{i}") for i in range(30)]
    spec = GraphSpec(nodes, [GraphEdge("root", f"o{i}") for i in range(30)], has_gradients=True)
    view = GraphView(spec)
    width_pt = float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', view.svg).group(1))
    html = view._repr_html_()
    assert "overflow:auto" in re.search(r"<div class='autograd-magic-graph' style='([^']*)'", html).group(1)
    img_style = re.search(r"<img [^>]*style='([^']*)'", html).group(1)
    min_width = float(re.search(r"min-width:([\d.]+)px", img_style).group(1))
    assert min_width == pytest.approx(0.7 * width_pt * 4 / 3, abs=1)


def _node_width(svg, title):
    for g in ET.fromstring(svg).iter(SVG + "g"):
        if g.get("class") == "node" and g.find(SVG + "title").text == title:
            boxes = [_polygon_box(p) for p in g.iter(SVG + "polygon")] + \
                    [(float(t.get("x")), float(t.get("x")), 0, 0) for t in g.iter(SVG + "text")]
            return max(b[1] for b in boxes) - min(b[0] for b in boxes)
    raise AssertionError(title)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_left_to_right_graph_gets_its_legend_as_a_column(renderer, lang):
    """--rankdir LR puts the legend after the last rank, i.e. beside the graph: as a row (180-200 pt) it added its
    whole width to the picture (demo 02's LR graph: 750 pt wide, now 643); as a column it adds its longest line."""
    across = render(to_dot(seed_spec(), lang=lang)).data
    beside = render(to_dot(seed_spec(), rankdir="LR", lang=lang)).data
    assert _node_width(beside, "legend") < _node_width(across, "legend") - 25
    assert svg_nodes(beside)["legend"][0][:4] == svg_nodes(across)["legend"][0][:4]   # the same four entries


def test_a_graph_drawn_again_takes_the_kept_rendering_without_a_renderer(renderer, monkeypatch):
    """A re-run cell draws the same DOT source: its rendering comes from the cache at once (no renderer process,
    no thread hop), and is the rendering the first drawing made."""
    from autograd_magic.views.diagram import GraphView
    spec = payload_spec("kept")
    first = GraphView(spec)
    first_svg = first.svg

    def no_renderer(*a, **k):
        raise AssertionError("a kept rendering started the renderer")

    monkeypatch.setattr(render_mod, "_spawn", no_renderer)
    again = GraphView(spec)
    again.start()
    assert again.svg == first_svg
    other = GraphView(payload_spec("not drawn before"))
    with pytest.raises(AssertionError, match="started the renderer"):
        other.start()


def test_the_renderer_lays_out_while_the_caller_is_busy(monkeypatch, tmp_path):
    """start() hands the DOT source to a running renderer before it returns: the layout goes on while the kernel
    formats the other views (a worker thread would wait for the interpreter lock until the kernel blocks, and the
    first drawing of the 100-step loop of benchmarks/bench_overhead.py paid the whole layout after the table)."""
    from autograd_magic.views.diagram import GraphView
    started = tmp_path / "started"
    script = fake_renderer(tmp_path, f"import sys\nsource = sys.stdin.buffer.read()\n"
                                     f"open({str(started)!r}, 'w').write(str(len(source)))\n"
                                     "sys.stdout.write('<svg>drawn</svg>')")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(script))
    view = GraphView(payload_spec("busy caller " + tmp_path.name))
    interval = sys.getswitchinterval()
    sys.setswitchinterval(30.0)   # this thread keeps the interpreter: no other thread of the process runs
    try:
        view.start()
        deadline = time.perf_counter() + 3.0
        while time.perf_counter() < deadline:   # pure Python: busy the way formatting the table is
            pass
        seen = started.exists()
    finally:
        sys.setswitchinterval(interval)
    assert seen, "the renderer had not read its input after 3 s of the caller's work"
    assert int(started.read_text()) == len(render_mod.measured_as_drawn(view.dot)[0].encode("utf-8"))
    assert view.svg == "<svg>drawn</svg>"


def test_a_rendering_nobody_collects_is_read_and_reaped(monkeypatch, tmp_path):
    """A terminal never draws the graph: the renderer's output (bigger than a pipe holds) is still read and the
    process reaped, so none is left blocked on a full pipe."""
    from autograd_magic.views.diagram import GraphView
    pids = tmp_path / "pids"
    script = fake_renderer(tmp_path, f"import os, sys\nsys.stdin.read()\n"
                                     f"open({str(pids)!r}, 'w').write(str(os.getpid()))\n"
                                     "sys.stdout.write('<svg>' + 'x' * 300_000 + '</svg>')")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(script))
    view = GraphView(payload_spec("nobody asks " + tmp_path.name))
    view.start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (pids.exists() and pids.read_text()):
        time.sleep(0.02)
    pid = int(pids.read_text())
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.02)
    assert not _alive(pid), "the renderer is still running (blocked writing its output?)"
    if os.name == "posix":
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)   # reaped: no zombie left behind


def test_a_big_graph_source_reaches_the_renderer_whole(monkeypatch, tmp_path):
    """A DOT source bigger than a pipe holds: start() writes what fits, the rest follows; the renderer reads all."""
    script = fake_renderer(tmp_path, "import sys\nsource = sys.stdin.buffer.read()\n"
                                     "sys.stdout.write('<svg>%d %d</svg>' % (len(source), source.count(b'n')))")
    monkeypatch.setenv(render_mod.ENV_OVERRIDE, str(script))
    source = "digraph {\n" + "".join(f"  n{i} -> n{i + 1}\n" for i in range(40_000)) + "}\n"
    assert len(source) > 500_000
    assert render(source).data == f"<svg>{len(source)} {source.count('n')}</svg>"


def test_module_boxes_come_in_the_order_the_graph_reaches_them():
    """Module keys are id()s, which change from run to run: the boxes are emitted in the nodes' order (the
    backward pass's), so the same cell gives the same DOT every run (the order by key as text did not: "10"
    sorted before "9")."""
    nodes = [GraphNode("a", "op", "SigmoidBackward0", scope=(9,)), GraphNode("b", "op", "AddmmBackward0", scope=(10,)),
             GraphNode("c", "op", "AddmmBackward0", scope=(10, 11))]
    spec = GraphSpec(nodes, [GraphEdge("a", "b"), GraphEdge("b", "c")], has_gradients=True,
                     scopes={9: "model.1: Sigmoid", 10: "model.0: Sequential", 11: "model.0.0: Linear(2 → 1)"})
    dot = to_dot(spec)
    order = [dot.index(label) for label in ("model.1: Sigmoid", "model.0: Sequential", "model.0.0: Linear")]
    assert order == sorted(order)
