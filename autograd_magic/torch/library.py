"""torch.library: custom operators written in Python (custom_op, register_fake, register_autograd, opcheck) and the
older Library('ns', 'DEF') / define / impl API; the ops they make are reached through torch.ops.<ns>.<name>.

The engine has no dispatcher: an op is its kernel (a Python function) behind the schema's argument checks, and its
autograd is an autograd.Function named as PyTorch's generated one (GeneratedBackwardFor_ns_name_default), whose
backward is the registered formula, or PyTorch's error when none was registered."""
import re
import sys

from ..engine.tensor import Tensor
from .autograd.function import Function
from .library_schema import Schema, infer_schema  # noqa: F401  (torch.library.infer_schema)

_OPS = {}          # "ns::name" -> _Op
_LIBRARIES = {}  # namespaces a Library(ns, "DEF") defined


class OpCheckError(Exception):
    __module__ = "torch.testing._internal.optests.generate_tests"


class _Op:
    """One operator: its schema, kernel, fake kernel and autograd formula."""

    def __init__(self, qualname, schema, kernel=None, generated_autograd=False):
        self.qualname, self.schema, self.kernel = qualname, schema, kernel
        self.fake = self.backward = self.setup_context = None
        self.custom = None   # the CustomOpDef, for custom_op's ops
        self.generated_autograd = generated_autograd
        self.function = None

    def __call__(self, *args, **kwargs):
        bound = self.schema.bind(args, kwargs)
        if self.kernel is None:
            raise NotImplementedError(f"Could not run '{self.qualname}' with arguments from the 'CPU' backend.")
        if not self.generated_autograd and self.backward is None:
            return self.schema.call(self.kernel, bound)   # (Library ops without a formula: their kernel's ops are recorded)
        return self._function().apply(*bound)

    def _function(self):
        if self.function is None:
            op, name = self, self.qualname.replace("::", "_").replace(".", "_")

            def forward(*args):
                out = op.schema.call(op.kernel, list(args))
                outs = out if isinstance(out, tuple) else (out,)
                for o in outs:
                    if isinstance(o, Tensor) and any(o is a or _aliases(o, a) for a in args if isinstance(a, Tensor)):
                        raise RuntimeError(
                            f"{op.qualname.split('::')[1]} (with implementation in <module "
                            "'torch._library.custom_ops' from '...'>): The output of this custom operator (1) must "
                            "not also be an input to this custom operator and (2) may not alias any inputs to this "
                            "custom operator or other returns. The most common way to trigger this error is if we "
                            "have y = custom_op(x) and y and x are the same Tensor. Please instead return a clone of "
                            "the offending output tensor(s) (e.g. return x.clone()) or refactor the custom operator "
                            "to not return y.")
                for i in op.schema.mutated():   # a mutated argument's version counts the write
                    if isinstance(args[i], Tensor):
                        args[i]._vbox[0] += 1
                return out

            def setup_context(ctx, inputs, output):
                if op.setup_context is not None:
                    op.setup_context(ctx, inputs, output)

            def backward(ctx, *grads):
                if op.backward is None:
                    raise RuntimeError(f"Trying to backward through {op.qualname.replace('::', '.')}.default but no "
                                       "autograd formula was registered. Please use register_autograd to add one.")
                return op.backward(ctx, *grads)

            self.function = type(f"GeneratedBackwardFor_{name}_default", (Function,), {
                "forward": staticmethod(forward), "setup_context": staticmethod(setup_context),
                "backward": staticmethod(backward)})
        return self.function


def _aliases(a, b):
    return a._data.size and b._data.size and a._data.base is not None and a._data.base is b._data.base


def _check_name(qualname):
    if "::" not in qualname:
        raise ValueError("not enough values to unpack (expected 2, got 1)")
    parts = qualname.split("::")
    if len(parts) > 2:
        raise ValueError("too many values to unpack (expected 2)")
    return parts


