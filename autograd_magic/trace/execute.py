"""Running a cell's code the way a normal cell runs: tag it, compile it (top-level ``await`` allowed), run it with
``torch`` meaning the engine, and give back tracebacks that show only the user's frames.

IPython's own input transformation (``%magic``, ``!cmd``, ``x?``) happens before, in the magic: what comes here is
Python source. Nothing here imports IPython.
"""
import ast
import functools
import importlib
import importlib.abc
import importlib.util
import asyncio
import contextlib
import inspect
import io
import os
import sys
import tokenize
import types
import warnings

from .. import torch as engine_torch

TAG = "__autograd_magic_tag__"
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_ENGINE_PREFIX = engine_torch.__name__  # "autograd_magic.torch"
_PACKAGE = __name__.split(".")[0]
_OUR_FILES = (_PACKAGE_DIR, _PACKAGE + os.sep)   # (absolute, and as a compiled module names its file)


# ---------------------------------------------------------------- tagging tensors with their source


# Code that may run after the cell (functions, lambdas, classes, generators) is left as written: the tagging
# helper exists only while the cell runs. Match patterns only take literals: a wrapped one is a SyntaxError.
_TEXT_CAP = 300
_OPAQUE = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.GeneratorExp, ast.pattern)


class Tagger:
    """Wrap assignments and sub-expressions so that each tensor learns its name or its source text.

    The tree is walked with an explicit stack, children before parents: a 1000-term sum nests 1000 levels deep,
    which a recursive ``ast.NodeTransformer`` cannot visit (RecursionError at about 300 terms).
    """

    def __init__(self, source, lean=True):
        self.lines = [line.encode("utf-8") for line in source.splitlines(True)]
        # lean: expressions that make no graph node are left untagged (a ``with torch.no_grad():`` block, a
        # statement ``loss.backward()``); a run whose transform must see every value (trace.probe) is not lean
        self.lean = lean

    def _text(self, node):
        """The node's source text (ast offsets count UTF-8 bytes); lines are split once per cell."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                raw = self.lines[first][node.col_offset:node.end_col_offset]
            else:
                raw = b"".join([self.lines[first][node.col_offset:], *self.lines[first + 1:last],
                                self.lines[last][:node.end_col_offset]])
            text = raw.decode("utf-8")
        except (AttributeError, IndexError, TypeError, UnicodeDecodeError):
            return ""
        # a label, not a listing: a 1000-term sum would otherwise keep ~1000 ever longer copies of itself
        return text if len(text) <= _TEXT_CAP else text[:_TEXT_CAP - 3] + "..."

    @staticmethod
    def _wrap(value, kind, text, site=None, expr=None):
        where = dict(lineno=value.lineno, col_offset=value.col_offset, end_lineno=value.end_lineno,
                     end_col_offset=value.end_col_offset)
        args = [value, ast.Constant(kind, **where), ast.Constant(text, **where)]
        if site is not None:
            args.append(ast.Constant(site, **where))
        if expr is not None:
            args.append(ast.Constant(expr, **where))
        return ast.Call(func=ast.Name(id=TAG, ctx=ast.Load(), **where), args=args, keywords=[], **where)

    @staticmethod
    def _tagged(node):
        """Is node an expression whose value gets its source text?"""
        return isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Call)) or (
            isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load))

    def visit(self, tree):
        stack = [(tree, False, False)]
        while stack:
            node, children_done, quiet = stack.pop()
            if children_done:
                self._rewrite(node, quiet)
                continue
            detached = self.lean and _detached_target(node)
            stack.append((node, True, quiet or detached))
            quiet_inside = quiet or detached or (self.lean and self._no_grad_block(node))
            stack.extend((child, False, quiet_inside) for child in ast.iter_child_nodes(node)
                         if not isinstance(child, _OPAQUE))
        return tree

    def _no_grad_block(self, node):
        """A ``with torch.no_grad():`` block (nothing in it asks for grad mode back): its expressions make no
        graph node, so they are not tagged (a training loop's update step costs nothing extra)."""
        if not isinstance(node, (ast.With, ast.AsyncWith)):
            return False
        if not all(self._text(item.context_expr).replace(" ", "") in _NO_GRAD for item in node.items):
            return False
        return not any(isinstance(n, ast.Name) and n.id in _GRAD_BACK or isinstance(n, ast.Attribute)
                       and n.attr in _GRAD_BACK for stmt in node.body for n in ast.walk(stmt))

    def _rewrite(self, node, quiet=False):
        """Wrap node's tagged children (already rewritten themselves), then name an assignment's value."""
        name = None
        if isinstance(node, ast.Assign):
            name = next((t.id for t in node.targets if isinstance(t, ast.Name)), None)
        elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
            name = node.target.id
        # lean: a named assignment's value gets its source text through the name's tag (one call, not two)
        expr = None
        if self.lean and name is not None and not quiet and self._tagged(node.value) \
                and not _never_a_node(node.value):
            expr = self._text(node.value)
        if not quiet and not (self.lean and _statement_call_unused(node)):
            for field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    for i, item in enumerate(value):
                        if self._tagged(item) and not (self.lean and _never_a_node(item)):
                            value[i] = self._wrap(item, "expr", self._text(item))
                elif (self._tagged(value) and not (expr is not None and value is node.value)
                      and not (self.lean and _never_a_node(value))):
                    setattr(node, field, self._wrap(value, "expr", self._text(value)))
        if name is not None:
            node.value = self._wrap(node.value, "name", name, site_of(node), expr)


# context managers that turn grad mode off, as written (spaces dropped), and names that may turn it back on
_NO_GRAD = {"torch.no_grad()", "no_grad()", "torch.inference_mode()", "inference_mode()"}
_GRAD_BACK = {"enable_grad", "set_grad_enabled", "inference_mode", "requires_grad_", "requires_grad"}
# methods whose result a statement like ``loss.backward()`` throws away and that make no graph node worth a name
_RESULT_UNUSED = {"backward", "step", "zero_grad", "append", "extend", "print"}


# calls whose result is never a graph node: a number, a size, a list (``x.item()``, ``x.shape[0]``, ``len(x)``)
_NUMBER_METHODS = {"item", "tolist", "size", "dim", "numel", "nelement", "ndimension", "data_ptr", "stride"}
_NUMBER_FUNCTIONS = {"len", "range", "int", "float", "bool", "str", "repr", "isinstance", "enumerate", "zip",
                     "print", "type", "round", "format"}
_DETACHED = {"data", "grad"}


def _never_a_node(node):
    """Is node an expression that cannot make a graph node: constants only (``-1``, ``2 ** 10``), an index into
    ``.shape``, a call that returns a number or a size, arithmetic on those? (lean: its value is not tagged)"""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return _never_a_node(node.operand)
    if isinstance(node, ast.BinOp):
        return _never_a_node(node.left) and _never_a_node(node.right)
    if isinstance(node, ast.Subscript):
        return isinstance(node.value, ast.Attribute) and node.value.attr == "shape"
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute):
            return func.attr in _NUMBER_METHODS
        return isinstance(func, ast.Name) and func.id in _NUMBER_FUNCTIONS
    return False


