"""torch.use_deterministic_algorithms's state, and what it changes on a CPU: PyTorch's alert for an op without a
deterministic implementation (put_ without accumulate), and new memory filled (torch.empty, empty_like, new_empty,
empty_strided, the elements resize_ adds: NaN for floating point, the largest value for integers, True for bool)
instead of left uninitialised (zeros here)."""
import warnings

import numpy as np

SETTINGS = {"deterministic": False, "warn_only": False, "fill_uninitialized_memory": True}


def alert_not_deterministic(name):
    """PyTorch's alertNotDeterministic: an error under use_deterministic_algorithms(True), a warning with
    warn_only=True, nothing otherwise."""
    if not SETTINGS["deterministic"]:
        return
    if SETTINGS["warn_only"]:
        warnings.warn(f"{name} does not have a deterministic implementation, but you set "
                      "'torch.use_deterministic_algorithms(True, warn_only=True)'. You can file an issue at "
                      "https://github.com/pytorch/pytorch/issues to help us prioritize adding deterministic support "
                      "for this operation. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/Context.cpp:186.)",
                      UserWarning, stacklevel=4)
        return
    raise RuntimeError(f"{name} does not have a deterministic implementation, but you set "
                       "'torch.use_deterministic_algorithms(True)'. You can turn off determinism just for this "
                       "operation, or you can use the 'warn_only=True' option, if that's acceptable for your "
                       "application. You can also file an issue at https://github.com/pytorch/pytorch/issues to help us "
                       "prioritize adding deterministic support for this operation.")


def uninitialized(np_dtype):
    """The value new memory of this dtype holds: PyTorch's fill under deterministic algorithms, else 0."""
    if not (SETTINGS["deterministic"] and SETTINGS["fill_uninitialized_memory"]):
        return 0
    kind = np.dtype(np_dtype).kind
    if kind == "b":
        return True
    if kind in "iu":
        return np.iinfo(np_dtype).max
    return float("nan")
