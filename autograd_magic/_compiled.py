"""The hot modules compiled with Cython, used only while they match their source.

``make setup`` / ``make test`` / ``make demo`` run ``tools/build_compiled.py``, which compiles each module of
``MODULES`` (the engine's dispatch and backward loop, the recorder and the tagger: what a training loop runs for
every op) into ``<name>.<crc>.<abi>.so`` beside its ``.py``, where ``<crc>`` is the CRC-32 of the ``.py``'s bytes
(and of its ``.pxd``'s, when it has one). The finder installed here (first thing the package does) loads that file
for the module when its sources still have that CRC, else the ``.py`` as usual: an edited module runs as written,
never as a stale build. Without a C compiler or Cython nothing is built and every module is plain Python (same
behaviour; a training loop ~1.5x slower). ``AUTOGRAD_MAGIC_PURE_PYTHON=1`` ignores the compiled files (to compare,
or to debug with pdb).

The compiled code is the same Python code (Cython's pure-Python mode). A few modules have a ``.pxd`` beside them
(Cython's "augmenting" declarations; plain Python never reads it) that makes the classes a loop touches at every
pass extension types with typed attributes (the recorder, the tagger, the side tables of names, the loops'
histories, the engine's events and tape) and some of their methods ``cpdef``: their attributes are then read
without a dictionary lookup. Compiled, such a class takes no attribute that its ``.pxd`` does not declare, and its
methods cannot be replaced on the class (a test that patches one subclasses it instead). What else differs is
that a compiled function has no frame of its own, so code that looks at the stack (warnings' stacklevel, the
caller of backward()) finds the user's frame by its file name, never by counting frames.
"""
import os
import re
import sys
import zlib
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, ModuleSpec

# dotted names under the package: internal modules only, those a training loop runs for every op or pass (the
# backward loop, the recorder, the tagger). Kept out: modules that define what users call (a compiled function's
# argument errors read "fn() takes exactly 1 positional argument (2 given)", not Python's wording, which the
# engine's API mirrors from PyTorch); the views' entry points, which IPython and the widgets call directly
# (result.py, diagram.py, registry.py, sliders.py: numpy's warnings are told apart by the module of the innermost
# Python frame, engine/__init__.py ignores those of the package's own code, and a compiled function called from
# outside the package has no frame of ours to be told by; the compiled views under them, which write the table,
# the graph's DOT and the histories, do their own float arithmetic under np.errstate); and modules that count
# references (engine/bufpool.py: a compiled caller holds fewer).
MODULES = (
    "engine.dispatch", "engine.autograd", "engine.events", "engine.inspect", "engine.blas", "engine.ckernels",
    "engine.xp", "engine.optable", "engine.memory_format", "engine.ops", "engine.vec_kernels", "engine.mkl_order",
    "trace.runner", "trace.execute", "trace.loops", "trace.model", "trace.recorder", "trace.names", "trace.build",
    "trace.modules", "torch.argument_errors", "engine.method_errors", "engine.torch_function",
    "views.table", "views.history", "views.graph", "views.format",
)

PACKAGE = os.path.dirname(os.path.abspath(__file__))
SUFFIX = EXTENSION_SUFFIXES[0]   # ".cpython-311-x86_64-linux-gnu.so": a build for another Python is never loaded
PURE_ENV = "AUTOGRAD_MAGIC_PURE_PYTHON"


def source_path(module):
    return os.path.join(PACKAGE, *module.split(".")) + ".py"


def source_crc(path):
    """CRC-32 of the module's .py and, when it has them, of the .pxd beside it and the .pxd files that one
    cimports (the declarations Cython compiles the module against: a change to any of them makes a new build)."""
    with open(path, "rb") as f:
        data = f.read()
    for pxd in [path[:-3] + ".pxd"] + [dep[:-3] + ".pxd" for dep in cimported(path, deep=True)]:
        try:
            with open(pxd, "rb") as f:
                data += f.read()
        except OSError:
            pass
    return f"{zlib.crc32(data):08x}"


_CIMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+cimport[ \t]+([\w ,\t]+)|cimport[ \t]+([\w.]+))", re.M)


def cimported(path, deep=False):
    """Source paths of the package's modules whose .pxd the .pxd beside path cimports (deep: and theirs, and so
    on): its build is compiled against their extension types and is loaded only beside their builds."""
    found, todo = [], [path]
    while todo:
        try:
            with open(todo.pop()[:-3] + ".pxd") as f:
                text = f.read()
        except OSError:
            continue
        for m in _CIMPORT.finditer(text):
            names = [m.group(3)] if m.group(3) else \
                [m.group(1)] + [f"{m.group(1)}.{n.split()[0]}" for n in m.group(2).split(",") if n.strip()]
            for dotted in names:
                parts = dotted.split(".")
                dep = os.path.join(PACKAGE, *parts[1:]) + ".py"
                if parts[0] == os.path.basename(PACKAGE) and len(parts) > 1 and dep not in found \
                        and os.path.exists(dep[:-3] + ".pxd"):
                    found.append(dep)
                    if deep:
                        todo.append(dep)
        if not deep:
            break
    return found


def compiled_path(module, crc):
    return source_path(module)[:-3] + f".{crc}{SUFFIX}"


def current_build(module):
    """The compiled file of module built from its sources as they are now, when it and the builds of every
    module its .pxd cimports (deep) exist; else None (the module then runs from its .py)."""
    source = source_path(module)
    try:
        path = compiled_path(module, source_crc(source))
        if not os.path.exists(path):
            return None
        for dep in cimported(source, deep=True):
            name = os.path.relpath(dep[:-3], PACKAGE).replace(os.sep, ".")
            if not os.path.exists(compiled_path(name, source_crc(dep))):
                return None   # (its extension types would not be the ones this build was compiled against)
    except OSError:
        return None
    return path


class CompiledFinder:
    """A meta path finder for MODULES: the compiled file when it was built from the sources as they are now."""

    def __init__(self, package_name):
        self.names = {f"{package_name}.{m}": m for m in MODULES}
        self.loaded = []   # full names loaded compiled (read by tests and by ``%grad_info``-like checks)

    def find_spec(self, fullname, path=None, target=None):
        module = self.names.get(fullname)
        if module is None:
            return None
        compiled = current_build(module)
        if compiled is None:
            return None   # (the usual finders load the .py)
        self.loaded.append(fullname)
        return ModuleSpec(fullname, ExtensionFileLoader(fullname, compiled), origin=compiled)


FINDER = None


def install(package_name):
    """Put the finder first on sys.meta_path (once), unless AUTOGRAD_MAGIC_PURE_PYTHON is set."""
    global FINDER
    if FINDER is not None or os.environ.get(PURE_ENV, "") not in ("", "0"):
        return
    FINDER = CompiledFinder(package_name)
    sys.meta_path.insert(0, FINDER)


def compiled_modules():
    """The modules of this process that run compiled (full names)."""
    return list(FINDER.loaded) if FINDER is not None else []
