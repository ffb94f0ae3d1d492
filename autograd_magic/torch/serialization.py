"""torch.save / torch.load: tensors, Parameters, state dicts, whole models and optimizers and containers of them,
pickled with each tensor as its numpy array.

A file written here is read back here (not by real PyTorch): each tensor is stored as its bytes, dtype and shape,
whether it requires grad and whether it is an nn.Parameter, so a loaded tensor prints like the saved one.

``torch.load`` defaults to ``weights_only=True`` as PyTorch 2.6+ does: tensors, state dicts, optimizer state and
containers of plain values load; a whole model, an optimizer object or a numpy array raises PyTorch's
UnpicklingError naming the first class it met, unless ``weights_only=False`` or the class was allowed with
``add_safe_globals`` / ``safe_globals``.
"""
import contextlib
import io
import os
import pickle
import sys
import warnings

import numpy as np

from ..engine.size import device as _device
from ..engine.strided import _root, storage_of
from ..engine.tensor import Tensor
from .nn.module import Parameter

_FORMAT = "autograd_magic.save/2"
_FORMAT_LEGACY = "autograd_magic.save/2 legacy"   # torch.save(..., _use_new_zipfile_serialization=False)
_FORMAT_V1 = "autograd_magic.save/1"   # tensors as pickled numpy arrays (_Stored): still read
_FORMAT_NO_DATA = "autograd_magic.save/2 no data.pkl"   # what a torch.save whose pickling failed leaves behind


class _Stored:
    """A tensor in a version-1 file: its array, requires_grad, and whether it was a Parameter."""

    def __init__(self, data, requires_grad, parameter):
        self.data, self.requires_grad, self.parameter = data, requires_grad, parameter


