"""The trace model of a %%grad run: passes and steps in the engine's order, checked against the engine and
PyTorch; backward events; nothing left on user objects; create_graph under %%grad."""
import numpy as np
import pytest
from IPython.utils.capture import capture_output

from helpers import require

from autograd_magic import torch as engine
from autograd_magic.engine import events


def grad(ip, cell, line="-o"):
    with capture_output() as cap:
        value = ip.run_cell_magic("grad", line, cell)
    return cap, value


def check_steps(result):
    """Each contribution is upstream x local (summed to the input's shape); targets are known nodes."""
    for step in result.steps:
        assert isinstance(step.node, str) and step.grad_in is not None
        for inp in step.inputs:
            assert inp.contribution is not None
            if inp.local is not None:
                full = np.asarray(step.grad_in) * inp.local
                assert full.sum() == pytest.approx(np.asarray(inp.contribution).sum(), rel=1e-5, abs=1e-6)
                if full.shape == np.shape(inp.contribution):
                    np.testing.assert_allclose(full, inp.contribution, rtol=1e-5, atol=1e-6)


SEED = """x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2 + 1
z = y * y * 3
result = z.mean()
result.backward()
"""


def test_steps_follow_the_engine_order_and_multiply_upstream_by_local(ip):
    _, result = grad(ip, SEED)
    torch = require("torch")
    assert [s.node for s in result.steps] == ["MeanBackward0", "MulBackward0", "MulBackward0", "AddBackward0",
                                               "MulBackward0", "AccumulateGrad"]
    assert [s.tensor for s in result.steps] == ["result", "z", "y * y", "y", "x * 2", "x"]
    # PyTorch runs the same nodes: count them with its own hooks
    tx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    ty = tx * 2 + 1
    tz = ty * ty * 3
    tr = tz.mean()
    ran = []

    def walk(fn, seen):
        if fn is None or fn in seen:
            return
        seen.add(fn)
        fn.register_prehook(lambda g, fn=fn: ran.append(type(fn).__name__))
        for nxt, _ in fn.next_functions:
            walk(nxt, seen)
    walk(tr.grad_fn, set())
    tr.backward()
    assert sorted(s.node for s in result.steps) == sorted(ran)
    assert len(result.passes) == 1 and result.passes[0].steps == result.steps
    check_steps(result)
    last = result.steps[-1]
    assert last.node == "AccumulateGrad" and last.tensor == "x"
    np.testing.assert_allclose(last.grad_in, tx.grad.numpy(), rtol=1e-6)
    np.testing.assert_allclose(result.passes[0].leaves[0].after, tx.grad.numpy(), rtol=1e-6)
    assert result.passes[0].leaves[0].before is None
    # the mean's local derivative is not elementwise: None; the multiplications' are
    assert all(i.local is None for i in result.steps[0].inputs)
    mul = result.steps[1]
    assert [i.target for i in mul.inputs] == ["y * y"] and mul.inputs[0].local.tolist() == [3.0, 3.0, 3.0]


def test_a_reused_tensor_sends_two_contributions_that_add_up(ip):
    _, result = grad(ip, "a = torch.tensor(3.0, requires_grad=True)\nb = a * a\nb.backward()")
    mul, acc = result.steps
    assert mul.node == "MulBackward0" and [i.target for i in mul.inputs] == ["a", "a"]
    assert [float(i.local) for i in mul.inputs] == [3.0, 3.0]
    assert sum(float(i.contribution) for i in mul.inputs) == float(acc.grad_in) == 6.0


def test_gradient_given_and_accumulation_across_passes(ip):
    cell = ("w = torch.tensor([1.0, 2.0], requires_grad=True)\nq = w * w\n"
            "q.backward(gradient=torch.tensor([1.0, 0.5]), retain_graph=True)\nq.sum().backward()")
    _, result = grad(ip, cell)
    first, second = result.passes
    assert first.call == "backward" and first.roots == ["q"] and first.gradient[0].tolist() == [1.0, 0.5]
    assert second.gradient == [None]
    assert first.leaves[0].before is None and first.leaves[0].after.tolist() == [2.0, 2.0]
    assert second.leaves[0].before.tolist() == [2.0, 2.0] and second.leaves[0].after.tolist() == [4.0, 6.0]
    assert [s.pass_index for s in result.steps] == [0] * len(first.steps) + [1] * len(second.steps)


