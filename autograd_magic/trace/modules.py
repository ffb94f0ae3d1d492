"""Which nn.Module made which backward node, for the graph's module boxes.

While a cell runs, global forward hooks (``register_module_forward_pre_hook`` / ``register_module_forward_hook``,
PyTorch's API, which the engine has too) see every module call. When a call returns, the nodes between its inputs
and its outputs are the module's: a walk back from the outputs' ``grad_fn`` that stops at the inputs' nodes and at
nodes made before the call (their creation order), and takes in the ``AccumulateGrad`` of the module's own
parameters. Calls nest: a node made by ``model.0`` inside ``model`` gets the scope ``(model, model.0)``.

The hooks are removed when the cell ends; nothing is written on modules, tensors or nodes (a side table here).

With the engine (whose nodes can be weakly referenced) a call's walk is deferred until the scopes are first read,
after the cell: a training loop makes the same module calls on every step, and only the graphs still alive then
(the pass that is drawn) are walked, not the 1000 graphs the loop threw away.
"""
import contextlib
import weakref

from ..engine import inspect as ei
from ..torch.nn import module as nn_module


class Backend:
    """The few questions the scopes ask about tensors and nodes, for one autograd implementation."""

    def __init__(self, is_tensor, grad_fn, leaf_node, next_nodes, is_accumulate, node_tensor, order, register,
                 weak_nodes=True):
        self.is_tensor, self.grad_fn, self.leaf_node = is_tensor, grad_fn, leaf_node
        self.next_nodes, self.is_accumulate, self.node_tensor = next_nodes, is_accumulate, node_tensor
        self.order, self.register, self.weak_nodes = order, register, weak_nodes


def engine_backend():
    """The Backend for the engine."""
    def leaf_node(t):
        return ei.leaf_node(t) if ei.requires_grad(t) else None

    return Backend(ei.is_tensor, ei.grad_fn, leaf_node, ei.next_nodes, ei.is_accumulate, ei.node_tensor,
                   ei.creation_order, (nn_module.register_module_forward_pre_hook,
                                       nn_module.register_module_forward_hook))


def torch_backend(torch, leaf_node):
    """The Backend for real PyTorch; leaf_node(t): a leaf's AccumulateGrad node (torch_backend._accumulator)."""
    def order(node):
        try:
            return node._sequence_nr()
        except Exception:  # noqa: BLE001
            return 0

    hooks = torch.nn.modules.module
    return Backend(lambda x: issubclass(type(x), torch.Tensor), lambda t: t.grad_fn, leaf_node,
                   lambda n: [f for f, _ in n.next_functions], lambda n: hasattr(n, "variable"),
                   lambda n: n.variable, order,
                   (hooks.register_module_forward_pre_hook, hooks.register_module_forward_hook), weak_nodes=False)


def _tensors(obj, is_tensor, out, depth=0):
    """The tensors in a module's arguments or output (tuples, lists, dicts, one level of nesting or two)."""
    if is_tensor(obj):
        out.append(obj)
    elif depth < 3 and isinstance(obj, (tuple, list)):
        if len(obj) == 1 and is_tensor(obj[0]):   # the usual call, model(x): no recursion
            out.append(obj[0])
            return out
        for item in obj:
            _tensors(item, is_tensor, out, depth + 1)
    elif depth < 3 and isinstance(obj, dict):
        for item in obj.values():
            _tensors(item, is_tensor, out, depth + 1)
    return out


