"""A %%grad cell behaves as a normal cell (issue 12): IPython syntax, `;`, tracebacks, imports, sliders' inputs.

Cells are run the way a frontend runs them (``shell.run_cell`` with history), not by calling the magic directly,
so that what IPython does around a cell (Out, the cell's number, the error status) is part of the test.
"""
import re
import sys

import numpy as np
import pytest
from IPython.utils.capture import capture_output

from helpers import require


def cell(ip, source):
    """Run source as a cell; (ExecutionResult, captured output)."""
    with capture_output() as cap:
        result = ip.run_cell(source, store_history=True)
    return result, cap


def test_ipython_syntax_runs_as_in_a_normal_cell(ip):
    result, cap = cell(ip, "%%grad\nx = torch.tensor(3.0, requires_grad=True)\n%time y = x*x\n!echo shell-says-hi\n"
                       "files = !echo one two\nx?\nimport asyncio\nawait asyncio.sleep(0.01)\n"
                       "z = await asyncio.sleep(0, result=x * 2)\nz.backward()\nx.grad")
    assert result.error_in_exec is None and result.error_before_exec is None, cap.stdout
    assert "Wall time" in cap.stdout
    assert ip.user_ns["y"].item() == 9.0 and ip.user_ns["files"] == ["one two"]
    assert "String form:" in cap.stdout  # x? showed its help
    assert "tensor(2.)" in cap.stdout   # Out: x.grad after the awaited computation


def test_a_trailing_semicolon_suppresses_out(ip):
    result, cap = cell(ip, "%%grad\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny;")
    assert result.error_in_exec is None
    assert "Out[" not in cap.stdout and "tensor(4." not in cap.stdout
    result, cap = cell(ip, "%%grad\ny = x * x\ny  # no semicolon")
    assert "Out[" in cap.stdout and "tensor(4." in cap.stdout


def test_tracebacks_show_the_users_frames_with_the_cells_number(ip):
    cell(ip, "1 + 1")  # the shell's count moves on
    result, cap = cell(ip, "%%grad\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ndef twice():\n"
                       "    y.backward()\n    y.backward()\ntwice()")
    assert isinstance(result.error_in_exec, RuntimeError)  # the cell failed, as a normal cell does
    text = cap.stdout
    assert f"Cell In[{result.execution_count}], line 7" in text, text  # the %%grad line is line 1
    assert f"Cell In[{result.execution_count}], line 6, in twice()" in text
    for plumbing in ("run_cell_magic", "runner.py", "magic.py", "autograd_magic", "exec(", "eval("):
        assert plumbing not in text, plumbing
    assert "Trying to backward through the graph a second time" in text

    result, cap = cell(ip, "%%grad\nx = (1 +")
    assert isinstance(result.error_in_exec or result.error_before_exec, SyntaxError)
    lines = [line for line in cap.stdout.splitlines() if line.strip()]
    assert len(lines) <= 4, cap.stdout
    assert lines[0].strip() == f"Cell In[{result.execution_count}], line 2"


