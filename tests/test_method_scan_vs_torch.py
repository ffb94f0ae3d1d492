"""What a scan of Tensor methods called with no argument or one (0, -1, 1.5) on seven small tensors found against
PyTorch (the twenty-fourth session: 14612 calls, 2627 differing once the bound-method wording "Tensor.abs()" and
"TensorBase.abs()" is set aside). Two kinds are fixed here, each checked against PyTorch:

* the methods the torch layer adds to Tensor (x.lgamma, x.isreal, x.i0_, x.geqrf ...) met Python's own wording
  for a wrong call ("lgamma() takes 1 positional argument but 2 were given"): they now refuse as PyTorch's parser
  does ("TensorBase.lgamma() takes no arguments (1 given)"), as the engine's own methods already did (compiled
  builds only, engine/method_errors.py);
* methods that took what PyTorch's parser refuses and returned a value: x.flip() (dims is required),
  x.new_ones(), x.byte(0), b.logical_and(0), x.prelu(0), x.polygamma(1.5), x.mvlgamma(1.5); and x.broadcast_to
  refused an int or sizes given one by one, which PyTorch takes.
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
