"""What the fifty-seventh probe (autoregressive generative models: MADE masks from randperm / arange, PixelCNN's
masked convolutions and pixel-by-pixel sampling, WaveNet's causal F.pad, mu-law targets and 256-way
cross_entropy) found, each checked against PyTorch: F.pad's arguments parsed as torch._C._nn.pad parses them (pad a
tuple of ints, never a bare int; mode a str; value a float; input a tensor); reflection and replication padding
refuse an empty non-batch dimension and bool tensors (after the checks of sizes), as ATen does; torch.multinomial
and exponential_ in float16 and bfloat16 (the double draw rounded through float; the cumulative sum of a sampling
with replacement in float), multinomial's out= (int64 only, written into); the factories' dtype= against out='s
(check_out_type_matches), out= of arange / linspace / logspace / eye written into (arange's resize warning and
same-size out kept in shape), and the name aten::<factory> in the out= autograd refusal; randperm of complex
dtypes refused; nll_loss / cross_entropy of a 1-d input with a 1-d target of size other than 1; nn.Module.to a
complex dtype (PyTorch's warning, complex and floating tensors cast); torch.nn.utils.prune an AttributeError until
imported."""
import os
import subprocess
import sys

import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''import torch.nn as nn
import torch.nn.functional as F
x = torch.arange(6.).view(1, 1, 6)
'''

CELLS = {
    "pad_arguments_as_the_parser_reads_them": [
        SETUP + '''for make in [lambda: F.pad(x, 2), lambda: F.pad(x, 1.5), lambda: F.pad(x, None), lambda: F.pad(x, 'ab'),
             lambda: F.pad(x, torch.tensor([1, 0])), lambda: F.pad(x, (1, 0), 'constant', 1 + 2j),
             lambda: F.pad(x, (1, 0), 'constant', 'a'), lambda: F.pad(x, (1, 0), 'constant', torch.tensor([2.])),
             lambda: F.pad(x, (1, 0), 'reflect', 1 + 2j), lambda: F.pad(x, (1, 0), 3), lambda: F.pad(x, (1, 0), None),
             lambda: F.pad([1.0, 2.0], (1, 0)), lambda: F.pad(x, (1, 0), 'constant', torch.tensor(2.)),
             lambda: F.pad(x, (1, torch.tensor(2)), value=2), lambda: F.pad(x, [1, 0], 'constant', True)]:
    attempt(make)'''],
    "reflect_and_replicate_refuse_empty_dims_and_bool": [
        SETUP + '''for mode in ('reflect', 'replicate', 'circular'):
    for shape, p in [((1, 1, 0), (1, 0)), ((1, 0, 3), (1, 0)), ((0, 1, 3), (1, 0)), ((0, 3), (1, 0)), ((2, 0), (1, 0)),
                     ((1, 1, 0, 3), (1, 0, 1, 0)), ((1, 0, 2, 3), (1, 0, 1, 0)), ((0, 1, 2, 3), (1, 0, 1, 0)),
                     ((1, 1, 1, 2, 0), (1, 0, 1, 0, 1, 0)), ((1, 1, 0), (1, 0, 0, 0, 0, 0))]:
        attempt(lambda: F.pad(torch.ones(shape), p, mode=mode).shape)''',
        '''b = x.bool()
for mode in ('reflect', 'replicate', 'circular'):
    attempt(lambda: F.pad(b, (1, 0), mode=mode))
    attempt(lambda: F.pad(b.view(1, 1, 2, 3), (1, 0, 1, 0), mode=mode))
    attempt(lambda: F.pad(b.view(1, 1, 1, 2, 3), (1, 0, 1, 0, 0, 0), mode=mode))
attempt(lambda: F.pad(b, (6, 0), mode='reflect'))
attempt(lambda: F.pad(b, (-7, 0), mode='replicate'))
attempt(lambda: nn.ReflectionPad1d(1)(b))
attempt(lambda: nn.ReplicationPad2d(1)(torch.ones(1, 1, 0, 2)))
attempt(lambda: F.pad(b, (2, 0)))'''],
    "multinomial_in_half_and_bfloat16": [
        SETUP + '''torch.manual_seed(0)
