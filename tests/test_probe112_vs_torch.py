"""What the hundred-and-twelfth probe (spiking neural networks as snnTorch's tutorials write them in plain torch:
LIF and synaptic neurons stepped in Python loops, surrogate spikes as custom autograd Functions, rate and latency
coding, losses over time steps, BPTT with Adam) found, each checked against PyTorch: Function.apply binds its
arguments as PyTorch does. With a setup_context, apply binds them to forward's signature and fills in the defaults
(setup_context's ``inputs`` and ``ctx.needs_input_grad`` hold every positional parameter; a missing, extra or
unknown argument is inspect's TypeError: "missing a required argument: 'alpha'"). Keywords that remain (all of them
without a setup_context) are placed at the positions of forward's parameters after ctx, as PyTorch's C++ apply
does: they count as inputs (a tensor given by keyword gets a gradient edge and a needs_input_grad entry), and a
keyword-only or ``**kwargs`` parameter, a duplicate or a gap is its own TypeError ("forward() got an unexpected
keyword argument 'x'", "forward() got multiple values for argument 'b'", "forward() missing required argument:
'b' (position 1)")."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''def spiking(forward, setup=None):
    """A surrogate-spike Function made from a forward (and a setup_context); backward prints needs_input_grad."""
    def backward(ctx, g):
        print("needs_input_grad", ctx.needs_input_grad)
        return (g * 0.5,) + (None,) * (len(ctx.needs_input_grad) - 1)
    attrs = {"forward": staticmethod(forward), "backward": staticmethod(backward)}
    if setup is not None:
        attrs["setup_context"] = staticmethod(setup)
    return type("Spike", (torch.autograd.Function,), attrs)

mem = torch.tensor([-0.5, 0.25], requires_grad=True)
def run(make):
    mem.grad = None
    try:
        out = make()
        print("ok", out)
        if out.requires_grad:
            out.sum().backward()
            print(mem.grad)
    except Exception as e:
        print(type(e).__name__, e)
'''

CELLS = {
    "setup_context_binds_defaults": [
        SETUP + '''def setup(ctx, inputs, output):
    print("inputs", len(inputs), inputs[1:])
    m, alpha, scale = inputs
    ctx.alpha = alpha
Spike = spiking(lambda m, alpha=2.0, scale=1.0: (m > 0).float() * scale, setup)
for make in [lambda: Spike.apply(mem), lambda: Spike.apply(mem, 3.0), lambda: Spike.apply(mem, alpha=4.0),
             lambda: Spike.apply(mem, scale=torch.tensor(2.0)), lambda: Spike.apply(m=mem),
             lambda: Spike.apply(scale=2.0, m=mem, alpha=1.0)]:
    run(make)
''',
    ],
    "setup_context_binding_errors": [
        SETUP + '''def setup(ctx, inputs, output):
    m, alpha = inputs
Spike = spiking(lambda m, alpha: (m > 0).float(), setup)
KwOnly = spiking(lambda m, *, alpha=2.0: (m > 0).float(), lambda ctx, inputs, output: None)
VarKw = spiking(lambda m, alpha=2.0, **kw: (m > 0).float(), lambda ctx, inputs, output: None)
for make in [lambda: Spike.apply(mem), lambda: Spike.apply(), lambda: Spike.apply(mem, 1.0, 2.0),
             lambda: Spike.apply(mem, slope=1.0), lambda: Spike.apply(mem, 1.0, alpha=2.0), lambda: KwOnly.apply(mem),
             lambda: KwOnly.apply(mem, alpha=3.0), lambda: VarKw.apply(mem, 1.0, beta=2.0), lambda: VarKw.apply(mem)]:
    run(make)
''',
    ],
    "keywords_become_positional_inputs": [
        SETUP + '''Spike = spiking(lambda ctx, m, slope=25.0, c=2.0: (m > 0).float() * c)
w = torch.tensor(3.0, requires_grad=True)
for make in [lambda: Spike.apply(mem), lambda: Spike.apply(mem, slope=5.0), lambda: Spike.apply(slope=5.0, m=mem),
             lambda: Spike.apply(mem, 1.0, c=w), lambda: Spike.apply(mem.detach(), c=w), lambda: Spike.apply(m=mem)]:
    run(make)
print(w.grad)
''',
    ],
    "keyword_errors_of_the_c_apply": [
        SETUP + '''Spike = spiking(lambda ctx, m, b=1.0, c=2.0: (m > 0).float())
Star = spiking(lambda ctx, m, *rest, c=2.0: (m > 0).float())
Kw = spiking(lambda ctx, m, b=1.0, **kw: (m > 0).float())
for make in [lambda: Spike.apply(mem, c=5.0), lambda: Spike.apply(c=5.0, m=mem), lambda: Spike.apply(b=1.0),
             lambda: Spike.apply(mem, 1.0, b=2.0), lambda: Spike.apply(mem, 1.0, e=1, b=2),
             lambda: Spike.apply(mem, c=2, e=1), lambda: Spike.apply(mem, 1, 2, c=1), lambda: Spike.apply(mem, ctx=1),
             lambda: Star.apply(mem, 1, 2), lambda: Star.apply(mem, c=3.0), lambda: Kw.apply(mem, z=5),
             lambda: Kw.apply(mem, b=3.0)]:
    run(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe112_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe112/{name}", warns="per_cell")
