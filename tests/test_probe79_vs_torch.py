"""What the seventy-ninth probe (Karpathy's build-nanogpt train_gpt2.py at tiny sizes: the GPT-2 module, autocast,
torch.set_float32_matmul_precision('high'), gradient accumulation, clip_grad_norm_, top-k sampling with a generator,
the HellaSwag evaluation and from_pretrained's weight copies) found, each checked against PyTorch:
set_float32_matmul_precision warns (each time, ATen's text) for an unknown precision and keeps the setting instead
of raising, and refuses a non-str with PyTorch's RuntimeError; torch.autocast, get_autocast_dtype,
is_autocast_available and is_autocast_enabled give c10::Device's own errors for a bad device string ("Expected one
of cpu, cuda, ... device type at start of device string: gpu", "Device string must not be empty"), autocast asks
for the default dtype before checking the device type as PyTorch does, get_autocast_dtype has ATen's per-device
defaults (mps float16; meta, lazy, vulkan: "unsupported scalarType"); torch.cuda.is_bf16_supported exists (False)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "matmul_precision_unknown_values_warn": [
        ATTEMPT + '''import warnings
print(torch.get_float32_matmul_precision())
for p in ['high', 'fast', 'HIGH', 'medium', 'bogus', 1, None, 'highest']:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        attempt(lambda: torch.set_float32_matmul_precision(p))
    print(p, torch.get_float32_matmul_precision(), [str(x.message) for x in w], [x.category.__name__ for x in w])
''',
    ],
    "autocast_device_strings": [
        ATTEMPT + '''for d in ['gpu', 'CPU', '', 'cuda0', 'cpu:01', 'meta', 'vulkan', 'lazy']:
    attempt(lambda: torch.autocast(d))
    attempt(lambda: torch.autocast(device_type=d, dtype=torch.bfloat16) and None)
    attempt(lambda: torch.amp.is_autocast_available(d))
    attempt(lambda: torch.get_autocast_dtype(d))
    attempt(lambda: torch.is_autocast_enabled(d))
''',
    ],
    "autocast_default_dtypes_and_bf16_support": [
        ATTEMPT + '''for d in ['cpu', 'cuda', 'xpu', 'hpu', 'xla', 'ipu', 'mps', 'mtia', 'maia', 'privateuseone', 'cuda:1']:
    attempt(lambda: torch.get_autocast_dtype(d))
attempt(lambda: torch.cuda.is_bf16_supported())
attempt(lambda: torch.cuda.is_bf16_supported(including_emulation=False))
dtype = torch.bfloat16 if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else torch.float32
print(dtype)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe79_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
