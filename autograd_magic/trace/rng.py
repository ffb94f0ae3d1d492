"""The random generator across cells and re-runs.

A notebook draws from one generator: ``torch.manual_seed(0)`` in a plain cell decides what ``torch.randn`` gives in
the next cell, whether or not that cell is a ``%%grad`` cell. Plain cells draw from real PyTorch's default
generator and ``%%grad`` cells from the engine's (whose state has the same bytes as PyTorch's, engine/random.py),
so the state crosses over at a cell's edges: the engine's generator takes real PyTorch's state when a ``%%grad``
cell starts and gives its own back when the cell is over (when real PyTorch is imported at all).

What the views re-run never draws from the notebook's stream: a re-run (a slider's, the isolated re-runs of
``--check``, ``--slope``, ``--jacobian``, ``--hessian``) starts from the state the cell itself started with, so it
draws the same numbers the cell drew (the function a view shows is the cell's, with only its inputs changed), and
the generator is left as it was before the re-run (later cells draw what they would have drawn without the views).
With ``--backend torch`` the cell draws from real PyTorch's generator itself; its slider re-runs replay the same way.
"""
import contextlib
import os
import sys

from .. import torch as _engine

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep   # autograd_magic/

# the state the cell being shown started with (read by trace.probe's re-runs); None: no cell's
CELL_START = [None]


def _real():
    """Real PyTorch, when it is imported (never imported here)."""
    torch = sys.modules.get("torch")
    if torch is None or torch is _engine or "torch._C" not in sys.modules:
        return None
    where = getattr(torch, "__file__", None)
    if not where or os.path.abspath(where).startswith(_PACKAGE) or not hasattr(torch, "default_generator"):
        return None
    return torch


def _generator():
    return _engine.default_generator._impl


def _engine_state():
    return _generator().snapshot()


def _set_engine_state(state):
    _generator().restore(state)


def _real_state():
    real = _real()
    return None if real is None else real.default_generator.get_state()


def _set_real_state(state):
    real = _real()
    if real is not None:
        real.default_generator.set_state(state)


# the bytes of real PyTorch's state as the last %%grad cell left it (or took it): a cell whose plain cells before it
# neither drew nor seeded finds them unchanged, and the engine's generator is not set again (~100 us)
_GIVEN = [None]


def _take_real():
    """The engine's generator takes real PyTorch's state, when plain cells changed it since the last cell."""
    real = _real_state()
    if real is None:
        return
    raw = real.numpy()
    if raw.tobytes() == _GIVEN[0]:
        return
    _generator().set_state(raw)
    _GIVEN[0] = raw.tobytes()


def _give_real():
    """Real PyTorch's generator takes the engine's state (a %%grad cell drew or seeded)."""
    real = _real()
    if real is None:
        return
    raw = _generator().get_state()
    real.default_generator.set_state(real.from_numpy(raw))
    _GIVEN[0] = raw.tobytes()


class CellDraws:
    """The generator's states around one ``%%grad`` cell on the engine: ``start()`` before the cell runs,
    ``ran()`` when it is over (whatever it raised), ``finish()`` after the views (whose re-runs replay the start),
    ``rerun()`` around each slider re-run. A failure to carry a state over is left silent: the cell runs as it
    would have without it. ``backend="torch"`` (``--backend torch``: the cell draws from real PyTorch's generator
    itself): only the slider re-runs replay the start and leave the stream alone."""

    def __init__(self, backend="engine"):
        self.start_state = None
        self.end_state = None
        self.engine = backend == "engine"
        self._get, self._set = (_engine_state, _set_engine_state) if self.engine else (_real_state, _set_real_state)
        self._drew = False
        self._seen = None   # (the engine generator's change count when last looked at)

    def start(self):
        try:
            if self.engine:
                _take_real()
                self._seen = _generator().version
            self.start_state = self._get()
        except Exception:  # noqa: BLE001 - see the class docstring
            self.start_state = None
        if self.engine:
            CELL_START[0] = self.start_state

    def ran(self):
        try:
            self.end_state = self._get()
            if self.engine:
                self._drew = _generator().version != self._seen
                self._seen = _generator().version
        except Exception:  # noqa: BLE001
            self.end_state = None

    def finish(self):
        """After the views: the state the cell left, for the engine and for real PyTorch's next plain cell."""
        CELL_START[0] = None
        if self.end_state is None:
            return
        try:
            if not self.engine:
                self._set(self.end_state)
                return
            if _generator().version != self._seen:   # (the views' re-runs drew)
                self._set(self.end_state)
            if self._drew:
                _give_real()
        except Exception:  # noqa: BLE001
            pass

    @contextlib.contextmanager
    def rerun(self):
        """A slider's re-run (and the views built from it): from the cell's start state; the generator as it
        was found afterwards."""
        kept = None
        try:
            kept = self._get()
            if self.start_state is not None:
                self._set(self.start_state)
        except Exception:  # noqa: BLE001
            pass
        if self.engine:
            CELL_START[0] = self.start_state
        try:
            yield
        finally:
            CELL_START[0] = None
            if kept is not None:
                try:
                    self._set(kept)
                except Exception:  # noqa: BLE001
                    pass


def replay():
    """Before one isolated re-run of trace.probe: the shown cell's start state (the magic sets the state the cell
    left once its views are made: CellDraws.finish, CellDraws.rerun)."""
    start = CELL_START[0]
    if start is not None:
        _set_engine_state(start)
