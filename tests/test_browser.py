"""A real browser: JupyterLab in headless Chromium runs a %%grad cell; moving its slider updates the live table.

The test writes its own notebook into a temporary directory, starts JupyterLab from this Python (so the kernel is
this venv's Python and ipywidgets' lab extension from ``jupyterlab_widgets`` is found), opens the notebook with
Playwright in the system Chromium, runs all cells, checks the gradient table under the ``%%grad --range x=0:5:1``
cell shows d(y)/dx = 7, presses ArrowRight on the x slider (2 -> 3) and waits for the table to show 9., then
presses it once more (3 -> 4) and waits for 11.
A screenshot goes to ``test-artifacts/browser-slider.png`` whether the test passes or fails.

Facts used here come from /work/shared/RECIPES.md ("A real browser"). Needs ``jupyterlab`` and ``playwright``
(the ``ui`` extra) and ``apt-get install chromium fonts-liberation``; without them the test is skipped, except
under ``AUTOGRAD_MAGIC_REQUIRE_ALL=1`` (CI), where it fails.

The helpers below (``jupyterlab``, ``chromium_page``, ``open_and_run``...) are also used by
``benchmarks/bench_browser.py``.
"""
import contextlib
import json
import os
import pathlib
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers import REQUIRE_ALL

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = ARTIFACTS / "browser-slider.png"
NOTEBOOK = "sliders.ipynb"

CELLS = [
    "%load_ext autograd_magic",
    "%%grad --range x=0:5:1\n"
    "x = torch.tensor(2.0, requires_grad=True)\n"
    "y = x**2 + 3*x + 2\n"
    "y.backward()\n"
    "x.grad",
]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]

LIVE_TABLE = ".autograd-magic-live .autograd-magic-table"
SLIDER_HANDLE = ".widget-slider .noUi-handle"

# The gradient cell of one row of the last table matching a selector ('' if no such row, null if no table).
_GRADIENT_JS = """([selector, name]) => {
  const tables = document.querySelectorAll(selector);
  if (!tables.length) return null;
  const table = tables[tables.length - 1];
  const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  const col = heads.indexOf('gradient');
  for (const tr of table.querySelectorAll('tbody tr')) {
    const cells = [...tr.children].map(td => td.textContent.trim());
    if (cells[0] === name) return col < 0 ? '' : cells[col];
  }
  return '';
}"""

_KERNEL_IDLE_JS = """(path) => {
  const app = window.jupyterapp;
  const w = app && app.shell && app.shell.currentWidget;
  if (!w || !w.context || w.context.path !== path || !w.sessionContext) return false;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  return !!kernel && kernel.status === 'idle';
}"""


# --------------------------------------------------------------------------------------------------------------
# Tools

def find_chromium():
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def missing_tools():
    """Names of what this test needs but is not installed (empty when all is there)."""
    import importlib.util
    missing = [m for m in ("playwright", "jupyterlab", "nbformat", "ipywidgets")
               if importlib.util.find_spec(m) is None]
    if find_chromium() is None:
        missing.append("chromium (apt-get install chromium fonts-liberation)")
    return missing


# --------------------------------------------------------------------------------------------------------------
# The notebook, the server and the browser

def write_notebook(directory, cells=CELLS, name=NOTEBOOK):
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    path = pathlib.Path(directory) / name
    nbformat.write(nb, path)
    return path


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid):
    """Pids of every live descendant of pid (read from /proc; empty elsewhere)."""
    children = {}
    for entry in pathlib.Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _stop(proc, base_url, token):
    """Shut JupyterLab down (its kernels too), then kill whatever of it is left, by process group and pid."""
    kids = _descendants(proc.pid)  # kernels run in their own sessions: remember them before the server goes
    if proc.poll() is None:
        with contextlib.suppress(OSError):
            req = urllib.request.Request(f"{base_url}/api/shutdown", method="POST",
                                         headers={"Authorization": f"token {token}"})
            urllib.request.urlopen(req, timeout=5).close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    for pid in kids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


@contextlib.contextmanager
def jupyterlab(root_dir, timeout=40):
    """Run JupyterLab on 127.0.0.1 (free port, random token, private config dirs); yield (base_url, token, log)."""
    root_dir = pathlib.Path(root_dir)
    home = root_dir.parent / "jupyter-home"
    env = dict(os.environ)
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "JUPYTERLAB_SETTINGS_DIR",
                "JUPYTERLAB_WORKSPACES_DIR"):
        path = home / var.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    # The kernel is this Python (ipykernel's built-in python3 spec) and must import this checkout.
    # No "get notified about Jupyter news?" toast over the screenshot, no update checks.
    settings = home / "jupyterlab_settings_dir" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.pop("JUPYTER_PATH", None)
    port, token = _free_port(), secrets.token_hex(16)
    base_url = f"http://127.0.0.1:{port}"
    log_path = home / "jupyterlab.log"
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.expose_app_in_browser=True", "--allow-root"]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=root_dir, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {proc.returncode}:\n{_tail(log_path)}")
            try:
                with urllib.request.urlopen(f"{base_url}/api/status?token={token}", timeout=2) as resp:
                    json.load(resp)
                break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{_tail(log_path)}")
            time.sleep(0.2)
        yield base_url, token, log_path
    finally:
        _stop(proc, base_url, token)


