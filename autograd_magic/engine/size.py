"""torch.Size and torch.device."""


class Size(tuple):
    """A tuple of dims that prints as ``torch.Size([2, 3])``."""
    __module__ = "torch"

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
        return Size(tuple(self) + tuple(other))


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
            type, colon, number = text.partition(":")
            if type not in _DEVICE_TYPES:
                raise RuntimeError(f"Expected one of {', '.join(_DEVICE_TYPES)} device type at start of device "
                                   f"string: {text}")
            if colon:
                if not number.isdigit() or index is not None:
                    raise RuntimeError(f"Invalid device string: '{text}'")
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


_DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia",
                 "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone")


CPU = device("cpu")
