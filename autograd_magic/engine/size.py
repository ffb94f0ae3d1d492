"""torch.Size and torch.device; the sizes a creation or view function is given, checked."""
import operator

from .argcheck import c_format, kind, no_attribute, tp_name


class Size(tuple):
    """A tuple of dims that prints as ``torch.Size([2, 3])``: ints, or what gives one through ``__index__`` (a numpy
    integer, a one-element integer tensor), as THPSize_pynew takes them."""
    __module__ = "torch"

    def __new__(cls, *args, **kwargs):
        self = tuple.__new__(cls, *args, **kwargs)
        for v in self:
            if v.__class__ is not int:
                return tuple.__new__(cls, [_dim_int(i, v) for i, v in enumerate(self)])
        return self

    def __repr__(self):
        return f"torch.Size([{', '.join(str(n) for n in self)}])"

    __str__ = __repr__

    def numel(self):
        n = 1
        for d in self:
            n *= d
        return n

    def __getitem__(self, key):
        out = tuple.__getitem__(self, key)
        return Size(out) if isinstance(key, slice) else out

    def __add__(self, other):
        if isinstance(other, tuple):
            return Size(tuple.__add__(self, other))
        reflected = getattr(type(other), "__radd__", None)   # (a numpy array: numpy adds)
        out = NotImplemented if reflected is None else reflected(other, self)
        if out is NotImplemented:
            raise TypeError(f"can only concatenate tuple (not {tp_name(other)}) to torch.Size")
        return out

    def __radd__(self, other):
        return Size(tuple.__add__(other, self)) if isinstance(other, tuple) else NotImplemented

    __getattr__, __format__ = no_attribute, c_format

    def __call__(self, *args, **kwargs):   # (x.shape(): a learner's slip, worded as for PyTorch's C type)
        raise TypeError("'torch.Size' object is not callable")

    def __mul__(self, times):
        if not hasattr(type(times), "__index__"):
            raise TypeError(f"can't multiply sequence by non-int of type '{tp_name(times)}'")
        return Size(tuple.__mul__(self, times))

    __rmul__ = __mul__


def size_of(shape, _new=tuple.__new__):
    """Size(shape) of a numpy shape (ints already: nothing to check, the cost of x.shape stays a tuple's)."""
    return _new(Size, shape)


def _dim_int(i, value):
    """An item of torch.Size(...) as an int (operator.index), or PyTorch's TypeError naming its type."""
    if isinstance(value, int):
        return int(value)
    try:
        return operator.index(value)
    except Exception:   # noqa: BLE001 - PyNumber_Index's error is replaced by PyTorch's
        raise TypeError(f"torch.Size() takes an iterable of 'int' (item {i} is '{tp_name(value)}')") from None


def _parse_device(text):
    """(type, index digits or None) of a device string as c10::Device reads it: ``([a-zA-Z_]+)(?::([1-9]\\d*|0))?``,
    anything else "Invalid device string" ("float32", "cuda0", "cpu:-1", "cpu:01")."""
    if not text:
        raise RuntimeError("Device string must not be empty")
    name, digits, state = [], [], "start"
    for ch in text:
        if state == "start":
            if ch == ":":
                state = "index"
            elif ch.isascii() and (ch.isalpha() or ch == "_"):
                name.append(ch)
            else:
                state = "error"
        elif state == "index" and not digits:
            if ch.isascii() and ch.isdigit():
                digits.append(ch)
            else:
                state = "error"
        elif digits[0] == "0" or not (ch.isascii() and ch.isdigit()):
            state = "error"
        else:
            digits.append(ch)
        if state == "error":
            break
    if not name or state == "error" or (state == "index" and not digits):
        raise RuntimeError(f"Invalid device string: '{text}'")
    return "".join(name), "".join(digits) if digits else None


