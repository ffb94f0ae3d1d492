# Cython declarations for runner.py (compiled build only; see autograd_magic/_compiled.py): the tagger the cell
# calls for every assignment and expression, with its state as typed attributes.
from autograd_magic.engine cimport inspect as ei
from autograd_magic.trace.names cimport SourceNames

cdef class Tagging:
    cdef public SourceNames names
    cdef public object transform
    cdef public bint nodes
    cdef public dict pending, by_name, first_leaves, plain_sites
    cdef public list assigned, notes
    cdef public Py_ssize_t prune_at
