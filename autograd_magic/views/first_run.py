"""The first run of a cell that gets sliders: its printed text reaches the screen as it is written and is kept, and
what it displays is kept, so that afterwards the cell's whole output can become one display that a slider move
replaces (printed text, displays, Out, table and graph of one run, never two runs side by side)."""
import io
import sys


class _Tee:
    """A stream that writes to the screen as usual and keeps a copy."""

    def __init__(self, stream, copy):
        self._stream, self._copy = stream, copy

    def write(self, data):
        self._copy.write(data)
        return self._stream.write(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._stream.flush()

    def __getattr__(self, name):  # encoding, isatty, fileno ... as the real stream has them
        return getattr(self._stream, name)


class FirstRun:
    """Context manager around the first run: ``stdout()``, ``stderr()`` and ``replay()`` of its displays."""

    def __init__(self, shell):
        self.shell = shell
        self._out, self._err = io.StringIO(), io.StringIO()
        self.displays = []

    def stdout(self):
        return self._out.getvalue()

    def stderr(self):
        return self._err.getvalue()

    def __enter__(self):
        self._streams = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _Tee(sys.stdout, self._out), _Tee(sys.stderr, self._err)
        pub = self.shell.display_pub
        self._own = pub.__dict__.get("publish")
        original = pub.publish

        def publish(data, metadata=None, *rest, **kw):
            if not kw.get("update") and not (len(rest) > 1 and rest[1]):
                self.displays.append((data, metadata))
            return original(data, metadata, *rest, **kw)
        pub.publish = publish
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr = self._streams
        pub = self.shell.display_pub
        if self._own is None:
            pub.__dict__.pop("publish", None)
        else:
            pub.publish = self._own
        return False

    def replay(self):
        """Show again what the cell displayed (after the output was cleared)."""
        for data, metadata in self.displays:
            self.shell.display_pub.publish(data, metadata)


def value_text(shell, value):
    """The value's text as Out shows it."""
    try:
        data, _ = shell.display_formatter.format(value, include=("text/plain",))
        return data.get("text/plain", repr(value))
    except Exception:  # noqa: BLE001 - a broken repr shows as Python's default
        return object.__repr__(value)
