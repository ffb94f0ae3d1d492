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
