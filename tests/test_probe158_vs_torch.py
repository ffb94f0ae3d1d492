"""What the hundred-and-fifty-eighth probe (the Examples blocks of the torch.nn documentation pages for padding,
pixel shuffle, fold / unfold, upsampling, LP / fractional max pooling, max unpooling, local response norm, group /
instance / layer / RMS norm, Identity, Bilinear, Flatten / Unflatten, cosine similarity and pairwise distance, and
torch.nn.utils' vector and sequence helpers) found, each checked against PyTorch: max_unpool's "Found an invalid max
index" names the index ATen's kernel keeps (the last bad one of the first thread's chunk that has one, after
at::parallel_for cut the flat indices into one chunk per thread), not the first bad one; and torch.rand / randn
given a keyword neither overload takes (the named-tensor docs example ``torch.randn(2, 50, names=('N',
'features'))``) raise the parser's "invalid combination of arguments" listing every keyword in its order (a
missing size first), not Python's "unexpected keyword argument"."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "max_unpool_invalid_index_named_as_aten": [
        ATTEMPT + '''import torch.nn.functional as F
threads = torch.get_num_threads()
pool = torch.nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = torch.nn.MaxUnpool2d(2, stride=2)
output, indices = pool(torch.arange(1.0, 21.0).view(1, 1, 4, 5))
print(indices)
torch.set_num_threads(2)
attempt(lambda: unpool(output, indices))
attempt(lambda: F.max_unpool2d(torch.ones(1, 1, 2, 2), torch.tensor([[[[0, 0], [99, 50]]]]), 2))
attempt(lambda: F.max_unpool1d(torch.ones(1, 1, 4), torch.tensor([[[1, 0, 9, 8]]]), 2))
attempt(lambda: F.max_unpool3d(torch.ones(1, 1, 1, 2, 2), torch.tensor([[[[[0, 1], [70, -2]]]]]), 2))
torch.set_num_threads(1)
attempt(lambda: unpool(output, indices))
attempt(lambda: F.max_unpool2d(torch.ones(1, 1, 2, 2), torch.tensor([[[[99, 0], [0, 50]]]]), 2))
attempt(lambda: F.max_unpool1d(torch.ones(1, 1, 3), torch.tensor([[[9, 0, 7]]]), 2))
attempt(lambda: F.max_unpool2d(torch.ones(2, 3, 2, 2), torch.arange(24).view(2, 3, 2, 2) * 3 % 20, 2))
torch.set_num_threads(threads)
print(torch.get_num_threads() == threads)
''',
    ],
    "rand_randn_unknown_keywords": [
        ATTEMPT + '''attempt(lambda: torch.randn(2, 50, names=('N', 'features')))
attempt(lambda: torch.randn((2, 50), names=('N', 'features')))
attempt(lambda: torch.randn(2, foo=1, dtype=None))
attempt(lambda: torch.randn(size=(2,), names=None))
attempt(lambda: torch.rand(2, 3, requires_grad=False, names=('a', 'b')))
attempt(lambda: torch.randn(names=None))
attempt(lambda: torch.rand(names=None, dtype=torch.float64))
attempt(lambda: torch.randn(2, generator=None, bar=2))
attempt(lambda: torch.rand(2, generator=torch.Generator(), bar=2))
torch.manual_seed(0)
print(torch.randn(2, 3, dtype=torch.float64), torch.rand(size=(2,), requires_grad=True))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe158_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe158/{name}", warns="per_cell")