def _detached_target(node):
    """Is node an assignment into ``.data`` or ``.grad`` (``p.data += -lr * p.grad``, ``w.data = w - ...``)? What
    its value makes is written past the graph: no node it makes can be reached by a later backward()."""
    if isinstance(node, ast.AugAssign):
        targets = [node.target]
    elif isinstance(node, ast.Assign):
        targets = node.targets
    else:
        return False
    return all(isinstance(t, ast.Attribute) and t.attr in _DETACHED for t in targets)


def _statement_call_unused(node):
    """Is node an expression statement calling one of _RESULT_UNUSED (``loss.backward()``, ``opt.step()``,
    ``print(...)``)? Its call is not tagged (its arguments are)."""
    if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call):
        return False
    func = node.value.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return name in _RESULT_UNUSED


def site_of(node):
    """Where an assignment is in the cell: what a slider's input is tied to ("line:column")."""
    return f"{node.lineno}:{node.col_offset}"


class CompiledCell:
    """A cell's code: its statements, its last expression (shown as Out) and the names it binds."""

    def __init__(self, body, last, bound):
        self.body, self.last, self.bound = body, last, bound


_FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


_COMPILE_DEPTH = 8000  # Python's compiler recurses once per nesting level (twice with the tag wrappers)


def compile_cell(source, filename, names_only=False, lean=True):
    """Tag and compile source; SyntaxError as a normal cell raises it. A cell nested too deep for the tagged
    form (whose wrappers double the nesting) is compiled with its assignments tagged only; so is every cell
    with names_only (a run that records no node: no expression's source text is read)."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, _COMPILE_DEPTH))
    try:
        return _compile_cell(source, filename, names_only, lean)
    finally:
        sys.setrecursionlimit(old)


_CACHED_NAME = "<%%grad cached>"


def _compile_cell(source, filename, names_only=False, lean=True):
    """Cached by source: probe re-runs (trace.probe), slider moves and a cell run again (whose file name, the
    frontend's cell number, changes each time) compile the same source again and again; the cached code objects
    are never changed, a run under another file name gets renamed copies. A SyntaxError is raised by compiling
    under the real name (an error is not cached)."""
    try:
        cell, warned = _compile_cached(source, names_only, lean)
    except SyntaxError:
        cell = None
    if cell is None:   # raised again under the cell's own name, outside the handler (no chained traceback)
        return _compile_named(source, filename, names_only, lean)
    for w in warned:   # what compiling says (a SyntaxWarning) is said on every run, as for a normal cell
        warnings.warn_explicit(w.message, w.category, filename, w.lineno)
    if filename == _CACHED_NAME:
        return cell
    return CompiledCell(_renamed(cell.body, filename), cell.last and _renamed(cell.last, filename), cell.bound)


def _renamed(code, filename):
    """code and the code objects nested in it (functions, classes, comprehensions) under another file name."""
    consts = tuple(_renamed(c, filename) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


@functools.lru_cache(maxsize=16)
def _compile_cached(source, names_only=False, lean=True):
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        cell = _compile_named(source, _CACHED_NAME, names_only, lean)
    return cell, tuple(warned)


def _compile_named(source, filename, names_only=False, lean=True):
    tree = ast.parse(source, filename)
    bound = bound_names(tree)
    last = ast.Expression(tree.body.pop().value) if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    try:
        return _compile(source, filename, tree, last, bound, (_NamesOnly if names_only else Tagger)(source, lean))
    except RecursionError:
        tree = ast.parse(source, filename)
        last = ast.Expression(tree.body.pop().value) if last is not None else None
        return _compile(source, filename, tree, last, bound, _NamesOnly(source))


def _compile(source, filename, tree, last, bound, tagger):
    body = compile(tagger.visit(tree), filename, "exec", flags=_FLAGS, dont_inherit=True)
    last = compile(tagger.visit(last), filename, "eval", flags=_FLAGS, dont_inherit=True) if last else None
    return CompiledCell(body, last, bound)


class _NamesOnly(Tagger):
    @staticmethod
    def _tagged(node):
        return False


def bound_names(tree):
    """Names the cell itself binds anywhere (imports, assignments, for targets ...)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name.split(".")[0]) for a in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


