"""torch.cuda as PyTorch built without CUDA has it: nothing is available, seeding is a no-op, the rest asserts;
``torch.cuda.amp`` holds PyTorch's deprecated spellings of autocast and GradScaler (disabled, as without CUDA)."""
from . import amp  # noqa: F401

_NOT_COMPILED = "Torch not compiled with CUDA enabled"


def is_available():
    return False


def is_bf16_supported(including_emulation=True):
    """No CUDA device, so no bfloat16 on one."""
    return False


def device_count():
    return 0


def is_initialized():
    return False


def manual_seed(seed):
    """No CUDA generator to seed: silently ignored, as in PyTorch."""


def manual_seed_all(seed):
    """No CUDA generator to seed: silently ignored, as in PyTorch."""


def seed():
    pass


def seed_all():
    pass


def empty_cache():
    pass


def _not_compiled(*args, **kwargs):
    raise AssertionError(_NOT_COMPILED)


current_device = get_device_name = get_device_properties = synchronize = set_device = _not_compiled


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.cuda", name)
