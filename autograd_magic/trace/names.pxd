# Cython declarations for names.py (compiled build only; see autograd_magic/_compiled.py): the side table of
# names and node labels the tagger writes for every expression and assignment of a loop.
from autograd_magic.engine cimport inspect as ei
cdef class SourceNames:
    cdef public dict _tensor_names
    cdef public Py_ssize_t _prune_at, _slot, made
    cdef public list _ring
    cpdef name_tensor(self, t, name, site=*, label=*, expr=*)
    cpdef new_label(self, node, t, expr, site)
    cpdef tensor_name(self, t)
