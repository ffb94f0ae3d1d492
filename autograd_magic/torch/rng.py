"""torch.manual_seed, torch.Generator and the RNG state, over the engine's PyTorch-identical mt19937."""
import numpy as np

from ..engine import argcheck, random
from ..engine.argcheck import tp_name
from ..engine.size import CPU, device as _device
from ..engine.tensor import Tensor


_CUDA = ("Cannot get CUDA generator without ATen_cuda library. PyTorch splits its backend into two shared libraries: "
         "a CPU library and a CUDA library; this error has occurred because you are trying to use some CUDA "
         "functionality, but the CUDA library has not been loaded by the dynamic linker for some reason.  The CUDA "
         "library MUST be loaded, EVEN IF you don't directly use any symbols from the CUDA library! One common culprit "
         "is a lack of -Wl,--no-as-needed in your link arguments; many dynamic linkers will delete dynamic library "
         "dependencies if you don't depend on any of their symbols.  You can check if this has occurred by using ldd "
         "on your binary to see if there is a dependency on *_cuda.so library.")
# what a CPU-only PyTorch says when asked for a generator of another device type (the rest: not an accelerator)
_NO_GENERATOR = {
    "cuda": _CUDA, "xpu": "Cannot get XPU generator without ATen_xpu library.",
    "mps": "Cannot execute getNewGenerator() without MPS backend.",
    "mtia": "Cannot execute getNewGenerator() without MTIA backend.",
    "hpu": "Backend doesn`t support getNewGenerator()", "hip": "Backend doesn`t support getNewGenerator()",
    "xla": "Cannot get XLA generator without torch_xla library. This error has occurred because you are trying to use "
           "some XLA functionality, but the XLA library has not been loaded by the dynamic linker. You must load xla "
           "libraries by `import torch_xla`",
    "privateuseone": "Please register PrivateUse1HooksInterface by `RegisterPrivateUse1HooksInterface` first.",
}


def _check_generator_device(args, kwargs):
    """torch.Generator(device=...): its parser's errors, and PyTorch's for a device whose generator a CPU-only build
    cannot make (``torch.Generator(device="cuda")`` fails at once)."""
    unknown = [k for k in kwargs if k != "device"]
    if unknown:
        raise TypeError(f"Generator() got an unexpected keyword argument '{unknown[0]}'")
    if len(args) + len(kwargs) > 1:
        raise TypeError(f"Generator() takes from 0 to 1 positional arguments but {len(args) + len(kwargs)} were "
                        "given")
    dev = args[0] if args else kwargs.get("device")
    if dev is None:
        return
    if dev.__class__ is int:
        if dev < 0:
            raise RuntimeError("Device index must not be negative")
        raise RuntimeError("Cannot access accelerator device when none is available.")
    if not isinstance(dev, (str, _device)):
        where = " (position 1)" if args else ""
        raise TypeError(f"Generator(): argument 'device'{where} must be torch.device, not {tp_name(dev)}")
    kind = _device(dev).type
    if kind != "cpu":
        raise RuntimeError(_NO_GENERATOR.get(kind, f"{kind.upper()} device type not an accelerator."))


class Generator:
    """A random number generator: ``torch.Generator().manual_seed(0)``."""
    __module__ = "torch._C"  # repr <torch._C.Generator object at 0x...>, as manual_seed() shows
    __getattr__ = argcheck.no_attribute   # ('torch._C.Generator' object has no attribute 'seedd': a C type's name)

    def __init__(self, *args, **kwargs):
        _check_generator_device(args, kwargs)
        self._impl = random.Generator()

    def manual_seed(self, *args, **kwargs):
        """Seed this generator (a C method of PyTorch's: one positional int, a Python or numpy integer)."""
        if kwargs:
            raise TypeError("Generator.manual_seed() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(f"Generator.manual_seed() takes exactly one argument ({len(args)} given)")
        seed, = args
        if seed.__class__ is bool or not isinstance(seed, (int, np.integer)):
            raise RuntimeError(f"manual_seed expected a long, but got {tp_name(seed)}")
        if not isinstance(seed, int):   # (a numpy integer passes the check, then fails the unpacking)
            raise TypeError("an integer is required")
        self._impl.manual_seed(seed)
        return self

    def seed(self):
        return self._impl.seed()

    def initial_seed(self):
        return self._impl.initial_seed()

    def get_state(self):
        return Tensor._wrap(np.array(self._impl.get_state()))

    def set_state(self, new_state):
        if not isinstance(new_state, Tensor):
            raise TypeError(f"expected a torch.ByteTensor, but got {argcheck.tp_name(new_state)}")
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
    """As PyTorch: the default generator's set_state, with its checks of what it was given."""
    default_generator.set_state(new_state)


def _default_generator():
    gen = Generator.__new__(Generator)
    gen._impl = random.default_generator
    return gen


default_generator = _default_generator()   # torch.default_generator: the generator torch.randn draws from


def draw_foreign_with(hook):
    """(For the trace layer, trace/rng.py: not PyTorch's API.) ``hook(generator)`` gives the engine generator that
    draws for a generator object this layer did not make (real PyTorch's, made in a plain cell), or None; the
    engine asks it wherever a ``generator=`` argument is read (engine.random.generator_of)."""
    random.FOREIGN[0] = hook


def twin_generator(state):
    """(For the trace layer.) A new engine generator with the state bytes of a CPU torch.Generator."""
    gen = random.Generator()
    gen.set_state(state)
    return gen

