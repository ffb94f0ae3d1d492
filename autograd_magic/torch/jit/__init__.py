"""torch.jit: trace and script run the Python code eagerly (jit/_trace.py, jit/_script.py); the decorators that
steer TorchScript's compiler (ignore, unused, export) mark the function and leave it as it is."""
from ._script import (RecursiveScriptModule, ScriptFunction, ScriptModule, load, save, script)  # noqa: F401
from ._trace import TracerWarning, is_tracing  # noqa: F401
from ._trace_api import trace, trace_module  # noqa: F401
from ._trace import TracerWarning as _TracerWarning  # noqa: F401


class Error(RuntimeError):
    __module__ = "torch.jit"


def is_scripting():
    return False


def annotate(the_type, the_value):
    return the_value


def _modifier(name):
    def decorate(fn=None, **kwargs):
        if fn is None or isinstance(fn, bool):
            return decorate
        fn._torchscript_modifier = name
        return fn
    return decorate


ignore = _modifier("IGNORE")
unused = _modifier("UNUSED")
export = _modifier("EXPORT")
