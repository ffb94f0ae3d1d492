"""What the hundred-and-twenty-sixth probe (French and German deep-learning course notebooks: CNRS/IDRIS FIDLE's
regression, perceptron, autoencoders, VAE, GAN, sequences and transformers; 'Einführung in Deep Learning mit
PyTorch' tensors and autograd) found, each checked against PyTorch: torch.where with a Python number and a float16
or bfloat16 tensor (an attention mask filled with -1e9 in half precision) casts the number unchecked, an overflow
giving inf, where float32 and the integer types keep the overflow error; and a float literal beyond its dtype's
range (torch.tensor(70000., dtype=torch.float16), torch.tensor([1e39]), torch.Tensor([1e39])) becomes inf
silently, even where a learner's cell shows every warning (warnings.simplefilter("always")), where numpy's
"overflow encountered in cast" RuntimeWarning leaked."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "where_scalar_into_half_precision": [
        ATTEMPT + '''c = torch.tensor([True, False])
for dt in (torch.float16, torch.bfloat16, torch.float32, torch.int8, torch.uint8):
    z = torch.zeros(2, dtype=dt)
    for v in (1e6, -1e9, 1e39, 1000, -1):
        attempt(lambda: torch.where(c, z, v))
        attempt(lambda: torch.where(c, v, z))
    attempt(lambda: z.where(c, -1e9))
torch.manual_seed(0)
scores = torch.randn(2, 3, 3).half()
mask = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
masked = torch.where(mask, -1e9, scores)
print(masked.dtype, masked[0, 0], torch.softmax(masked.float(), dim=-1)[0, 0])
''',
    ],
    "float_literal_overflow_is_silent": [
        '''import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(torch.tensor(70000., dtype=torch.float16), torch.tensor([70000., 1.], dtype=torch.float16))
    print(torch.tensor([1e39]), torch.tensor(1e39), torch.tensor([1e300]).float())
    print(torch.tensor(3e38, dtype=torch.bfloat16), torch.tensor([[1e39, 1.0]], dtype=torch.float32))
    print(torch.as_tensor([70000.], dtype=torch.float16), torch.Tensor([1e39]), torch.HalfTensor([1e6]))
    print(torch.ones(2, dtype=torch.float16).new_tensor([1e6]))
print([(w.category.__name__, str(w.message)) for w in caught])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe126_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe126", name=name)