class _Pickler(pickle.Pickler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._storages = {}   # id(storage array): (its number in the file, its bytes, the array kept alive)
        self._tensors = {}   # id(tensor): (its number in the file, the tensor kept alive)

    def _storage(self, data):
        """("tensor3", ...): a tensor as its whole storage (written once per file: pickle memoizes the bytes
        object) and where it lies in it, so that a loaded view has the saved one's offset and strides and views
        saved together share their storage again, as PyTorch's; None where the engine cannot say."""
        if data.dtype.kind == "V" or any(st < 0 or st % data.itemsize for st in data.strides):
            return None
        try:
            flat, offset = storage_of(data)
        except NotImplementedError:
            return None
        root = _root(data)
        entry = self._storages.get(id(root))
        if entry is None:
            entry = self._storages[id(root)] = (len(self._storages), flat.view(np.uint8).tobytes(), root)
        return ("tensor3", entry[0], entry[1], data.dtype.str, data.shape,
                tuple(st // data.itemsize for st in data.strides), offset)

    def persistent_id(self, obj):
        if isinstance(obj, Tensor):   # plain values only: the weights-only reader needs no numpy class
            seen = self._tensors.get(id(obj))
            if seen is not None:   # the same tensor again loads as the same object (an optimizer's state keys
                return ("same", seen[0])   # and its groups' params), as PyTorch's pickle memo gives
            number = len(self._tensors)
            self._tensors[id(obj)] = (number, obj)
            data = obj._data   # (np.ascontiguousarray would make a 0-d array 1-d)
            stored = self._storage(data)
            if stored is not None:
                return stored + (bool(obj.requires_grad), isinstance(obj, Parameter), number)
            return ("tensor2", data.tobytes(order="C"), data.dtype.str, data.shape, bool(obj.requires_grad),
                    isinstance(obj, Parameter), number)
        if isinstance(obj, type) and _named_as_torch(obj):
            # nn.Linear prints as <class 'torch.nn.modules.linear.Linear'>, where pickle would look it up:
            # stored by that name, found again among the engine's classes (torch.save(model) of the tutorials)
            return ("class", obj.__module__, obj.__qualname__)
        return None


def _named_as_torch(cls):
    """An engine class that carries PyTorch's module name (and so cannot be found under it)."""
    return (cls.__module__.partition(".")[0] == "torch"
            and getattr(sys.modules.get(cls.__module__), cls.__qualname__, None) is not cls)


def _engine_class(module, qualname):
    for name, mod in list(sys.modules.items()):
        if name.startswith(_PACKAGE) and mod is not None:
            for value in list(vars(mod).values()):
                if isinstance(value, type) and value.__module__ == module and value.__qualname__ == qualname:
                    return value
    raise pickle.UnpicklingError(f"{module}.{qualname} is not a class autograd_magic implements")


_PACKAGE = __name__.rpartition(".")[0]   # autograd_magic.torch


# What PyTorch's weights-only unpickler accepts (torch/_weights_only_unpickler.py _get_allowed_globals), as the
# (module, name) a pickle names; the engine's own helpers (autograd_magic.*) are its storage format, not user data.
_ALLOWED = {("collections", "OrderedDict"), ("collections", "Counter"), ("builtins", "bytearray"),
            ("builtins", "set"), ("builtins", "complex"), ("_codecs", "encode"), ("torch", "Size"),
            ("torch", "Tensor"), ("torch", "device"), ("torch", "dtype"), ("torch.nn.parameter", "Parameter")}
_safe_globals = []


def add_safe_globals(safe_globals):
    """Allow these classes or functions in weights-only loads (torch.serialization.add_safe_globals)."""
    _safe_globals.extend(g for g in safe_globals if g not in _safe_globals)


def get_safe_globals():
    """The classes and functions add_safe_globals allowed."""
    return list(_safe_globals)


def clear_safe_globals():
    _safe_globals.clear()


@contextlib.contextmanager
def safe_globals(safe_globals):
    """Allow these classes or functions in weights-only loads inside the block."""
    saved = list(_safe_globals)
    add_safe_globals(safe_globals)
    try:
        yield
    finally:
        _safe_globals[:] = saved


def _user_allowed(module, name):
    return any((getattr(g, "__module__", None), getattr(g, "__qualname__", None)) == (module, name)
               for g in _safe_globals)


def _refuse(module, name):
    path = name if module == "builtins" else f"{module}.{name}"
    raise pickle.UnpicklingError(
        f"Unsupported global: GLOBAL {path} was not an allowed global by default. Please use "
        f"`torch.serialization.add_safe_globals([{path}])` or the `torch.serialization.safe_globals([{path}])` "
        "context manager to allowlist this global if you trust this class/function.")


_UNSAFE_MESSAGE = ("In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
                   "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely "
                   "succeed, but it can result in arbitrary code execution. Do it only if you got the file from a "
                   "trusted source.")
_DOCS_MESSAGE = ("\n\nCheck the documentation of torch.load to learn more about types accepted by default with "
                 "weights_only https://pytorch.org/docs/stable/generated/torch.load.html.")


def _weights_only_message(message):
    """PyTorch's text around the weights-only unpickler's error: the two options for a global it refused, else
    the request to file an issue."""
    if "was not an allowed global by default." in message:
        return ("Weights only load failed. This file can still be loaded, to do so you have two options, "
                "\033[1mdo those steps only if you trust the source of the checkpoint\033[0m. "
                f"\n\t(1) {_UNSAFE_MESSAGE}\n\t(2) Alternatively, to load with `weights_only=True` please check "
                "the recommended steps in the following error message.\n\tWeightsUnpickler error: "
                + message + _DOCS_MESSAGE)
    return (f"Weights only load failed. {_UNSAFE_MESSAGE}\nPlease file an issue with the following so that we "
            "can make `weights_only=True` compatible with your use case: WeightsUnpickler error: \n\n"
            + message + _DOCS_MESSAGE)


def _miniz_error(what):
    return (f"PytorchStreamReader {what}. This is an internal miniz error. If you are seeing this error, there is "
            "a high likelihood that your checkpoint file is corrupted. This can happen if the checkpoint was not "
            "saved properly, was transferred incorrectly, or the file was modified after saving.")


_NOT_OURS = ("autograd_magic's torch.load reads files written by its own torch.save (this file was not)")


def _foreign_zip(raw):
    """A file that starts as a zip archive: PyTorch's reader errors for a broken one or one without data.pkl; a
    real PyTorch checkpoint the engine cannot read."""
    import zipfile   # (only for a foreign file: not every torch.load pays its import)
    if len(raw) >= 22 and b"PK\x05\x06" not in raw[-(65535 + 22):]:   # (miniz: longer than the end record)
        raise RuntimeError(_miniz_error("failed reading zip archive: failed finding central directory"))
    try:
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise RuntimeError(_miniz_error("failed reading zip archive: not a ZIP archive")) from None
    if not any(n == "data.pkl" or n.endswith("/data.pkl") for n in names):
        raise RuntimeError(_miniz_error("failed locating file data.pkl: file not found"))
    raise pickle.UnpicklingError(_NOT_OURS)


# the opcodes PyTorch's weights-only unpickler reads (torch/_weights_only_unpickler.py Unpickler.load)
_WEIGHTS_ONLY_OPS = frozenset(getattr(pickle, name)[0] for name in (
    "GLOBAL NEWOBJ REDUCE BUILD APPEND APPENDS SETITEM SETITEMS MARK TUPLE TUPLE1 TUPLE2 TUPLE3 NONE NEWFALSE "
    "NEWTRUE EMPTY_TUPLE EMPTY_LIST EMPTY_DICT EMPTY_SET BININT BININT1 BININT2 BINFLOAT BINUNICODE "
    "SHORT_BINSTRING BINPERSID BINGET LONG_BINGET BINPUT LONG_BINPUT LONG1 PROTO STOP").split())


class _MagicReader(pickle.Unpickler):
    """Reads the first pickle of a file PyTorch would take for its legacy format (its magic number)."""

    def __init__(self, file, weights_only):
        super().__init__(file, encoding="utf-8")
        self.weights_only = weights_only

    def find_class(self, module, name):
        if self.weights_only and (module, name) not in _ALLOWED and not _user_allowed(module, name):
            _refuse(module, name)
        return super().find_class(module, name)


def _foreign_legacy(raw, weights_only):
    """A file that is neither a zip archive nor the engine's: PyTorch reads it as its legacy format, whose first
    pickle is a magic number; the errors it meets on the way (the weights-only unpickler's unsupported opcodes and
    unknown memo entries, pickle's own errors, a wrong magic number)."""
    weights_only = weights_only is not False
    if weights_only:
        _weights_only_scan(raw)
    try:
        magic = _MagicReader(io.BytesIO(raw), weights_only).load()
    except pickle.UnpicklingError as exc:
        if weights_only:
            raise pickle.UnpicklingError(_weights_only_message(str(exc))) from None
        raise
    if magic != 0x1950a86a20f9469cfc6c:   # torch.serialization.MAGIC_NUMBER
        raise RuntimeError("Invalid magic number; corrupt file?")
    if len(raw) == len(pickle.dumps(magic, protocol=2)):   # nothing after it: PyTorch's next read runs out
        raise EOFError("" if weights_only else "Ran out of input")
    raise pickle.UnpicklingError(_NOT_OURS)   # a real PyTorch legacy file


def _weights_only_scan(raw):
    """The first pickle's opcodes as PyTorch's weights-only unpickler meets them: one it does not read, or a memo
    entry fetched before it was put (its KeyError), stops it before any object is made."""
    import pickletools   # (only for a weights-only load of a foreign pickle: rare)
    memo, stream, start = set(), io.BytesIO(raw), 0
    try:
        for op, arg, _ in pickletools.genops(stream):
            code = op.code.encode("latin-1")[0]
            if code not in _WEIGHTS_ONLY_OPS:
                raise pickle.UnpicklingError(_weights_only_message(f"Unsupported operand {code}"))
            if op.name == "PROTO":
                _warn_protocol(arg)
            elif op.name in ("BINPUT", "LONG_BINPUT"):
                memo.add(arg)
            elif op.name in ("BINGET", "LONG_BINGET") and arg not in memo:
                raise KeyError(arg)
            elif op.name == "STOP":
                return
            start = stream.tell()   # (where the next opcode starts)
    except ValueError as exc:   # a byte that is no opcode ("at position 3, opcode b'x' unknown"), or the data ends
        message = str(exc)
        if start < len(raw) and raw[start] not in _WEIGHTS_ONLY_OPS:   # (PyTorch rejects an opcode before its
            code = raw[start]                                           # argument is read: b"garbage"'s GET)
            raise pickle.UnpicklingError(_weights_only_message(f"Unsupported operand {code}")) from None
        if "position " in message:
            code = raw[int(message.split("position ")[1].split(",")[0])]
            raise pickle.UnpicklingError(_weights_only_message(f"Unsupported operand {code}")) from None
        if "exhausted" in message:   # (PyTorch's reader: no next opcode)
            raise EOFError from None
        if "uint1" in message:   # (a one-byte argument cut off: PyTorch indexes the empty read)
            raise IndexError("index out of range") from None
        raise pickle.UnpicklingError(_weights_only_message("pickle data was truncated")) from None


def _warn_protocol(protocol):
    if protocol != 2:
        warnings.warn(f"Detected pickle protocol {protocol} in the checkpoint, which was not the default pickle "
                      "protocol used by `torch.load` (2). The weights_only Unpickler might not support all "
                      "instructions implemented by this protocol, please file an issue for adding support if you "
                      "encounter this.", UserWarning, stacklevel=4)


_NO_CUDA = ("Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are "
            "running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your "
            "storages to the CPU.")


def _restore(map_location, tensor):
    """torch.load's map_location for a tensor saved on the CPU: the device it names, refused as PyTorch refuses it
    on a machine without CUDA (a str, a torch.device, a dict from saved to wanted locations, or a function of
    (storage, location) whose result, the engine's CPU storage, is kept as it is)."""
    location = "cpu"
    if isinstance(map_location, dict):
        location = map_location.get(location, location)
    elif isinstance(map_location, str):
        location = map_location
    elif isinstance(map_location, _device):
        location = str(map_location)
    elif map_location is not None:
        if map_location(tensor.untyped_storage(), location) is not None:
            return
    if location == "cpu":
        return
    if location == "meta":   # (PyTorch gives meta tensors: the engine has none)
        _device("meta").require_cpu()
    if location.startswith("cuda"):
        raise RuntimeError(_NO_CUDA)
    if location.startswith("mps"):
        raise RuntimeError("torch.UntypedStorage(): Storage device not recognized: mps")
    raise RuntimeError(f"don't know how to restore data location of torch.storage.UntypedStorage (tagged with "
                       f"{location})")


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, weights_only, map_location=None):
        super().__init__(file)
        self.weights_only = weights_only
        self.map_location = map_location
        self._storages = {}   # storage number: its bytes, loaded once (views share them)
        self._tensors = {}   # tensor number: the tensor loaded

    def find_class(self, module, name):
        module = {"__builtin__": "builtins", "copy_reg": "copyreg"}.get(module, module)   # protocol 2's names
        if (self.weights_only and module.partition(".")[0] != _PACKAGE.partition(".")[0]
                and (module, name) not in _ALLOWED and not _user_allowed(module, name)):
            _refuse(module, name)
        return super().find_class(module, name)

    def persistent_load(self, pid):
        kind = pid[0]
        if kind == "class":
            module, qualname = pid[1:]
            if self.weights_only and (module, qualname) not in _ALLOWED and not _user_allowed(module, qualname):
                _refuse(module, qualname)
            return _engine_class(module, qualname)
        if kind == "same":
            return self._tensors[pid[1]]
        number = None
        if kind in ("tensor3", "tensor2") and len(pid) == (10 if kind == "tensor3" else 7):
            pid, number = pid[:-1], pid[-1]   # (files written before tensors were numbered have none)
        if kind == "tensor3":
            key, raw, dtype, shape, strides, offset, requires_grad, parameter = pid[1:]
            buf = self._storages.get(key)
            if buf is None:
                buf = self._storages[key] = np.frombuffer(raw, np.uint8).copy()
            dt = np.dtype(dtype)
            data = np.ndarray(shape, dt, buffer=buf, offset=offset * dt.itemsize if buf.size else 0,
                              strides=tuple(st * dt.itemsize for st in strides))
        elif kind == "tensor2":
            raw, dtype, shape, requires_grad, parameter = pid[1:]
            data = np.frombuffer(raw, dtype=np.dtype(dtype)).reshape(shape).copy()
        elif kind == "tensor":
            stored = pid[1]
            data, requires_grad, parameter = stored.data, stored.requires_grad, stored.parameter
        else:
            raise pickle.UnpicklingError(f"unknown persistent id {kind!r}")
        if parameter:
            t = Parameter(Tensor._wrap(data), requires_grad=requires_grad)
            _restore(self.map_location, t)
        else:
            t = Tensor._wrap(data)
            _restore(self.map_location, t)
            if requires_grad:
                t._requires_grad()
        self._tensors[number] = t
        return t


def save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True):
    """Write obj (tensors, Parameters, dicts, lists ... of them) to a path or a binary file object.

    >>> torch.save(model.state_dict(), "model.pt")
    """
    if not isinstance(f, (str, os.PathLike)) and not hasattr(f, "write"):   # (checked first, as PyTorch does)
        raise AttributeError("expected 'f' to be string, path, or a file-like object with a 'write' attribute")
    if _use_new_zipfile_serialization and isinstance(f, (str, os.PathLike)):
        _open_archive(os.fspath(f))
    buf = io.BytesIO()
    buf.write((_FORMAT if _use_new_zipfile_serialization else _FORMAT_LEGACY).encode() + b"\n")
    try:
        _Pickler(buf, protocol=max(pickle_protocol, 2)).dump(obj)
    except BaseException:
        if _use_new_zipfile_serialization:   # PyTorch's zip writer still closes the archive, without its data.pkl
            _write(f, (_FORMAT_NO_DATA + "\n").encode())
        raise
    _write(f, buf.getbuffer())


def _open_archive(name):
    """PyTorch's zip writer opening a path (caffe2/serialize/inline_container.cc PyTorchStreamWriter::setup), before
    anything is pickled: its archive name (the base name without its extension) must not be empty, the parent
    directory must exist (``torch.save(sd, "checkpoints/model.pth")`` before ``os.makedirs``), the file opens
    (truncated). A name that is not ASCII is opened by Python instead, with Python's errors."""
    if not isinstance(name, str):   # (a path-like object naming bytes: left to open())
        return
    if not name.isascii():
        open(name, "wb").close()
        return
    base = name[max(name.rfind("/"), name.rfind("\\")) + 1:]
    if not (base[:base.rfind(".")] if "." in base else base):
        raise RuntimeError(f"[enforce fail at inline_container.cc:720] . invalid file name: {name}")
    sep = name.rfind("/") if "/" in name else name.rfind("\\")   # (the last "/", else the last "\\")
    parent = name[:sep] if sep > 0 else ""
    if parent and not os.path.isdir(parent):
        raise RuntimeError(f"Parent directory {parent} does not exist.")
    try:
        open(name, "wb").close()
    except OSError as exc:
        raise RuntimeError("[enforce fail at inline_container.cc:747] . open file failed with strerror: "
                           f"{os.strerror(exc.errno) if exc.errno else exc}") from None


def _write(f, data):
    if isinstance(f, (str, os.PathLike)):
        with open(f, "wb") as fh:
            fh.write(data)
    else:
        f.write(data)   # (a memoryview, as PyTorch's writer hands a file: a text file's own TypeError)


def _check_seekable(f):
    """PyTorch's error for a torch.load of something that is no seekable file (``torch.load(b"...")``)."""
    try:
        f.seek(f.tell())
    except (io.UnsupportedOperation, AttributeError) as exc:
        if "seek" in str(exc) or "tell" in str(exc):
            raise type(exc)(f"{exc}. You can only torch.load from a file that is seekable. Please pre-load the data "
                            "into a buffer like io.BytesIO and try to load from it instead.") from None
        raise


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    """Read back what torch.save wrote.

    >>> model.load_state_dict(torch.load("model.pt"))
    """
    path = isinstance(f, (str, os.PathLike))
    if path:
        with open(f, "rb") as fh:
            raw = fh.read()
    else:
        _check_seekable(f)
        raw = f.read()
    head, _, body = raw.partition(b"\n")
    if raw.startswith(b"PK\x03\x04"):   # a zip archive the engine did not write
        _foreign_zip(raw)
    archive = head in (_FORMAT.encode(), _FORMAT_NO_DATA.encode())
    if mmap and archive and not path:   # (the engine reads the file whole: mmap is accepted)
        raise ValueError("f must be a file path in order to use the mmap argument")
    if mmap and not archive:   # (PyTorch maps only its zip files)
        raise RuntimeError("mmap can only be used with files saved with `torch.save("
                           + (f"{f}, " if isinstance(f, str) else "") + "_use_new_zipfile_serialization=True), "
                           "please torch.save your checkpoint with this option in order to use mmap.")
    if not raw:   # (an empty file, or a buffer read from its end: torch.save, then torch.load without seek(0))
        raise EOFError("Ran out of input" if weights_only is False else "")
    if head == _FORMAT_V1.encode():   # its tensors are numpy arrays: trusted as before
        return _Unpickler(io.BytesIO(body), weights_only=False).load()
    if head == _FORMAT_NO_DATA.encode():
        raise RuntimeError(_miniz_error("failed locating file data.pkl: file not found"))
    if head not in (_FORMAT.encode(), _FORMAT_LEGACY.encode()):
        _foreign_legacy(raw, weights_only)
    if weights_only is False:
        return _Unpickler(io.BytesIO(body), weights_only=False, map_location=map_location).load()
    if body[:1] == pickle.PROTO:   # torch.save(..., pickle_protocol=3, 4 ...)
        _warn_protocol(body[1])
        if body[2] not in _WEIGHTS_ONLY_OPS:   # (protocol 4's FRAME)
            raise pickle.UnpicklingError(_weights_only_message(f"Unsupported operand {body[2]}"))
    try:
        return _Unpickler(io.BytesIO(body), weights_only=True, map_location=map_location).load()
    except pickle.UnpicklingError as exc:
        raise pickle.UnpicklingError(_weights_only_message(str(exc))) from None