@pytest.mark.parametrize("cell", [
    "x = torch.tensor(2.0, requires_grad=True)\ny = x**3\ng, = torch.autograd.grad(y, x, create_graph=True)\n"
    "g2, = torch.autograd.grad(g, x)\nprint(g.item(), g2.item())",
    "x = torch.tensor(2.0, requires_grad=True)\ny = x**3\ny.backward(create_graph=True)\nprint(x.grad.item())",
    "f = lambda t: (t ** 3).sum()\nh = torch.autograd.functional.hessian(f, torch.tensor([1.0, 2.0]))\nprint(h)",
    "f = lambda t: t ** 2\nj = torch.autograd.functional.jacobian(f, torch.tensor([1.0, 2.0]), create_graph=True)\n"
    "print(j)",
])
def test_create_graph_works_under_grad_as_in_a_plain_cell(ip, cell):
    plain = ip.run_cell(cell.replace("torch.", "__import__('autograd_magic').torch."), store_history=False)
    assert plain.error_in_exec is None
    cap, result = grad(ip, cell)
    assert cap.stdout.strip() and "Error" not in cap.stdout
    assert result.passes and all(p.error is None for p in result.passes)
    for step in result.steps:   # arrays, never tensors that require grad
        assert step.grad_in is None or isinstance(step.grad_in, np.ndarray)


def test_grad_call_is_a_pass_that_accumulates_nothing(ip):
    _, result = grad(ip, "x = torch.tensor(2.0, requires_grad=True)\ny = x * x\ng, = torch.autograd.grad(y, x)")
    p, = result.passes
    assert p.call == "grad" and p.leaves == [] and p.steps[-1].node == "AccumulateGrad"


def test_nothing_of_ours_stays_on_user_tensors(ip):
    grad(ip, "x = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()", "")
    x = ip.user_ns["x"]
    plain = engine.tensor(2.0, requires_grad=True)
    (plain * plain).backward()
    assert sorted(vars(x)) == sorted(vars(plain))   # the engine's own state only (_accum, _grad)
    assert not hasattr(ip.user_ns["y"].grad_fn, "label")


def test_events_come_in_order_and_stop_when_unsubscribed():
    seen = []
    x = engine.tensor([1.0, 2.0], requires_grad=True)
    with events.subscribe(seen.append):
        (x * 3).sum().backward()
    kinds = [type(e).__name__ for e in seen]
    assert kinds == ["BackwardBegin", "NodeRun", "NodeRun", "NodeRun", "Accumulate", "BackwardEnd"]
    assert [e.node.name() for e in seen if isinstance(e, events.NodeRun)] == \
        ["SumBackward0", "MulBackward0", "torch::autograd::AccumulateGrad"]
    mul = seen[2]
    assert mul.inputs[0].local.tolist() == [3.0, 3.0] and mul.inputs[0].contribution.tolist() == [3.0, 3.0]
    assert not events.SUBSCRIBERS
    seen.clear()
    (x * 3).sum().backward()
    assert seen == []


def test_create_graph_events_carry_arrays():
    seen = []
    x = engine.tensor(2.0, requires_grad=True)
    with events.subscribe(seen.append):
        g, = engine.autograd.grad(x ** 3, x, create_graph=True)
    runs = [e for e in seen if isinstance(e, events.NodeRun)]
    assert all(type(e.grad_in) is np.ndarray for e in runs)
    assert float(runs[0].inputs[0].local) == pytest.approx(12.0) and g.requires_grad


# ---------------------------------------------------------------- recording and drawing are isolated (issue 12, 8)

def test_changing_data_after_backward_does_not_fail_the_cell(ip):
    cell = ("x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = x * 2\ny.sum().backward()\n"
            "y.data = torch.zeros(5)\nprint('ran')")
    cap, _ = grad(ip, cell, "")
    assert cap.stdout == "ran\n"
    html = "".join(o.data.get("text/html", "") for o in cap.outputs)
    assert "autograd-magic-table" in html


