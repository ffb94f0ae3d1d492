"""What the learner sees never lies (issue 13): no re-run nobody asked for, a move replaces the whole output and says
which inputs it ran with, one readable table style, labels in the learner's language, hints where a view is left out."""
import re

import numpy as np
import pytest
from IPython.core.error import UsageError
from IPython.utils.capture import capture_output

from helpers import graph_svgs

CELL = ("x = torch.tensor(0.123, requires_grad=True)\ny = x * x\ny.backward()\n"
        "print('grad is', round(x.grad.item(), 3))\nx.grad")


@pytest.fixture()
def ip(ip):
    ip.kernel = object()  # act as a kernel frontend: widgets are shown
    return ip


def run(ip, cell, line=""):
    with capture_output() as cap:
        ip.run_cell_magic("grad", (line + " -v _res").strip(), cell)
    return ip.user_ns["_res"], cap


def snap(slider):
    """What a slider frontend does when it draws: put the value on its grid min + k*step (noUiSlider)."""
    return slider.min + round((slider.value - slider.min) / slider.step) * slider.step


# ---------------------------------------------------------------- 1. no re-run without a user action

@pytest.mark.parametrize("value, line", [("0.123", ""), ("0.1", ""), ("2.5", "--range x=0:5:1"),
                                         ("7.0", "--range x=0:5:1"), ("-0.37", "")])
def test_the_frontend_placing_a_slider_does_not_rerun_the_cell(ip, value, line):
    cell = f"x = torch.tensor({value}, requires_grad=True)\ny = x * x\ny.backward()"
    result, _ = run(ip, cell, line)
    panel = result.panel
    slider = panel.sliders[0]
    leaf = float(np.float32(float(value)))
    assert slider.min <= leaf <= slider.max and slider.value == pytest.approx(leaf, abs=1e-12)
    slider.value = snap(slider)          # on the grid: the same value, give or take rounding
    assert panel.runs == 0 and ip.user_ns["x"].item() == leaf


def test_a_range_moved_to_contain_the_value_says_so(ip):
    result, _ = run(ip, "x = torch.tensor(2.5, requires_grad=True)\n(x * x).backward()", "--range x=0:5:1")
    slider = result.panel.sliders[0]
    assert (slider.min, slider.max, slider.step) == (0.5, 4.5, 1.0)
    assert "2.5" in result.panel.widget.children[1].value


# ---------------------------------------------------------------- 2. a move replaces the whole output

def test_a_move_replaces_printed_text_value_table_and_graph_in_one_display(ip, monkeypatch):
    import IPython.display
    cleared = []
    monkeypatch.setattr(IPython.display, "clear_output", lambda wait=False: cleared.append(wait))
    result, cap = run(ip, CELL)
    assert cleared == [False]                     # the cell's own stream and Out are replaced ...
    assert ip.user_ns["_"].item() == pytest.approx(0.246)  # ... while Out/_ are set as usual
    live = [o for o in cap.outputs if "autograd-magic-live" in o.data.get("text/html", "")]
    assert len(live) == 1 and live[0].transient["display_id"] == result.panel.live.display_id
    first = live[0].data["text/html"]
    assert "grad is 0.246" in first and "tensor(0.2460)" in first and "ran with" not in first
    assert "autograd-magic-table" in first and len(graph_svgs(first)) == 1

    with capture_output() as cap:
        result.panel.sliders[0].value = 0.5
    [update] = cap.outputs
    assert update.update and update.transient["display_id"] == result.panel.live.display_id
    html = update.data["text/html"]
    assert "grad is 1.0" in html and "tensor(1.)" in html and "grad is 0.246" not in html
    assert "ran with x = 0.5 (the cell says 0.123)" in html
    assert "ran with x = 0.5 (the cell says 0.123)" in update.data["text/plain"]
    assert "MulBackward0" in graph_svgs(html)[0] and "0.5000" in graph_svgs(html)[0]


