"""What the 218th probe (deep-learning theory notebooks: empirical NTK by jacrev + vmap + functional_call, kernel
regression, lazy training, Hessian spectra, gradient flow, minimum-norm least squares, double descent, signal
propagation) found, checked against PyTorch: a matrix product whose inner sizes differ inside vmap. PyTorch's batch
rule runs one matmul on the whole batch, so its message shows the batch: folded into the rows of one mm or mv
(a layer's input batched, contiguous), or one bmm over the batch (both sides batched, a batch element that is not
contiguous, a batch of matrices on the right), and a batch of vectors on the right of mv is a matrix in one mm."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''from torch.func import vmap, functional_call
import torch.nn.functional as F
def attempt(f, *args, **kwargs):
    try:
        out = vmap(f, **kwargs)(*args)
        print("ok", out.shape)
    except Exception as e:
        print(type(e).__name__, e)
W = torch.arange(32.0).reshape(16, 2) / 10
'''

CELLS = {
    "linear_layer_with_the_wrong_features_under_vmap": [
        TRY + '''attempt(lambda x: F.linear(x, W), torch.ones(3, 5))
attempt(lambda x: F.linear(x.unsqueeze(0), W, torch.zeros(16)), torch.ones(3, 5))
attempt(lambda x: F.linear(x, W, torch.zeros(16)), torch.ones(3, 4, 5))
attempt(lambda x: x @ W.T, torch.ones(3, 4, 5))
attempt(lambda x: torch.mm(x, W.T), torch.ones(3, 4, 5))
attempt(lambda x: torch.addmm(torch.zeros(16), x, W.T), torch.ones(2, 4, 5))''',
        '''net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
params = {k: v.detach() for k, v in net.named_parameters()}
attempt(lambda p, x: functional_call(net, p, (x.unsqueeze(0),)), params, torch.ones(5, 3), in_dims=(None, 0))
attempt(lambda p, x: functional_call(net, p, (x,)), params, torch.ones(5, 3), in_dims=(None, 0))
attempt(lambda x: net(x), torch.ones(4, 7, 3))'''],
    "matrix_product_of_a_batch_that_does_not_fold": [
        TRY + '''attempt(lambda x: torch.mm(x, W.T), torch.ones(4, 3, 5), in_dims=1)
attempt(lambda x: torch.mm(x, W.T.requires_grad_()), torch.ones(4, 3, 5), in_dims=1)
X = torch.ones(5, 2)
attempt(lambda x: F.linear(x.unsqueeze(0), W), X[:, :1].T)
attempt(lambda x: F.linear(x, W), torch.ones(3, 8)[:, :5])'''],
    "matrix_product_batched_on_the_right_or_both": [
        TRY + '''attempt(lambda w: torch.mm(torch.ones(4, 5), w), torch.ones(3, 2, 16))
attempt(lambda w: torch.mm(torch.ones(4, 5, requires_grad=True), w), torch.ones(3, 2, 16))
attempt(lambda x, w: torch.mm(x, w), torch.ones(3, 4, 5), torch.ones(3, 2, 16))
attempt(lambda x, w: F.linear(x, w), torch.ones(3, 5), torch.ones(3, 16, 2))'''],
    "matrix_vector_product_under_vmap": [
        TRY + '''attempt(lambda x: torch.mv(x, torch.ones(2)), torch.ones(3, 4, 5))
attempt(lambda x: torch.mv(x, torch.ones(2)), torch.ones(4, 3, 5), in_dims=1)
attempt(lambda v: torch.mv(W, v), torch.ones(3, 5))
attempt(lambda v: W @ v, torch.ones(3, 5))
attempt(lambda x, v: torch.mv(x, v), torch.ones(3, 4, 5), torch.ones(3, 2))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe218_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
