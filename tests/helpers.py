"""Shared test helpers: tool requirements and a notebook-like runner for lesson code."""
import ast
import contextlib
import importlib
import io
import os
import subprocess
import re
import sys
import tokenize
import traceback
import warnings

import pytest

import parity

REQUIRE_ALL = os.environ.get("AUTOGRAD_MAGIC_REQUIRE_ALL") == "1"


def require(modname):
    """Import an optional tool; skip without it, except under CI (AUTOGRAD_MAGIC_REQUIRE_ALL=1), where it fails."""
    try:
        return importlib.import_module(modname)
    except ImportError as exc:
        if os.environ.get("AUTOGRAD_MAGIC_REQUIRE_ALL") == "1":
            pytest.fail(f"{modname} is required under AUTOGRAD_MAGIC_REQUIRE_ALL=1: {exc}")
        pytest.skip(f"{modname} is not installed")


def in_fresh_processes(code, timeout=300):
    """code's standard output run in a fresh Python process after ``import torch`` and after
    ``from autograd_magic import torch``: [PyTorch's, ours] (for what a process does once: warnings PyTorch gives
    once per process, torch.compile's global state)."""
    import subprocess
    outputs = []
    for header in ("import torch", "from autograd_magic import torch"):
        proc = subprocess.run([sys.executable, "-c", header + "\n" + code], capture_output=True, text=True,
                              timeout=timeout, check=False)
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    return outputs


def mismatch_count_under_capability(script, capability, timeout=600):
    """Run ``script`` (which prints ``<capability> <number of mismatches> <the first ones>``) in a child process
    with ATEN_CPU_CAPABILITY=capability (None: the machine's own), the engine of this tree on its path; returns
    (the number of mismatches, what it printed). PyTorch reads the variable once, at import: hence a process."""
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env.pop("ATEN_CPU_CAPABILITY", None)
    if capability is not None:
        env["ATEN_CPU_CAPABILITY"] = capability
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stderr
    return int(out.stdout.split(" ", 2)[1]), out.stdout


def run_cells(cells, torch_module, ns=None):
    """Run code cells like a notebook: stdout plus the repr of each cell's last expression.

    Returns a list of (output_text, error) per cell; error is (type name, message) or None.
    """
    ns = {"torch": torch_module} if ns is None else ns
    results = []
    for src in cells:
        tree = ast.parse(src)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not _quiet(src):
            last = ast.Expression(tree.body.pop().value)
        buf = io.StringIO()
        error = None
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(tree, "<cell>", "exec"), ns)
                if last is not None:
                    value = eval(compile(last, "<cell>", "eval"), ns)
                    if value is not None:
                        print(repr(value))
            except Exception as exc:  # noqa: BLE001 - the error is the result being compared
                error = (type(exc).__name__, str(exc))
                if os.environ.get("AUTOGRAD_MAGIC_DEBUG"):
                    traceback.print_exc()
        results.append((buf.getvalue(), error))
    return results


def _quiet(src):
    """A cell whose last token is ';' shows no value (IPython's DisplayHook.quiet), comments after it ignored."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                  if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                    tokenize.DEDENT, tokenize.ENDMARKER)]
    except (tokenize.TokenError, SyntaxError):
        return False
    return bool(tokens) and tokens[-1].string == ";"


def normalise(results):
    """Mask object addresses (0x7f...) in each cell's output and error message, so two runs can be compared."""
    return [(re.sub(r"0x[0-9a-f]+", "0x?", out), err and (err[0], re.sub(r"0x[0-9a-f]+", "0x?", err[1])))
            for out, err in results]


def run_ours(cells, ns=None):
    """run_cells on the engine, with `import torch` (and torch.nn, torch.optim ...) resolving to it meanwhile,
    as in a %%grad cell (the same context manager: autograd_magic.trace.execute.torch_is_the_engine). Fails if
    real PyTorch reached the cells' namespace (assert_engine_namespace): a differential test must never compare
    PyTorch with itself."""
    import autograd_magic.torch as ours
    from autograd_magic.trace.execute import torch_is_the_engine
    ns = {"torch": ours} if ns is None else ns
    with torch_is_the_engine(ns, bound=("torch",)):
        results = run_cells(cells, ours, ns)
    assert_engine_namespace(ns)
    return results


