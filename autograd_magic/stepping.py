"""The derivatives of a %%grad run that need the cell as a function of its inputs (Jacobian, Hessian, --check,
slope pictures): computed by trace.probe's isolated re-runs and drawn by the views. Glue between the trace layer
and the views, used by magic.present (the stepper and the .grad history are views of the trace alone, declared in
views/registry.py).
"""
import numpy as np

from .trace.model import LEAF
from .trace.probe import Probe, ProbeError
from .views.calculus import CheckView, HessianView, JacobianView, Note
from .views.slope import SlopeView, contour_svg, tangent_svg

MAX_JACOBIAN = 64        # output elements x input elements shown without --jacobian being asked for
TANGENT_POINTS = 61
CONTOUR_POINTS = 17
_GRIDS = {}              # (cell, inputs, ranges) -> grid: a slider move redraws the point, not the grid


class Derivatives:
    """What the options asked for: ``.jacobian``, ``.v``, ``.hessian``, ``.check`` (data) and ``.views``."""

    def __init__(self):
        self.jacobian = None
        self.v = None
        self.hessian = None
        self.check = None
        self.views = []


def probe_inputs(rows):
    """[(name, values)] of the leaves that a re-run can replace: named by a variable, floating point."""
    return [(r.name, np.array(r.value)) for r in rows
            if r.kind == LEAF and r.name and r.name.isidentifier() and str(r.dtype).startswith("float")]


def derivatives(rows, outputs, args, cell, user_ns):
    """Derivatives for the options in args (jacobian, hessian, check, slope); a gradient= given to backward asks
    for the Jacobian too when it is small."""
    lang, p = getattr(args, "lang", "en"), args.precision
    out = Derivatives()
    seeded = any(r.seed_grad is not None for r in outputs)
    wants = [getattr(args, "jacobian", False) or seeded, getattr(args, "hessian", False),
             getattr(args, "check", False), getattr(args, "slope", False)]
    if not any(wants) or cell is None:
        return out
    inputs = probe_inputs(rows)
    probe = Probe(cell, user_ns, inputs)
    grads = {r.name: r.grad for r in rows if r.kind == LEAF}
    shapes = {name: tuple(arr.shape) for name, arr in inputs}
    explicit = getattr(args, "jacobian", False)
    if wants[0]:
        _try(out, "--jacobian", lang, explicit,
             lambda: _jacobian(out, probe, grads, shapes, outputs, explicit, p, lang))
    if wants[1]:
        _try(out, "--hessian", lang, True, lambda: _hessian(out, probe, shapes, outputs, p, lang))
    if wants[2]:
        _try(out, "--check", lang, True, lambda: _check(out, probe, p, lang))
    if wants[3]:
        _try(out, "--slope", lang, True, lambda: _slope(out, probe, inputs, args, cell, p, lang))
    return out


def _try(out, what, lang, say, compute):
    try:
        compute()
    except ProbeError as exc:
        if say:
            out.views.append(Note(what, str(exc), lang))


def _jacobian(out, probe, grads, shapes, outputs, explicit, p, lang):
    if probe.refusal:
        raise ProbeError(probe.refusal)
    if not explicit and sum(int(np.prod(s, dtype=int)) for s in shapes.values()) > MAX_JACOBIAN:
        return
    jac, v = probe.jacobian()
    seeded = [r for r in outputs if r.seed_grad is not None] or outputs[-1:]
    name = seeded[0].label if seeded else None
    if not explicit and any(j.size > MAX_JACOBIAN for j in jac.values()):
        return
    out.jacobian, out.v = jac, v
    out.views.append(JacobianView(jac, v, name, grads, shapes, precision=p, lang=lang))


def _hessian(out, probe, shapes, outputs, p, lang):
    if sum(int(np.prod(s, dtype=int)) for s in shapes.values()) > 16:
        raise ProbeError("the Hessian is shown for inputs of up to 16 elements in all")
    out.hessian = probe.hessian()
    name = outputs[-1].label if outputs else None
    out.views.append(HessianView(out.hessian, [n for n, _ in probe.inputs], shapes, name, precision=p, lang=lang))


def _check(out, probe, p, lang):
    out.check = probe.check()
    out.views.append(CheckView(out.check, precision=p, lang=lang))


def _slope(out, probe, inputs, args, cell, p, lang):
    """f over the slider's range with the tangent (one scalar input), or contours and the gradient arrow (two)."""
    from .views.sliders import slider_specs
    scalars = [(n, a) for n, a in inputs if a.size == 1]
    if len(scalars) != len(inputs) or len(inputs) not in (1, 2):
        raise ProbeError("the slope picture is drawn for one or two scalar inputs")
    specs, _ = slider_specs(inputs, getattr(args, "range_map", {}) or {})
    ticks = [np.linspace(s.min, s.max, TANGENT_POINTS if len(specs) == 1 else CONTOUR_POINTS) for s in specs]
    key = (cell, tuple(n for n, _ in inputs), tuple((s.min, s.max) for s in specs))
    grid = _GRIDS.get(key)
    if grid is None:
        grid = probe.grid([(k, None, t) for k, t in enumerate(ticks)])
        if len(_GRIDS) > 16:
            _GRIDS.pop(next(iter(_GRIDS)))
        _GRIDS[key] = grid
    here = [np.array(a, np.float64) for _, a in inputs]
    fx = probe.value_at(here)
    g = [float(np.sum(a)) for a in probe.autograd64()]
    x = [float(a.reshape(())) for a in here]   # (an input of shape (1,) is one scalar too)
    if len(inputs) == 1:
        svg = tangent_svg(ticks[0], grid, x[0], fx, g[0], inputs[0][0], precision=p, lang=lang)
    else:
        svg = contour_svg(ticks[0], ticks[1], grid, x[0], x[1], g[0], g[1], [n for n, _ in inputs],
                          precision=p, lang=lang)
    out.views.append(SlopeView(svg))
