"""What a slider re-run shows, as a cell shows it: printed text, stderr, display() calls, the value and the
traceback, collected in order as notebook outputs (stream, display_data, error) for the panel's output area.

A re-run happens on the kernel's event loop after a widget message was handled: what it printed or displayed
would otherwise be sent under that comm message, which no frontend shows.
"""
import base64
import contextlib
import io
import signal
import sys
import threading
import traceback

from IPython.core.displaypub import DisplayPublisher


class _Stream(io.TextIOBase):
    """A text stream that appends to the shared output list (consecutive writes to one stream merge); like
    StringIO it has no file descriptor (``fileno()`` raises io.UnsupportedOperation)."""

    def __init__(self, outputs, name):
        super().__init__()
        self.outputs, self.name = outputs, name

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            last = self.outputs[-1] if self.outputs else None
            if last is not None and last.get("output_type") == "stream" and last["name"] == self.name:
                last["text"] += text
            else:
                self.outputs.append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)

    @property
    def encoding(self):
        return "utf-8"


class _Publisher(DisplayPublisher):
    """display() / clear_output() during a re-run."""

    def __init__(self, outputs, shell):
        super().__init__(shell=shell)
        self.outputs = outputs

    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
        self.outputs.append({"output_type": "display_data", "data": _jsonable(data),
                             "metadata": _jsonable(metadata or {})})

    def clear_output(self, wait=False):
        self.outputs.clear()


def _jsonable(bundle):
    return {k: (base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v) for k, v in bundle.items()}


@contextlib.contextmanager
def captured(shell):
    """Collect stdout, stderr and displays in order: yields the list of notebook outputs."""
    outputs = []
    old = sys.stdout, sys.stderr, shell.display_pub
    sys.stdout, sys.stderr = _Stream(outputs, "stdout"), _Stream(outputs, "stderr")
    shell.display_pub = _Publisher(outputs, shell)
    try:
        yield outputs
    finally:
        sys.stdout, sys.stderr, shell.display_pub = old


@contextlib.contextmanager
def interruptible():
    """The frontend's interrupt (SIGINT) stops a re-run with KeyboardInterrupt. ipykernel ignores SIGINT outside
    a request's handler, and a re-run runs after the slider's message was handled."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old if old is not None else signal.SIG_DFL)


def value_output(shell, value):
    """The cell's value as the output a display of it gives (the re-run's Out)."""
    data, metadata = shell.display_formatter.format(value)
    return {"output_type": "display_data", "data": _jsonable(data), "metadata": _jsonable(metadata)}


def error_output(shell, exc, tb):
    """exc as a cell's error output: the traceback IPython formats (tb: the user's frames), or one line for
    SystemExit and SyntaxError, as a normal cell shows them."""
    etype = type(exc)
    if isinstance(exc, (SystemExit, SyntaxError)) or tb is None:
        lines = traceback.format_exception_only(etype, exc)
        stb = ["".join(lines).rstrip("\n")]
    else:
        try:
            stb = shell.InteractiveTB.structured_traceback(etype, exc, tb, tb_offset=0)
        except Exception:  # noqa: BLE001 - the formatter itself failed: Python's own formatting
            stb = ["".join(traceback.format_exception(etype, exc, tb)).rstrip("\n")]
    return {"output_type": "error", "ename": etype.__name__, "evalue": str(exc), "traceback": list(stb)}