def _check_identifier(name, rest):
    bad = re.search(r"[^\w.]", name)
    if bad:
        raise RuntimeError(f"expected eof but found '{bad.group()}' here:\n{name}{rest}\n{' ' * bad.start()}~ <--- "
                           "HERE\n")


class CustomOpDef:
    """What @torch.library.custom_op makes: call it like the function; register_fake / register_autograd add to it."""
    __module__ = "torch._library.custom_ops"

    def __init__(self, op, fn):
        self._op, self._init_fn = op, fn
        self._namespace, self._name = op.qualname.split("::")
        self.__name__ = fn.__name__
        self.__doc__ = fn.__doc__

    def __repr__(self):
        return f"<CustomOpDef({self._op.qualname})>"

    def __call__(self, *args, **kwargs):
        return self._op(*args, **kwargs)

    @property
    def _opoverload(self):
        return getattr(ops, self._namespace).__getattr__(self._name).default

    def register_fake(self, fn, /):
        self._op.fake = fn
        return fn

    def register_kernel(self, device_types, fn=None, /):
        def register(f):
            self._op.kernel = f
            return f
        return register if fn is None else register(fn)

    def register_autograd(self, backward, /, *, setup_context=None):
        self._op.backward, self._op.setup_context = backward, setup_context

    def set_kernel_enabled(self, device_type, enabled=True):
        pass


def custom_op(name, fn=None, /, *, mutates_args, device_types=None, schema=None):
    """Wrap a Python function as the operator `name` ("ns::op"), its schema inferred from the type hints."""
    if not (mutates_args == "unknown" or isinstance(mutates_args, (tuple, list, set, frozenset, dict))):
        raise ValueError("mutates_args must either be a sequence of the names of the arguments that are mutated or "
                         "the string 'unknown'. ")

    def wrap(func):
        namespace, opname = _check_name(name)
        _check_identifier(namespace, "::" + opname)
        text = schema if schema is not None else infer_schema(func, mutates_args=mutates_args)
        _check_identifier(opname, text)
        op = _Op(name, Schema(name, text), func, generated_autograd=True)
        _OPS[name] = op
        op.custom = CustomOpDef(op, func)
        return op.custom
    return wrap if fn is None else wrap(fn)


class Library:
    """Library('ns', 'DEF') defines operators of a namespace (define), 'IMPL' / 'FRAGMENT' adds kernels (impl)."""

    def __init__(self, ns, kind, dispatch_key=""):
        if kind not in ("IMPL", "DEF", "FRAGMENT"):
            raise ValueError(f"Unsupported kind: {kind}")
        self._where = _caller()
        if kind == "DEF":
            if ns in _LIBRARIES:
                raise RuntimeError(f"Only a single TORCH_LIBRARY can be used to register the namespace {ns}; please "
                                   "put all of your definitions in a single TORCH_LIBRARY block.  If you were trying "
                                   "to specify implementations, consider using TORCH_LIBRARY_IMPL (which can be "
                                   "duplicated).  If you really intended to define operators for a single namespace "
                                   "in a distributed way, you can use TORCH_LIBRARY_FRAGMENT to explicitly indicate "
                                   f"this.  Previous registration of TORCH_LIBRARY was registered at {_LIBRARIES[ns]}; "
                                   f"latest registration was registered at {self._where}")
            _LIBRARIES[ns] = self._where
        self.ns, self.kind, self.dispatch_key = ns, kind, dispatch_key

    def __repr__(self):
        return f"Library(kind={self.kind}, ns={self.ns}, dispatch_key={self.dispatch_key})>"

    def define(self, schema, alias_analysis="", *, tags=()):
        m = re.match(r"^\s*([A-Za-z_][\w.]*)\s*(\(.*)$", schema, re.S)
        if m is None:
            token = re.compile(r"\s*([A-Za-z_]\w*|\S)").match(schema, re.match(r"\s*[\w.]*", schema).end())
            if token is None:
                raise RuntimeError(f"expected ( but found 'eof' here:\n{schema}\n")
            found = "ident" if re.match(r"\w", token.group(1)) else token.group(1)
            raise RuntimeError(f"expected eof but found '{found}' here:\n{schema}\n{' ' * token.start(1)}"
                               f"{'~' * len(token.group(1))} <--- HERE\n")
        name = m.group(1)
        qualname = f"{self.ns}::{name}"
        if qualname in _OPS:
            raise RuntimeError(f"Tried to register an operator ({qualname}{m.group(2)}) with the same name and "
                               "overload name multiple times. Each overload's schema should only be registered with "
                               f"a single call to def(). Duplicate registration: registered at {self._where}. Original "
                               f"registration: registered at {_OPS[qualname].where}")
        _OPS[qualname] = _Op(qualname, Schema(qualname, m.group(2)))
        _OPS[qualname].where = self._where
        return name

    def impl(self, op_name, fn, dispatch_key="", *, with_keyset=False):
        name = op_name if isinstance(op_name, str) else op_name._qualified_op_name.split("::")[1]
        _OPS[f"{self.ns}::{name}"].kernel = fn

    def _destroy(self):
        _LIBRARIES.pop(self.ns, None)


