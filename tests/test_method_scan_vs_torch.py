"""What a scan of Tensor methods called with no argument or one (0, -1, 1.5) on seven small tensors found against
PyTorch (the twenty-fourth session: 14612 calls, 2627 differing once the bound-method wording "Tensor.abs()" and
"TensorBase.abs()" is set aside). Two kinds are fixed here, each checked against PyTorch:

* the methods the torch layer adds to Tensor (x.lgamma, x.isreal, x.i0_, x.geqrf ...) met Python's own wording
  for a wrong call ("lgamma() takes 1 positional argument but 2 were given"): they now refuse as PyTorch's parser
  does ("TensorBase.lgamma() takes no arguments (1 given)"), as the engine's own methods already did (compiled
  builds only, engine/method_errors.py);
* a bool tensor's fmod by an int (int8 zeros before, PyTorch's int64 remainder now), the split family,
  chunk, tensor_split, unbind and diag_embed of a 0-d tensor, split's negative sizes, vsplit / dsplit's wording,
  quantile's q in C++'s format, mvlgamma and trace of bool;
* in-place remainder_ / floor_divide_ / fmod_ / bitwise_*_ whose result type cannot be cast back are
  refused before the kernel runs (ZeroDivisionError or the kernel's dtype error before);
* bool input to abs / ceil / floor / round / trunc / fix (and their in-place forms), which ATen's kernels
  refuse ("abs_cpu" not implemented for 'Bool'), computed here;
* methods that took what PyTorch's parser refuses and returned a value: x.flip() (dims is required),
  x.new_ones(), x.byte(0), b.logical_and(0), x.prelu(0), x.polygamma(1.5), x.mvlgamma(1.5); and x.broadcast_to
  refused an int or sizes given one by one, which PyTorch takes; then x.matrix_power(1.5), x.gcd(0), x.lcm(2),
  x.inner(0), x.cholesky_inverse(0), x.nanmean(1.5), x.amax(1.5), x.logsumexp(1.5), x.count_nonzero(1.5),
  x.rot90(1.5), x.sum_to_size(), x.polygamma_(1.5), x.mvlgamma_(1.5); x.sum_to_size(size=...) is taken. (Not
  x.cholesky(0), x.qr(0), x.svd(0): a parsing wrapper's frame is where their deprecation warnings would point.)
"""
import pytest

from autograd_magic.engine import method_errors
from helpers import EVAL_CASES, REQUIRE_ALL, assert_same_as_pytorch

SETUP = '''x = torch.arange(6.).view(2, 3) / 4 - 0.5
b = torch.tensor([True, False, True])
'''

