"""In-place ops on a tensor whose elements share memory without a zero stride (unfold's overlapping windows, an
as_strided with overlapping rows): PyTorch refuses only a zero stride (an expand); otherwise its kernel walks the
elements one by one, each read and written in memory, so a location that k elements share takes the op k times
(``x.unfold(0, 3, 1).add_(1)`` adds 3 to the middle of x, ``exp_()`` exponentiates it three times). Here in rounds:
round r writes the r-th sighting of each location, computed from memory as it is then."""
import numpy as np


def repeats(d):
    """Each element's sighting number of its memory location (0 for the first, in C order), or None when no two
    elements of the array d share a location (the usual case, told from the strides alone). The caller skips arrays
    that own their memory (``d.base is None``: they never overlap themselves, a training loop's parameters)."""
    if d.ndim < 2 or d.size < 2:
        return None
    flags = d.flags
    if flags.c_contiguous or flags.f_contiguous:
        return None
    reach = d.itemsize
    for stride, n in sorted((abs(s), n) for s, n in zip(d.strides, d.shape) if n > 1):
        if stride < reach:
            break
        reach += stride * (n - 1)
    else:
        return None   # (each dim steps past all that the smaller ones reach: no location twice)
    offsets = sum(np.arange(n, dtype=np.int64).reshape((-1,) + (1,) * (d.ndim - 1 - i)) * s
                  for i, (n, s) in enumerate(zip(d.shape, d.strides)))
    flat = np.broadcast_to(offsets, d.shape).ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]]
    if first.all():
        return None
    pos = np.arange(flat.size)
    rank = np.empty(flat.size, np.int64)
    rank[order] = pos - np.maximum.accumulate(np.where(first, pos, 0))
    return rank.reshape(d.shape)


def walk(d, rank, result, again):
    """Write into d (a writeable array whose elements share memory, rank: repeats(d)) what PyTorch's
    element-by-element in-place kernel leaves: result, the op on d as it was, for the first sightings; again(),
    the op on d as it is now, for each later round."""
    for r in range(int(rank.max()) + 1):
        values = result if r == 0 else again()
        where = np.nonzero(rank == r)
        d[where] = np.broadcast_to(values, d.shape)[where]
