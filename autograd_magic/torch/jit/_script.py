"""What torch.jit.script and torch.jit.trace return, and torch.jit.save / torch.jit.load.

The engine compiles nothing to TorchScript: a scripted module or function runs its Python code eagerly (scripting
keeps Python's control flow, so the values are the scripted ones), a traced one runs it with the trace's constants
(jit/_trace.py). The wrappers are PyTorch's classes by name and print as PyTorch prints them
(``RecursiveScriptModule(original_name=Linear)``, a traced module under its own class's name); they share the
original's parameters and buffers. What PyTorch's compiler generates, the TorchScript ``.code`` and the IR
``.graph``, is not reproduced: reading it raises NotImplementedError saying so. torch.jit.save writes an archive
that torch.jit.load reads back in the same process (the module's code is the Python it was made from)."""
import copy
import io
import os
import uuid
import warnings
import zipfile

from ..nn.module import Module
from . import _trace

_NO_IR = ("autograd_magic does not compile to TorchScript: the {} of a scripted or traced {} (PyTorch's generated "
          "TorchScript) is not reproduced; the {} runs its Python code eagerly")
_MISSING = object()
_SAVED = {}   # archive key -> the module saved (a copy made at save time)
_KEY = "autograd_magic_jit_key"


def _no_ir(what, owner):
    raise NotImplementedError(_NO_IR.format(what, owner, owner))


class ScriptModule(Module):
    """A module as torch.jit gives it: the original module run eagerly (scripted), or with its trace's constants
    (traced); its parameters, buffers and submodules are the original's."""
    __module__ = "torch.jit._script"

    def forward(self, *args, **kwargs):
        orig, constants = self.__dict__["_orig"], self.__dict__["_constants"]
        if constants is None:
            _sync_training(self, orig)
            return _trace.run_scripted(orig, args, kwargs)
        return _trace.run_traced(orig, constants, args, kwargs)

    def __getattr__(self, name):
        try:
            return super().__getattr__(name)
        except AttributeError:
            pass
        # a scripted module keeps the original's plain attributes (its constants), not its Python methods (those
        # torch.jit.ignore marks included); a traced one keeps neither
        value = getattr(self.__dict__["_orig"], name, _MISSING)
        if value is _MISSING or callable(value) or self.__dict__["_constants"] is not None:
            raise AttributeError(f"'RecursiveScriptModule' object has no attribute '{name}'")
        return value

    def __getitem__(self, idx):   # (a scripted Sequential's items: the modules it was made of, as PyTorch gives)
        return self.__dict__["_orig"][idx]

    def __len__(self):
        return len(self.__dict__["_orig"])

    @property
    def original_name(self):
        return self.__dict__["_original_name"]

    def extra_repr(self):
        return f"original_name={self.__dict__['_original_name']}"

    code = property(lambda self: _no_ir(".code", "module"))
    graph = property(lambda self: _no_ir(".graph", "module"))
    inlined_graph = property(lambda self: _no_ir(".inlined_graph", "module"))
    code_with_constants = property(lambda self: _no_ir(".code_with_constants", "module"))

    def save(self, f, **kwargs):
        key = uuid.uuid4().hex
        _SAVED[key] = copy.deepcopy(self)
        buf = io.BytesIO()
        stem = "archive" if not isinstance(f, (str, os.PathLike)) else os.path.splitext(os.path.basename(f))[0]
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(f"{stem}/{_KEY}", key)
            for name, data in (kwargs.get("_extra_files") or {}).items():
                z.writestr(f"{stem}/extra/{name}", data)
        if isinstance(f, (str, os.PathLike)):
            with open(f, "wb") as out:
                out.write(buf.getvalue())
        else:
            f.write(buf.getvalue())


class RecursiveScriptModule(ScriptModule):
    __module__ = "torch.jit._script"

    def _get_name(self):
        return "RecursiveScriptModule"


class TracedModule(ScriptModule):
    __module__ = "torch.jit._trace"

    def _get_name(self):
        return self.__dict__["_original_name"]


class TopLevelTracedModule(TracedModule):
    __module__ = "torch.jit._trace"


def _sync_training(wrapper, orig):
    """A scripted module's train()/eval() reaches the code it runs."""
    orig.training = wrapper.training
    for name, child in wrapper._modules.items():
        sub = orig._modules.get(name)
        if isinstance(child, ScriptModule) and sub is not None:
            _sync_training(child, sub)