ANY_BUILD = {
    "parsed_at_every_call": [SETUP + '''CASES = ["x.flip()", "x.flip(0)", "x.flip(0, 1)", "x.flip((0,))", "x.flip(dims=[1])",
    "x.flip(None)", "x.new_ones()", "x.new_ones(2, 3)", "x.new_ones((2,))", "x.new_zeros([2, 1], dtype=torch.int64)",
    "x.new_ones(2, requires_grad=True)", "x.new_zeros(3.5)", "x.new_ones(size=(1,)).shape",
    "x.new_zeros(torch.Size([2]))", "x.byte(0)", "x.byte()", "x.char(memory_format=torch.preserve_format)",
    "x.short(1)", "b.logical_and(0)", "b.logical_and(b)", "b.logical_and(other=b)", "x.logical_or(x)", "b.logical_xor(torch.tensor(1))",
    "x.prelu(0)", "x.prelu(torch.tensor([0.25]))", "x.polygamma(1.5)", "x.polygamma(1)", "x.mvlgamma(1.5)",
    "(x + 3).mvlgamma(2)"]
''' + EVAL_CASES],
    "broadcast_to_sizes": [SETUP + '''CASES = ["x.broadcast_to(0)", "x.broadcast_to((2, 2, 3)).shape", "x.broadcast_to(2, 3)",
    "x.broadcast_to(size=(4, 2, 3)).shape", "x.broadcast_to([1, 2, 3]).shape", "x.broadcast_to(torch.Size([3, 2, 3])).shape",
    "x.broadcast_to(3)"]
''' + EVAL_CASES],
    "more_parsed_methods": [SETUP + '''i = torch.arange(6).view(2, 3)
A = torch.eye(3) * 2 + torch.ones(3, 3) / 4
CASES = ["A.matrix_power(2)", "A.matrix_power(n=0)", "A.matrix_power(1.5)", "i.gcd(i + 2)", "i.gcd(other=i)", "i.gcd(0)",
    "i.clone().gcd_(i + 4)", "i.lcm(i + 1)", "i.clone().lcm_(i)", "i.lcm(2)", "x[0].inner(x[1])", "x.inner(other=x)",
    "x[0].inner(0)", "A.cholesky_inverse()", "A.cholesky_inverse(upper=False)", "A.cholesky_inverse(0)", "x.nanmean()",
    "x.nanmean(1)", "x.nanmean(dim=0, keepdim=True)", "x.nanmean((0, 1))", "x.nanmean(1.5)", "x.nansum(dtype=torch.float64)",
    "x.nansum(1, True)", "x.amax()", "x.amax(1)", "x.amax(dim=(0, 1))", "x.amax(-1, keepdim=True)", "x.amin(0)",
    "x.amin(1.5)", "x.logsumexp(1)", "x.logsumexp(dim=0, keepdim=True)", "x.logsumexp((0, 1))", "x.logsumexp()",
    "x.count_nonzero()", "x.count_nonzero(1)", "x.count_nonzero(dim=(0, 1))", "x.count_nonzero(1.5)", "x.rot90()",
    "x.rot90(2)", "x.rot90(1, [1, 0])", "x.rot90(k=3, dims=(0, 1))", "x.rot90(1.5)", "x.sum_to_size(1, 3)",
    "x.sum_to_size((2, 1))", "x.sum_to_size(size=(1, 1))", "x.sum_to_size()", "(x + 1).polygamma_(1)",
    "(x + 1).polygamma_(1.5)", "(x + 3).mvlgamma_(2)", "(x + 3).mvlgamma_(p=1)", "x.mvlgamma_(1.5)", "x.nansum(axis=1)",
    "x.amax(axis=0)", "x.logsumexp(axis=1)", "x.nanmean(axis=1, keepdims=True)"]
''' + EVAL_CASES],
    "bool_input_to_rounding_and_abs": [SETUP + '''CASES = ["b.abs()", "b.clone().abs_()", "torch.abs(b)", "torch.absolute(b)",
    "abs(b)", "b.ceil()", "b.floor()", "b.round()", "b.trunc()", "b.fix()", "b.clone().ceil_()", "b.clone().round_()",
    "torch.floor(b)", "torch.round(b, decimals=0)", "torch.trunc(b)", "torch.fix(b)", "torch.tensor([1, -2]).abs()",
    "torch.tensor([1, -2]).ceil()", "torch.tensor([1, -2]).round()", "torch.tensor([-1.5]).abs()"]
''' + EVAL_CASES],
    "splits_and_0d_checks": [SETUP + '''s = torch.tensor(0.5)
v = torch.tensor([1., 2., 3.])
CASES = ["x.split(-1)", "torch.split(x, -1)", "x.split(-2, 1)", "s.split(1)", "torch.split(s, 1)", "s.split([1])",
    "x.split(0)", "s.chunk(0)", "s.chunk(2)", "x.chunk(-1)", "s.tensor_split(2)", "s.tensor_split([1])",
    "s.unsafe_split(1)", "s.unsafe_chunk(2)", "v.vsplit(1)", "v.dsplit(1)", "x.dsplit(1)", "s.hsplit(1)", "s.unbind(-1)",
    "s.unbind(0)", "s.unbind(1)", "s.unbind(-2)", "s.diag_embed()", "s.diag_embed(1)", "s.diag_embed(0, 0, 1)",
    "s.diag_embed(0, -1, 0)", "x.quantile(-1)", "x.quantile(2)", "x.quantile(1.5)", "x.quantile(-0.5)",
    "torch.tensor([True]).mvlgamma(0)", "torch.tensor([True]).mvlgamma(1)", "torch.tensor([1, 2]).mvlgamma(0)",
    "torch.tensor([True, False]).trace()", "torch.eye(2).bool().trace()", "b.fmod(2)", "torch.fmod(b, 2)",
    "b.fmod(torch.tensor(2))", "b.fmod(2.5)", "b.fmod(True)", "torch.fmod(b, b)", "b.fmod(-3)", "b.fmod(0)",
    "torch.arange(4).fmod(3)"]
''' + EVAL_CASES],
    "in_place_result_type_checked_first": [SETUP + '''CASES = ["torch.arange(3).bitwise_and_(1.5)",
    "torch.arange(3).bitwise_xor_(torch.tensor([1.]))", "torch.arange(3).bitwise_or_(2)", "torch.arange(3).bitwise_and_(True)",
    "b.clone().bitwise_and_(b)", "torch.tensor([True]).remainder_(0)", "torch.tensor([True]).floor_divide_(0)",
    "torch.tensor([True]).remainder_(2.5)", "torch.arange(3).remainder_(2.5)", "torch.arange(3).floor_divide_(1.5)",
    "torch.arange(3).fmod_(1.5)", "torch.arange(3).floor_divide_(0)", "torch.arange(3).fmod_(0)",
    "torch.arange(5).remainder_(torch.tensor(2))", "x.clone().remainder_(0.3)", "x.clone().fmod_(2)",
    "torch.tensor([True]).add_(1)", "torch.arange(3).add_(1.5)", "torch.arange(3).eq_(1.5)"]
''' + EVAL_CASES],
}

COMPILED = {
    "torch_layer_methods_of_no_arguments": [SETUP + '''CASES = ["x.isreal(1)", "x.lgamma(1)", "x.lgamma_(0)",
    "x.digamma(1)", "x.digamma_(1)", "x.i0(2)", "x.i0_(2)", "x.geqrf(1)", "b.bitwise_not_(1)", "x.lgamma()",
    "(x + 1).digamma()", "x.i0()", "x.isreal()"]
''' + EVAL_CASES],
}


@pytest.mark.parametrize("name", sorted(ANY_BUILD))
def test_methods_parse_their_arguments_as_pytorch(name):
    assert_same_as_pytorch(ANY_BUILD[name], corpus="learner_errors", name=name, warns="per_cell")


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_torch_layer_methods_refuse_arguments_as_pytorch(name):
    if method_errors.__file__.endswith(".py"):
        if REQUIRE_ALL:
            pytest.fail("engine/method_errors.py is not compiled (tools/build_compiled.py)")
        pytest.skip("engine/method_errors.py is not compiled (tools/build_compiled.py)")
    assert_same_as_pytorch(COMPILED[name], corpus="learner_errors", name=name, warns="per_cell")