def _caller():
    """Where the user's code made a Library ("file:line"), as PyTorch's registrations name it."""
    frame = sys._getframe(2)
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


def _lookup(qualname):
    if isinstance(qualname, CustomOpDef):
        return qualname._op
    if isinstance(qualname, (OpOverload, OpOverloadPacket)):
        return _OPS[qualname._qualified_op_name]
    return _OPS[qualname]


def define(qualname, schema, *, lib=None, tags=()):
    """torch.library.define("ns::name", "(Tensor x) -> Tensor")."""
    namespace, name = _check_name(qualname)
    _OPS[qualname] = _Op(qualname, Schema(qualname, schema))


def impl(qualname, types, func=None, *, lib=None):
    """torch.library.impl("ns::name", "cpu"): the decorated function is the op's kernel."""
    def register(f):
        _lookup(qualname).kernel = f
        return f
    return register if func is None else register(func)


def register_fake(op, func=None, /, *, lib=None, _stacklevel=1):
    def register(f):
        _lookup(op).fake = f
        return f
    return register if func is None else register(func)


def register_kernel(op, device_types, func=None, /, *, lib=None):
    return impl(op, device_types, func)


def register_autograd(op, backward, /, *, setup_context=None, lib=None):
    found = _lookup(op)
    found.backward, found.setup_context = backward, setup_context


def get_ctx():
    raise RuntimeError("get_ctx() called outside of a fake kernel: the engine runs no FakeTensor mode")


def opcheck(op, args, kwargs=None, *, test_utils=("test_schema", "test_autograd_registration", "test_faketensor",
                                                  "test_aot_dispatch_dynamic"), raise_exception=True, atol=None,
            rtol=None):
    """Run the op as opcheck's tests do and report each: an undeclared mutation, a missing fake kernel, a backward
    with no formula fail as in PyTorch."""
    found, kwargs = _lookup(op), kwargs or {}
    shown = found.custom if found.custom is not None else op
    results = {}
    for test in ((test_utils,) if isinstance(test_utils, str) else test_utils):
        try:
            _one_check(test, found, shown, args, kwargs)
            results[test] = "SUCCESS"
        except Exception as error:
            if raise_exception:
                raise OpCheckError(f"opcheck(op, ...): {test} failed with {error} (scroll up for stack trace)") \
                    from error
            results[test] = error
    return results


