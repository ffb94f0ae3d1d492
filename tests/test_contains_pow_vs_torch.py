"""``element in x`` and ``**`` with operands that are not numbers, checked against PyTorch: ``x in x`` is whether
any element equals (PyTorch's Tensor.__contains__; before, Python iterated and met "Boolean value of Tensor with
more than one value is ambiguous"), a list or None is its RuntimeError (before, False); ``x ** [1, 2]`` and
``[1, 2] ** x`` are Python's "unsupported operand type(s) for ** or pow()" (before, "'<' not supported between
instances of 'list' and 'int'"); a complex base over a real tensor, ``(2+1j) ** x``, is complex with one
PowBackward2 node (before, float() refused the complex number)."""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

CELLS = {
    "contains_and_pow": ["""import numpy as np
x = torch.tensor([1., 2.])
CASES = ["x in x", "torch.tensor(1.) in x", "3 in x", "2 in x", "1.0 in x", "True in x", "np.float32(2) in x",
         "torch.tensor([[1., 2.]]) in x", "[1] in x", "None in x", "'a' in x", "x ** (1, 2)", "x ** None", "x ** 'a'",
         "[1, 2] ** x", "pow(x, [1, 2])", "x.__pow__([1, 2])", "x ** np.array([1., 2.])", "2 ** x",
         "x ** torch.tensor(2)", "np.float64(2) ** x", "x ** np.float32(2)", "x ** 1j", "(1+0j) ** x",
         "(1+0j) ** torch.tensor([1, 2])", "(1+0j) ** x.double()"]
""" + EVAL_CASES,
                         """x = torch.tensor([1., 2.], requires_grad=True)
y = (2+1j) ** x
print(y, y.grad_fn.next_functions)
y.abs().sum().backward()
print(x.grad)"""],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_contains_and_pow_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