p = torch.rand(3, 7)
for dt in (torch.float16, torch.bfloat16):
    torch.manual_seed(1)
    print(torch.multinomial(p.to(dt), 4), torch.multinomial(p.to(dt), 5, replacement=True))
    print(torch.multinomial(p[0].to(dt), 1), torch.distributions.Categorical(probs=p.to(dt)).sample())
    torch.manual_seed(2)
    print(torch.empty(6, dtype=dt).exponential_(), torch.empty(3, dtype=dt).exponential_(2.5))
    attempt(lambda: torch.multinomial(torch.tensor([0.5, float('nan')], dtype=dt), 1))
    attempt(lambda: torch.multinomial(torch.zeros(2, dtype=dt), 1, True))
    attempt(lambda: torch.multinomial(torch.tensor([0.5, -1.0], dtype=dt), 2, True))'''],
    "multinomial_out": [
        SETUP + '''torch.manual_seed(0)
p = torch.rand(2, 5)
o = torch.empty(3, dtype=torch.long)
r = torch.multinomial(p, 2, out=o)
print(r is o, o)
attempt(lambda: torch.multinomial(p, 1, out=torch.empty(2, 1)))
attempt(lambda: torch.multinomial(p, 1, out=torch.empty(2, 1, dtype=torch.int32)))
attempt(lambda: torch.multinomial(torch.zeros(2, 5), 1, out=torch.empty(1)))
attempt(lambda: torch.multinomial(p, 0, out=torch.empty(1)))
attempt(lambda: torch.multinomial(p.long(), 1, out=torch.empty(1)))
attempt(lambda: torch.multinomial(p, 1, replacement=True, out=o))'''],
    "factories_dtype_against_out": [
        SETUP + '''f32, i64 = torch.empty(2), torch.empty(2, dtype=torch.long)
for make in [lambda: torch.zeros(2, dtype=torch.float64, out=f32), lambda: torch.ones(2, dtype=torch.float16, out=f32),
             lambda: torch.full((2,), 3, dtype=torch.float64, out=f32), lambda: torch.empty(2, dtype=torch.int32, out=f32),
             lambda: torch.rand(2, dtype=torch.float64, out=f32), lambda: torch.randn(2, dtype=torch.float64, out=f32),
             lambda: torch.randint(3, (2,), dtype=torch.int32, out=i64), lambda: torch.randperm(2, dtype=torch.int32, out=i64),
             lambda: torch.arange(2, dtype=torch.float64, out=f32), lambda: torch.linspace(0, 1, 2, dtype=torch.float64, out=f32),
             lambda: torch.logspace(0, 1, 2, dtype=torch.float64, out=f32), lambda: torch.eye(2, dtype=torch.float64, out=f32),
             lambda: torch.zeros(-1, dtype=torch.float64, out=f32), lambda: torch.eye(-1, dtype=torch.float64, out=f32),
             lambda: torch.zeros(2, dtype=torch.float32, out=f32)]:
    attempt(make)'''],
    "out_of_arange_linspace_logspace_eye": [
        SETUP + '''def into(make, out):
    r = make(out)
    print(r is out, out)
into(lambda o: torch.linspace(0, 1, 3, out=o), torch.zeros(3))
into(lambda o: torch.linspace(0, 1, 3, out=o), torch.zeros(2, dtype=torch.float64))
into(lambda o: torch.linspace(0, 4, 3, out=o), torch.zeros(3, dtype=torch.long))
into(lambda o: torch.logspace(0, 2, 3, out=o), torch.zeros(3, dtype=torch.int32))
into(lambda o: torch.eye(2, 3, out=o), torch.zeros(3))
into(lambda o: torch.eye(2, out=o), torch.zeros(2, 2, dtype=torch.bool))
into(lambda o: torch.arange(3, out=o), torch.zeros(3))
into(lambda o: torch.arange(3, out=o), torch.zeros(1, 3))
into(lambda o: torch.arange(3, out=o), torch.zeros(0))
into(lambda o: torch.arange(5, out=o), torch.zeros(2, 3))
into(lambda o: torch.arange(0.5, 3, out=o), torch.zeros(3, dtype=torch.float64))
into(lambda o: torch.arange(3, out=o), torch.zeros(3, dtype=torch.uint8))'''],
    "factory_out_that_requires_grad": [
        SETUP + '''z = lambda: torch.zeros(3, requires_grad=True)