@contextlib.contextmanager
def counting_passes(torch):
    """Count real PyTorch's backward passes meanwhile (backward(), autograd.grad, jacobian and hessian): the
    float32 budget of a case grows with them (parity.budget). Yields a list whose item 0 is the count."""
    count = [0]
    saved = torch.autograd.backward, torch.autograd.grad

    def counted(fn):
        def wrapper(*args, **kwargs):
            count[0] += 1
            return fn(*args, **kwargs)
        return wrapper

    torch.autograd.backward, torch.autograd.grad = map(counted, saved)
    try:
        yield count
    finally:
        torch.autograd.backward, torch.autograd.grad = saved


def assert_engine_namespace(ns):
    """Fail if a name in ns holds real PyTorch: its module or a submodule, a torch.Tensor or an nn.Module."""
    real = sys.modules.get("torch")
    if real is None or real.__name__ != "torch" or not hasattr(real, "_C"):
        return  # real PyTorch was never imported: nothing of it can be in ns
    root = os.path.dirname(real.__file__)
    leaked = [name for name, v in ns.items() if v is real or isinstance(v, (real.Tensor, real.nn.Module))
              or getattr(v, "__file__", None) and str(v.__file__).startswith(root + os.sep)]
    assert not leaked, f"real PyTorch reached the engine's namespace: {leaked} (use run_ours, not run_cells)"


def assert_same_as_pytorch(cells, corpus="snippets", name="case", ns=None, warns="together"):
    """Run cells on real PyTorch and on the engine and judge them with the parity policy (tests/parity.py):
    every cell's output and error, and the warnings' texts, must agree (object addresses masked). Each cell is
    one case of `corpus` in the parity tally, named `name[i]`. ns: the two namespaces (ours, torch), by default
    fresh ones binding `torch`. warns: "together" compares the texts of all cells' warnings in order, "per_cell"
    appends each cell's warnings (category: message) to its output, None leaves warnings out."""
    real = require("torch")
    import autograd_magic.torch as ours
    ns_ours, ns_real = ns or ({"torch": ours}, {"torch": real})  # one namespace per side for all the cells
    passes = []

    def torch_side(cells):
        with counting_passes(real) as count:
            out = run_cells(cells, real, ns_real)
        passes.append(count[0] + (passes[-1] if passes else 0))
        return out

    results = {}
    try:
        for side, run in (("ours", lambda c: run_ours(c, ns_ours)), ("torch", torch_side)):
            if warns == "per_cell":
                results[side] = normalise(_with_warnings(run, cells)), []
            else:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", append=True)
                    got = normalise(sum((run([c]) for c in cells), []))
                results[side] = got, [str(w.message) for w in caught] if warns else []
    finally:   # a case's print options and warn-always must not leak into the next test of this pytest worker
        for module in (ours, real):   # (a case left on warn-always made a later "warns once" test see two)
            module.set_printoptions(profile="default")
            module.set_warn_always(False)
    (got, gw), (want, ww) = results["ours"], results["torch"]
    assert len(got) == len(want) == len(cells) == len(passes)
    verdicts = [parity.check(corpus, f"{name}[{i}] {cell[:60]!r}", w, g, ulps=parity.budget(n))
                for i, (cell, w, g, n) in enumerate(zip(cells, want, got, passes))]
    if ww or gw:
        verdicts.append(parity.check(corpus, f"{name} warnings", ww, gw))
    bad = [v.detail for v in verdicts if v.kind == parity.DIFFERENT]
    assert not bad, f"{len(bad)} of {len(verdicts)} cases differ from PyTorch\n\n" + "\n\n".join(bad)


def _with_warnings(run, cells):
    """run(cells) cell by cell, each cell's warnings (category: message) appended to its output."""
    out = []
    for cell in cells:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", append=True)
            (text, err), = run([cell])
        out.append((text + "".join(f"{w.category.__name__}: {w.message}\n" for w in caught), err))
    return out


def graph_svgs(html_text):
    """The SVG documents of the graph pictures in a %%grad output's HTML (``<img src="data:image/svg+xml;base64,...">``)."""
    import base64
    return [base64.b64decode(m).decode("utf-8")
            for m in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html_text)]


# A cell's tail that evaluates each string of its CASES list and prints the result or the exception, one line each
# (the differential tests of argument handling: tests/test_operands_vs_torch.py, test_parser_common_vs_torch.py)
# ``attempt(lambda: ...)`` in a cell: the value made ("ok ..."), or the exception's type and message
ATTEMPT = '''def attempt(make):
    try:
        out = make()
        print("ok", out)
    except Exception as e:
        print(type(e).__name__, e)
'''

EVAL_CASES = '''for c in CASES:
    try:
        r = eval(c)
        print(c, "->", repr(r)[:150].replace("\\n", " "))
    except Exception as e:
        print(c, "!!", type(e).__name__, str(e)[:400].replace("\\n", " "))
'''
