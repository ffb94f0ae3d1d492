"""What the eighty-third probe (course homework that checks a hand-written implementation against torch: CMU
11-785's numpy "mytorch" layers, CNNs, RNN/GRU cells and CTC; the MNIST-1D notebooks of Prince's "Understanding
Deep Learning") found, each checked against PyTorch: a None in a basic index (x_train[:, None, :], the notebooks'
way of adding the channel dim) gives the new dim PyTorch's unsqueeze stride (the size times the stride of the dim it
goes before, 1 at the end) where numpy puts 0, also when nothing records a graph, and Tensor.unsqueeze takes the
same rule where numpy's reshape differs (x.t().unsqueeze(2) is (1, 6, 1)), both views keeping their storage offset;
empty_like and the other *_like of a dense tensor copy its strides exactly (size-1 dims included); F.ctc_loss checks its targets as
ATen's ctc_loss_allocate_outputs does and in its order (a targets' dims, concatenated targets of exactly the
lengths' sum, one padded row per sequence, negative lengths, before the input lengths), and an unbatched
(T, C) input's 1-d targets are read as concatenated, not as one padded row; conv_transpose1d's output_padding
error names the height dim of the 2-d convolution ATen runs; F.batch_norm in evaluation mode without running
statistics (and F.instance_norm with use_input_stats=False) raise ATen's error first, not an AttributeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "none_index_strides": [
        '''x = torch.zeros(200, 40)
for rg in [False, True]:
    x = torch.zeros(6, 4, requires_grad=rg)
    e = x.expand(2, 6, 4)
    print(x[:, None, :].stride(), x[:, None].stride(), x[None].stride(), x[..., None].stride())
    print(e[:, None].stride(), x.t()[None, :, None].stride(), x[1:, None][None].stride(), x[None, None].stride())
    print(x[None, 1].stride(), x[:, None, 1].stride(), x[None, ::2].stride(), x[2:5, None, ::2].stride())
    print(torch.zeros(3)[:, None].stride(), torch.zeros(())[None].stride(), x[:, None].is_contiguous())
    print(x.t().unsqueeze(2).stride(), x.t().unsqueeze(-1).stride(), x.t()[..., None].stride(), x.t().unsqueeze(1).stride())
    print(x[:, ::2].unsqueeze(2).stride(), x.t().unsqueeze(2).is_contiguous(), x.t().unsqueeze(2).t().is_contiguous())
''',
        '''x = torch.arange(6.).view(2, 3)
v = x[:, None]
v[1, 0, 2] = 10.
print(x, v._base is x, v.data_ptr() == x.data_ptr(), v.stride(), v.clone().stride(), v.contiguous().stride())
x_train = torch.randn(8, 40)
conv = torch.nn.Conv1d(1, 2, 3)
print(conv(x_train[:, None, :]).shape, x_train[:, None, :].stride(), x_train.unsqueeze(1).stride())
x = torch.arange(12.).view(3, 4)
for v in [x[1:, None, ::2], x.t()[1:, None], x[:, 1:].unsqueeze(2), x.t().unsqueeze(2), x[1][None], x.t()[None, 2:, None]]:
    print(v.storage_offset(), v.stride(), v.untyped_storage().nbytes(), v._base is x._base, v.data_ptr() - x.data_ptr())
e = torch.arange(3.).expand(4, 3)
print(e[:, None].stride(), e.unsqueeze(2).stride(), e.t()[..., None].stride())
for dt in [torch.bfloat16, torch.complex64, torch.bool, torch.int64]:
    b = torch.ones(2, 3, dtype=dt).t()
    print(dt, b.unsqueeze(2).stride(), b[:, :, None].stride())
''',
        '''y = torch.arange(6.).view(2, 3).t()[:, :, None]
for f in [torch.empty_like, torch.zeros_like, torch.ones_like, torch.rand_like, torch.randn_like,
          lambda t: torch.full_like(t, 2), lambda t: torch.empty_like(t, dtype=torch.float64),
          lambda t: torch.zeros_like(t, memory_format=torch.preserve_format), lambda t: torch.empty_like(t.unsqueeze(0)),
          lambda t: torch.empty_like(t.permute(2, 0, 1)), lambda t: t + t, lambda t: t.exp(), lambda t: t * torch.ones(1)]:
    print(f(y).stride())
''',
    ],
    "ctc_loss_target_checks": [
        ATTEMPT + '''torch.manual_seed(0)
lp = torch.randn(6, 2, 4).log_softmax(2)
lp1 = torch.randn(6, 4).log_softmax(1)
T = torch.tensor
for make in [
        lambda: torch.nn.functional.ctc_loss(lp, T([1, 2, 3, 1, 2]), T([6, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([1, 2, 3]), T([6, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([1, 2, 3]), T([7, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([[1, 2, 3]]), T([7, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([[1, 2, 3], [1, 1, 1], [1, 1, 1]]), T([6, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([[1, 2, 3], [1, 1, 1]]), T([6, -1]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([[1, 2, 3], [1, 1, 1]]), T([6, 6]), T([2, -1])),
        lambda: torch.nn.functional.ctc_loss(lp, T([1, 2, 3]), T([6, 6]), T([-1, 4])),
        lambda: torch.nn.functional.ctc_loss(lp, T([[[1, 2, 3], [1, 1, 1]]]), T([6, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T(1), T([6, 6]), T([2, 2])),
        lambda: torch.nn.functional.ctc_loss(lp, T([[1, 2, 3], [1, 1, 1]]), T([6, 6]), T([2, 4])),
        lambda: torch.nn.CTCLoss(reduction="none")(lp, T([1, 2, 3, 1]), (6, 5), (3, 1)),
        lambda: torch.nn.functional.ctc_loss(lp1, T([1, 2, 3]), T(6), T(2)),
        lambda: torch.nn.functional.ctc_loss(lp1, T([1, 2, 3]), T(6), T(3)),
        lambda: torch.nn.functional.ctc_loss(lp1, T([[1, 2, 3]]), T([6]), T([2])),
        lambda: torch.nn.functional.ctc_loss(lp1, T([[1, 2], [1, 2]]), T([6]), T([2])),
        lambda: torch.nn.functional.ctc_loss(lp1, T([1, 2]), [6], [2], reduction="none"),
]:
    attempt(make)
''',
        '''torch.manual_seed(0)
lp = torch.randn(6, 4).log_softmax(1).requires_grad_()
loss = torch.nn.functional.ctc_loss(lp, torch.tensor([1, 2, 2]), torch.tensor(6), torch.tensor(3), reduction="sum")
loss.backward()
print(loss, lp.grad.sum(1).abs().max() < 1e-6, lp.grad[:2])
''',
    ],
    "norms_without_running_stats": [
        ATTEMPT + '''torch.manual_seed(0)
F = torch.nn.functional
x = torch.randn(4, 3)
for make in [
        lambda: F.batch_norm(x, None, None, training=False),
        lambda: F.batch_norm(x, torch.zeros(3), None),
        lambda: F.batch_norm(x, None, torch.ones(3), training=False),
        lambda: F.batch_norm(x, None, None, torch.ones(2), training=False),
        lambda: F.batch_norm(x.int(), None, None, training=False),
        lambda: F.batch_norm(x[:1], None, None, training=False),
        lambda: F.batch_norm(x[:0], None, None, training=False),
        lambda: F.batch_norm(x, torch.zeros(3), None, torch.ones(3, dtype=torch.float64), training=False),
        lambda: F.batch_norm(x.double().requires_grad_(), None, torch.ones(3), training=False),
        lambda: F.batch_norm(x, None, None, training=True).shape,
        lambda: F.instance_norm(torch.randn(2, 3, 4), None, None, use_input_stats=False),
        lambda: F.instance_norm(torch.randn(2, 3, 4), torch.zeros(3), None, use_input_stats=False),
        lambda: F.instance_norm(torch.randn(2, 3, 4), torch.zeros(3), torch.ones(3), use_input_stats=False).shape,
        lambda: torch.nn.BatchNorm1d(3, track_running_stats=False).eval()(x).shape,
]:
    attempt(make)
''',
    ],
    "conv_transpose_output_padding_errors": [
        ATTEMPT + '''torch.manual_seed(0)
x1, x2, x3 = torch.randn(1, 2, 4), torch.randn(1, 2, 4, 4), torch.randn(1, 2, 3, 3, 3)
F = torch.nn.functional
for make in [
        lambda: F.conv_transpose1d(x1, torch.randn(2, 3, 3), stride=2, output_padding=2),
        lambda: F.conv_transpose1d(x1, torch.randn(2, 3, 3), output_padding=1),
        lambda: torch.nn.ConvTranspose1d(2, 3, 3, stride=2, output_padding=3, dilation=3)(x1),
        lambda: torch.nn.ConvTranspose1d(2, 3, 3, stride=2, output_padding=1, dilation=3)(x1).shape,
        lambda: F.conv_transpose2d(x2, torch.randn(2, 3, 3, 3), stride=(2, 1), output_padding=(1, 1)),
        lambda: F.conv_transpose3d(x3, torch.randn(2, 3, 3, 3, 3), stride=2, output_padding=(1, 2, 1)),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe83_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe83/{name}", warns="per_cell")