class _Proxy:
    """A lazy proxy: asking its __class__ raises."""
    @property
    def __class__(self):
        raise RuntimeError("not loaded")


def test_an_object_whose_class_raises_breaks_nothing(ip):
    ip.user_ns["lazy"] = _Proxy()
    cap, result = grad(ip, "x = torch.tensor(2.0, requires_grad=True)\n(x * x).backward()\nprint(x.grad.item())")
    assert cap.stdout == "4.0\n" and [r.label for r in result.rows][0] == "x"
    cell = ("class P:\n    @property\n    def __class__(self):\n        raise RuntimeError('lazy')\n"
            "p = P()\nq = [P()][0]\nx = torch.tensor(3.0, requires_grad=True)\n(x * x).backward()\nprint(x.grad.item())")
    cap, result = grad(ip, cell)
    assert cap.stdout == "6.0\n" and result.rows[0].grad.item() == 6.0


def test_a_view_that_fails_becomes_a_note_with_details(ip, monkeypatch):
    from autograd_magic.views import table

    def broken(self):
        raise ValueError("boom in the table")
    monkeypatch.setattr(table.GradTable, "_repr_html_", broken)
    cap, _ = grad(ip, "x = torch.tensor(2.0, requires_grad=True)\n(x * x).backward()\nprint('ran')", "")
    html = "".join(o.data.get("text/html", "") for o in cap.outputs)
    assert cap.stdout == "ran\n"
    assert "autograd-magic-problem" in html and "boom in the table" in html and "Traceback" in html


def test_a_recorder_failure_becomes_a_note_and_backward_still_works(ip, monkeypatch):
    from autograd_magic.trace import recorder, runner

    class Broken(recorder.Recorder):   # (compiled, Recorder's methods cannot be patched on the class)
        def _node(self, event):   # a node reported alone (NodeRun) ...
            raise KeyError("recorder bug")

        def _take_tape(self, tape):   # ... or with its pass (events.Tape)
            raise KeyError("recorder bug")
    monkeypatch.setattr(runner, "Recorder", Broken)
    cap, result = grad(ip, "x = torch.tensor(2.0, requires_grad=True)\n(x * x).backward()\nprint(x.grad.item())")
    assert cap.stdout == "4.0\n"
    assert any("recording the backward pass failed" in p.note and "recorder bug" in p.details
               for p in result.problems)
    assert "recording the backward pass failed" in repr(result)


def test_a_failure_building_the_model_becomes_a_note(ip, monkeypatch):
    from autograd_magic.trace import build

    def broken(*args, **kwargs):
        raise RuntimeError("model bug")
    monkeypatch.setattr(build, "_build_graph", broken)
    cap, result = grad(ip, "x = torch.tensor(2.0, requires_grad=True)\n(x * x).backward()\nprint('ran')")
    assert cap.stdout == "ran\n" and "model bug" in result.problems[0].note


# ---------------------------------------------------------------- recorded steps are worked out late, values are not

def _loop_recorded(caps=None):
    """A 4-pass loop that changes w in place and zeroes its .grad after every backward; returns the recorder and
    what a subscriber that copies everything at the moment of each event saw (the reference)."""
    from autograd_magic.trace.model import Caps
    from autograd_magic.trace.names import NAMES
    from autograd_magic.trace.recorder import Recorder
    seen = []

    def copier(e):
        if isinstance(e, events.NodeRun):
            seen.append((e.node.name(), np.array(e.grad_in),
                         [(f.index, np.array(f.contribution), None if f.local is None else np.array(f.local))
                          for f in e.inputs]))
    recorder = Recorder(NAMES, caps or Caps())
    w = engine.tensor([1.0, -2.0], requires_grad=True)
    x = engine.tensor([3.0, 4.0])
    with events.subscribe(copier), recorder.listening():
        for _ in range(4):
            loss = (w * x * w).sum()
            loss.backward()
            with engine.no_grad():
                w -= 0.1 * w.grad
                w.grad.zero_()
    return recorder, seen