# ---------------------------------------------------------------- a cell's source, as IPython runs it


def cell_source(shell, line, cell, number, raw_cell=None):
    """(Python source, file name) for a %%grad cell: the body through IPython's own input transformation
    (``%magic``, ``!cmd``, ``x?``, as in a normal cell), one line down so that line numbers count the ``%%grad``
    line as the frontend does, and registered with IPython's compiler as cell ``number`` so that tracebacks say
    ``Cell In[N], line L`` (raw_cell: the whole cell as the frontend sent it). ``shell`` is IPython's shell."""
    header = ("%%grad " + line).rstrip()
    lines = cell.splitlines(True)
    blank = next((i for i, text in enumerate(lines) if text.strip()), len(lines))
    try:  # IPython drops leading blank lines: they are put back, to keep the line numbers
        source = "\n" * (1 + blank) + _transformed(shell, "".join(lines[blank:]))
    except Exception:  # noqa: BLE001 - the cell as written; its SyntaxError is then the compiler's
        source = "\n" + cell
    try:
        return source, shell.compile.cache(header + source, number, raw_code=raw_cell or header + "\n" + cell)
    except Exception:  # noqa: BLE001 - an older IPython: tracebacks then name the cell <%%grad>
        return source, "<%%grad>"


@functools.lru_cache(maxsize=16)
def _transformed(shell, text):
    """shell.transform_cell(text), remembered for the latest cells: a cell run again, a slider move, a probe
    re-run tokenize the same text (IPython's transformers depend on the text only)."""
    return shell.transform_cell(text)


@functools.lru_cache(maxsize=16)
def ends_with_semicolon(source):
    """Does the cell's last statement end with ``;``? Then it shows no Out, as a normal cell (IPython's rule:
    the last token that is not a comment or a line end)."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    skip = (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.DEDENT)
    last = next((t for t in reversed(tokens) if t.type not in skip), None)
    return last is not None and last.type == tokenize.OP and last.string == ";"


# ---------------------------------------------------------------- running


def run_code(code, namespace):
    """Run compiled code in namespace; a cell with top-level ``await`` is run to completion on an event loop."""
    result = eval(code, namespace)  # noqa: S307 - the user's own cell
    if code.co_flags & inspect.CO_COROUTINE:
        result = _run_coroutine(result)
    return result


def _run_coroutine(coro):
    """Run coro on a fresh event loop in this thread. Inside a kernel the kernel's loop is running (the magic is
    called from it): it is set aside for the cell's duration, as the cell cannot give control back to it."""
    running = asyncio._get_running_loop()
    loop = asyncio.new_event_loop()
    asyncio._set_running_loop(None)
    try:
        return loop.run_until_complete(coro)
    finally:
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
            asyncio._set_running_loop(running)


