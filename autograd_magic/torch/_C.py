"""torch._C: the few names of PyTorch's C module that lessons on __torch_function__ use."""
from ..engine.torch_function import (DisableTorchFunction, DisableTorchFunctionSubclass,  # noqa: F401
                                     _disabled_torch_function_impl)
