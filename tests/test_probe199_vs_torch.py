"""What the hundred-and-ninety-ninth probe (recommender-system lessons: embeddings, EmbeddingBag over user
histories, negative sampling, evaluation) found, each checked against PyTorch. A float32 EmbeddingBag sum or mean
runs fbgemm's kernel over one chunk of bags per thread (at::parallel_for): an item id outside the table is named
("Index i of input takes value v ...") when a chunk's walk meets it from the chunk's start, and offsets that go
down fail the kernel's own checks; the other kernels (float64, max, padding_idx) put each index in the bag
offset2bag gives it (how many offsets are at or before it), and a mean or max's offset2bag fails on an offset
past the input. scale_grad_by_freq divides each group of the sorted indices by the count of the index at the
group's number as a position in the sorted indices (ATen's loop), and a sparse gradient refuses it at backward;
per_sample_weights are added with fused multiply-adds and their gradient is a BLAS dot per entry; padding_idx's
entries take part in the sort that orders the weight gradient's additions; under create_graph the gradients are
nodes of their own (EmbeddingBagBackwardBackward0, NotImplemented) that refuse a second backward."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "bad_item_id_in_a_later_bag_of_the_first_chunk_is_named": ['''torch.manual_seed(0)
W = torch.randn(10, 3)
history = torch.tensor([1, 2, 4, 5, 14, 3, 2, 9])
for offs in ([0, 2, 5, 6], [0, 2, 4, 6], [0, 5], [0, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 7]):
    for mode in ("sum", "mean"):
        try:
            print(torch.nn.functional.embedding_bag(history, W, torch.tensor(offs), mode=mode).shape)
        except RuntimeError as e:
            print(offs, mode, e)
print(torch.get_num_threads())
'''],
    "bad_item_id_with_one_thread": ['''torch.manual_seed(0)
W = torch.randn(10, 3)
history = torch.tensor([1, 2, 4, 5, 14, 3, 2, 9])
n = torch.get_num_threads()
torch.set_num_threads(1)
try:
    for offs in ([0, 2, 5, 6], [0, 2, 4, 6], [0, 5, 3]):
        try:
            print(torch.nn.functional.embedding_bag(history, W, torch.tensor(offs), mode="sum").shape)
        except RuntimeError as e:
            print(offs, e)
finally:
    torch.set_num_threads(n)
'''],
    "offsets_going_down_fail_fbgemm_checks": ['''torch.manual_seed(0)
W = torch.randn(10, 3, requires_grad=True)
items = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
for mode in ("sum", "mean"):
    for offs in ([0, 5, 3], [0, 5, 3, 6], [0, 3, 2, 7], [0, 6, 6, 2], [0, 8, 1], [0, 9, 3], [0, 5, 3, 4]):
        for last in (False, True):
            try:
                out = torch.nn.functional.embedding_bag(items, W, torch.tensor(offs), mode=mode,
                                                        include_last_offset=last)
                print(mode, offs, last, out.shape)
            except RuntimeError as e:
                print(mode, offs, last, e)
'''],
    "offsets_going_down_in_a_float64_sum_bag_as_offset2bag": ['''torch.manual_seed(0)
W = torch.randn(10, 3, dtype=torch.float64, requires_grad=True)
items = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
for offs in ([0, 5, 3], [0, 3, 2, 7], [0, 6, 6, 2], [0, 8, 1], [0, 5, 3, 4]):
    out = torch.nn.functional.embedding_bag(items, W, torch.tensor(offs), mode="sum")
    print(out)
    out.sum().backward()
    print(W.grad.sum(1))
    W.grad = None
'''],
    "offset_past_the_input_in_mean_and_max_offset2bag": ['''W = torch.randn(10, 3)
items = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
for mode in ("mean", "max"):
    for last in (False, True):
        try:
            torch.nn.functional.embedding_bag(items, W, torch.tensor([0, 9, 3]), mode=mode, include_last_offset=last)
        except Exception as e:
            print(mode, last, type(e).__name__, e)
bag = torch.nn.EmbeddingBag(10, 3, mode="mean")
try:
    bag(items, torch.tensor([0, 12, 8]))
except Exception as e:
    print(type(e).__name__, e)
'''],
    "scale_grad_by_freq_follows_atens_sorted_walk": ['''torch.manual_seed(0)
for mode in ("sum", "mean"):
    bag = torch.nn.EmbeddingBag(6, 2, mode=mode, scale_grad_by_freq=True)
    print(bag)
    bag(torch.tensor([0, 0, 1, 3, 3, 3, 5]), torch.tensor([0, 2, 4])).sum().backward()
    print(bag.weight.grad)
for dt in (torch.float32, torch.float64):
    W = torch.randn(12, 3, dtype=dt, requires_grad=True)
    idx = torch.randint(0, 12, (40,))
    psw = torch.rand(40, dtype=dt)
    for mode, pad, p in (("sum", None, None), ("sum", 3, psw), ("mean", None, None), ("mean", 3, None)):
        out = torch.nn.functional.embedding_bag(idx, W, torch.tensor([0, 7, 7, 20, 33]), mode=mode,
                                                scale_grad_by_freq=True, per_sample_weights=p, padding_idx=pad)
        (out * torch.randn(out.shape, dtype=dt)).sum().backward()
        print(dt, mode, pad, [v.hex() for v in W.grad.view(-1).tolist()])
        W.grad = None
'''],
    "scale_grad_by_freq_with_sparse_gradients_fails_at_backward": [
        '''bag = torch.nn.EmbeddingBag(6, 2, scale_grad_by_freq=True, sparse=True)
out = bag(torch.tensor([0, 0, 1]), torch.tensor([0, 2]))
print(out.shape)
try:
    out.sum().backward()
except RuntimeError as e:
    print(e)
try:
    torch.nn.EmbeddingBag(6, 2, mode="max", scale_grad_by_freq=True)(torch.tensor([[0, 1]]))
except ValueError as e:
    print(e)
'''],
    "per_sample_weights_forward_fma_and_backward_dot": ['''torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for d in (2, 3, 17, 64):
        W = torch.randn(6, d, dtype=dt, requires_grad=True)
        idx = torch.tensor([1, 2, 2, 5, 0, 4, 4])
        psw = torch.rand(7, dtype=dt, requires_grad=True)
        for pad in (None, 4):
            o = torch.nn.functional.embedding_bag(idx, W, torch.tensor([0, 2, 5]), mode="sum",
                                                  per_sample_weights=psw, padding_idx=pad)
            print(dt, d, pad, [v.hex() for v in o.view(-1).tolist()][:8])
            o.backward(torch.randn(3, d, dtype=dt))
            print([v.hex() for v in psw.grad.tolist()], W.grad.sum().item().hex())
            psw.grad = W.grad = None
'''],
    "padding_idx_bags_weight_gradient_bits": ['''torch.manual_seed(0)
W = torch.randn(12, 3, requires_grad=True)
idx = torch.randint(0, 12, (40,))
for mode in ("sum", "mean"):
    out = torch.nn.functional.embedding_bag(idx, W, torch.tensor([0, 7, 7, 20, 33]), mode=mode, padding_idx=3)
    (out * torch.randn(out.shape)).sum().backward()
    print(mode, [v.hex() for v in W.grad.view(-1).tolist()])
    W.grad = None
bag = torch.nn.EmbeddingBag(30, 4, mode="mean", padding_idx=0)
hist = torch.randint(0, 30, (6, 9))
hist[:, 5:] = 0
(bag(hist) * torch.randn(6, 4)).sum().backward()
print([v.hex() for v in bag.weight.grad.view(-1).tolist()])
'''],
    "create_graph_gradients_are_nodes_that_refuse_a_second_backward": [
        '''torch.manual_seed(0)
W = torch.randn(6, 2, requires_grad=True)
idx = torch.tensor([1, 2, 2, 5, 0])
offs = torch.tensor([0, 2])
psw = torch.rand(5, requires_grad=True)
for mode in ("sum", "mean", "max"):
    o = torch.nn.functional.embedding_bag(idx, W, offs, mode=mode)
    g, = torch.autograd.grad(o.pow(2).sum(), W, create_graph=True)
    print(mode, g.grad_fn.name(), g)
    try:
        g.sum().backward()
    except RuntimeError as e:
        print(type(e).__name__, e)
o = torch.nn.functional.embedding_bag(idx, W, offs, mode="sum", per_sample_weights=psw)
gw, gp = torch.autograd.grad(o.pow(2).sum(), (W, psw), create_graph=True)
print(gw.grad_fn.name(), gp.grad_fn.name(), gp)
try:
    gp.sum().backward()
except RuntimeError as e:
    print(e)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe199(name):
    assert_same_as_pytorch(CELLS[name], name=name)
