import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))


@pytest.fixture()
def ip():
    """An IPython shell with autograd_magic loaded and HTML display on, as a notebook frontend has it."""
    from IPython import get_ipython
    from IPython.testing.globalipapp import start_ipython
    shell = start_ipython() or get_ipython()
    shell.reset()
    shell.run_line_magic("load_ext", "autograd_magic")
    shell.display_formatter.formatters["text/html"].enabled = True
    if "text/html" not in shell.display_formatter.active_types:
        shell.display_formatter.active_types.append("text/html")
    yield shell
    if "kernel" in shell.__dict__:
        del shell.kernel
    shell.reset()


# ---- the parity tally (tests/parity.py): printed at the end of a run, merged across pytest-xdist workers
def pytest_sessionfinish(session):
    import json
    import parity
    if hasattr(session.config, "workeroutput"):  # an xdist worker: hand the counts to the controller
        session.config.workeroutput["parity"] = json.dumps([parity.TALLY, parity.MAX_ULPS])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    import json
    import parity
    tally, max_ulps = json.loads(getattr(node, "workeroutput", {}).get("parity", "[{}, {}]"))
    for corpus, counts in tally.items():
        parity.TALLY[corpus].update(counts)
    for corpus, u in max_ulps.items():
        parity.MAX_ULPS[corpus] = max(parity.MAX_ULPS[corpus], u)


def pytest_terminal_summary(terminalreporter):
    import parity
    lines = parity.tally_lines()
    if lines:
        terminalreporter.section("parity with PyTorch (cases per corpus, tests/parity.py)")
        for line in lines:
            terminalreporter.write_line(line)
        import dispatch
        terminalreporter.write_line(f"dispatch: {dispatch.describe()}")
