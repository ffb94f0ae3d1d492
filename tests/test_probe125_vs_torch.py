"""What the hundred-and-twenty-fifth probe (pytorch/examples as learners paste them: mnist, imagenet's meters and
accuracy, word_language_model, regression, time_sequence_prediction, actor_critic, vae, dcgan, fast_neural_style,
siamese_network, mnist_rnn, forward_forward, gcn/gat) found, checked against PyTorch: torch.spmm / torch.sparse.mm
with a dense first operand and a sparse second one (gcn's GraphConv with its operands swapped) is checked as
torch.mm checks it, ATen's transposed product (sparse.t() @ dense.t()), so a size mismatch is addmm's error, not
the dense mm's "mat1 and mat2 shapes cannot be multiplied"."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''sp = (torch.eye(5) + torch.diag(torch.ones(4), 1)).to_sparse()
x = torch.arange(15.).view(5, 3)
y = torch.arange(15.).view(3, 5)
'''

CELLS = {
    "spmm_dense_first_operand": [
        SETUP + '''for make in [
        lambda: torch.spmm(x, sp),
        lambda: torch.sparse.mm(x, sp),
        lambda: torch.spmm(torch.ones(2, 4), sp),
        lambda: torch.spmm(y, sp),
        lambda: torch.sparse.mm(y, sp),
        lambda: torch.spmm(sp, x),
        lambda: torch.spmm(sp, y),
]:
    attempt(make)
''',
    ],
    "graphconv_with_swapped_operands": [
        SETUP + '''torch.manual_seed(0)
kernel = torch.nn.Parameter(torch.randn(3, 2))
support = torch.mm(x, kernel)
attempt(lambda: torch.spmm(support.t(), sp))
attempt(lambda: torch.spmm(support, sp))
out = torch.spmm(sp, support)
out.sum().backward()
print(out.shape, kernel.grad)
''',
    ],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe125_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
