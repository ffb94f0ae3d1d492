"""torch.jit.trace and trace_module: the tracing runs (jit/_trace.py) made into what PyTorch returns (jit/_script.py)."""
import warnings

from ...engine.tensor import Tensor
from ..nn.module import Module
from . import _trace
from ._script import ScriptFunction, check_qualified_name, wrap_traced


def trace(func, example_inputs=None, optimize=None, check_trace=True, check_inputs=None, check_tolerance=1e-5,
          strict=True, _force_outplace=False, _module_class=None, _compilation_unit=None, example_kwarg_inputs=None,
          _store_inputs=True):
    warnings.warn(_trace._DEPRECATED.format("trace"), DeprecationWarning)
    if isinstance(example_inputs, Tensor):
        example_inputs = (example_inputs,)
    args = () if example_inputs is None else tuple(example_inputs)
    kwargs = dict(example_kwarg_inputs or {})
    if isinstance(func, Module):
        return trace_module(func, {"forward": args}, check_trace=check_trace, strict=strict,
                            _kwargs=kwargs)
    check_qualified_name(func)
    constants = _trace._record(func, args, kwargs, strict)
    if check_trace:   # PyTorch traces again to check the trace (its warnings come twice)
        warnings.warn(_trace._DEPRECATED.format("trace"), DeprecationWarning)
        _trace._record(func, args, kwargs, strict)
    return ScriptFunction(func, constants)


def trace_module(mod, inputs, optimize=None, check_trace=True, check_inputs=None, check_tolerance=1e-5, strict=True,
                 _force_outplace=False, _module_class=None, _compilation_unit=None, example_inputs_is_kwarg=False,
                 _store_inputs=True, _kwargs=None):
    if not isinstance(mod, Module):
        raise AttributeError("expected torch.nn.Module as the first argument")
    if not isinstance(inputs, dict):
        raise AttributeError("expected a dictionary of (method_name, input) pairs")
    args = inputs.get("forward", ())
    args = (args,) if isinstance(args, Tensor) else tuple(args)
    kwargs = _kwargs or {}
    constants = None
    for _ in range(2 if check_trace else 1):
        warnings.warn(_trace._DEPRECATED.format("trace_method"), DeprecationWarning)
        found = _trace._record(mod, args, kwargs, strict)
        constants = found if constants is None else constants
    return wrap_traced(mod, constants)