for make in [lambda: torch.rand(3, out=z()), lambda: torch.zeros(3, out=z()), lambda: torch.full((3,), 2., out=z()),
             lambda: torch.randperm(3, out=z()), lambda: torch.linspace(0, 1, 3, out=z()), lambda: torch.eye(3, out=z()),
             lambda: torch.arange(3, out=z()), lambda: torch.randint(3, (3,), out=z())]:
    attempt(make)'''],
    "randperm_of_complex": [
        SETUP + '''for dt in (torch.complex64, torch.complex128, torch.bool):
    attempt(lambda: torch.randperm(4, dtype=dt))
torch.manual_seed(0)
print(torch.randperm(4, dtype=torch.float16), torch.randperm(4, dtype=torch.int16))'''],
    "nll_loss_of_one_distribution": [
        SETUP + '''torch.manual_seed(0)
v = torch.randn(4)
for make in [lambda: F.cross_entropy(v, torch.tensor([1, 2])), lambda: F.nll_loss(v, torch.tensor([1, 2])),
             lambda: F.nll_loss(v, torch.tensor([], dtype=torch.long)), lambda: F.nll_loss(v, torch.tensor([1, 2]).byte()),
             lambda: F.nll_loss(v, torch.tensor([9, 2])), lambda: F.nll_loss(v, torch.tensor([1, 2]), weight=torch.ones(3)),
             lambda: F.nll_loss(v, torch.tensor([1., 2.])), lambda: nn.CrossEntropyLoss()(v, torch.tensor([1, 2])),
             lambda: F.cross_entropy(v, torch.tensor([1])), lambda: F.cross_entropy(v, torch.tensor(1)),
             lambda: F.nll_loss(v, torch.tensor([[1, 2]]))]:
    attempt(make)'''],
    "module_to_a_complex_dtype": [
        SETUP + '''lin = nn.Linear(2, 2)
lin.register_buffer('mask', torch.ones(2, 2).bool())
lin.register_buffer('scale', torch.ones(2))
r = lin.to(torch.complex64)
print(r is lin, lin.weight.dtype, lin.bias.dtype, lin.mask.dtype, lin.scale.dtype, type(lin.weight).__name__)
lin.to(torch.complex128)
print(lin.weight.dtype)
lin.double()
print(lin.weight.dtype, lin.scale.dtype)
attempt(lambda: lin.to(torch.int64))
attempt(lambda: lin.to(torch.bool))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe57_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe57", name=name)


PRUNE = """import torch.nn as nn
try:
    nn.utils.prune
except AttributeError as e:
    print(e)
import torch.nn.utils.prune as prune
lin = nn.Linear(3, 2)
prune.custom_from_mask(lin, 'weight', torch.tensor([[1., 0, 1], [0, 1, 1]]))
print(nn.utils.prune is prune, list(lin.state_dict()), [n for n, _ in lin.named_buffers()])
"""


def test_prune_is_imported_by_its_own_import():
    """torch.nn.utils does not import prune: nn.utils.prune is an AttributeError until ``import
    torch.nn.utils.prune`` (each side in a fresh process, the cell run as run_cells / run_ours run it: an earlier
    import in the process would hide the difference)."""
    pytest.importorskip("torch")
    here = os.path.dirname(os.path.abspath(__file__))
    outputs = []
    for run in ("import torch; got = run_cells(cells, torch)", "got = run_ours(cells)"):
        code = (f"import sys; sys.path.insert(0, {here!r}); from helpers import run_cells, run_ours\n"
                f"cells = [{PRUNE!r}]\n{run}\nprint(repr(got))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout)
    want, got = outputs
    assert "has no attribute 'prune'" in want
    assert got == want
