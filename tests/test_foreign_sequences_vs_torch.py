"""torch.tensor / as_tensor of a sequence that is not a list (a pandas Series or DataFrame, a user class with
__len__ and __getitem__) read as PyTorch reads one, checked against PyTorch: item by item with [i] (a Series gives
numpy float64 scalars by index but Python floats when iterated: PyTorch's tensor is float64), and an item 0 that
cannot be read (a DataFrame's df[0] is a column lookup) is PyTorch's "could not determine the shape" ValueError,
while a later item's error is the item's own."""
from helpers import assert_same_as_pytorch

CLASSES = '''import numpy as np
class SeriesLike:
    """What a pandas Series does: numpy scalars by index, Python numbers when iterated."""
    def __init__(self, values):
        self.values = np.asarray(values)
    def __len__(self):
        return len(self.values)
    def __getitem__(self, i):
        return self.values[i]
    def __iter__(self):
        return iter(self.values.tolist())
class FrameLike:
    """What a pandas DataFrame does: [0] is a lookup of a column named 0; iterating gives the column names."""
    def __len__(self):
        return 3
    def __getitem__(self, key):
        raise KeyError(key)
    def __iter__(self):
        return iter(["a", "b"])
class BadSecond:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i:
            raise KeyError(i)
        return 1.0
'''

CASES = '''for c in ["torch.tensor(SeriesLike([1.0, 2.5]))", "torch.tensor(SeriesLike(np.array([1.5, 2.0], np.float32)))",
          "torch.tensor(SeriesLike([1, 2]))", "torch.tensor(SeriesLike([True, False]))", "torch.as_tensor(SeriesLike([1.0]))",
          "torch.tensor([SeriesLike([1.0, 2.0]), SeriesLike([3.0, 4.0])])", "torch.tensor(SeriesLike([1.0, 2.0]), dtype=torch.float32)",
          "torch.tensor(FrameLike())", "torch.tensor([FrameLike()])", "torch.as_tensor(FrameLike())", "torch.tensor(BadSecond())"]:
    try:
        r = eval(c)
        print(c, "->", r, r.dtype)
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
'''


def test_foreign_sequences_match_pytorch():
    assert_same_as_pytorch([CLASSES, CASES], corpus="learner_errors", name="foreign_sequences")
