"""The argument parser of the legacy constructors, torch.Tensor(...) and torch.FloatTensor(...) (PyTorch's
tensor_new.cpp ``legacy_tensor_ctor``): a size, data, a tensor or a storage, and ``device`` as the only keyword.
``torch.Tensor([1, 2], dtype=torch.int64)`` or ``requires_grad=True`` (what torch.tensor takes) is its TypeError, as
are a second positional argument after data and a device for a tensor; a device other than the CPU is refused."""
import operator

from .arg_parser import invalid_combination
from .size import device as _device

_SIGNATURES = ("(*, torch.device device = None)", "(torch.Storage storage)", "(Tensor other)",
               "(tuple of ints size, *, torch.device device = None)", "(object data, *, torch.device device = None)")
_ALONE = ("size", "data", "storage", "other")   # keywords naming the one argument (torch.Tensor(size=(2, 3)))


def _refused(args, kwargs):
    return invalid_combination("new", _SIGNATURES, args, kwargs)


def _starts_sizes(value):
    """Whether PyTorch's parser reads several positional arguments as sizes: the first an int, not a bool."""
    if value.__class__ is bool:
        return False
    try:
        operator.index(value)
    except TypeError:
        return False
    return True


_TENSOR_AND_DEVICE = {
    "ctor": "Legacy tensor constructor of the form torch.Tensor(tensor, device=device) is not supported.  Use "
            "torch.tensor(...) or torch.as_tensor(...) instead.",
    "new": "Legacy tensor new of the form tensor.new(tensor, device=device) is not supported.  Use "
           "torch.as_tensor(...) instead.",
}


def legacy_args(args, kwargs, is_tensor, form="ctor"):
    """The positional arguments of a legacy constructor's call (a keyword size= / data= ... put in their place),
    after PyTorch's checks of its keywords and device; is_tensor tells a tensor argument; form: "ctor"
    (torch.Tensor(...), torch.FloatTensor(...)) or "new" (tensor.new(...)), as their messages differ."""
    given = args
    if kwargs:
        named = [k for k in kwargs if k != "device"]
        if named and (args or len(named) > 1 or named[0] not in _ALONE):
            raise _refused(args, kwargs)
        if named:
            value = kwargs[named[0]]
            if named[0] == "size":
                if not isinstance(value, (tuple, list)):
                    raise _refused(args, kwargs)
                args = tuple(value)
            else:
                args = (value,)
    if len(args) > 1 and not _starts_sizes(args[0]):
        raise _refused(given, kwargs)
    if "device" in kwargs:
        if len(args) == 1 and is_tensor(args[0]):
            raise RuntimeError(_TENSOR_AND_DEVICE[form])
        dev = kwargs["device"]
        if dev is not None:
            kind = (dev if isinstance(dev, _device) else _device(dev)).type
            if kind != "cpu":
                raise RuntimeError(f"legacy constructor expects device type: cpu but device type: {kind} was passed")
    return args