def test_a_user_module_first_imported_in_the_cell_does_not_keep_the_engine(ip, tmp_path, monkeypatch):
    (tmp_path / "am_mylib.py").write_text("import torch\n\ndef kind():\n    return torch.__name__\n")
    (tmp_path / "am_plainlib.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    result, cap = cell(ip, "%%grad\nimport am_mylib, am_plainlib\ninside = am_mylib.kind()")
    assert result.error_in_exec is None, cap.stdout
    assert ip.user_ns["inside"].startswith("autograd_magic")  # the cell's module sees the engine
    assert "am_mylib" not in sys.modules  # so a later import starts afresh
    assert "am_plainlib" in sys.modules   # a module that never saw torch stays imported
    if "torch" in sys.modules or _has_real_torch():
        cell(ip, "import am_mylib as again\noutside = again.kind()")
        assert ip.user_ns["outside"] == "torch"
        assert ip.user_ns["am_mylib"].kind().startswith("autograd_magic")  # the cell's binding is kept


def _has_real_torch():
    import importlib.util
    return importlib.util.find_spec("torch") is not None


def test_real_pytorch_modules_bound_earlier_mean_the_engine_inside(ip):
    require("torch")
    cell(ip, "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch import optim")
    result, cap = cell(ip, "%%grad\ntorch.manual_seed(0)\nlin = nn.Linear(2, 1)\nopt = optim.SGD(lin.parameters(), lr=0.1)\n"
                       "x = torch.ones(1, 2, requires_grad=True)\nloss = F.relu(lin(x) + 5).sum()\nloss.backward()\n"
                       "opt.step()\nx.grad")
    assert result.error_in_exec is None, cap.stdout
    from autograd_magic import torch as engine
    assert isinstance(ip.user_ns["lin"], engine.nn.Linear) and isinstance(ip.user_ns["opt"], engine.optim.SGD)
    for name, real in (("torch", "torch"), ("nn", "torch.nn"), ("F", "torch.nn.functional"),
                       ("optim", "torch.optim")):
        assert ip.user_ns[name].__name__ == real, name  # plain cells get real PyTorch back
    assert sys.modules["torch.nn"] is ip.user_ns["nn"]


def test_real_pytorch_modules_the_engine_lacks_are_not_reached_from_a_cell(ip):
    """A real PyTorch module imported earlier (torch.onnx, torch.export) is out of sys.modules for the
    cell: importing it raises an error that names it, instead of running real PyTorch on engine tensors
    ("expected Tensor ... but got Tensor"); afterwards plain cells have it again."""
    require("torch")
    cell(ip, "import torch\nimport torch.onnx\nimport torch.export")
    real_onnx = sys.modules["torch.onnx"]
    for source, name in (("import torch.onnx", "torch.onnx"),
                         ("from torch.export import export", "torch.export")):
        result, cap = cell(ip, "%%grad\n" + source)
        assert isinstance(result.error_in_exec, ModuleNotFoundError), cap.stdout
        assert f"autograd_magic implements a subset of PyTorch, and {name} is not part of it" in \
            str(result.error_in_exec)
    assert sys.modules["torch.onnx"] is real_onnx


def test_a_400_term_sum_and_a_1000_term_sum(ip):
    result, cap = cell(ip, "%%grad\nx = torch.tensor(1.0, requires_grad=True)\nz = " + " + ".join(["x"] * 400)
                       + "\nz.backward()\nx.grad")
    assert result.error_in_exec is None, cap.stdout[-500:]
    assert "tensor(400.)" in cap.stdout
    result, cap = cell(ip, "%%grad\nx = torch.tensor(1.0, requires_grad=True)\nz = " + " + ".join(["x"] * 1000)
                       + "\nz.backward()\nx.grad")
    assert result.error_in_exec is None, cap.stdout[-500:]
    assert "tensor(1000.)" in cap.stdout


def test_the_text_table_escapes_control_and_bidi_characters(ip):
    result, cap = cell(ip, "%%grad -o\nx = torch.tensor(1.0, requires_grad=True)\n"
                       "globals()['evil\\x1b[2J\\x00\\u202ename'] = x * 2\nglobals()['evil\\x1b[2J\\x00\\u202ename'].backward()")
    text = repr(ip.user_ns["_"].table)
    assert "evil" in text
    for raw in ("\x1b", "\x00", "\u202e"):
        assert raw not in text
    assert "evil\\x1b[2J\\x00\\u202ename" in text


# ---------------------------------------------------------------- sliders' inputs


@pytest.fixture()
def kip(ip):
    ip.kernel = object()  # act as a kernel frontend: widgets are shown
    return ip


def panel_of(ip, source):
    result, cap = cell(ip, "%%grad -v _res\n" + source)
    assert result.error_in_exec is None, cap.stdout
    return ip.user_ns["_res"].panel, cap


def move(panel, label, value):
    next(s for s in panel.sliders if s.description == label).value = value


def test_a_slider_moves_the_leaf_created_first_not_every_value_bound_to_the_name(kip):
    panel, _ = panel_of(kip, "x = torch.tensor(2.0, requires_grad=True)\nfor _ in range(40):\n"
                        "    y = (x - 0.5) ** 2\n    y.backward()\n"
                        "    x = (x - 0.25 * x.grad).detach().requires_grad_(True)")
    assert [(s.description, s.value) for s in panel.sliders] == [("x", 2.0)]  # the value written in the cell
    move(panel, "x", 4.0)
    assert abs(kip.user_ns["x"].item() - 0.5) < 1e-4  # descent from 4 still ends at the minimum

    panel, _ = panel_of(kip, "x = torch.tensor(2.0, requires_grad=True)\ny = x * 3\ny.backward()\nx = torch.zeros(3)")
    move(panel, "x", 5.0)
    assert "Error" not in panel.live.value
    assert kip.user_ns["y"].item() == 15.0 and kip.user_ns["x"].shape == (3,)

    panel, _ = panel_of(kip, "v = torch.ones(2)\nv.requires_grad_()\n(v * v).sum().backward()")  # grad given later
    assert [s.description for s in panel.sliders] == ["v[0]", "v[1]"]
    move(panel, "v[0]", 3.0)
    assert kip.user_ns["v"].grad.tolist() == [6.0, 2.0]


def test_a_slider_whose_leaf_changed_shape_says_so(kip):
    kip.user_ns["n"] = 2
    panel, _ = panel_of(kip, "w = torch.ones(n, requires_grad=True)\ns = (w * w).sum()\ns.backward()")
    kip.user_ns["n"] = 3
    move(panel, "w[1]", 4.0)
    assert kip.user_ns["w"].shape == (3,) and kip.user_ns["s"].item() == 3.0
    assert "w now has shape (3,)" in panel.live.value


def test_infinite_and_nan_leaves_get_a_note_and_the_table(kip):
    panel, cap = panel_of(kip, "a = torch.tensor(float('inf'), requires_grad=True)\n"
                          "b = torch.tensor([1.0, float('nan')], requires_grad=True)\n"
                          "c = torch.tensor(2.0, requires_grad=True)\n(a * c + b.sum()).backward()")
    assert [s.description for s in panel.sliders] == ["b[0]", "c"]
    notes = panel.widget.children[1].value
    assert "a is inf" in notes and "b[1] is nan" in notes
    html = "".join(o.data.get("text/html", "") for o in cap.outputs)
    assert "autograd-magic-table" in html
    assert np.isinf(kip.user_ns["c"].grad.item())
    move(panel, "c", 3.0)
    assert kip.user_ns["c"].item() == 3.0


def test_a_frontend_line_number_counts_the_magic_line(ip):
    result, cap = cell(ip, "%%grad\n\n\nraise ValueError('on line 4')")
    assert re.search(rf"Cell In\[{result.execution_count}\], line 4", cap.stdout), cap.stdout


def test_the_engine_modules_a_cell_maps_follow_sys_modules(monkeypatch):
    """engine_modules() is remembered between cells, and worked out again when sys.modules changed: an engine
    module imported since (or one replaced in sys.modules) is what a cell's ``import torch.x`` then gets."""
    import types
    from autograd_magic.trace.execute import engine_modules
    first = engine_modules()
    assert engine_modules() is first
    assert first["torch.nn"] is sys.modules["autograd_magic.torch.nn"]
    extra = types.ModuleType("autograd_magic.torch._test_extra")
    monkeypatch.setitem(sys.modules, "autograd_magic.torch._test_extra", extra)
    assert engine_modules()["torch._test_extra"] is extra
    replaced = types.ModuleType("autograd_magic.torch.nn")
    monkeypatch.setitem(sys.modules, "autograd_magic.torch.nn", replaced)
    assert engine_modules()["torch.nn"] is replaced


def test_an_engine_module_not_imported_yet_imports_as_pytorchs_would(ip, monkeypatch):
    """``from torch.utils.tensorboard import SummaryWriter``: the engine's module is imported when the cell asks for
    it (it was "not part of it" before), with PyTorch's own failure when the tensorboard package is missing; with
    the package, SummaryWriter names itself as not implemented; afterwards ``torch.utils.tensorboard`` is not left
    in sys.modules for plain cells."""
    monkeypatch.setitem(sys.modules, "tensorboard", None)   # (import tensorboard: ModuleNotFoundError)
    sys.modules.pop("autograd_magic.torch.utils.tensorboard", None)
    result, cap = cell(ip, "%%grad\nfrom torch.utils.tensorboard import SummaryWriter")
    assert isinstance(result.error_in_exec, ModuleNotFoundError)
    assert "tensorboard" in str(result.error_in_exec) and "not part of it" not in str(result.error_in_exec)
    fake = type(sys)("tensorboard")
    fake.__version__ = "2.15.0"
    monkeypatch.setitem(sys.modules, "tensorboard", fake)
    result, cap = cell(ip, "%%grad\nfrom torch.utils.tensorboard import SummaryWriter\nSummaryWriter('runs/x')")
    assert isinstance(result.error_in_exec, NotImplementedError)
    assert "SummaryWriter is not part of it" in str(result.error_in_exec)
    assert "torch.utils.tensorboard" not in sys.modules or "autograd_magic" not in str(
        sys.modules["torch.utils.tensorboard"])
    sys.modules.pop("autograd_magic.torch.utils.tensorboard", None)


def test_engine_tensors_kept_from_a_cell_work_with_real_pytorch_in_later_plain_cells(ip):
    """A tensor made inside %%grad stays the engine's. A later plain cell, where ``torch`` is real PyTorch again,
    gives it to real functions: real PyTorch hands each call to the tensor's class (``__torch_function__``) and the
    engine runs its counterpart (before: the call went back and forth until RecursionError). A real tensor among
    the arguments, or a function the engine lacks, is a TypeError that says so."""
    require("torch")
    cell(ip, "import torch\nimport torch.nn.functional as F")
    result, cap = cell(ip, "%%grad --no-sliders\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                           "W = torch.ones(3, 2)\n(x * x).sum().backward()")
    assert result.error_in_exec is None, cap.stdout
    from autograd_magic import torch as engine
    x, W = ip.user_ns["x"], ip.user_ns["W"]
    expected = {"torch.sin(x)": x.sin(), "torch.stack([x, x]).sum(0)": x * 2, "F.linear(x, W)": engine.mv(W, x),
                "torch.fft.rfft(x).abs()": engine.tensor([3.0, 1.0]), "torch.linalg.norm(x)": x.norm(),
                "torch.autograd.grad((x * x).sum(), x)[0]": x * 2, "torch.where(x > 1, x, 0)": engine.tensor([0.0, 2.0])}
    for source, want in expected.items():
        result, cap = cell(ip, "out = " + source)
        assert result.error_in_exec is None, (source, cap.stdout)
        out = ip.user_ns["out"]
        assert isinstance(out, engine.Tensor) and np.allclose(out.detach().numpy(), want.detach().numpy()), source
    result, cap = cell(ip, "out = torch.sin(x)\nout")
    assert "grad_fn=<SinBackward0>" in cap.stdout
    for source, text in (("torch.ones(2) + x", "a PyTorch tensor reached autograd_magic's engine"),
                         ("torch.arange(3)[torch.tensor([1])]", None),
                         ("torch.int_repr(x)", "real PyTorch's torch.int_repr was given a tensor of autograd_magic's "
                                               "engine")):
        if text is None:   # (real PyTorch alone: unaffected)
            result, cap = cell(ip, source)
            assert result.error_in_exec is None, cap.stdout
            continue
        result, cap = cell(ip, source)
        assert isinstance(result.error_in_exec, TypeError), (source, cap.stdout)
        assert text in str(result.error_in_exec), source


def test_a_model_class_defined_inside_a_cell_refuses_real_layers_in_a_later_plain_cell(ip):
    """``class Net(nn.Module)`` inside %%grad is built on the engine's nn.Module; made in a later plain cell, its
    ``nn.Linear`` is real PyTorch's: before, a hybrid with real layers the engine neither registered nor ran
    (``parameters()`` empty: "optimizer got an empty parameter list"); now a TypeError that says what happened.
    Made inside %%grad, the class works as before."""
    require("torch")
    cell(ip, "import torch\nimport torch.nn as nn")
    result, cap = cell(ip, "%%grad --no-sliders --no-graph\nclass Net(nn.Module):\n    def __init__(self):\n"
                           "        super().__init__()\n        self.fc = nn.Linear(2, 3)\n"
                           "    def forward(self, x):\n        return self.fc(x)\n"
                           "net = Net()\nnet(torch.ones(1, 2)).sum().backward()\nlen(list(net.parameters()))")
    assert result.error_in_exec is None and result.result == 2, cap.stdout
    result, cap = cell(ip, "net2 = Net()")
    assert isinstance(result.error_in_exec, TypeError), cap.stdout
    assert "cannot assign a module of real PyTorch (torch.nn.modules.linear.Linear) as 'fc' of Net, a model class " \
           "defined inside a %%grad cell" in str(result.error_in_exec)
    result, cap = cell(ip, "%%grad --no-sliders --no-graph\nnet3 = Net()\nlen(list(net3.parameters()))")
    assert result.error_in_exec is None and result.result == 2, cap.stdout


def test_one_random_stream_across_plain_and_grad_cells_and_the_views_draw_nothing_from_it(ip):
    """``torch.manual_seed(0)`` in a plain cell decides what a %%grad cell draws, and what a %%grad cell drew
    moves the stream on for the next plain cell, as in a notebook without the magic (the engine's generator and
    real PyTorch's were two streams: a seeded lesson printed other numbers under %%grad). The isolated re-runs of
    --check and --slope replay the cell's own draws and leave the stream as they found it (they moved it on: the
    next cell drew other numbers)."""
    real = require("torch")
    real.manual_seed(0)
    expected = [real.randn(3).tolist() for _ in range(4)]
    cell(ip, "import torch\ntorch.manual_seed(0)")
    result, cap = cell(ip, "%%grad --no-sliders\na = torch.randn(3)")
    assert result.error_in_exec is None, cap.stdout
    assert ip.user_ns["a"].tolist() == expected[0]
    cell(ip, "b = torch.randn(3)")
    assert isinstance(ip.user_ns["b"], real.Tensor) and ip.user_ns["b"].tolist() == expected[1]
    for options in ("--check", "--slope"):
        cell(ip, "torch.manual_seed(0)")
        result, cap = cell(ip, f"%%grad --no-sliders {options}\nx = torch.randn(1, requires_grad=True)\n"
                               "w = torch.randn(1)\ny = (x * x * w).sum()\ny.backward()")
        assert result.error_in_exec is None, cap.stdout
        cell(ip, "c = torch.randn(3)")   # the two numbers the cell drew, then these three
        real.manual_seed(0)
        real.randn(1), real.randn(1)
        assert ip.user_ns["c"].tolist() == real.randn(3).tolist(), options
    # every re-run of --check draws w as the cell drew it: autograd and central differences agree, and with the
    # table (before, each re-run drew another w: the central differences mixed them)
    cell(ip, "torch.manual_seed(3)")
    result, cap = cell(ip, "%%grad --no-sliders --check -v res\nx = torch.randn(4, requires_grad=True)\n"
                           "w = torch.randn(4)\ny = (x * x * w).sum()\ny.backward()")
    assert result.error_in_exec is None, cap.stdout
    (row,) = ip.user_ns["res"].check
    x, w = ip.user_ns["x"].detach().numpy(), ip.user_ns["w"].numpy()
    assert row.rel_error < 1e-6 and np.allclose(row.autograd, 2 * x * w, rtol=1e-6), row


def test_pytorchs_process_wide_settings_cross_between_plain_and_grad_cells(ip):
    """Print options, the default dtype, grad mode, deterministic algorithms, anomaly detection, warn-always and
    the thread count set in a plain cell hold in the next %%grad cell, and what a %%grad cell sets holds in the
    plain cells after it, as in a notebook without the magic (before, each side kept its own: a plain cell's
    ``set_printoptions(precision=2)`` did not reach a %%grad cell's printing)."""
    real = require("torch")
    threads = real.get_num_threads()
    try:
        cell(ip, "import torch\ntorch.set_printoptions(precision=2)\ntorch.set_default_dtype(torch.float64)\n"
                 "torch.use_deterministic_algorithms(True, warn_only=True)\ntorch.set_warn_always(True)")
        result, cap = cell(ip, "%%grad --no-sliders\nprint(torch.tensor([1.23456]), torch.tensor([1.5]).dtype,\n"
                               "      torch.are_deterministic_algorithms_enabled(),\n"
                               "      torch.is_deterministic_algorithms_warn_only_enabled(),\n"
                               "      torch.is_warn_always_enabled())")
        assert result.error_in_exec is None, cap.stdout
        assert "tensor([1.23]) torch.float64 True True True" in cap.stdout, cap.stdout   # (the default dtype: unsaid)
        cell(ip, "torch.autograd.set_detect_anomaly(True)")
        result, cap = cell(ip, "%%grad --no-sliders\nprint('anomaly', torch.is_anomaly_enabled())")
        assert "anomaly True" in cap.stdout, cap.stdout
        result, cap = cell(ip, "%%grad --no-sliders\ntorch.set_printoptions(precision=6)\n"
                               "torch.set_default_dtype(torch.float32)\ntorch.use_deterministic_algorithms(False)\n"
                               "torch.autograd.set_detect_anomaly(False)\ntorch.set_warn_always(False)")
        assert result.error_in_exec is None, cap.stdout
        assert real._tensor_str.get_printoptions()["precision"] == 6
        assert real.get_default_dtype() == real.float32 and not real.are_deterministic_algorithms_enabled()
        assert not real.is_anomaly_enabled() and not real.is_warn_always_enabled()
        cell(ip, "torch.set_grad_enabled(False)")
        result, cap = cell(ip, "%%grad --no-sliders\nprint('grad', torch.is_grad_enabled())\ntorch.set_grad_enabled(True)")
        assert "grad False" in cap.stdout and real.is_grad_enabled()
        cell(ip, "torch.set_num_threads(1)")
        result, cap = cell(ip, f"%%grad --no-sliders\nprint('threads', torch.get_num_threads())\n"
                               f"torch.set_num_threads({threads})")
        assert "threads 1" in cap.stdout and real.get_num_threads() == threads
    finally:
        from autograd_magic import torch as engine
        real.set_num_threads(threads)
        engine.set_num_threads(threads)
        for module in (real, engine):
            module.set_printoptions(profile="default")
            module.set_default_dtype(module.float32)
            module.use_deterministic_algorithms(False)
            module.autograd.set_detect_anomaly(False)
            module.set_warn_always(False)
            module.set_grad_enabled(True)


def test_only_what_a_grad_cell_changed_reaches_real_pytorch(ip):
    """A setting the engine has from code run on it outside %%grad (here: warn-always left on) is not given to real
    PyTorch when a %%grad cell that did not change it ends: real PyTorch's once-per-process warnings stay once (a CI
    run had real PyTorch warn three times where it warns once, after such a cell)."""
    real = require("torch")
    from autograd_magic import torch as engine
    try:
        cell(ip, "import torch")
        engine.set_warn_always(True)
        result, cap = cell(ip, "%%grad --no-sliders\ny = torch.ones(2) * 2")
        assert result.error_in_exec is None, cap.stdout
        assert not real.is_warn_always_enabled()
        result, cap = cell(ip, "%%grad --no-sliders\ntorch.set_warn_always(True)")   # what the cell set does
        assert real.is_warn_always_enabled()
    finally:
        engine.set_warn_always(False)
        real.set_warn_always(False)


def test_a_generator_made_in_a_plain_cell_draws_inside_a_grad_cell_as_in_a_notebook(ip):
    """makemore's ``g = torch.Generator().manual_seed(2147483647)`` in a plain cell, then ``torch.randn(...,
    generator=g)`` in a %%grad cell: the numbers real PyTorch draws from g, and g's stream moves on for the cells
    after it (before: PyTorch's "invalid combination of arguments" TypeError, both classes printing as
    torch._C.Generator). The isolated re-runs of --check replay g's draws and leave g as they found it; the
    generator torch.manual_seed returns is the default stream."""
    real = require("torch")
    g0 = real.Generator().manual_seed(2147483647)
    W0, w0 = real.randn((2, 3), generator=g0), real.randn((2, 3), generator=g0)
    ix0 = real.randint(0, 27, (5,), generator=g0)
    s0 = real.multinomial(real.tensor([0.2, 0.3, 0.5]), 4, replacement=True, generator=g0)
    r0, u0 = real.rand(2, generator=g0), real.empty(3).uniform_(generator=g0)
    cell(ip, "import torch\ng = torch.Generator().manual_seed(2147483647)")
    result, cap = cell(ip, "%%grad --no-sliders --check -v res\n"
                           "W = torch.randn((2, 3), generator=g, requires_grad=True)\n"
                           "w = torch.randn((2, 3), generator=g)\nix = torch.randint(0, 27, (5,), generator=g)\n"
                           "y = (W * W * w).sum()\ny.backward()")
    assert result.error_in_exec is None, cap.stdout
    ns = ip.user_ns
    assert ns["W"].tolist() == W0.tolist() and ns["w"].tolist() == w0.tolist() and ns["ix"].tolist() == ix0.tolist()
    (row,) = ns["res"].check   # every re-run drew the cell's w: autograd and central differences agree
    assert row.rel_error < 1e-6, row
    cell(ip, "s = torch.multinomial(torch.tensor([0.2, 0.3, 0.5]), 4, replacement=True, generator=g)")
    assert isinstance(ns["s"], real.Tensor) and ns["s"].tolist() == s0.tolist()
    result, cap = cell(ip, "%%grad --no-sliders\nr = torch.rand(2, generator=g)\n"
                           "u = torch.empty(3).uniform_(generator=g)")
    assert result.error_in_exec is None, cap.stdout
    assert ns["r"].tolist() == r0.tolist() and ns["u"].tolist() == u0.tolist()
    assert ns["g"].get_state().equal(g0.get_state())
    cell(ip, "d = torch.manual_seed(5)")
    result, cap = cell(ip, "%%grad --no-sliders\na = torch.randn(2, generator=d)\nb = torch.randn(2)")
    assert result.error_in_exec is None, cap.stdout
    real.manual_seed(5)
    assert ns["a"].tolist() == real.randn(2).tolist() and ns["b"].tolist() == real.randn(2).tolist()


def test_a_slider_rerun_draws_from_a_plain_cells_generator_what_the_cell_drew(kip):
    """A slider re-run of a cell that draws from a generator a plain cell made (real PyTorch's) draws what the cell
    drew (the picture changes with x only) and leaves that generator as the cell left it."""
    real = require("torch")
    cell(kip, "import torch\ng = torch.Generator().manual_seed(7)")
    panel, cap = panel_of(kip, "x = torch.tensor(2.0, requires_grad=True)\nw = torch.randn(2, generator=g)\n"
                               "y = (x * w).sum()\ny.backward()")
    w = real.randn(2, generator=real.Generator().manual_seed(7))
    assert kip.user_ns["w"].tolist() == w.tolist()
    after = kip.user_ns["g"].get_state()
    move(panel, "x", 3.0)
    assert "Error" not in panel.live.value, panel.live.value
    assert kip.user_ns["x"].item() == 3.0 and kip.user_ns["w"].tolist() == w.tolist()
    assert kip.user_ns["x"].grad.item() == w.sum().item()
    assert kip.user_ns["g"].get_state().equal(after)
