"""What the two-hundred-and-ninth probe (mechanistic-interpretability lessons written by hand: an attention-only
transformer from nn.Parameter and einsum, hook caches, activation and path patching, induction scores from offset
diagonals, direct logit attribution, a sparse autoencoder with dead-latent resampling) found, each checked against
PyTorch. A diagonal taken with an offset is a view that starts inside its base, and storage_offset() says where
(it said 0: the view was an as_strided copy of np.diagonal's layout, whose base hid the storage). A whole-tensor
float sum of more than ATen's grain (32768 values) is ATen's two-pass reduction: the values cut into one block per
thread (min(threads, ceil(n / grain)) blocks), each block's cascade sum put in its thread's slot of a zeroed
buffer, the buffer summed again; it was numpy's pairwise sum, so a loss or a mean over a big activation buffer
printed other last digits."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "offset_diagonal_view_reports_its_storage_offset": ['''x = torch.arange(2 * 3 * 13 * 13.).reshape(2, 3, 13, 13)
for args in [(-5, 2, 3), (5, 2, 3), (-5, -1, -2), (0, 2, 3), (2, 0, 1), (-1, 0, 1)]:
    d = x.diagonal(*args)
    print(args, d.shape, d.stride(), d.storage_offset(), d.data_ptr() - x.data_ptr(), d.is_contiguous())
y = torch.arange(12.).reshape(3, 4)
print(x.diagonal(20, 2, 3).shape, x.diagonal(20, 2, 3).storage_offset())
print(y.t().diagonal(-1).storage_offset(), y[1:].diagonal(1).storage_offset(), torch.diagonal(y, 2).storage_offset())
print(y.diagonal(-1).untyped_storage().data_ptr() == y.untyped_storage().data_ptr())
'''],
    "offset_diagonal_view_writes_through_and_backprops": ['''A = torch.zeros(3, 4)
A.diagonal(1).add_(1)
A.diagonal(-1).fill_(2)
print(A, A.diagonal(-2).storage_offset(), A.diagonal(-2)._base is A)
torch.manual_seed(0)
w = torch.randn(2, 5, 5, requires_grad=True)
p = w.softmax(-1)
d = p.diagonal(-2, -2, -1)
print(d.storage_offset(), d.grad_fn)
d.mean().backward()
print(w.grad[0])
'''],
    "whole_tensor_sum_past_the_grain_is_two_passes": ['''g = torch.Generator().manual_seed(0)
for n in (32768, 32769, 65536, 100000, 262144):
    x = torch.randn(n, generator=g)
    print(n, x.sum().item().hex(), x.mean().item().hex(), x.double().sum().item().hex())
'''],
    "whole_tensor_sum_follows_the_thread_count": ['''g = torch.Generator().manual_seed(1)
x = torch.randn(300001, generator=g)
n = torch.get_num_threads()
try:
    for t in (1, 2, 3, 4):
        torch.set_num_threads(t)
        print(t, x.sum().item().hex(), x.reshape(-1, 1).mean().item().hex())
finally:
    torch.set_num_threads(n)
'''],
    "all_dims_listed_and_dense_permuted_sums_past_the_grain": ['''g = torch.Generator().manual_seed(2)
a = torch.randn(40000, 3, generator=g)
print(a.sum((0, 1)).item().hex(), a.t().sum().item().hex(), a.sum(dim=(1, 0), keepdim=True))
b = torch.randn(70001, 1, generator=g)
print(b.sum(0).item().hex(), b.sum(0).shape, b.sum(0, keepdim=True).shape, b.mean(0).item().hex())
c = torch.randn(4096, 2, 6, generator=g)
print(c.sum((0, 1, 2)).item().hex(), c.pow(2).sum().item().hex(), c.mean().item().hex())
'''],
    "loss_over_a_big_activation_buffer_and_its_gradient": ['''torch.manual_seed(3)
acts = torch.randn(512, 8, 16)
W = torch.randn(16, 16, requires_grad=True)
recon = acts @ W
loss = (recon - acts).pow(2).mean()
print([v.item().hex() for v in (loss, torch.nn.functional.mse_loss(recon, acts),
                                torch.nn.functional.l1_loss(recon, acts))])
loss.backward()
print(W.grad[0, :4], W.grad.sum())
print(torch.einsum("bpd,de->bpe", acts, W).sum().item().hex(), recon.detach().abs().sum().item().hex())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe209_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe209", name=name)