def test_steps_read_after_the_loop_show_what_each_backward_saw():
    recorder, seen = _loop_recorded()
    steps = [s for p in recorder.passes for s in p.steps]  # read now: w moved on and its .grad is zero
    assert len(steps) == len(seen) == 4 * 4
    for step, (name, grad_in, inputs) in zip(steps, seen):
        assert step.node == name.replace("torch::autograd::", "")
        np.testing.assert_array_equal(step.grad_in, grad_in)
        assert [i.index for i in step.inputs] == [i for i, _, _ in inputs]
        for got, (_, contribution, local) in zip(step.inputs, inputs):
            np.testing.assert_array_equal(got.contribution, contribution)
            if local is None:
                assert got.local is None
            else:
                np.testing.assert_array_equal(got.local, local)   # w * x: d/dx is w as it was then
    last_accumulate = [s for s in steps if s.node == "AccumulateGrad"][-1]
    assert np.any(last_accumulate.grad_in != 0)   # the code zeroed .grad afterwards; the step keeps what came in


def test_passes_past_the_cap_keep_node_names_only():
    from autograd_magic.trace.model import Caps
    recorder, seen = _loop_recorded(Caps(passes=2))
    kept = [p for p in recorder.passes if any(s.grad_in is not None for s in p.steps)]
    assert [p.index for p in kept] == [0, 3]   # the first pass and the latest one
    middle = recorder.passes[1].steps
    assert [s.node for s in middle] == [s.node for s in recorder.passes[3].steps]
    assert all(s.grad_in is None and s.inputs == [] for s in middle)
    assert recorder.passes[1].omitted_arrays == len(middle)


def test_a_run_is_freed_without_the_garbage_collector():
    """A run's recorder, passes and leaf records hold copies of gradients and values: when the run is dropped they
    go at once (reference counting), not at the collector's next full sweep. A pass that referred back to its
    recorder made every run one big cycle: memory held for runs long gone, and each sweep of a loop paid for it
    (issue 12, item 18: about a quarter of the %%grad overhead of demo 03's nn.Linear cell)."""
    import gc
    import weakref

    from autograd_magic.trace.runner import run_cell
    cell = ("w = torch.tensor([1.0, -2.0], requires_grad=True)\n"
            "for _ in range(30):\n"
            "    loss = (w * w).sum()\n"
            "    loss.backward()\n"
            "    with torch.no_grad():\n"
            "        w -= 0.1 * w.grad\n"
            "        w.grad.zero_()\n")
    gc.collect()
    gc.disable()
    try:
        run = run_cell(cell, {"torch": engine})
        run.trace()   # the views' model is built too
        assert len(run.recorder.passes) == 30
        recorder, first = weakref.ref(run.recorder), weakref.ref(run.recorder.passes[0])
        del run
        assert recorder() is None and first() is None
    finally:
        gc.enable()


def test_a_leaf_record_holds_what_the_pass_gave_before_a_hook_changed_it():
    """PyTorch's "optimizer step in backward" recipe updates a parameter and zeroes its .grad in a post-accumulate
    hook, during the pass: the recorder (which reads a pass whole when it ends) must still hold the gradient the
    pass added and the values the leaf had then, copied when the leaf received it."""
    from autograd_magic.trace.model import Caps
    from autograd_magic.trace.names import NAMES
    from autograd_magic.trace.recorder import Recorder

    w = engine.tensor([1.0, -2.0], requires_grad=True)

    def step_in_backward(p):
        with engine.no_grad():
            p -= 0.5 * p.grad
        p.grad.zero_()
    w.register_post_accumulate_grad_hook(step_in_backward)
    recorder = Recorder(NAMES, Caps(flows=False))
    with recorder.listening():
        for _ in range(2):
            (w * w).sum().backward()
    first, second = (p.leaves[0] for p in recorder.passes)
    assert first.added.tolist() == [2.0, -4.0] and first.value.tolist() == [1.0, -2.0]
    assert second.before.tolist() == [0.0, 0.0]              # the hook zeroed it after the first pass
    assert second.added.tolist() == [0.0, 0.0] and second.value.tolist() == [0.0, 0.0]   # w = w - 0.5 * 2w = 0
    assert first.after.tolist() == [0.0, 0.0]                # .grad when the pass ended: the hook had zeroed it
    assert w.tolist() == [0.0, 0.0]


