# Cython declarations for loops.py (compiled build only; see autograd_magic/_compiled.py): the outputs' and
# leaves' histories a loop adds to at every pass, as extension types.
cimport cython
cdef class OutputRun:
    cdef public object name, expr, first, last, history
    cdef public Py_ssize_t count
    cpdef add(self, tensor, seed, value)

cdef class Outputs:
    cdef public dict runs
    cpdef add(self, tensor, seed, name, value, expr=*)

cdef class LeafHistory:
    cdef public dict values
    cpdef add(self, node_id, value)

cdef class LeafThinning:
    cdef public object thin
    cdef public dict leaves
    cpdef add(self, record)
    @cython.locals(leaves=dict, lens=list, records=list, hidden_false=object)
    cpdef add_hidden(self, hidden, Py_ssize_t id_at=*, Py_ssize_t continued_at=*)

cpdef _stand_in(continued)
