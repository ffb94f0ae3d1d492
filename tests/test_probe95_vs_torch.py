"""What the ninety-fifth probe (Rao & McMahan's "Natural Language Processing with PyTorch", chapters 1-8: tensor
basics, the Perceptron and activations, surname MLP/CNN, embeddings, Elman RNN, char GRU, NMT with attention) found,
each checked against PyTorch: PReLU on a 0-d input (a single shared weight applies to it; only a weight per
channel refuses it with "Not allow zero-dim input tensor."), and torch.prelu / Tensor.prelu, which went to the
kernel without F.prelu's checks (a weight per channel of dim 1, the weight's ndim, the dtypes, a float weight's
TypeError, integer inputs' NotImplementedError, a 0-d result for a 0-d input)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "prelu_of_a_zero_dim_input": [
        ATTEMPT + '''m = torch.nn.PReLU()
x = torch.tensor(-3.0, requires_grad=True)
y = m(x)
y.backward()
print(y, y.shape, m.weight.grad, x.grad)
w = torch.tensor(0.25, requires_grad=True)
y = torch.nn.functional.prelu(torch.tensor(-2.0), w)
y.backward()
print(y, w.grad)
attempt(lambda: torch.nn.functional.prelu(torch.tensor(-1.0), torch.tensor([0.5, 1.0])))
attempt(lambda: torch.nn.functional.prelu(torch.tensor(-1.0), torch.ones(1, 1)))
attempt(lambda: torch.nn.functional.prelu(torch.tensor(1.0), torch.tensor([0.5, 1.0], dtype=torch.float64)))
''',
    ],
    "torch_prelu_and_the_method_check_as_F_prelu": [
        ATTEMPT + '''x = -torch.ones(2, 3, 2)
for make in [
        lambda: torch.prelu(torch.ones(2, 3), torch.tensor([0.25, 0.5])),
        lambda: torch.ones(2, 3).prelu(torch.tensor([0.25, 0.5])),
        lambda: torch.prelu(x, torch.tensor([1., 2., 3.])),
        lambda: x.prelu(weight=torch.tensor([1., 2., 3.])),
        lambda: torch.prelu(x, torch.tensor([1., 2., 3.]).double()),
        lambda: torch.prelu(x, torch.ones(1, 1)),
        lambda: torch.prelu(torch.tensor(-1.), torch.tensor([2., 3.])),
        lambda: torch.prelu(torch.tensor(-1.), torch.tensor([2.])),
        lambda: torch.tensor(-1.).prelu(torch.tensor([2.])),
        lambda: torch.prelu(x, 0.5),
        lambda: torch.nn.functional.prelu(x, 0.5),
        lambda: torch.prelu(torch.ones(2, 3).long(), torch.tensor([1, 2, 3])),
        lambda: torch.nn.functional.prelu(torch.ones(2).int(), torch.tensor([1], dtype=torch.int32)),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe95(name):
    assert_same_as_pytorch(CELLS[name], name=name)