def test_a_graph_run_again_sums_its_gradients_past_the_window():
    """The gradient that flowed into a node is summed over every pass that ran it, also the passes that left the
    recorder's window (a graph run again and again with retain_graph)."""
    import gc
    import weakref

    from autograd_magic.trace.model import Caps
    from autograd_magic.trace.names import NAMES
    from autograd_magic.trace.recorder import Recorder
    x = engine.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    z = y.sum()
    recorder = Recorder(NAMES, Caps(passes=3, flows=False))
    with recorder.listening():
        for _ in range(6):
            z.backward(retain_graph=True)
        gc.collect()
        loop_nodes = []
        for _ in range(5):   # a loop: a new graph each time
            w = x * 3.0
            loop_nodes.append(weakref.ref(w.grad_fn))
            w.sum().backward()
            del w
    assert recorder.node_grads.get(y.grad_fn).tolist() == [6.0, 6.0]
    assert recorder.node_grads.get(z.grad_fn).tolist() == 6.0
    assert len(recorder.node_grads.raws) == 3        # the steps kept: the first pass's and the latest 2
    # the loop's outputs are one (``w.sum()``, by the text backward() was called on): its first and last graph
    # are held, and the window's; the others are let go with their passes. A node still alive ran once: its
    # gradient, folded in or kept, is what it received
    gc.collect()
    alive = [r() for r in loop_nodes]
    assert alive[0] is not None and alive[-1] is not None and any(n is None for n in alive)
    assert [recorder.node_grads.get(n).tolist() for n in alive if n is not None] == \
        [[1.0, 1.0]] * sum(n is not None for n in alive)
    assert x.grad.tolist() == [6 * 2.0 + 5 * 3.0, 6 * 4.0 + 5 * 3.0]


def test_a_run_without_node_views_tags_assignments_only():
    """Expressions are tagged (their source text names their nodes) only when a view draws nodes: a training loop
    under --no-table --no-graph calls the tagger for its assignments alone."""
    from autograd_magic.trace import execute
    from autograd_magic.trace.model import Caps
    from autograd_magic.trace.runner import run_cell
    source = "for i in range(3):\n    y = (x * 2).sum()\n"

    def kinds(cell):   # the tag kinds the compiled code passes to the tagger
        return sorted({c for c in cell.body.co_consts if c in ("expr", "name")})
    assert kinds(execute.compile_cell(source, "<a>")) == ["expr", "name"]
    assert kinds(execute.compile_cell(source, "<b>", names_only=True)) == ["name"]
    ns = {"torch": engine, "x": engine.tensor([1.0, 2.0], requires_grad=True)}
    run = run_cell(source, ns, caps=Caps(steps=0))   # what --no-table --no-graph runs
    assert ns["y"].item() == 6.0 and [name for name, _ in run.assigned] == ["y"] * 3


def test_expressions_that_make_no_node_are_not_tagged_unless_a_transform_must_see_them():
    """A training loop's update step (``with torch.no_grad():``) and statements whose result is thrown away
    (``loss.backward()``, ``opt.step()``) make no graph node to name: they are left untagged. A block that may turn
    grad mode back on, and a statement that may make a node (``y.mul_(2)``), are tagged; trace.probe's runs (a
    transform sees every value) tag everything."""
    import ast
    from autograd_magic.trace.execute import Tagger
    from autograd_magic.trace.runner import run_cell
    source = ("y = (x * 3).sum()\n"
              "y.backward()\n"
              "with torch.no_grad():\n"
              "    x -= 0.1 * x.grad\n"
              "    x.grad.zero_()\n"
              "with torch.no_grad():\n"
              "    with torch.enable_grad():\n"
              "        z = (x * 4).sum()\n"
              "z.mul_(2)\n"
              "with torch.inference_mode():\n"
              "    u = x * 5\n")

    def tagged(lean):
        return _source_texts_tagged(Tagger(source, lean).visit(ast.parse(source)))
    assert tagged(True) == ["(x * 3).sum()", "(x * 4).sum()", "torch.enable_grad()", "torch.no_grad()",
                            "x * 3", "x * 4", "z.mul_(2)"]
    assert tagged(False) == sorted(tagged(True) + ["0.1 * x.grad", "torch.inference_mode()", "torch.no_grad()",
                                                   "x * 5", "x.grad.zero_()", "y.backward()"])
    ns = {"torch": engine, "x": engine.tensor([1.0, 2.0], requires_grad=True)}
    run = run_cell(source, ns)
    # the node made under enable_grad inside the no_grad block still gets its source text
    assert run.names.label(ns["z"].grad_fn) is not None
    assert ns["x"].tolist() == pytest.approx([0.7, 1.7]) and ns["z"].item() == pytest.approx(2 * 4 * 2.4)