class device:
    """A device as PyTorch names it (``cuda:0`` can be made and printed, as d2l's GPU chapter does on a CPU
    machine); only the CPU holds tensors: creating or moving one elsewhere raises PyTorch's error for a build
    without that device (creation._check_device)."""
    __module__ = "torch"
    __slots__ = ("type", "index")

    def __init__(self, type="cpu", index=None):
        if isinstance(type, device):
            type, index = type.type, type.index
        elif isinstance(type, int) and not isinstance(type, bool):
            raise RuntimeError("Cannot access accelerator device when none is available.")
        else:
            text = str(type)
            type, number = _parse_device(text)
            if type not in _DEVICE_TYPES:
                raise RuntimeError(f"Expected one of {', '.join(_DEVICE_TYPES)} device type at start of device "
                                   f"string: {type}")
            if number is not None:
                if index is not None:
                    raise RuntimeError(f"type (string) must not include an index because index was passed "
                                       f"explicitly: {text}")
                index = int(number)
        if index is not None and index < 0:
            raise RuntimeError("Device index must not be negative")
        self.type, self.index = type, index

    def __repr__(self):
        return f"device(type='{self.type}')" if self.index is None else \
            f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        return isinstance(other, device) and other.type == self.type and other.index == self.index

    def __hash__(self):
        return hash((self.type, self.index))

    __getattr__, __format__ = no_attribute, c_format

    def __call__(self, *args, **kwargs):   # (x.device(): as for PyTorch's C type)
        raise TypeError("'torch.device' object is not callable")

    def __reduce__(self):
        return (device, (self.type, self.index))

    def require_cpu(self):
        """Tensors live on the CPU only: another device fails as PyTorch's CPU build fails there (CUDA's assertion,
        else the engine's subset error)."""
        if self.type == "cuda":
            raise AssertionError("Torch not compiled with CUDA enabled")
        if self.type == "xpu":
            raise AssertionError("Torch not compiled with XPU enabled")
        if self.type in ("mps", "ipu", "xla", "mtia", "ve", "lazy"):   # (model.to("mps") on a Linux/Windows build)
            raise RuntimeError(f"PyTorch is not linked with support for {self.type} devices")
        if self.type != "cpu":
            raise RuntimeError(f"autograd_magic implements a subset of PyTorch: only the 'cpu' device exists "
                               f"(got '{self.type}')")

    def __enter__(self):
        """``with torch.device('cpu'):`` (the recipe "Changing default device"): tensors made inside are on it;
        another device fails as creating a tensor there would."""
        self.require_cpu()
        return self

    def __exit__(self, *exc):
        return False


class layout:
    """torch.layout: how a tensor's elements are stored. The engine's tensors are dense (``torch.strided``, what
    ``x.layout`` shows); sparse layouts are not part of it."""
    __module__ = "torch"
    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f"torch.{self._name}"


strided = layout("strided")

_DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia",
                 "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone")


CPU = device("cpu")


def keyword_sizes(name, value, arg="size"):
    """An int-list argument given by keyword (``torch.zeros(size=(2, 3))``, ``x.reshape(shape=(3, 2))``) checked as
    PyTorch's parser checks it: a tuple or list whose first element is an int (the later ones are unpacked where they
    are read); else its TypeError, which names no position and, for a bad element, the sequence (``not tuple``)."""
    if isinstance(value, (tuple, list)):
        if not value:
            return value
        first = value[0]
        if first.__class__ is not bool:
            try:
                operator.index(first)
                return value
            except TypeError:
                pass
    raise TypeError(f"{name}(): argument '{arg}' must be tuple of ints, not {kind(value)}")


def checked_sizes(name, args, arg="size", position=1):
    """The ints of zeros(2, 3), zeros((2, 3)), x.view(-1, 3) ..., checked as PyTorch's argument parser checks them:
    a float size (``n / 2`` written for ``n // 2``) is its TypeError, not a truncated size. Ints, bools, numpy
    integers and one-element integer tensors pass, and bools after the first (PyTorch's parser tells a list of
    ints by its first element, which may not be a bool: ``torch.zeros(True)`` is its TypeError)."""
    seq = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
    sizes = []
    for i, n in enumerate(seq):
        try:
            if i or n.__class__ is not bool:
                sizes.append(operator.index(n))
                continue
        except TypeError:
            pass
        what = kind(n)
        if len(args) == 1 and not isinstance(args[0], (tuple, list)):
            raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, not {what}")
        if i == 0 and len(args) == 1:
            raise TypeError(f"{name}(): argument '{arg}' (position {position}) must be tuple of ints, but found "
                            f"element of type {what} at pos 0")
        if i == 0 and name == "view":   # (view has a dtype overload: PyTorch lists both)
            raise TypeError(f"view() received an invalid combination of arguments - got "
                            f"({', '.join(kind(a) for a in args)}), but expected one of:\n * (torch.dtype dtype)\n"
                            f" * (tuple of ints size)\n")
        if i == 0:
            raise TypeError(f"{name}() takes 1 positional argument but {len(args)} were given")
        raise TypeError(f"{name}(): argument '{arg}' failed to unpack the object at pos {i + 1} with error \"type must "
                        f"be tuple of ints,but got {what}\"")
    return tuple(sizes)


def nonnegative(sizes):
    """The sizes of a tensor to create, or PyTorch's error for a negative one (``torch.ones(n - 5)``)."""
    for n in sizes:
        if n < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{', '.join(map(str, sizes))}]")
    return sizes