def _one_check(test, op, shown, args, kwargs):
    if test == "test_schema":
        bound = op.schema.bind(args, kwargs)
        before = [a._data.copy() if isinstance(a, Tensor) else None for a in bound]
        op(*args, **kwargs)
        for i, (a, b) in enumerate(zip(op.schema.args, before)):
            if b is not None and not a.mutable and (b.shape != bound[i]._data.shape or (b != bound[i]._data).any()):
                raise RuntimeError(f"Argument {a.name} is not defined as mutable but was mutated")
    elif test == "test_faketensor":
        if op.fake is None and op.schema.returns != "()":
            name = shown._name if isinstance(shown, CustomOpDef) else op.qualname.split("::")[1]
            raise RuntimeError(f"There was no fake impl registered for {shown!r}. This is necessary for "
                               "torch.compile/export/fx tracing to work. Please use "
                               f"`{name}.register_fake` to add an fake impl.")
        if op.fake is not None:   # the fake kernel on the real tensors: its outputs' strides against the op's
            _compare_fake(op, op(*args, **kwargs), op.schema.call(op.fake, op.schema.bind(args, kwargs)))
    elif test in ("test_aot_dispatch_dynamic", "test_autograd_registration"):
        out = op(*args, **kwargs)
        outs = out if isinstance(out, tuple) else (out,)
        if test == "test_aot_dispatch_dynamic":
            for o in outs:
                if isinstance(o, Tensor) and o.requires_grad:
                    o.sum().backward(retain_graph=True)


def _compare_fake(op, real, fake):
    reals, fakes = (real, fake) if isinstance(real, tuple) else ((real,), (fake,))
    for r, f in zip(reals, fakes):
        if isinstance(r, Tensor) and isinstance(f, Tensor) and r.shape == f.shape and r.stride() != f.stride():
            at = next(i for i, (a, b) in enumerate(zip(r.stride(), f.stride())) if a != b and r.shape[i] > 1)
            raise RuntimeError(f"When comparing the output of {op.qualname.replace('::', '.')}.default on FakeTensor "
                               "and concrete Tensors, found mismatched tensor metadata: Stride mismatch! Strides are "
                               f"{r.stride()} and {f.stride()} (mismatched at {at})!")


class OpOverload:
    """torch.ops.ns.name.default: the op's one overload."""
    __module__ = "torch._ops"

    def __init__(self, qualname):
        self._qualified_op_name = qualname
        self._overloadname = "default"

    @property
    def _schema(self):
        return _OPS[self._qualified_op_name].schema

    def name(self):
        return self._qualified_op_name

    def __call__(self, *args, **kwargs):
        return _OPS[self._qualified_op_name](*args, **kwargs)

    def __repr__(self):
        return f"<OpOverload(op='{self._qualified_op_name.replace('::', '.')}', overload='default')>"

    def __str__(self):
        return self._qualified_op_name.replace("::", ".") + ".default"


class OpOverloadPacket:
    """torch.ops.ns.name: calls its default overload."""
    __module__ = "torch._ops"

    def __init__(self, qualname):
        self._qualified_op_name = qualname
        self.default = OpOverload(qualname)

    def overloads(self):
        return ["default"]

    def __call__(self, *args, **kwargs):
        return _OPS[self._qualified_op_name](*args, **kwargs)

    def __repr__(self):
        return f"<OpOverloadPacket(op='{self._qualified_op_name.replace('::', '.')}')>"

    def __str__(self):
        return self._qualified_op_name.replace("::", ".")


class _OpNamespace:
    def __init__(self, name):
        self.name = name

    def __getattr__(self, op_name):
        if op_name.startswith("__"):
            raise AttributeError(op_name)
        if f"{self.name}::{op_name}" not in _OPS:
            raise AttributeError(f"'_OpNamespace' '{self.name}' object has no attribute '{op_name}'")
        return OpOverloadPacket(f"{self.name}::{op_name}")

    def __repr__(self):
        return f"<module 'torch.ops.{self.name}' from 'torch.ops'>"


class _Ops:
    """torch.ops: torch.ops.<namespace>.<op>."""
    __name__ = "torch.ops"

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _OpNamespace(name)

    def __repr__(self):
        return "<module 'torch.ops' from '_ops.py'>"


ops = _Ops()
