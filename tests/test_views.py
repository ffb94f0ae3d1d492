"""Views are declared in one place (views/registry.py): their switches and options make the magic's options,
their defaults are %config traits of the magics class, and the result shows whatever views are on."""
import numpy as np
from IPython.utils.capture import capture_output

from autograd_magic.views import registry


def grad(ip, cell, line="-o"):
    with capture_output() as cap:
        value = ip.run_cell_magic("grad", line, cell)
    return cap, value


CELL = "x = torch.tensor(1.0 / 3, requires_grad=True)\n(x * 3).backward()"


def test_config_sets_the_default_and_the_line_overrides_it(ip):
    ip.run_line_magic("config", "GradMagics.precision = 6")
    try:
        _, result = grad(ip, CELL)
        assert "0.333333" in repr(result.table) and "0.333333" in result.dot
        _, result = grad(ip, CELL, "-o --precision 2")
        assert "0.33" in repr(result.table) and "0.333" not in repr(result.table)
        ip.run_line_magic("config", "GradMagics.rankdir = 'LR'")
        _, result = grad(ip, CELL)
        assert "rankdir=LR" in result.dot
        ip.run_line_magic("config", "GradMagics.language = 'ko'")
        _, ko = grad(ip, CELL, "-o --steps")
        _, en = grad(ip, CELL, "-o --steps --lang en")
        assert repr(ko.stepper) != repr(en.stepper)
    finally:
        ip.run_line_magic("config", "GradMagics.precision = 4")
        ip.run_line_magic("config", "GradMagics.rankdir = 'TB'")
        ip.run_line_magic("config", "GradMagics.language = 'en'")


def test_every_declared_view_has_its_switch_and_its_options(ip):
    magics = ip.magics_manager.registry["GradMagics"]
    parser = magics.grad.parser
    flags = {f for action in parser._actions for f in action.option_strings}
    for view in registry.VIEWS:
        assert (f"--{view.name}" if view.opt_in else f"--no-{view.name}") in flags
        for option in view.options:
            assert set(option.flags) <= flags
    for name in registry.traits():
        assert magics.trait_metadata(name, "config") is True


def test_the_result_shows_the_views_that_are_on_in_declared_order(ip):
    _, result = grad(ip, CELL)
    assert list(result.views) == ["table", "graph"]   # one backward call: no .grad history to tell
    _, result = grad(ip, CELL + "\n(x * 3).backward()", "-o --steps")
    assert list(result.views) == [v.name for v in registry.VIEWS if v.make is not None]
    _, result = grad(ip, CELL, "-o --no-table")
    assert list(result.views) == ["graph"]
    html = result._repr_html_()
    assert "autograd-magic-graph" in html and "autograd-magic-table" not in html
    assert np.isclose(result.table.rows[0].grad, 3.0)  # the table stays reachable as data


def test_the_table_leaves_the_users_print_options_alone(ip):
    _, result = grad(ip, "torch.set_printoptions(precision=2)\n" + CELL, "-o --precision 6")
    assert "0.333333" in repr(result.table)
    from autograd_magic.engine import printing
    assert printing.get_printoptions()["precision"] == 2
    printing.set_printoptions(profile="default")


def test_the_texts_the_views_remember_follow_the_values_and_the_print_options():
    """views/format.py remembers the texts of arrays it wrote lately (a table writes each array as text and as HTML,
    a re-run cell shows mostly the same values): a remembered text must be what writing it anew gives, for the same
    bytes, dtype and print options only."""
    from autograd_magic.engine import printing
    from autograd_magic.views import format as fmt
    a = np.array([1e-5, 2.0], dtype=np.float32)
    first = fmt.tensor_text(a, "float32", 4)
    assert fmt.tensor_text(a.copy(), "float32", 4) == first
    a[0] = 3.0                                   # changed in place: its bytes differ, so does its text
    assert fmt.tensor_text(a, "float32", 4) == "[3., 2.]" != first
    try:
        printing.set_printoptions(sci_mode=True)   # the user's torch.set_printoptions reaches the views' texts
        sci = fmt.tensor_text(a, "float32", 4)
        fmt._TEXTS.clear()
        assert sci == fmt.tensor_text(a, "float32", 4) == "[3.0000e+00, 2.0000e+00]"
        assert fmt.tensor_repr(a, "float32") == "tensor([3.0000e+00, 2.0000e+00])"
    finally:
        printing.set_printoptions(profile="default")
    assert fmt.tensor_text(a, "float32", 4) == "[3., 2.]"
    assert fmt.tensor_repr(a, "float32") == "tensor([3., 2.])"


def test_a_graph_drawn_again_writes_the_same_dot_source():
    """views/graph.py keeps the DOT lines graphviz wrote lately and reuses them for the same box or edge: the source
    of a graph drawn again (from the memo) is the source graphviz writes from scratch."""
    from autograd_magic import torch as engine
    from autograd_magic.trace.runner import run_cell
    from autograd_magic.views import graph
    cell = ("import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))\n"
            "x = torch.tensor([[1.0, -2.0]])\nloss = (model(x) ** 2).sum()\nloss.backward()\n")
    spec = run_cell(cell, {"torch": engine}).trace().graph
    graph._LINES.clear()
    fresh = graph.to_dot(spec)
    assert graph._LINES   # the lines were kept
    again = graph.to_dot(spec)
    graph._LINES.clear()
    assert again == fresh == graph.to_dot(spec)
    assert "Linear" in fresh and "->" in fresh


def test_complex_values_read_as_torch_prints_them_in_every_view(ip):
    """A complex intermediate (an FFT's spectrum) in the graph's outline and boxes: real and imaginary parts in
    torch's styles (it was Python's repr of each number, 17 digits)."""
    from autograd_magic.views.format import value_text
    assert value_text(np.array([4.1367 + 0j, -3.18 - 0.7565j], np.complex64)) == "[4.1367+0.0000j, -3.1800-0.7565j]"
    assert value_text(np.array([1 - 9.5612e-10j, 1 + 0j])) == "[1.-9.5612e-10j, 1.+0.0000e+00j]"
    with capture_output():
        r = ip.run_cell("%%grad --no-sliders -o\nx = torch.tensor([1., 2., 0., -1.], requires_grad=True)\n"
                        "X = torch.fft.rfft(x)\np = (X.abs() ** 2).sum()\np.backward()")
    r.raise_error()
    outline = r.result.outline()
    line = next(s for s in outline.splitlines() if "FftR2CBackward0" in s)
    assert "= [2.+0.j, 1.-3.j, 0.+0.j]" in line and "grad: [4.+0.j, 2.-6.j, 0.+0.j]" in line, line
    assert "j)" not in r.result.dot and "2.-6.j" in r.result.dot, "a complex number as Python writes it"