def _wrap(orig, cls, child_cls, constants):
    if isinstance(orig, ScriptModule):
        orig = orig.__dict__["_orig"]
    obj = cls.__new__(cls)
    Module.__init__(obj)
    obj.__dict__.update(_orig=orig, _constants=constants, _original_name=type(orig).__name__)
    obj.training = orig.training
    obj._parameters.update(orig._parameters)
    obj._buffers.update(orig._buffers)
    for name, child in orig._modules.items():
        obj._modules[name] = None if child is None else _wrap(child, child_cls, child_cls, None)
    return obj


def wrap_traced(mod, constants):
    return _wrap(mod, TopLevelTracedModule, TracedModule, constants)


class ScriptFunction:
    """A scripted or traced function: called as the function (a traced one with its trace's constants)."""
    __module__ = "torch.jit"
    __qualname__ = "torch.jit.ScriptFunction"

    def __init__(self, fn, constants=None):
        self._fn, self._constants = fn, constants

    def __call__(self, *args, **kwargs):
        if self._constants is None:
            return _trace.run_scripted(self._fn, args, kwargs)
        return _trace.run_traced(self._fn, self._constants, args, kwargs)

    @property
    def name(self):
        return getattr(self._fn, "__name__", "<lambda>")

    code = property(lambda self: _no_ir(".code", "function"))
    graph = property(lambda self: _no_ir(".graph", "function"))
    inlined_graph = property(lambda self: _no_ir(".inlined_graph", "function"))


def check_qualified_name(fn):
    """PyTorch names a compiled function by its module: a function whose __module__ is None (made by exec() without
    a __name__ in its globals) cannot be compiled."""
    if getattr(fn, "__module__", None) is None:
        name = getattr(fn, "__name__", "_lambda").replace("<lambda>", "_lambda")
        raise RuntimeError(f"Could not get qualified name for class '{name}': __module__ can't be None.")


def script(obj, optimize=None, _frames_up=0, _rcb=None, example_inputs=None):
    warnings.warn(_trace._DEPRECATED.format("script"), DeprecationWarning)
    if isinstance(obj, ScriptModule):
        return obj
    if isinstance(obj, Module):
        return _wrap(obj, RecursiveScriptModule, RecursiveScriptModule, None)
    if isinstance(obj, ScriptFunction):
        return obj
    if callable(obj):
        check_qualified_name(obj)
        return ScriptFunction(obj)
    raise RuntimeError(f"Type '{type(obj)}' cannot be compiled since it inherits from nn.Module, pass an instance "
                       f"instead")


def save(m, f, _extra_files=None):
    warnings.warn("`torch.jit.save` is deprecated. Please switch to `torch.export`.", DeprecationWarning)
    extra = {} if _extra_files is None else {"_extra_files": _extra_files}
    m.save(f, **extra)


def _as_loaded(mod):
    """The copy torch.jit.load gives: every module a RecursiveScriptModule."""
    mod.__class__ = RecursiveScriptModule
    for child in mod._modules.values():
        if isinstance(child, ScriptModule):
            _as_loaded(child)
    return mod


def load(f, map_location=None, _extra_files=None, _restore_shapes=False, **kwargs):
    warnings.warn("`torch.jit.load` is deprecated. Please switch to `torch.export`.", DeprecationWarning)
    if isinstance(f, (str, os.PathLike)):
        if not os.path.exists(f):
            raise ValueError(f"The provided filename {f} does not exist")
        if os.path.isdir(f):
            raise ValueError(f"The provided filename {f} is a directory")
        with open(f, "rb") as src:
            data = src.read()
    else:
        data = f.read()
    key = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                if name.endswith("/" + _KEY):
                    key = z.read(name).decode()
                elif "/extra/" in name and _extra_files is not None:
                    _extra_files[name.split("/extra/", 1)[1]] = z.read(name)
    except zipfile.BadZipFile:
        pass
    if key not in _SAVED:
        raise RuntimeError("torch.jit.load: autograd_magic cannot load this file: it reads only an archive that "
                           "torch.jit.save wrote in this Python process (the engine runs a module's Python code and "
                           "does not compile or read TorchScript)")
    return _as_loaded(copy.deepcopy(_SAVED[key]))