def test_reset_shows_the_source_values_without_a_ran_with_line(ip):
    result, _ = run(ip, CELL)
    result.panel.sliders[0].value = 0.5
    with capture_output() as cap:
        result.panel.reset()
    html = cap.outputs[-1].data["text/html"]
    assert "grad is 0.246" in html and "ran with" not in html


def test_cells_without_sliders_keep_their_own_output(ip):
    with capture_output() as cap:
        ip.run_cell_magic("grad", "--no-sliders", CELL)
    assert "grad is 0.246" in cap.stdout
    assert not any("autograd-magic-live" in o.data.get("text/html", "") for o in cap.outputs)


# ---------------------------------------------------------------- 7. one readable table

def table_html(result):
    return result.table._repr_html_()


def visible(html):
    """The text a browser shows for some HTML (tags dropped, entities decoded, spaces collapsed)."""
    import html as html_lib
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_table_breaks_only_between_elements_and_words(ip):
    result, _ = run(ip, "w = torch.tensor([-1.7398, -2.6097, 0.5], requires_grad=True)\n"
                        "intermediate_value = w * 2\nresult = intermediate_value.sum()\nresult.backward()",
                    "--no-sliders")
    html = table_html(result)
    assert "word-break:keep-all" in html and "overflow-wrap:normal" in html   # keep-all: Korean words stay whole
    spans = re.findall(r"<span style='white-space:nowrap'>([^<]*)</span>", html)
    assert "[-1.7398," in spans and "-2.6097," in spans and "0.5000]" in spans and "intermediate_value" in spans
    for cell in re.findall(r"<td[^>]*>(.*?)</td>", html):
        assert re.sub(r"<span style='white-space:nowrap'>[^<]*</span>|<br>| ", "", cell) == "", cell


def test_a_repeated_note_is_one_footnote_and_long_tensors_are_summarised(ip):
    result, _ = run(ip, "x = torch.arange(100.0, requires_grad=True)\na = x * 2\nb = a * 3\nc = b.sum()\nc.backward()",
                    "--no-sliders")
    text, html = repr(result.table), table_html(result)
    note = "computed by %%grad (PyTorch keeps it only after retain_grad())"
    assert text.count(note) == 1 and html.count(note) == 1
    figures = re.search(r"norm (\S+), mean (\S+), min (\S+), max ([\d.]+)", text)   # figures, not 100 values
    assert [float(v) for v in figures.groups()] == pytest.approx([np.linalg.norm(np.arange(100.0)), 49.5, 0, 99])
    assert "<details>" in html and max(len(line) for line in text.splitlines()) < 200


def test_the_dtype_is_shown_once(ip):
    result, _ = run(ip, "x = torch.tensor([1.5, 2.5], dtype=torch.float64, requires_grad=True)\n"
                        "y = (x * x).sum()\ny.backward()", "--no-sliders")
    text, html = repr(result.table), table_html(result)
    assert "dtype=torch.float64" not in text + html
    assert text.count("float64") == 1 and html.count("float64") == 1


def test_table_style_is_inline_and_the_same_with_and_without_sliders(ip):
    cell = "x = torch.tensor(2.0, requires_grad=True)\ny = x * 3\ny.backward()"
    with_sliders, _ = run(ip, cell)
    without, _ = run(ip, cell, "--no-sliders")
    assert with_sliders.panel is not None and without.panel is None
    assert table_html(with_sliders) == table_html(without)
    assert "border-collapse:collapse" in table_html(without)
    live = with_sliders.panel.live.value
    assert table_html(with_sliders) in live   # the table is not inside a widget (whose CSS differs)


# ---------------------------------------------------------------- 8. terminal hint, options, language

def test_a_terminal_gets_a_hint_where_the_graph_went(ip):
    del ip.kernel
    result, cap = run(ip, "x = torch.tensor(2.0, requires_grad=True)\n(x * 3).backward()")
    plain = cap.outputs[0].data["text/plain"]
    assert "graph not drawn in a terminal" in plain and ".save('graph.svg')" in plain and "-o" in plain
    ip.kernel = object()


