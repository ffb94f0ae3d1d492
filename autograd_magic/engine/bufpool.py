"""Big arrays the engine reuses instead of asking the allocator for fresh memory on every pass.

glibc hands big freed blocks back to the kernel (its mmap and trim thresholds), so a loop that makes fresh
multi-MB arrays pays a page fault per 4 KB page on every step (RECIPES.md "glibc ..."): on an AMD EPYC VM,
10 ms of a 13 ms backward over 1e6 float32. The engine keeps the big arrays it makes for op results here and
hands one out again once nothing but this pool refers to it (CPython's reference count says so: a user tensor,
a numpy view, a saved tensor, a hook's argument all hold a reference), so memory the user can still see is never
written. The pool holds at most MAX_BYTES; arrays beyond that are left to the allocator.
"""
import sys

import numpy as np

MIN_BYTES = 1 << 20            # smaller arrays come from numpy's own small-block cache and the heap
MAX_BYTES = 64 << 20           # what the pool may keep alive while unused
_arrays = []                   # arrays the engine made, each possibly still in use elsewhere
_ids = set()
_held = [0]


def empty(shape, dtype):
    """An uninitialised array: a free pooled one of this shape and dtype when there is one, else a new one that
    joins the pool (within MAX_BYTES)."""
    dtype = np.dtype(dtype)
    for arr in _arrays:
        # references: the list, this loop's name and getrefcount's argument -> nobody else holds arr
        if arr.shape == shape and arr.dtype == dtype and sys.getrefcount(arr) == 3:
            return arr
    arr = np.empty(shape, dtype)
    if _held[0] + arr.nbytes > MAX_BYTES:
        _evict(arr.nbytes)
    if _held[0] + arr.nbytes <= MAX_BYTES:
        _arrays.append(arr)
        _ids.add(id(arr))
        _held[0] += arr.nbytes
    return arr


def _evict(nbytes):
    """Drop free arrays, oldest first, until nbytes more fit."""
    i = 0
    while i < len(_arrays) and _held[0] + nbytes > MAX_BYTES:
        if sys.getrefcount(_arrays[i]) == 2:  # the list and getrefcount's argument
            arr = _arrays.pop(i)
            _ids.discard(id(arr))
            _held[0] -= arr.nbytes
            del arr
        else:
            i += 1


def pooled(arr):
    """1 when arr is one of the pool's arrays (the pool's own reference), else 0."""
    return 1 if id(arr) in _ids else 0


def clear():
    """Let the allocator have every free pooled array back."""
    _evict(MAX_BYTES + 1)


_BINARY = {np.add, np.subtract, np.multiply, np.true_divide}
POOLED_BINARY = _BINARY.add   # another function of (a, b, out=) that computes like these for float arrays


def binary(ufunc, a, b):
    """ufunc(a, b) for a float array a and an array b of a's shape and dtype, or a Python number: into a pooled
    array when the result is big (the same values, written elsewhere)."""
    if a.nbytes >= MIN_BYTES and a.dtype.kind == "f" and ufunc in _BINARY and (
            b.__class__ in (float, int) or (b.__class__ is np.ndarray and b.shape == a.shape and b.dtype == a.dtype)):
        return ufunc(a, b, out=empty(a.shape, a.dtype))
    return ufunc(a, b)


# Reference counts read here, never in a module that tools/build_compiled.py compiles: a compiled function passes
# its arguments and holds its temporaries without the references the interpreter's frames hold, so the same
# count means something else there. The functions below run as plain Python whoever calls them.

BIG_ELEMENTS = 1 << 15   # elements (xp.BIG too): from here on backward adds into buffers it owns


def references(obj):
    """sys.getrefcount(obj) as the caller's own line reads it in the interpreter (the caller's name for obj
    and the call's argument included), also when the caller is compiled: pass a local name, not an
    expression (a compiled caller holds an expression's value once more while it calls)."""
    return sys.getrefcount(obj) - 1


def sum_into(prev, g):
    """prev + g, written into prev when prev is a big array the engine made and nothing else refers to (no user
    tensor, hook, observer or second edge holds it): a fresh multi-MB array costs page faults on every pass."""
    if (prev.__class__ is np.ndarray and g.__class__ is np.ndarray and prev.size >= BIG_ELEMENTS
            and prev.base is None and prev.shape == g.shape and prev.dtype == g.dtype):
        # references: the buffers dict, the caller's name, this argument, getrefcount's, the pool's if pooled
        if prev.flags.writeable and sys.getrefcount(prev) <= 4 + pooled(prev):
            np.add(prev, g, out=prev)
            return prev
        return binary(np.add, prev, g)
    return prev + g


def sole_view(data):
    """True when data owns its memory, or is a contiguous view of an array nothing else refers to
    (e.g. the transpose of a fresh matmul result): then adopting it as .grad cannot alias anything."""
    base = data.base
    if base is None:
        return True
    # references to base: data's base pointer, the local name `base` and getrefcount's argument
    return data.flags.c_contiguous and base.base is None and sys.getrefcount(base) <= 3