def user_traceback(tb, filename):
    """The part of a traceback the user wrote: from the cell's first frame on, without autograd_magic's frames
    (the magic, the runner, the engine), so an error reads as it would in a normal cell. None when the cell's
    code was never reached."""
    frames = []
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    start = next((i for i, t in enumerate(frames) if t.tb_frame.f_code.co_filename == filename), None)
    if start is None:
        return None
    # (a compiled module's entries name their file relative to the folder it was built in: _compiled.py)
    kept = [t for t in frames[start:] if not t.tb_frame.f_code.co_filename.startswith(_OUR_FILES)]
    for a, b in zip(kept, kept[1:]):
        a.tb_next = b
    kept[-1].tb_next = None
    return kept[0]


# ---------------------------------------------------------------- torch means the engine


def engine_modules():
    """{"torch.x.y": the engine's module} for every module of autograd_magic.torch (torch.nn.functional,
    torch.optim.lr_scheduler, torch.utils.data, torch.cuda ...): what `import torch...` resolves to in a cell.
    Worked out again only when sys.modules changed size or an engine module in it was replaced (a kernel holds
    thousands of modules, and the scan was a fifth of a %%grad cell's fixed cost); the dict returned is shared: do
    not change it."""
    cached = _ENGINE_MODULES
    if cached and cached[0] == len(sys.modules) and all(sys.modules.get(n) is m for n, m in cached[2]):
        return cached[1]
    own = [(name, mod) for name, mod in list(sys.modules.items())
           if mod is not None and (name == _ENGINE_PREFIX or name.startswith(_ENGINE_PREFIX + "."))]
    mods = {"torch" + name[len(_ENGINE_PREFIX):]: mod for name, mod in own}
    for attr in ("cuda", "backends"):  # namespaces that may be plain objects rather than modules
        obj = getattr(engine_torch, attr, None)
        if obj is not None and "torch." + attr not in mods:
            mods["torch." + attr] = obj
    _ENGINE_MODULES[:] = [len(sys.modules), mods, own]
    return mods


_ENGINE_MODULES = []   # [len(sys.modules), engine_modules() then, the (name, module) pairs it was made from]


@contextlib.contextmanager
def torch_is_the_engine(user_ns, bound=()):
    """For the duration of a cell: ``torch`` (the name, ``import torch...``) and every real PyTorch module the
    namespace holds (``nn``, ``F``, ``optim`` bound by earlier plain cells) mean the engine's counterpart.

    Afterwards sys.modules and the names are as before, except names the cell bound itself (``bound``), as a
    cell would leave them. User modules first imported during the cell that took the engine (``import mylib``
    where mylib does ``import torch``) are dropped from sys.modules: the cell keeps the module it bound, and a
    later plain ``import mylib`` imports it afresh with real PyTorch.
    """
    modules = engine_modules()
    saved_modules = {k: sys.modules.get(k) for k in modules}
    # real PyTorch's modules without an engine counterpart (torch.jit, torch.utils.checkpoint ...) leave sys.modules
    # for the cell, and importing one raises an error that names it: never real PyTorch code on engine tensors
    # (no real "torch" in sys.modules: none of its submodules either, a package is imported before them)
    table = sys.modules
    hidden = {}
    if "torch" in table:
        pop = table.pop
        for k in _real_torch_names(modules):
            mod = pop(k, _MISSING)
            if mod is not _MISSING:
                hidden[k] = mod
    finder = _NotInTheEngine(modules)
    sys.meta_path.insert(0, finder)
    swapped = {"torch": user_ns.get("torch", _MISSING)}
    module_type, get = types.ModuleType, modules.get
    for name, value in list(user_ns.items()):
        if issubclass(type(value), module_type) and name != "torch":   # type(): a lazy proxy's __class__ may raise
            counterpart = get(value.__dict__.get("__name__"))
            if counterpart is not None and counterpart is not value:
                swapped[name] = value
    for name in swapped:
        user_ns[name] = modules["torch" if name == "torch" else swapped[name].__name__]
    table.update(modules)
    try:
        yield
    finally:
        try:
            sys.meta_path.remove(finder)
        except ValueError:
            pass
        # user modules the cell imported first, before the hidden ones come back (they are not new): the names the
        # import system asked the finder for (every import of a module not in sys.modules passes through it)
        # that are in sys.modules now. (Not a set of sys.modules' keys before and after: hashing ~1300 keys that a
        # cell's loop pushed out of the processor's caches was a tenth of a re-run's fixed cost.)
        new = [name for name in finder.asked if name in table]
        for k, mod in saved_modules.items():
            if mod is None:
                table.pop(k, None)
            else:
                table[k] = mod
        for k in finder.loaded:   # (an engine module the cell imported first: not torch.x for later cells)
            table.pop(k, None)
        for k, mod in hidden.items():
            table.setdefault(k, mod)
        for name, old in swapped.items():
            if name in bound:
                continue
            engine_value = modules["torch" if name == "torch" else old.__name__]
            if user_ns.get(name, _MISSING) is engine_value:
                if old is _MISSING:
                    user_ns.pop(name, None)
                else:
                    user_ns[name] = old
        for name in new:
            mod = table.get(name)
            if mod is not None and name.split(".")[0] not in (_PACKAGE, "torch") and _took_the_engine(mod):
                del table[name]