def _source_texts_tagged(tree):
    """The source texts a tagged tree hands the runner: each expression's tag, and a named assignment's value
    given through the name's tag (its fifth argument)."""
    import ast
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id.startswith("__autograd_magic"):
            if n.args[1].value == "expr":
                out.append(n.args[2].value)
            elif len(n.args) > 4:
                out.append(n.args[4].value)
    return sorted(out)


def test_lean_tagging_skips_numbers_sizes_and_writes_into_data_and_grad():
    """Lean runs (no transform) tag no expression that cannot make a graph node: constants (``-1``), an index
    into ``.shape``, ``.item()``/``len()``-like calls, and the value written into ``p.data``/``p.grad`` (makemore's
    ``p.data += -lr * p.grad``); a named assignment's value gets its text through the name's one tag. What the
    views show is the same: the nodes the graph draws keep their texts and names."""
    import ast
    from autograd_magic.trace.execute import Tagger
    from autograd_magic.trace.runner import run_cell
    source = ("n = x.shape[0]\n"
              "h = (x.view(-1, 2) * w).sum()\n"
              "h.backward()\n"
              "w.data += -0.1 * w.grad\n"
              "w.data = w.data - 0.1 * (w * 2)\n"
              "v = h.item() + len(x)\n")

    def tagged(lean):
        return _source_texts_tagged(Tagger(source, lean).visit(ast.parse(source)))
    assert tagged(True) == ["(x.view(-1, 2) * w).sum()", "x.view(-1, 2)", "x.view(-1, 2) * w"]
    assert tagged(False) == sorted(tagged(True) + ["-0.1 * w.grad", "-0.1", "-1", "0.1 * (w * 2)", "w * 2",
                                                   "w.data - 0.1 * (w * 2)", "x.shape[0]", "h.item() + len(x)",
                                                   "h.item()", "len(x)", "h.backward()"])
    ns = {"torch": engine, "x": engine.tensor([[1.0, 2.0], [3.0, 4.0]]),
          "w": engine.tensor([1.0, 1.0], requires_grad=True)}
    run = run_cell(source, ns)
    label = run.names.label(ns["h"].grad_fn)
    assert (label.name, label.expr) == ("h", "(x.view(-1, 2) * w).sum()")
    mul = ns["h"].grad_fn.next_functions[0][0]
    assert run.names.label(mul).expr == "x.view(-1, 2) * w"
    assert ns["n"] == 2 and ns["v"] == pytest.approx(10.0 + 2)
    assert ns["w"].tolist() == pytest.approx([1.0 - 0.4 - 0.2 * 0.6, 1.0 - 0.6 - 0.2 * 0.4])


def test_the_names_table_keeps_no_more_than_about_twice_what_is_alive():
    """Names are kept beside tensors by plain weak references (no callback per named tensor): entries of tensors
    that are gone are dropped when the table has doubled, so a loop that names 5000 short-lived tensors leaves a
    table bounded by what is alive, and a live tensor keeps its name."""
    from autograd_magic.trace.names import SourceNames
    names = SourceNames()
    keep = engine.ones(2)
    names.name_tensor(keep, "keep", None, False)
    for i in range(5000):
        names.name_tensor(engine.ones(2) * i, "t", None, False)
    assert len(names._tensor_names) <= 1025
    assert names.tensor_name(keep) == "keep"
    gone = engine.ones(3)
    names.name_tensor(gone, "gone", None, False)
    ident = id(gone)
    del gone
    again = engine.ones(3)   # may reuse the id: a stale entry never names it
    assert id(again) != ident or names.tensor_name(again) is None
