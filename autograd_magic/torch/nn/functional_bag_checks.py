"""The checks ATen's embedding_bag runs on a 1-d input's offsets and indices, with the messages a learner sees.

float32 / float16 sums and means without padding_idx run fbgemm's kernel: at::parallel_for cuts the bags into one
chunk per thread, the kernel walks each chunk's bags and fails on an index outside the weight or on offsets that do
not add up (a bag longer than what is left of the chunk, offsets going down), and a failed chunk is then walked
again by a checker that names the first thing it finds wrong. The other kernels check each index alone and take
the bags from offset2bag (the number of offsets at or before each position, less one)."""
import numpy as np

from ...engine.softmax_dims import threads

_INTERNAL = ("Expected i < index_size to be true, but got false.  (Could this error message be improved?  If so, "
             "please report an enhancement request to PyTorch.)")
_LAST = ("Your input appears to be incorrect: the last offset value should be the size of the indices tensor, but "
         "it seems not to be the case.")


def check_offsets(offsets, n, common):
    """ATen's checks of a 1-d input's offsets: the first bag starts at 0, the last within the input."""
    starts = offsets._data.astype(np.int64)
    if starts.size and starts[0] != 0:
        raise RuntimeError("offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from "
                           f"position 0. However, got {starts[0]}\n[ torch.{common.scalar_name}Tensor{{}} ]")
    if starts.size and starts[-1] > n:
        raise RuntimeError(f"offsets[-1] can not be greater than input's length {n} but got offsets[-1] of "
                           f"{starts[-1]}")


def offset2bag(starts, n):
    """The bag of each of n indices as ATen's offset2bag makes it: how many offsets are at or before the position,
    less one (for offsets going up, the bag whose slice holds it)."""
    return np.searchsorted(np.sort(starts), np.arange(n), side="right") - 1


def check_indices(idx, weight, mode, bounds=None):
    """An index outside the weight's rows, or (fbgemm's kernel, bounds = every bag's start and the end of the last)
    offsets that do not add up, raised with the message of the kernel that meets it."""
    rows = weight.shape[0]
    if bounds is None:
        bad = np.flatnonzero((idx < 0) | (idx >= rows))
        if bad.size:
            raise RuntimeError("embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be "
                               f"{idx[bad[0]]}")
        return
    bags = len(bounds) - 1
    if bags <= 0:
        return
    chunk = -(-bags // max(1, min(threads(), bags)))
    for first in range(0, bags, chunk):   # (the first failed chunk: which one ATen reports is a race)
        last = min(first + chunk, bags)
        if not _fbgemm_walk(idx, bounds, first, last, rows):
            _report(idx, bounds, first, last, rows)


def _fbgemm_walk(idx, bounds, first, last, rows):
    """fbgemm's walk over bags first..last-1: False where it gives up."""
    base, size, current = bounds[first], bounds[last] - bounds[first], 0
    for m in range(first, last):
        length = bounds[m + 1] - bounds[m]
        if current + length > size:
            return False
        seen = idx[base + current:base + current + max(length, 0)]
        if seen.size < max(length, 0) or ((seen < 0) | (seen >= rows)).any():
            return False
        current += max(length, 0)
    return current == size


def _report(idx, bounds, first, last, rows):
    """ATen's checker over a chunk fbgemm gave up on: positions run from each offset to the next (taken as
    positions in the chunk), each below the chunk's length and naming a row of the weight; then the chunk's end
    offset must equal its length. Past the input's end ATen reads memory it does not own: not modelled."""
    base, size = bounds[first], bounds[last] - bounds[first]
    for m in range(first, last):
        for i in range(bounds[m], bounds[m + 1]):
            if not i < size:
                raise RuntimeError(_INTERNAL)
            if not 0 <= base + i < idx.size:
                return
            value = idx[base + i]
            if not 0 <= value < rows:
                raise RuntimeError(f"Index {i} of input takes value {value} which is not in the valid range "
                                   f"[0, {rows})")
    if bounds[last] != size:
        raise RuntimeError(_LAST)


def freq_scale(full, idx, scale, sizes):
    """The scales scale_grad_by_freq gives the weight's gradient (ATen's _embedding_bag_dense_backward_cpu_sum_mean,
    in double, rounded to the weight's dtype once): 1 (or the entry's per_sample_weight) divided by a count, then
    by the bag's size in a mean. The count is not the entry's own: ATen walks the sorted indices (full: all of
    them, padding_idx's included) group by group and divides the g-th group by the count of the index at sorted
    position g, which is the group's own count only while every group before it holds one entry."""
    ordered = np.sort(full)
    counts = np.bincount(full) if full.size else np.zeros(0, np.int64)
    group = np.searchsorted(np.unique(full), idx)   # (each entry's group among the distinct indices)
    divisor = counts[ordered[group]].astype(np.float64)
    if sizes is not None:
        return ((1.0 / divisor) / sizes).astype(scale.dtype)
    return (scale.astype(np.float64) / divisor).astype(scale.dtype)
