"""Bad input to %%grad gets a clear message and loses nothing; user strings stay inert; memory stays bounded."""
import gc
import os
import weakref

import pytest
from IPython.core.error import UsageError
from IPython.utils.capture import capture_output

from helpers import require

from autograd_magic import torch as engine

PAYLOADS = ["<script>alert(1)</script>", "</table>", '"]; evil [label="', "&amp;", "기울기 ∂y/∂x"]


def grad(ip, cell, line=""):
    with capture_output() as cap:
        value = ip.run_cell_magic("grad", line, cell)
    return cap, value


def html_of(cap):
    return "".join(o.data.get("text/html", "") for o in cap.outputs)


def test_syntax_error_and_interrupt_leave_the_kernel_usable(ip):
    with pytest.raises(SyntaxError):
        grad(ip, "x = (1 +")
    with pytest.raises(KeyboardInterrupt):
        grad(ip, "a = torch.tensor(1.0, requires_grad=True)\nraise KeyboardInterrupt")
    assert "a" in ip.user_ns
    cap, _ = grad(ip, "b = a * 2\nb.backward()\na.grad")
    assert "tensor(2.)" in cap.stdout


def test_cells_without_tensors_or_with_non_tensor_output(ip):
    cap, _ = grad(ip, "n = 6 * 7\nn")
    assert "42" in cap.stdout and "no tensors" in html_of(cap)
    cap, _ = grad(ip, "x = torch.tensor(3.0, requires_grad=True)\n(x * x).backward()\n{'grad': x.grad.item()}")
    assert "{'grad': 6.0}" in cap.stdout and "autograd-magic-table" in html_of(cap)


def test_a_ten_million_element_tensor_gives_a_small_page(ip):
    cap, _ = grad(ip, "big = torch.ones(10_000_000, requires_grad=True)\ns = (big * 2).sum()\ns.backward()")
    html = html_of(cap)
    assert "autograd-magic-table" in html and "..." in html
    assert len(html) < 100_000


def test_a_cell_that_rebinds_torch_keeps_its_binding(ip):
    cap, _ = grad(ip, "torch = 'mine'\ntorch")
    assert "'mine'" in cap.stdout and ip.user_ns["torch"] == "mine"


def test_malformed_options_and_ranges_are_one_line_usage_errors(ip):
    for line in ("--range", "--range x=", "--range =0:1", "--range x=1:1", "--range x=0:1:0", "--max-nodes -3",
                 "--sliders", "-v", "--what"):
        with pytest.raises(UsageError) as err:
            grad(ip, "x = 1", line)
        assert "\n" not in str(err.value), line


def test_real_pytorch_tensors_get_an_error_that_names_the_problem(ip):
    real = require("torch")
    ip.user_ns["outside"] = real.ones(2)
    ip.user_ns["table"] = real.arange(10)
    # the last two: real PyTorch hands its own call (indexing, a function) to the engine's tensor, which handed it
    # back until the recursion limit
    for cell in ("torch.ones(2) + outside", "torch.tensor(outside)", "torch.ones(2) @ outside",
                 "table[torch.tensor([1, 2])]", "type(outside).add(outside, torch.ones(2))"):
        with pytest.raises(TypeError) as err:
            grad(ip, cell)
        assert "a PyTorch tensor reached autograd_magic's engine" in str(err.value), cell


def test_a_hundred_thousand_op_graph_is_capped(ip):
    cap, result = grad(ip, "x = torch.tensor(1.0, requires_grad=True)\ny = x\nfor _ in range(100_000):\n"
                           "    y = y * 1.0000001\ny.backward()", "-o")
    assert result.graph.omitted > 100_000 and len(result.graph.nodes) <= 60
    assert "more nodes" in result.dot and result.svg is not None


def test_a_renderer_that_never_finishes_is_stopped(ip, monkeypatch, tmp_path):
    script = tmp_path / "slow-dot"
    script.write_text("#!/bin/sh\nsleep 60\n")
    script.chmod(0o755)
    monkeypatch.setenv("AUTOGRAD_MAGIC_DOT", str(script))
    _, result = grad(ip, "x = torch.tensor(1.0, requires_grad=True)\n(x * x).backward()", "-o")
    result.render_timeout = 0.5
    html = result._repr_html_()
    assert "longer than" in html and "AccumulateGrad" in html  # the notice, then the outline
    assert not [p for p in os.listdir("/proc") if p.isdigit() and _cmdline(p).startswith(str(script))]


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_strings_are_inert_and_visible(ip, payload):
    cell = f"x = torch.tensor(2.0, requires_grad=True)\ny = x * len({payload!r}) + 1\ny.backward()"
    cap, _ = grad(ip, cell)
    html = html_of(cap)
    assert "<script" not in html and html.count("<table") == html.count("</table>") >= 1
    _, result = grad(ip, cell, "-o")
    dot = result.dot
    assert 'evil [label="' not in dot.replace('\\"', "")
    import html as h
    visible = h.unescape(result.svg or "")  # the SVG's text, as a browser shows it
    assert payload in visible


def test_non_latin_variable_names(ip):
    _, result = grad(ip, "기울기 = torch.tensor(2.0, requires_grad=True)\n값 = 기울기 ** 2\n값.backward()", "-o")
    assert [r.label for r in result.rows] == ["기울기", "값"]
    assert "기울기" in result.svg


def test_graphs_and_saved_tensors_are_freed_after_backward():
    from autograd_magic.engine.autograd import FREED
    x = engine.tensor([1.0, 2.0], requires_grad=True)
    h = x.exp()          # saves its output's array
    saved_array = weakref.ref(h.grad_fn.saved[0].data)
    node = weakref.ref(h.grad_fn)
    z = (h * h).sum()
    mul_node = weakref.ref(z.grad_fn.next_functions[0][0])
    z.backward()
    assert mul_node().saved is FREED and node().saved is FREED  # saved tensors released by backward
    del h, z
    gc.collect()
    assert node() is None and mul_node() is None  # and the graph itself once nothing refers to it
    assert saved_array() is None


def _rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def test_memory_stays_bounded_over_1000_runs_and_1000_slider_moves(ip):
    cell = "x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x * x + 3 * x).sum()\ny.backward()\nx.grad"
    ip.kernel = object()  # widgets on: every run also builds a slider panel
    for _ in range(50):
        grad(ip, cell)
    gc.collect()
    before = _rss_mb()
    for _ in range(1000):
        grad(ip, cell)
    grad(ip, cell, "-v _mem")
    panel = ip.user_ns["_mem"].panel
    for i in range(1000):
        panel.sliders[0].value = 1.0 + (i % 7) * 0.25
        if i % 50 == 0:
            # A move updates its display (update_display); IPython's terminal shell keeps every display it
            # published in history_manager.outputs, which a kernel does not (ipykernel's store_display_history
            # is False by default): that record is not the panel's memory.
            getattr(ip.history_manager, "outputs", {}).clear()
    gc.collect()
    growth = _rss_mb() - before
    print(f"memory growth over 1000 runs and 1000 slider moves: {growth:.1f} MB")
    assert growth < 20
