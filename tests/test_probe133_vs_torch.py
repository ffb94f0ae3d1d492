"""What the hundred-and-thirty-third probe (Japanese-language courses: the Matsuo-Iwasawa lab's DL基礎講座 MLP, RNN /
LSTM / attention and VAE / GAN exercises, PyTorch実践入門 chapters 3-8, Qiita / Zenn posts on autograd and on the
errors learners meet) found, each checked against PyTorch: the order in which masked_fill and masked_scatter check
their arguments. Out of place, both broadcast the mask against self first (the mask is tensor "a" of the error),
so an attention mask of the wrong shape that is also an int tensor reports the shapes, not the dtype; then the
in-place op runs on the copy: masked_fill_ checks the value's dimensions before the mask's dtype, masked_scatter_
checks source's dtype, then expands the mask to self's shape, then checks the mask's dtype."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''a = torch.randn(2, 3, 4)
def mask(*shape, dtype=torch.int):
    return torch.zeros(*shape, dtype=dtype)
'''

CELLS = {
    "masked_fill_broadcasts_before_checking_the_mask_dtype": [
        SETUP + '''scores = torch.randn(2, 3, 4, requires_grad=True)
pad = torch.tensor([[0, 0, 0, 1, 1], [0, 0, 1, 1, 1]])
attempt(lambda: scores.masked_fill(pad.unsqueeze(1), float("-inf")))
attempt(lambda: torch.masked_fill(a, mask(2, 1, 5), 0.0))
attempt(lambda: a.masked_fill(mask(2, 1, 5, dtype=torch.uint8), 0.0))
attempt(lambda: a.masked_fill(mask(2, 1, 5), torch.tensor(0.0)))
attempt(lambda: a.masked_fill(mask(2, 1, 4), 0.0))
attempt(lambda: a.masked_fill(mask(4, 2, 3, 4), 0.0))
attempt(lambda: a.clone().masked_fill_(mask(2, 1, 5), 0.0))
''',
    ],
    "masked_fill_checks_the_value_before_the_mask": [
        SETUP + '''attempt(lambda: a.masked_fill(mask(2, 1, 4), torch.zeros(2)))
attempt(lambda: a.clone().masked_fill_(mask(2, 1, 4), torch.zeros(2)))
attempt(lambda: a.clone().masked_fill_(mask(2, 1, 5), torch.zeros(2)))
attempt(lambda: a.clone().masked_fill_(mask(2, 1, 5, dtype=torch.bool), torch.zeros(2)))
attempt(lambda: a.masked_fill(mask(2, 1, 5, dtype=torch.bool), torch.zeros(2)))
attempt(lambda: a.masked_fill(mask(3, 1), torch.tensor(1e300, dtype=torch.double)))
attempt(lambda: a.clone().masked_fill_(mask(3, 5, dtype=torch.bool), 1e300))
''',
    ],
    "masked_scatter_order_of_checks": [
        SETUP + '''attempt(lambda: a.masked_scatter(mask(2, 1, 5), a))
attempt(lambda: a.masked_scatter(mask(2, 1, 5), a.double()))
attempt(lambda: a.masked_scatter(mask(2, 1, 4), a.double()))
attempt(lambda: torch.masked_scatter(a, mask(2, 1, 5, dtype=torch.uint8), a))
attempt(lambda: a.clone().masked_scatter_(mask(2, 1, 5), a))
attempt(lambda: a.clone().masked_scatter_(mask(2, 1, 5, dtype=torch.bool), a.double()))
attempt(lambda: a.clone().masked_scatter_(mask(2, 1, 4), a.double()))
attempt(lambda: a.clone().masked_scatter_(mask(2, 1, 4), a))
attempt(lambda: a.clone().masked_scatter_(mask(2, 1, 4, dtype=torch.bool), a).shape)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe133_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe133/{name}", warns="per_cell")