def _real_torch_names(modules):
    """The names in sys.modules of real PyTorch's modules that have no engine counterpart in modules (what a cell
    hides): worked out again only when sys.modules changed size (a kernel with PyTorch holds ~800 of them)."""
    cached = _REAL_NAMES
    if cached and cached[0] == len(sys.modules) and cached[1] is modules:
        return cached[2]
    names = [k for k in list(sys.modules) if (k == "torch" or k.startswith("torch.")) and k not in modules]
    _REAL_NAMES[:] = [len(sys.modules), modules, names]
    return names


_REAL_NAMES = []   # [len(sys.modules), the engine_modules() dict, the names _real_torch_names gave for them]


_MISSING = object()


class _NotInTheEngine:
    """A meta path finder for the duration of a cell: ``import torch.x`` where the engine has no ``torch.x``
    raises ModuleNotFoundError naming it (instead of finding real PyTorch's module, or numpy's "not a package")."""

    def __init__(self, modules):
        self.modules = modules
        self.asked = []   # the modules imported while the cell ran (torch_is_the_engine drops those that took it)
        self.loaded = []   # torch.* names of engine modules the cell imported first (see find_spec)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith("torch.") and fullname not in self.modules:
            ours = _ENGINE_PREFIX + fullname[len("torch"):]
            if ours not in sys.modules and _has_source(ours):
                # an engine module not imported yet (torch.utils.tensorboard): imported now, its own errors (a
                # missing dependency, as PyTorch's import of it gives) propagating; it leaves with the cell
                module = importlib.import_module(ours)
                self.loaded.append(fullname)
                return importlib.util.spec_from_loader(fullname, _Ready(module))
            raise ModuleNotFoundError(f"No module named '{fullname}': autograd_magic implements a subset of "
                                      f"PyTorch, and {fullname} is not part of it", name=fullname)
        self.asked.append(fullname)
        return None


def _has_source(name):
    """Is there a module (a .py file or a package) of that dotted name under the package, without importing it?"""
    parts = name.split(".")[1:]
    base = os.path.join(_PACKAGE_DIR, *parts)
    return os.path.isfile(base + ".py") or os.path.isfile(os.path.join(base, "__init__.py"))


class _Ready(importlib.abc.Loader):
    """The loader of a module already imported under the engine's own name."""

    def __init__(self, module):
        self.module = module

    def create_module(self, spec):
        return self.module

    def exec_module(self, module):
        pass


def _took_the_engine(mod):
    """Does a module's namespace hold the engine: its modules, functions or classes (whose ``__module__``
    imitates PyTorch's, so their code's file is what tells)?"""
    try:
        values = list(vars(mod).values())
    except TypeError:
        return False
    return any(_ours(v) for v in values)


def _ours(value):
    kind = type(value)  # type(): a lazy proxy's __class__ may raise
    try:
        if issubclass(kind, types.ModuleType):
            name = value.__dict__.get("__name__", "")
            return isinstance(name, str) and name.startswith(_PACKAGE + ".")
        if kind is types.FunctionType:
            return value.__code__.co_filename.startswith(_PACKAGE_DIR)
        if kind.__name__ == "cython_function_or_method":   # a function of a compiled module (_compiled.py)
            return str(getattr(value, "__module__", "")).startswith(_PACKAGE + ".")
        if issubclass(kind, type):
            return any(_ours(f) for f in list(value.__dict__.values())
                       if type(f) is types.FunctionType or type(f).__name__ == "cython_function_or_method")
    except Exception:  # noqa: BLE001 - an odd object in a user module is not ours to judge
        return False
    return False
