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

A ``torch.Generator()`` a plain cell made is real PyTorch's (makemore's ``g = torch.Generator().manual_seed(...)``
in one cell, ``torch.randn(..., generator=g)`` in the next). Inside a ``%%grad`` cell on the engine each such
generator draws through an engine Generator of its own that takes its state at its first use in the cell (and again
if the cell sets it, ``g.manual_seed(1)``), and gives its state back when the cell has run (the engine asks
``_foreign`` here, installed with the torch layer's ``draw_foreign_with``). Re-runs take each one's state at the
cell's start and give nothing back, as for the default stream. The generator ``torch.manual_seed`` returns is the
default stream itself.
"""
import contextlib
import os
import sys

from .. import torch as _engine
from ..torch import rng as _engine_rng

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep   # autograd_magic/

# the state the cell being shown started with (read by trace.probe's re-runs); None: no cell's
CELL_START = [None]
# the CellDraws of the %%grad cell that runs, re-runs or shows its views on the engine (None: none)
ACTIVE = [None]


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


def _foreign(generator):
    """The engine's hook (torch/rng.py draw_foreign_with): the engine Generator that draws for a real PyTorch
    generator inside a running cell, or None."""
    draws = ACTIVE[0]
    real = draws.real if draws is not None else None   # (inside the cell, sys.modules' torch is the engine)
    if real is None or not isinstance(generator, real.Generator) or generator.device.type != "cpu":
        return None
    if generator is real.default_generator:   # (what torch.manual_seed returned: the notebook's one stream)
        return _generator()
    return draws.shadow(generator)


_engine_rng.draw_foreign_with(_foreign)


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
        # real PyTorch generators the cell drew from: id -> [generator, its engine Generator, the real one's state
        # bytes when they last agreed, the engine one's change count then]; and each one's state at the cell's start
        self._shadows = {}
        self._origins = {}
        self._replaying = False
        self.real = None   # real PyTorch, when imported (looked up before the cell runs)

    def shadow(self, generator):
        """The engine Generator drawing for a real PyTorch generator in this run (see the module docstring)."""
        state = generator.get_state().numpy()
        raw = state.tobytes()
        key = id(generator)
        got = self._shadows.get(key)
        if got is not None and got[0] is generator:
            if got[2] != raw:   # (the cell set the real one's state: g.manual_seed(1), g.set_state(...))
                got[1].set_state(state)
                got[2], got[3] = raw, got[1].version
            return got[1]
        origin = self._origins.get(key)
        if origin is None or origin[0] is not generator:
            origin = self._origins[key] = (generator, state)
        mine = _engine_rng.twin_generator(origin[1] if self._replaying else state)
        self._shadows[key] = [generator, mine, raw, mine.version]
        return mine

    def _give_shadows(self):
        """The cell's own run is over: each real generator it drew from takes its engine twin's state."""
        shadows, self._shadows = self._shadows, {}
        if self._replaying:
            return
        real = self.real
        for generator, mine, _, seen in shadows.values():
            if mine.version != seen and real is not None:
                generator.set_state(real.from_numpy(mine.get_state()))

    def start(self):
        if self.engine:
            ACTIVE[0] = self
            self.real = _real()
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
            self._give_shadows()
        except Exception:  # noqa: BLE001
            pass
        self._replaying = True   # (from here on, what draws is a re-run of the views)
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
        if ACTIVE[0] is self:
            ACTIVE[0] = None
        self._shadows = {}
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
        active, ACTIVE[0] = ACTIVE[0], self if self.engine else ACTIVE[0]
        self._shadows, self._replaying = {}, True
        if self.engine and self.real is None:
            self.real = _real()
        try:
            yield
        finally:
            CELL_START[0] = None
            ACTIVE[0], self._shadows = active, {}
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
    draws = ACTIVE[0]
    if draws is not None:   # (real PyTorch generators: from their states at the cell's start again)
        draws._shadows = {}