def _tail(path, lines=40):
    try:
        return "\n".join(pathlib.Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def chromium_page(profile_dir):
    """A page in headless system Chromium (persistent context, as RECIPES says); closed on exit."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile_dir), executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000})
        try:
            page = context.pages[0] if context.pages else context.new_page()
            yield page
        finally:
            context.close()


def open_and_run(page, base_url, token, path=NOTEBOOK, timeout=30):
    """Open the notebook in JupyterLab, wait for its kernel, run all cells; return when the kernel is busy or done."""
    ms = timeout * 1000
    page.goto(f"{base_url}/lab/tree/{path}?token={token}", timeout=ms)
    page.wait_for_function(_KERNEL_IDLE_JS, arg=path, timeout=ms)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")


def wait_kernel_idle(page, path=NOTEBOOK, timeout=30):
    page.wait_for_function(_KERNEL_IDLE_JS, arg=path, timeout=timeout * 1000)


def gradient_of(page, name, selector=LIVE_TABLE):
    """The text of name's gradient in the last table matching selector (None: no table)."""
    return page.evaluate(_GRADIENT_JS, [selector, name])


def wait_gradient(page, name, want, selector=LIVE_TABLE, timeout=20):
    """Wait until name's gradient reads want; on timeout, say what it read."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(f"(args) => ({_GRADIENT_JS})(args) === {json.dumps(want)}",
                               arg=[selector, name], timeout=timeout * 1000)
    except PlaywrightTimeout:
        raise AssertionError(f"after {timeout} s the gradient of {name} in {selector!r} reads "
                             f"{gradient_of(page, name, selector)!r}, not {want!r}") from None


def slider_handle(page, label):
    """The noUiSlider handle of the FloatSlider whose description is label."""
    sliders = page.locator(".widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")))
    return sliders.locator(".noUi-handle").first


def screenshot(page, path=SCREENSHOT):
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(Exception):
        live = page.locator(".autograd-magic-sliders, .autograd-magic-live, .jp-OutputArea").last
        live.scroll_into_view_if_needed(timeout=2000)
    page.screenshot(path=str(path))
    return path


# --------------------------------------------------------------------------------------------------------------
# The test

@pytest.fixture
def lab_page(tmp_path):
    """(page, base_url, token) for a JupyterLab serving a fresh notebook dir; everything stopped afterwards."""
    missing = missing_tools()
    if missing:
        if REQUIRE_ALL:
            pytest.fail(f"needed under AUTOGRAD_MAGIC_REQUIRE_ALL=1 but missing: {', '.join(missing)}")
        pytest.skip(f"missing: {', '.join(missing)}")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks)
    with jupyterlab(notebooks) as (base_url, token, log_path):
        with chromium_page(tmp_path / "chromium-profile") as page:
            try:
                yield page, base_url, token
            except BaseException:
                print(f"\n--- JupyterLab log (tail) ---\n{_tail(log_path)}")
                raise


def test_slider_move_updates_gradient_table_in_jupyterlab(lab_page):
    page, base_url, token = lab_page
    start = time.monotonic()
    try:
        open_and_run(page, base_url, token)
        handle = slider_handle(page, "x")
        handle.wait_for(state="visible", timeout=30_000)
        wait_kernel_idle(page)
        wait_gradient(page, "x", "7.")
        assert float(handle.get_attribute("aria-valuenow")) == 2.0

        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(h) => parseFloat(h.getAttribute('aria-valuenow')) === 3",
                               arg=handle.element_handle(), timeout=5_000)
        wait_gradient(page, "x", "9.", timeout=20)

        # A second move must update the table too (x 3 -> 4: the gradient reads 11.), without any other
        # message reaching the kernel in between.
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(h) => parseFloat(h.getAttribute('aria-valuenow')) === 4",
                               arg=handle.element_handle(), timeout=5_000)
        wait_gradient(page, "x", "11.", timeout=20)
    finally:
        shot = screenshot(page)
        print(f"\nbrowser test: {time.monotonic() - start:.1f} s in the page; screenshot {shot}")