class ModuleScopes:
    """Records, for each backward node made inside a module call, the chain of modules (outer to inner)."""

    MAX_WALK = 20000   # nodes visited per module call at most (a module over a huge graph is not boxed whole)

    def __init__(self, backend):
        self.b = backend
        self._scopes = weakref.WeakKeyDictionary() if backend.weak_nodes else {}   # node -> (module key, ...)
        self.modules = {}        # module key -> weakref to the module (or the module, when not weakly referable)
        self._stack = []
        self._pending = []       # deferred walks: (module key, [weakref to an output node], {id(bound)}, mark)
        self._prune_at = 1024
        self.failed = None

    @property
    def scopes(self):
        """{node: (module key, ...)} (outer to inner) for every node made inside a module call and alive now."""
        if self._pending:
            self._resolve()
        return self._scopes

    @contextlib.contextmanager
    def recording(self):
        pre, post = self.b.register
        handles = [pre(self._pre), post(self._post)]
        try:
            yield self
        finally:
            for h in handles:
                h.remove()

    def scope(self, node):
        return self.scopes.get(node, ())

    def module(self, key):
        ref = self.modules.get(key)
        return ref() if isinstance(ref, weakref.ref) else ref

    # ------------------------------------------------------------ the hooks (never raise into the cell)

    def _pre(self, module, args):
        try:
            b = self.b
            bounds = set()
            mark = None
            # (the usual call, model(x), without the walk)
            for t in (args if len(args) == 1 and b.is_tensor(args[0]) else _tensors(args, b.is_tensor, [])):
                node = b.grad_fn(t)
                if node is not None:
                    bounds.add(node)
                    o = b.order(node)
                    mark = o if mark is None or o > mark else mark
                else:
                    leaf = b.leaf_node(t)
                    if leaf is not None:
                        bounds.add(leaf)
            self._stack.append((module, bounds, mark))
        except Exception as exc:  # noqa: BLE001 - module boxes are a view: the cell must run as written
            self.failed = exc
            self._stack.append((module, set(), None))
        return None

    def _post(self, module, args, output):
        try:
            if not self._stack:
                return None
            mod, bounds, mark = self._stack.pop()
            if mod is not module:
                return None
            if self.b.weak_nodes:
                self._defer(module, bounds, mark, output)
            else:
                self._assign(module, bounds, mark, output)
        except Exception as exc:  # noqa: BLE001
            self.failed = exc
        return None

    def _enter(self, node, key):
        """The module ``key`` made node: it becomes the outermost of the node's scopes (calls finish inside out)."""
        old = self._scopes.get(node, ())
        if key not in old:
            self._scopes[node] = (key,) + old

    def _remember(self, module):
        key = id(module)
        if key not in self.modules:
            try:
                self.modules[key] = weakref.ref(module)
            except TypeError:
                self.modules[key] = module
        return key

    def _defer(self, module, bounds, mark, output):
        """Keep what the walk needs, weakly: the output nodes (a dead one was not kept by anyone, so it is not
        drawn) and the ids of the bounds (alive during the call, so no node made in it can take their ids)."""
        b = self.b
        key = id(module)
        if key not in self.modules:
            self._remember(module)
        outs = []
        for t in ((output,) if b.is_tensor(output) else _tensors(output, b.is_tensor, [])):
            node = b.grad_fn(t)
            if node is not None and node not in bounds:
                outs.append(weakref.ref(node))
        if not outs:
            return
        self._pending.append((key, outs, set(map(id, bounds)) if bounds else (), mark))
        if len(self._pending) >= self._prune_at:   # a long loop: drop the calls whose graphs are gone
            self._pending = [p for p in self._pending if any(r() is not None for r in p[1])]
            self._prune_at = 2 * len(self._pending) + 1024

    def _resolve(self):
        """Run the deferred walks, in the order the calls finished (inner calls before the outer ones)."""
        pending, self._pending = self._pending, []
        own = {}
        try:
            for key, outs, bound_ids, mark in pending:
                nodes = [n for n in (r() for r in outs) if n is not None]
                module = self.module(key)
                if nodes and module is not None:
                    self._walk(key, module, nodes, lambda n, ids=bound_ids: id(n) in ids, mark, own)
        except Exception as exc:  # noqa: BLE001 - module boxes are a view
            self.failed = exc

    def _assign(self, module, bounds, mark, output):
        b = self.b
        key = self._remember(module)
        stack = []
        for t in _tensors(output, b.is_tensor, []):
            node = b.grad_fn(t)
            if node is not None and node not in bounds:
                stack.append(node)
        self._walk(key, module, stack, bounds.__contains__, mark, {})

    def _walk(self, key, module, stack, is_bound, mark, own_cache):
        """Enter key on every node between the output nodes in stack and the call's inputs (is_bound), made after
        mark, and on the AccumulateGrad of the module's own parameters."""
        b = self.b
        own = own_cache.get(key)
        stack = list(stack)
        seen = set(stack)
        visited = 0
        while stack and visited < self.MAX_WALK:
            node = stack.pop()
            visited += 1
            self._enter(node, key)
            for nxt in b.next_nodes(node):
                if nxt is None or nxt in seen or is_bound(nxt):
                    continue
                seen.add(nxt)
                if b.is_accumulate(nxt):
                    if own is None:
                        own = own_cache[key] = {id(p) for p in module.parameters()}
                    if id(b.node_tensor(nxt)) in own:
                        self._enter(nxt, key)
                    continue
                if mark is not None and b.order(nxt) <= mark:
                    continue   # made before this call: not the module's
                stack.append(nxt)


