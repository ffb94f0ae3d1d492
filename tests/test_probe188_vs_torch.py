"""What the 188th probe (the TorchScript, torch.jit deployment and torch.compile tutorials) found, each checked
against PyTorch: torch.jit.trace of modules and functions (the traced module's classes and what it prints, its
outputs and gradients, the TracerWarnings of Python values taken out of tensors and of a list output, the tracer's
errors for a dict or a non-tensor output, a branch fixed at trace time), torch.jit.script of torch.nn's modules
(RecursiveScriptModule, a scripted Sequential's items), torch.jit.save / torch.jit.load in a temp dir and the
loaded copy keeping the saved weights, ignore / unused, and compiling a function whose __module__ is None.
Functions are defined in a namespace with ``__name__ = "__main__"``, as in a notebook (PyTorch names a traced
function by its module)."""
import pytest

from helpers import assert_same_as_pytorch, require

TRY = '''def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
'''

CELL = '''class MyCell(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(4, 4)

    def forward(self, x, h):
        new_h = torch.tanh(self.linear(x) + h)
        return new_h, new_h

class Gate(torch.nn.Module):
    def forward(self, x):
        if x.sum() > 0:
            return x
        return -x
'''

CELLS = {
    "trace_module_prints_and_runs": [
        CELL + '''torch.manual_seed(0)
cell = MyCell()
x, h = torch.rand(3, 4), torch.rand(3, 4)
tc = torch.jit.trace(cell, (x, h))
print(tc)
print(type(tc).__name__, type(tc).__module__, type(tc.linear).__name__, tc.linear)
print(isinstance(tc, torch.jit.ScriptModule), [n for n, _ in tc.named_parameters()])
out = tc(x, h)
print(type(out).__name__, out[0], out[0].grad_fn.name(), torch.equal(out[0], cell(x, h)[0]))''',
        '''xg = torch.rand(3, 4, requires_grad=True)
o, _ = tc(xg, h)
o.sum().backward()
print(xg.grad, cell.linear.bias.grad, tc.linear.weight is cell.linear.weight)''',
    ],
    "trace_fixes_a_branch_with_tracer_warning": [
        CELL + '''torch.set_warn_always(True)
g = Gate()
tg = torch.jit.trace(g, torch.tensor([1.0, 2.0]))
neg = torch.tensor([-1.0, -2.0])
print(tg(neg), g(neg), tg)''',
        '''def scale(x):
    return x * x.sum().item()
ts = torch.jit.trace(scale, (torch.ones(3),))
print(ts(torch.tensor([1.0, 2.0, 3.0])), type(ts).__name__, ts.name)
th = torch.jit.trace(lambda x: x / float(x.max()) + int(x.min()), torch.tensor([2.0, 4.0]))
print(th(torch.tensor([1.0, 10.0])))''',
    ],
    "trace_output_checks": [
        TRY + '''attempt(lambda: torch.jit.trace(lambda x: {"out": x}, (torch.ones(2),)))
attempt(lambda: torch.jit.trace(lambda x: x.tolist(), (torch.ones(2),)))
attempt(lambda: torch.jit.trace(lambda x: x, 3))
pair = torch.jit.trace(lambda x: [x, x + 1], (torch.ones(2),))
print(pair(torch.zeros(2)))''',
    ],
    "script_builtin_modules": [
        '''torch.manual_seed(2)
seq = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
import warnings
with warnings.catch_warnings():   # (PyTorch warns its DeprecationWarning twice here: not imitated)
    warnings.simplefilter("ignore")
    s = torch.jit.script(seq)
x = torch.rand(3, 4)
print(s, type(s).__name__, type(s).__module__, s[0], len(s))
print(s(x), torch.equal(s(x), seq(x)), s.original_name)
s.eval()
print(s.training, s[0].training)''',
    ],
    "jit_save_load_round_trip": [
        CELL + TRY + '''import os, tempfile, io
torch.manual_seed(3)
cell = MyCell()
x, h = torch.rand(3, 4), torch.rand(3, 4)
tc = torch.jit.trace(cell, (x, h))
d = tempfile.mkdtemp()
p = os.path.join(d, "cell.pt")
torch.jit.save(tc, p)
with torch.no_grad():
    cell.linear.bias.fill_(1.0)
m = torch.jit.load(p)
print(m, type(m).__name__, type(m.linear).__name__)
print(m(x, h)[0].detach(), torch.equal(tc(x, h)[0], cell(x, h)[0]))
buf = io.BytesIO()
torch.jit.save(torch.jit.script(torch.nn.Linear(2, 2)), buf)
buf.seek(0)
print(torch.jit.load(buf))
attempt(lambda: torch.jit.save(MyCell(), os.path.join(d, "eager.pt")))
attempt(lambda: torch.jit.load(os.path.join(d, "nope.pt")).__class__ if False else None)
try:
    torch.jit.load(os.path.join(d, "nope.pt"))
except ValueError as e:
    print(e.args[0].replace(d, "<d>"))''',
    ],
    "ignore_unused_and_attributes": [
        '''class M(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 3)

    @torch.jit.ignore
    def debug(self, x):
        return x.abs().max()

    @torch.jit.unused
    def train_only(self, x):
        return x * 0

    def forward(self, x):
        return torch.tanh(self.lin(x))

torch.manual_seed(4)
m = M()
tm = torch.jit.trace(m, (torch.randn(2, 3),))
print(m.debug(torch.tensor([-3.0, 1.0])), m.train_only(torch.ones(1)))
for name in ("debug", "train_only"):
    try:
        getattr(tm, name)
    except AttributeError as e:
        print(e)
print(torch.jit.is_scripting(), torch.jit.is_tracing(), issubclass(torch.jit.TracerWarning, Warning))''',
    ],
}

# cells that define functions without a module (exec() with no __name__): PyTorch refuses to compile them
NO_MODULE = [TRY + '''def f(a):
    return a * 2
attempt(lambda: torch.jit.trace(f, (torch.ones(2),)))
attempt(lambda: torch.jit.script(f))
attempt(lambda: torch.jit.trace(lambda x: x + 1, (torch.ones(2),)))''']


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe188_matches_pytorch(name):
    real = require("torch")
    import autograd_magic.torch as ours
    ns = ({"torch": ours, "__name__": "__main__"}, {"torch": real, "__name__": "__main__"})
    assert_same_as_pytorch(CELLS[name], name=name, ns=ns, warns="per_cell")


def test_probe188_function_without_module():
    assert_same_as_pytorch(NO_MODULE, name="function_without_module")
