"""torch.utils.deterministic.fill_uninitialized_memory: whether new memory (torch.empty ...) is filled under
torch.use_deterministic_algorithms(True) (True by default, as PyTorch; engine/determinism.py)."""
import sys
import types

from ...engine import determinism


class _Deterministic(types.ModuleType):
    @property
    def fill_uninitialized_memory(self):
        return determinism.SETTINGS["fill_uninitialized_memory"]

    @fill_uninitialized_memory.setter
    def fill_uninitialized_memory(self, value):
        if not isinstance(value, bool):
            raise RuntimeError(f"expected a bool, but got {type(value).__name__}")
        determinism.SETTINGS["fill_uninitialized_memory"] = value


sys.modules[__name__].__class__ = _Deterministic
