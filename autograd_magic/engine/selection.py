"""ATen's CPU selection and sorting algorithms, emulated so that ties resolve as PyTorch's do: the quickselect
behind kthvalue, libstdc++'s std::sort behind mode and sort/argsort (stable=False), and std::nth_element /
std::partial_sort behind topk (which of several equal values' indices they return depends on the order these
algorithms leave the elements in). Only rows that hold ties need them (more.py, ordering.py)."""
import numpy as np


def gt_or_nan(x, y):
    return (x != x and y == y) or x > y


def quick_select(vals, k):
    """ATen's quick_select_template (median-of-three quickselect) on a list: the index it leaves at position k,
    which decides the index kthvalue returns among tied values."""
    idx = list(range(len(vals)))

    def swap(a, b):
        vals[a], vals[b] = vals[b], vals[a]
        idx[a], idx[b] = idx[b], idx[a]
    lo, hi = 0, len(vals) - 1
    while hi > lo:
        if hi == lo + 1:
            if gt_or_nan(vals[lo], vals[hi]):
                swap(lo, hi)
            break
        swap(lo + (hi - lo) // 2, lo + 1)
        if gt_or_nan(vals[lo + 1], vals[hi]):
            swap(lo + 1, hi)
        if gt_or_nan(vals[lo], vals[hi]):
            swap(lo, hi)
        if gt_or_nan(vals[lo + 1], vals[lo]):
            swap(lo + 1, lo)
        i, j, piv = lo + 1, hi, vals[lo]
        while True:
            i += 1
            while gt_or_nan(piv, vals[i]):
                i += 1
            j -= 1
            while gt_or_nan(vals[j], piv):
                j -= 1
            if j < i:
                break
            swap(i, j)
        swap(lo, j)
        if j <= k:
            lo = i
        if j >= k:
            hi = j - 1
    return idx[k]



def std_sort(vals):
    """libstdc++'s std::sort (introsort, median-of-three, final insertion sort) on a list of (value, index)
    pairs compared by value: the order ATen's mode kernel sees, which decides the index it returns among ties."""
    a = vals
    lt = lambda x, y: x[0] < y[0]  # noqa: E731  (NaN compares false both ways, as in C++)

    def insertion(first, last):
        for i in range(first + 1, last):
            v = a[i]
            if lt(v, a[first]):
                a[first + 1:i + 1] = a[first:i]
                a[first] = v
            else:
                linear_insert(i)

    def linear_insert(last):
        v = a[last]
        nxt = last - 1
        while lt(v, a[nxt]):
            a[last] = a[nxt]
            last = nxt
            nxt -= 1
        a[last] = v

    def median_to_first(result, x, y, z):
        if lt(a[x], a[y]):
            if lt(a[y], a[z]):
                m = y
            elif lt(a[x], a[z]):
                m = z
            else:
                m = x
        elif lt(a[x], a[z]):
            m = x
        elif lt(a[y], a[z]):
            m = z
        else:
            m = y
        a[result], a[m] = a[m], a[result]

    def partition(first, last, pivot):
        while True:
            while lt(a[first], a[pivot]):
                first += 1
            last -= 1
            while lt(a[pivot], a[last]):
                last -= 1
            if not first < last:
                return first
            a[first], a[last] = a[last], a[first]
            first += 1

    def adjust_heap(first, hole, length, value):
        _adjust_heap(a, first, hole, length, value, lt)

    def heap_sort(first, last):
        length = last - first
        if length >= 2:
            parent = (length - 2) // 2
            while True:
                adjust_heap(first, parent, length, a[first + parent])
                if parent == 0:
                    break
                parent -= 1
        while last - first > 1:
            last -= 1
            value = a[last]
            a[last] = a[first]
            adjust_heap(first, 0, last - first, value)

    def introsort(first, last, depth):
        while last - first > 16:
            if depth == 0:
                heap_sort(first, last)
                return
            depth -= 1
            median_to_first(first, first + 1, first + (last - first) // 2, last - 1)
            cut = partition(first + 1, last, first)
            introsort(cut, last, depth)
            last = cut

    n = len(a)
    if n > 1:
        introsort(0, n, 2 * (n.bit_length() - 1))
        if n > 16:
            insertion(0, 16)
            for i in range(16, n):
                linear_insert(i)
        else:
            insertion(0, n)
    return a


def mode_index(row):
    """ATen's mode kernel on one row: std::sort of (value, index), then the first longest run's last index."""
    els = std_sort([(float(v), i) for i, v in enumerate(row)])
    best_v, best_i, best_f, f = 0.0, 0, 0, 0
    for i, (v, idx) in enumerate(els):
        f += 1
        if i == len(els) - 1 or v != els[i + 1][0]:
            if f > best_f:
                best_v, best_i, best_f = v, idx, f
            f = 0
    return best_v, best_i


# ---------------------------------------------------------------- ATen's sort (stable=False) and topk
# ATen's CPU sort without stable=True is std::sort, and its topk is std::partial_sort (when k * 64 <= n) or
# std::nth_element followed by std::sort of the first k - 1 (TopKImpl.h), all comparing values only (NaN above every
# number). Where values tie, which index comes first is what these algorithms leave; the rows are turned into integer
# ranks under that comparator and the algorithms run on (rank, index) arrays: the partitions vectorised (numpy),
# the heap steps (rare: a depth limit hit, or partial_sort) element by element.

def ranks(row, descending):
    """Integer ranks of a 1-d array under ATen's comparator: equal values share a rank, NaN ranks above every
    number (first when descending); a smaller rank sorts first."""
    if row.dtype.kind == "V":   # (bfloat16: ranked by its float32 values, which are exact)
        row = row.astype(np.float32)
    order = np.argsort(row, kind="stable")   # NaN last
    srt = row[order]
    new = srt[1:] != srt[:-1]
    if srt.dtype.kind in "fc":
        new &= ~(np.isnan(srt[1:]) & np.isnan(srt[:-1]))
    r = np.empty(len(row), np.int64)
    r[order] = np.concatenate(([0], np.cumsum(new)))
    return -r if descending else r


def _median_to_first(r, p, result, a, b, c):
    if r[a] < r[b]:
        m = b if r[b] < r[c] else (c if r[a] < r[c] else a)
    else:
        m = a if r[a] < r[c] else (c if r[b] < r[c] else b)
    r[result], r[m] = r[m], r[result]
    p[result], p[m] = p[m], p[result]


def _partition_pivot(r, p, first, last):
    """libstdc++'s __unguarded_partition_pivot on r[first:last] (p moved alike); returns the cut. The scans' i-th
    swap pairs the i-th element from the left not below the pivot with the i-th from the right not above it, for
    as long as the left one is before the right one."""
    _median_to_first(r, p, first, first + 1, first + (last - first) // 2, last - 1)
    pivot, seg = r[first], r[first + 1:last]
    left = np.flatnonzero(seg >= pivot) + first + 1
    right = (np.flatnonzero(seg <= pivot) + first + 1)[::-1]
    c = min(len(left), len(right))
    ok = left[:c] < right[:c]
    m = c if ok.all() else int(np.argmin(ok))
    li, ri = left[:m], right[:m]
    r[li], r[ri] = r[ri], r[li].copy()
    p[li], p[ri] = p[ri], p[li].copy()
    if m < len(left) and (m == 0 or left[m] < right[m - 1]):
        return int(left[m])
    return int(right[m - 1])


def _adjust_heap(a, first, hole, length, value, lt):
    """libstdc++'s __adjust_heap: the hole at ``hole`` sifted down to a leaf, then value pushed up from there
    (lt: the heap's "less than")."""
    top = child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if lt(a[first + child], a[first + child - 1]):
            child -= 1
        a[first + hole] = a[first + child]
        hole = child
    if length % 2 == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        a[first + hole] = a[first + child - 1]
        hole = child - 1
    parent = (hole - 1) // 2
    while hole > top and lt(a[first + parent], value):
        a[first + hole] = a[first + parent]
        hole = parent
        parent = (hole - 1) // 2
    a[first + hole] = value


def _first_less(x, y):
    return x[0] < y[0]


def _heap_select_sort(r, p, first, middle, last, sort_heap):
    """libstdc++'s __heap_select(first, middle, last), then __sort_heap(first, middle) if sort_heap."""
    a = list(zip(r[first:last].tolist(), p[first:last].tolist()))
    k = middle - first
    if k >= 2:
        for parent in range((k - 2) // 2, -1, -1):
            _adjust_heap(a, 0, parent, k, a[parent], _first_less)
    if k:
        # the heap's top only ever gets smaller: elements not below the first top are never taken
        for i in (np.flatnonzero(r[middle:last] < a[0][0]) + k).tolist():
            if a[i][0] < a[0][0]:
                value, a[i] = a[i], a[0]
                _adjust_heap(a, 0, 0, k, value, _first_less)
    if sort_heap:
        for end in range(k - 1, 0, -1):
            value, a[end] = a[end], a[0]
            _adjust_heap(a, 0, 0, end, value, _first_less)
    r[first:last] = [x for x, _ in a]
    p[first:last] = [i for _, i in a]


def _stable_segment(r, p, first, last):
    """An insertion sort of r[first:last]: stable, so the order a stable argsort gives."""
    o = np.argsort(r[first:last], kind="stable")
    r[first:last], p[first:last] = r[first:last][o], p[first:last][o]


def std_sort_ranks(r, p):
    """std::sort (introsort, depth limit 2 log2 n, final insertion sort) of r in place, p moved alike."""
    n = len(r)
    if n > 16:
        todo = [(0, n, 2 * (n.bit_length() - 1))]
        while todo:
            first, last, depth = todo.pop()
            while last - first > 16:
                if depth == 0:
                    _heap_select_sort(r, p, first, last, last, True)
                    break
                depth -= 1
                cut = _partition_pivot(r, p, first, last)
                todo.append((cut, last, depth))
                last = cut
    _stable_segment(r, p, 0, n)


def nth_element_ranks(r, p, nth):
    """std::nth_element (introselect) of r in place around position nth, p moved alike."""
    first, last = 0, len(r)
    depth = 2 * (last.bit_length() - 1)
    while last - first > 3:
        if depth == 0:
            _heap_select_sort(r, p, first, nth + 1, last, False)
            r[first], r[nth] = r[nth], r[first]
            p[first], p[nth] = p[nth], p[first]
            return
        depth -= 1
        cut = _partition_pivot(r, p, first, last)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _stable_segment(r, p, first, last)


def sort_indices(row, descending):
    """The indices ATen's std::sort leaves a 1-d row in."""
    r, p = ranks(row, descending), np.arange(len(row))
    std_sort_ranks(r, p)
    return p


def topk_indices(row, k, descending):
    """The indices ATen's topk returns for a 1-d row (k >= 1), in its order: partial_sort when k * 64 <= n, else
    nth_element then std::sort of the first k - 1 (descending: largest=True; sorted is the caller's concern: pass
    sorted=False through topk_unsorted_indices)."""
    r, p = ranks(row, descending), np.arange(len(row))
    if k * 64 <= len(row):
        _heap_select_sort(r, p, 0, k, len(row), True)
        return p[:k]
    nth_element_ranks(r, p, k - 1)
    std_sort_ranks(r[:k - 1], p[:k - 1])
    return p[:k]


def topk_unsorted_indices(row, k, descending):
    """ATen's topk with sorted=False: partial_sort still sorts; nth_element's order is left as it is."""
    if k * 64 <= len(row):
        return topk_indices(row, k, descending)
    r, p = ranks(row, descending), np.arange(len(row))
    nth_element_ranks(r, p, k - 1)
    return p[:k]


def bound_search(rows, vals, right, order=None):
    """ATen's cus_lower_bound / cus_upper_bound over each row of boundaries (rows: [R, M], vals: [R, K], order:
    the sorter's indices, [R, M]): a binary search whose comparisons (``!(mid >= v)``, ``!(mid > v)``) put a NaN
    where they lead it, not where numpy's sort order would."""
    r = np.arange(rows.shape[0])[:, None]
    start = np.zeros(vals.shape, np.int64)
    end = np.full(vals.shape, rows.shape[1], np.int64)
    with np.errstate(invalid="ignore"):
        while True:
            live = start < end
            if not live.any():
                return start
            mid = start + ((end - start) >> 1)
            at = np.minimum(mid, rows.shape[1] - 1)
            if order is not None:
                at = order[r, at]
            mid_val = rows[r, at]
            go_right = ~(mid_val > vals) if right else ~(mid_val >= vals)
            start = np.where(live & go_right, mid + 1, start)
            end = np.where(live & ~go_right, mid, end)