def test_a_wrong_option_names_the_valid_ones(ip):
    with pytest.raises(UsageError) as err:
        ip.run_cell_magic("grad", "--bogus", "x = 1")
    message = str(err.value)
    assert "--bogus" in message and "\n" not in message
    for option in ("--no-table", "--no-graph", "--no-sliders", "--range", "--rankdir", "--precision", "--lang", "-o"):
        assert option in message, option


def test_labels_follow_the_language_option_and_config(ip):
    cell = "x = torch.tensor(2.0, requires_grad=True)\ny = x * 3\nz = y * y\nz.backward()"
    result, _ = run(ip, cell, "--lang ko")
    html = visible(table_html(result))
    for word in ("이름", "종류", "기울기", "리프", "중간값", "출력", "backward()를 시작한 곳", "%%grad가 계산한 값"):
        assert word in html, word
    assert "연산 (grad_fn)" in result.dot and "화살표" in result.dot
    assert "범위" in result.panel.widget.children[1].value and result.panel.reset_button.description == "되돌리기"
    ip.run_line_magic("config", "GradMagics.language = 'ko'")
    try:
        assert "기울기" in table_html(run(ip, cell)[0])
        assert "gradient" in table_html(run(ip, cell, "--lang en")[0])
    finally:
        ip.run_line_magic("config", "GradMagics.language = 'en'")
    assert "gradient" in table_html(run(ip, cell)[0])


# ---------------------------------------------------------------- 5. values from the moment backward ran

def test_a_leaf_changed_after_backward_shows_both_values_labelled(ip):
    result, _ = run(ip, "w = torch.tensor(1.0, requires_grad=True)\ny = (w * 3) ** 2\ny.backward()\n"
                        "with torch.no_grad():\n    w -= 0.5", "--no-sliders")
    rows = {r[0]: r for r in result.table._columns()[1]}
    assert rows["w"][3].startswith("1.") and rows["w"][4] == "18."   # value then, with the gradient of then
    assert "changed after backward(): now 0.5000" in repr(result.table)
    assert "1. at backward(), now 0.5000" in result.dot


def test_an_optimizer_step_keeps_the_forward_values_next_to_their_gradients(ip):
    cell = ("torch.manual_seed(0)\nmodel = torch.nn.Linear(2, 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.5)\n"
            "x = torch.tensor([[1.0, 2.0]])\nloss = ((model(x) - 3) ** 2).mean()\nloss.backward()\nopt.step()")
    result, _ = run(ip, cell, "--no-sliders")
    bias = ip.user_ns["model"].bias
    then = bias.detach().numpy() + 0.5 * bias.grad.numpy()   # SGD: new = old - lr * grad
    text = repr(result.table)
    assert "changed after backward()" in text
    row = next(r for r in result.table._columns()[1] if "bias" in r[0])
    assert f"{float(then[0]):.4f}" in row[3] and f"now [{float(bias.detach().numpy()[0]):.4f}]" in row[-1]


# ---------------------------------------------------------------- 6. the picture of a failing cell

def test_a_cell_that_raises_after_building_a_graph_shows_it_under_the_traceback(ip):
    with capture_output() as cap:
        res = ip.run_cell("%%grad\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x * 3\ny.backward()\n"
                          "y.backward()")
    assert isinstance(res.error_in_exec, RuntimeError)
    assert "Trying to backward through the graph a second time" in cap.stdout  # the traceback comes first
    [shown] = [o for o in cap.outputs if "autograd-magic-table" in o.data.get("text/html", "")]
    html = shown.data["text/html"]
    assert "the cell raised RuntimeError" in html and "12." in html
    [svg] = graph_svgs(html)
    assert "failed here" in svg and "#b00020" in svg
