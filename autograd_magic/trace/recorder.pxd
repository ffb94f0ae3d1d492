# Cython declarations for recorder.py (compiled build only; see autograd_magic/_compiled.py): the recorder's
# state as typed attributes, the per-pass methods as cpdef (a loop runs them at every backward pass).
cimport cython
from autograd_magic.engine.events cimport Tape, BackwardBegin, BackwardEnd
from autograd_magic.engine cimport inspect as ei
from autograd_magic.trace.names cimport SourceNames
from autograd_magic.trace.loops cimport Outputs, LeafHistory, LeafThinning

cdef class NodeGrads:
    cdef public object raws, oversized, folded, _sums, leaf_steps
    cdef public Py_ssize_t added

cdef class Recorder:
    cdef public SourceNames names
    cdef public object caps, passes, notes, details
    cdef public Outputs outputs
    cdef public LeafHistory leaf_history
    cdef public NodeGrads node_grads
    cdef public LeafThinning _thinning
    cdef public object _pass, _raw, _shapes, _leaves, _lean, _sig, _prev, _tape_args
    cdef public dict _last_after
    cdef public list _ring
    cdef public Py_ssize_t count, _sweep_at
    cdef public bint _broken, _lean_on
    cdef object __weakref__
    cpdef _fail(self, exc)
    @cython.locals(names=SourceNames, roots=tuple, grads=tuple, gradient=list, root_names=list, root_ids=list,
                   i=Py_ssize_t)
    cpdef _begin(self, BackwardBegin event)
    cpdef _new_pass(self, index, root_names, root_ids, gradient, call, create_graph, retain_graph)
    cpdef _node(self, event)
    cpdef _take_tape(self, Tape tape)
    cpdef _take_gradients(self, Tape tape)
    cpdef _accumulate(self, event)
    cpdef _leaf(self, leaf, node, added, before, value)
    cpdef _end(self, BackwardEnd event)
    @cython.locals(history=LeafHistory, nodes=tuple, flags=tuple, nids=tuple, accumulated=list, entry=tuple,
                   last_after=dict, records=list, ring=list, n=Py_ssize_t, i=Py_ssize_t)
    cpdef _lean_end(self, lean, Tape tape)
    @cython.locals(folded=NodeGrads)
    cpdef _push_out(self, entry)
    cpdef _close_lean(self)
    cpdef _lean_pass(self, lean)
    cpdef _named(self, node)
    cpdef _forget_old_arrays(self)

cpdef _all_none(items)
cpdef _zeros(shape, dtype)
cpdef _same(a, b)
cpdef _add(dict sums, node, arr)
cpdef _fold(dict sums, node, arr)
