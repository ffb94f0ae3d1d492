# Cython declarations for events.py (compiled build only; see autograd_magic/_compiled.py): the tape and the
# events of a backward pass as extension types, read by the recorder without attribute lookups.
cdef class Tape(list):
    cdef public object steps, elements, oversize, xp, sent, handed_out, accumulated, leaf_steps
    cdef public object omitted, values, own_seeds

cdef class BackwardBegin:
    cdef public object pass_id, call, roots, grads, inputs, create_graph, retain_graph

cdef class Accumulate:
    cdef public object pass_id, leaf, grad, before, node

cdef class BackwardEnd:
    cdef public object pass_id, error, tape

cpdef tape_accumulate(Tape tape, leaf, grad, node)
cpdef _emit(event)
