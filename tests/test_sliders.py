"""Sliders at widget level: set a slider's value and check what the cell's re-run publishes and leaves behind."""
import numpy as np
import pytest
from IPython.core.error import UsageError
from IPython.utils.capture import capture_output

from autograd_magic.views.sliders import SliderPanel, default_range, parse_range, slider_specs

POLY = "x = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 3*x + 2\ny.backward()\nx.grad"


@pytest.fixture()
def ip(ip):
    ip.kernel = object()  # act as a kernel frontend: widgets are shown
    return ip


def panel_for(ip, cell, line=""):
    with capture_output() as cap:
        ip.run_cell_magic("grad", (line + " -v _res").strip(), cell)
    panel = ip.user_ns["_res"].panel
    assert any("application/vnd.jupyter.widget-view+json" in o.data for o in cap.outputs) == (panel is not None)
    return panel


def move(panel, label, value):
    slider = next(s for s in panel.sliders if s.description == label)
    slider.value = value


def test_moving_x_recomputes_gradient_namespace_and_outputs(ip):
    panel = panel_for(ip, POLY)
    assert [s.description for s in panel.sliders] == ["x"]
    assert "7." in panel.live.value
    move(panel, "x", 3.0)
    assert ip.user_ns["x"].grad.item() == 9.0 and ip.user_ns["y"].item() == 20.0
    assert "9." in panel.live.value and "tensor(9.)" in panel.output_text()  # the re-run's Out
    assert "autograd-magic-graph" in panel.live.value


def test_each_element_of_a_small_leaf_gets_a_slider_and_big_ones_a_note(ip):
    cell = ("a = torch.tensor([1.0, 2.0], requires_grad=True)\nbig = torch.ones(9, requires_grad=True)\n"
            "s = (a * a).sum() + big.sum()\ns.backward()\nprint(a.grad)")
    panel = panel_for(ip, cell)
    assert [s.description for s in panel.sliders] == ["a[0]", "a[1]"]
    assert "big has 9 elements" in panel.widget.children[1].value
    move(panel, "a[1]", 5.0)
    assert ip.user_ns["a"].grad.tolist() == [2.0, 10.0]
    assert "tensor([ 2., 10.])" in panel.output_text()  # the cell's printed output, re-run


def test_error_in_a_rerun_shows_in_place_and_later_moves_recover(ip):
    cell = ("x = torch.tensor(1.0, requires_grad=True)\nif x.item() < 0:\n    raise ValueError('negative <input>')\n"
            "y = torch.log(x)\ny.backward()")
    panel = panel_for(ip, cell)
    move(panel, "x", -1.0)
    assert "ValueError: negative &lt;input&gt;" in panel.live.value
    move(panel, "x", 0.0)
    assert "-inf" in panel.live.value and "inf" in panel.live.value  # log(0) = -inf, d/dx = 1/0 = inf
    move(panel, "x", 2.0)
    assert "0.5000" in panel.live.value


def test_range_and_sliders_options(ip):
    panel = panel_for(ip, POLY, "--range x=-3:3:0.5")
    s = panel.sliders[0]
    assert (s.min, s.max, s.step) == (-3.0, 3.0, 0.5)
    assert "x: -3 to 3, step 0.5" in panel.widget.children[1].value  # the range is shown to the user
    cell = "a = torch.tensor([1.0, 2.0], requires_grad=True)\nb = torch.tensor(1.0, requires_grad=True)\n(a * b).sum().backward()"
    panel = panel_for(ip, cell, '--range "a[1]=0:10:0.5" --sliders a')
    assert [s.description for s in panel.sliders] == ["a[0]", "a[1]"]
    assert (panel.sliders[1].min, panel.sliders[1].max, panel.sliders[1].step) == (0.0, 10.0, 0.5)
    assert panel_for(ip, POLY, "--no-sliders") is None
    for bad in ("--range x", "--range x=1:0", "--range x=a:b", "--range x=0:1:-1"):
        with pytest.raises(UsageError):
            ip.run_cell_magic("grad", bad, POLY)


def test_reset_restores_the_values_written_in_the_cell(ip):
    panel = panel_for(ip, POLY)
    move(panel, "x", 4.0)
    assert ip.user_ns["x"].item() == 4.0
    panel.reset()
    assert panel.sliders[0].value == 2.0 and ip.user_ns["x"].item() == 2.0 and "7." in panel.live.value


def test_rapid_moves_coalesce_into_one_run_with_the_latest_value():
    calls, queue = [], []

    def rerun(overrides):
        calls.append(float(overrides["x"]))
        raise RuntimeError(f"ran with {float(overrides['x'])}")
    specs, notes = slider_specs([("x", np.array(2.0, np.float32))])
    panel = SliderPanel(specs, notes, {"x": np.array(2.0, np.float32)}, rerun, "<p>first</p>",
                        schedule=lambda fn, delay: queue.append(fn))
    panel.QUIET = 0.0
    for v in (2.5, 3.0, 3.5, 4.0):
        panel.sliders[0].value = v
    assert len(queue) == 1 and calls == []
    queue.pop()()
    assert calls == [4.0] and "ran with 4.0" in panel.live.value


def test_no_sliders_without_a_widget_frontend(ip):
    del ip.kernel
    assert panel_for(ip, POLY) is None
    ip.kernel = object()


def test_default_range_and_parse_range():
    assert default_range(2.0) == (-2.0, 6.0, 0.1)
    assert default_range(0.0) == (-2.0, 2.0, 0.1)
    assert parse_range("x[1]=0:10:0.5") == ("x[1]", (0.0, 10.0, 0.5))