def _bound_modules(user_ns, is_module):
    """(variable, module) for the modules bound to public names in the namespace."""
    return [(var, obj) for var, obj in list(user_ns.items()) if not var.startswith("_") and is_module(obj)]


def module_names(user_ns, is_module):
    """{id(module): "model.0"}, from the modules bound in the namespace (first name wins)."""
    names = {}
    for var, obj in _bound_modules(user_ns, is_module):
        try:
            for prefix, m in obj.named_modules():
                names.setdefault(id(m), var + ("." + prefix if prefix else ""))
        except Exception:  # noqa: BLE001 - a broken user module is left unnamed
            continue
    return names


def parameter_names(user_ns, is_module):
    """{id(parameter): "model.0.weight"} for the modules bound in the namespace."""
    names = {}
    for var, obj in _bound_modules(user_ns, is_module):
        try:
            for pname, p in obj.named_parameters():
                names.setdefault(id(p), f"{var}.{pname}")
        except Exception:  # noqa: BLE001 - a broken user module is left unnamed
            continue
    return names


def describe(module):
    """A short label for a module: ``Linear(3 -> 5)``, ``Conv2d(1 -> 6, 5x5)``, else its class name."""
    kind = type(module).__name__
    get = getattr
    try:
        if hasattr(module, "in_features") and hasattr(module, "out_features"):
            return f"{kind}({get(module, 'in_features')} \u2192 {get(module, 'out_features')})"
        if hasattr(module, "in_channels") and hasattr(module, "out_channels"):
            k = get(module, "kernel_size", None)
            size = "x".join(str(v) for v in k) if isinstance(k, (tuple, list)) else str(k)
            return f"{kind}({get(module, 'in_channels')} \u2192 {get(module, 'out_channels')}, {size})"
        if hasattr(module, "input_size") and hasattr(module, "hidden_size"):
            return f"{kind}({get(module, 'input_size')} \u2192 {get(module, 'hidden_size')})"
    except Exception:  # noqa: BLE001
        pass
    return kind


def add_scopes(graph, nodes, scopes, user_ns, is_module, node_id):
    """Give each drawn op node (and the tensor box beside it) the chain of modules that made it, and
    ``graph.scopes`` their labels (``model.0: Linear(3 → 5)``)."""
    if scopes is None or not len(scopes.scopes):
        return
    by_id = {}
    for node in nodes:
        chain = scopes.scope(node)
        if chain:
            by_id[node_id(node)] = chain
    if not by_id:
        return
    names = module_names(user_ns, is_module)
    used = set()
    for gnode in graph.nodes:
        chain = by_id.get(gnode.node_id)
        if chain:
            gnode.scope = chain
            used.update(chain)
    for key in used:
        module = scopes.module(key)
        if module is None:
            continue
        name = names.get(key)
        graph.scopes[key] = f"{name}: {describe(module)}" if name else describe(module)


FOLD_ROOM = 8   # a graph with module boxes is built with this many times the node cap: the view folds modules
                # (views/graph.py) and then applies the cap to what is left, so folding frees room for more


def fold_room(max_nodes, run):
    """The node cap for building the graph of a run: max_nodes, or FOLD_ROOM times it when modules were seen."""
    scopes = getattr(run, "scopes", None)
    if max_nodes is None or scopes is None or not len(scopes.scopes):
        return max_nodes
    return max_nodes * FOLD_ROOM
