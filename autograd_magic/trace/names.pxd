# Cython declarations for names.py (compiled build only; see autograd_magic/_compiled.py): the side table of
# names and node labels the tagger writes for every expression and assignment of a loop.
cimport cython
from autograd_magic.engine cimport inspect as ei
cdef class SourceNames:
    cdef public dict _tensor_names
    cdef public Py_ssize_t _prune_at, _slot, made
    cdef public list _ring
    @cython.locals(table=dict, entry=tuple, raw=list)
    cpdef name_tensor(self, t, name, site=*, label=*, expr=*, ref=*)
    @cython.locals(raw=list, old=list, ring=list, i=Py_ssize_t)
    cpdef new_label(self, node, t, expr, site)
    cpdef tensor_name(self, t)
