"""What the seventy-second probe (d2l.ai's NLP applications: sentiment analysis with a bidirectional LSTM and a
textCNN, decomposable attention for NLI, fine-tuning a small BERT-like encoder, fastText-style subword embeddings
through nn.EmbeddingBag and GloVe's weighted least squares loss) found, each checked against PyTorch:
nn.EmbeddingBag / F.embedding_bag's per_sample_weights get their gradient (the dot product of the bag's gradient
with each index's row; 0 where padding_idx or include_last_offset left the index out), an EmbeddingBagBackward0
with an edge to them; include_last_offset ends the last bag at the last offset (the indices after it are in no
bag; offsets [0] give no bags); per_sample_weights of another dtype than the weight are ATen's "same type" error;
their shape mismatch prints torch.Size; F.embedding_bag(weight, input) warns about the old argument order and
swaps them; and a sum bag's gradient under create_graph=True no longer fails."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''from torch import nn
import torch.nn.functional as F
torch.manual_seed(0)
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
off = torch.tensor([0, 4])
'''

CELLS = {
    "per_sample_weights_gradient": [
        SETUP + '''w = torch.rand(8, requires_grad=True)
bag = nn.EmbeddingBag(10, 3, mode='sum', padding_idx=2)
out = bag(inp, off, per_sample_weights=w)
(out * torch.arange(3.)).sum().backward()
print(w.grad)
print(bag.weight.grad)
print(out.grad_fn.next_functions[1][0].__class__.__name__)
''',
        SETUP + '''w = torch.rand(2, 4, requires_grad=True)
weight = torch.randn(10, 3)
out = F.embedding_bag(inp.reshape(2, 4), weight, mode='sum', per_sample_weights=w)
out.pow(2).sum().backward()
print(w.grad, out.grad_fn.next_functions)
w2 = torch.rand(8, requires_grad=True)
o = F.embedding_bag(inp, weight, torch.tensor([0, 3, 3, 6]), mode='sum', per_sample_weights=w2,
                    include_last_offset=True)
o.sum().backward()
print(o, w2.grad)
''',
        SETUP + '''w = torch.rand(8, requires_grad=True)
weight = torch.randn(10, 3, requires_grad=True)
out = F.embedding_bag(inp, weight, off, mode='sum')
g, = torch.autograd.grad(out.pow(2).sum(), weight, create_graph=True)
print(g.requires_grad, g[:3])
''',
    ],
    "include_last_offset_and_checks": [
        SETUP + '''bag = nn.EmbeddingBag(10, 3, mode='sum', include_last_offset=True)
print(bag(inp, torch.tensor([0, 3, 3, 5])))
print(bag(inp, torch.tensor([0])))
print(nn.EmbeddingBag(10, 3, mode='mean', include_last_offset=True)(inp, torch.tensor([0, 2, 6])))
print(nn.EmbeddingBag(10, 3, mode='max', include_last_offset=True)(inp, torch.tensor([0, 2, 6])))
weight = torch.randn(10, 3)
for w, pad in [(weight, None), (weight.double(), None), (weight, 0)]:
    print(F.embedding_bag(inp, w, torch.tensor([0, 3, 3, 6]), mode='sum', include_last_offset=True, padding_idx=pad)[2])
''',
        SETUP + '''w = torch.rand(8, requires_grad=True)
bag = nn.EmbeddingBag(10, 3, mode='sum')
attempt(lambda: bag(inp, off, per_sample_weights=w[:5]))
attempt(lambda: bag(inp, off, per_sample_weights=w.double()))
attempt(lambda: bag(inp.reshape(2, 4), per_sample_weights=w))
attempt(lambda: F.embedding_bag(bag.weight, inp, off, mode='sum'))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe72_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe72/{name}", warns="per_cell")
