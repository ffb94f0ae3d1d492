"""torch.manual_seed, torch.Generator and the RNG state, over the engine's PyTorch-identical mt19937."""
import numpy as np

from ..engine import argcheck, random
from ..engine.size import CPU
from ..engine.tensor import Tensor


class Generator:
    """A random number generator: ``torch.Generator().manual_seed(0)``."""
    __module__ = "torch._C"  # repr <torch._C.Generator object at 0x...>, as manual_seed() shows
    __getattr__ = argcheck.no_attribute   # ('torch._C.Generator' object has no attribute 'seedd': a C type's name)

    def __init__(self, device="cpu"):
        self._impl = random.Generator()

    def manual_seed(self, seed):
        self._impl.manual_seed(int(seed))
        return self

    def seed(self):
        return self._impl.seed()

    def initial_seed(self):
        return self._impl.initial_seed()

    def get_state(self):
        return Tensor._wrap(np.array(self._impl.get_state()))

    def set_state(self, new_state):
        self._impl.set_state(new_state._data)
        return self

    @property
    def device(self):
        return CPU


def manual_seed(seed):
    """Seed the default generator: draws then match PyTorch's after the same seed."""
    rnd = random
    rnd.manual_seed(int(seed))
    gen = Generator.__new__(Generator)
    gen._impl = rnd.default_generator
    return gen


def seed():
    return random.default_generator.seed()


def initial_seed():
    return random.default_generator.initial_seed()


def get_rng_state():
    return Tensor._wrap(np.array(random.default_generator.get_state()))


def set_rng_state(new_state):
    random.default_generator.set_state(new_state._data)


def _default_generator():
    gen = Generator.__new__(Generator)
    gen._impl = random.default_generator
    return gen


default_generator = _default_generator()   # torch.default_generator: the generator torch.randn draws from
