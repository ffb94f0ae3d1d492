"""torch.return_types: the classes of the named tuples PyTorch's functions return (``torch.return_types.max``,
``torch.return_types.linalg_lstsq`` ...), each with its out= form's class (``sort_out``), as PyTorch lists them;
``isinstance(torch.max(t, 1), torch.return_types.max)`` holds. The classes are the engine's (engine/return_types.py)."""
from ..engine import return_types as _rt

for _name, _cls in sorted(_rt.TYPES.items()):
    if not _name.endswith("_out"):
        _rt.return_type(_name + "_out", _cls._names)
globals().update(_rt.TYPES)
all_return_types = [_rt.TYPES[_n] for _n in sorted(_rt.TYPES)]
del _name, _cls
