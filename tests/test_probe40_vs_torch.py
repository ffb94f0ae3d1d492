"""What the fortieth probe (a learner's wrong call of a Tensor method) found, each checked against PyTorch: the
method's arguments are PyTorch's parser's to refuse, in its wording. A method of no arguments called with one
(``x.t(0)``, ``x.relu(1)`` ...: ``TensorBase.t() takes no arguments (1 given)``), too many arguments for a parsed
method (``x.mul(x, x)``, ``x.float(1)``, which the engine took), none where one is required (``x.reshape()``,
``x.expand()``, ``x.repeat()``, ``x.add()``), an unknown keyword (``x.matmul(dims=0)``), a wrong-typed first
argument (``x.index_select(None)``), and the Python-level ``Tensor.backward`` and ``Tensor.type``
(``x.backward(1, 2, 3, 4, 5, 6)``, ``x.type(1)``).

The parser's errors of methods (engine/method_errors.py) run only compiled, like torch/argument_errors.py's of
torch.* functions: without the build those cases are skipped, and fail under AUTOGRAD_MAGIC_REQUIRE_ALL=1 (CI)."""
import pytest

from autograd_magic.engine import method_errors
from helpers import EVAL_CASES, REQUIRE_ALL, assert_same_as_pytorch

SETUP = '''x = torch.arange(6.).reshape(2, 3)
'''

ANY_BUILD = {
    "python_level_methods": [SETUP + '''CASES = ["x.backward(1, 2, 3, 4, 5, 6)", "x.type(1)", "x.type([1])", "x.type(torch.DoubleTensor).dtype",
    "x.type('torch.IntTensor').dtype", "x.type(torch.float64).dtype", "x.type()"]
''' + EVAL_CASES],
}

COMPILED = {
    "no_argument_methods": [SETUP + '''CASES = ["x.t(0)", "x.relu(1)", "x.exp(2)", "x.sigmoid(1)", "x.neg(1, 2)",
    "x.tanh(dim=0)", "x.sqrt(None)", "x.log('a')", "x.ceil([1])", "x.is_floating_point(1)"]
''' + EVAL_CASES],
    "too_many_arguments": [SETUP + '''CASES = ["x.double(1)", "x.half(1)", "x.mul(x, x)", "x.matmul(x.t(), x)",
    "x.requires_grad_(True, True)", "x.index_add(1, 2, 3, 4, 5, 6, 7)", "x.add(x, 1, 2)",
    "x.contiguous(1)", "x.cfloat(1)", "x.float()", "x.double().dtype", "x.half(memory_format=torch.preserve_format).dtype", "x.requires_grad_(False).requires_grad"]
''' + EVAL_CASES],
    "missing_arguments": [SETUP + '''CASES = ["x.reshape()", "x.expand()", "x.repeat()", "x.add()", "x.sub()",
    "x.new_full((2,))", "x.masked_select()", "x.expand_as()", "x.pow()", "x.fill_()", "x.reshape(3, 2).shape",
    "x.expand(2, 2)", "x.repeat(2, 1).shape", "x.permute(1, 0).shape"]
''' + EVAL_CASES],
    "wrong_keywords_and_types": [SETUP + '''CASES = ["x.matmul(dims=0)", "x.float_power(dims=0)", "x.prelu(dim=0, axis=1)",
    "x.multinomial(dim=0, axis=1)", "x.bernoulli_(None)", "x.mode('a')", "x.addmm('a')", "x.index_add([1])",
    "x.resize_as_([1])", "x.index_select(None)", "x.index_select('a', x)", "x.reshape(None)", "x.expand((2, 3), 4)",
    "x.add(x, zz=1)", "x.mul(x, alpha=2)", "x.roll(1, dim=0).shape"]
''' + EVAL_CASES],
}


@pytest.mark.parametrize("name", sorted(ANY_BUILD))
def test_python_level_methods_match_pytorch(name):
    assert_same_as_pytorch(ANY_BUILD[name], corpus="learner_errors", name=name, warns="per_cell")


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_method_argument_errors_match_pytorch(name):
    if method_errors.__file__.endswith(".py"):
        if REQUIRE_ALL:
            pytest.fail("engine/method_errors.py is not compiled (tools/build_compiled.py)")
        pytest.skip("engine/method_errors.py is not compiled (tools/build_compiled.py)")
    assert_same_as_pytorch(COMPILED[name], corpus="learner_errors", name=name, warns="per_cell")
