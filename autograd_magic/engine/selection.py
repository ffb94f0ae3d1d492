"""ATen's CPU selection algorithms, emulated in plain Python so that ties resolve as PyTorch's do: the quickselect
behind kthvalue and libstdc++'s std::sort behind mode (which of several equal values' indices they return depends
on the order these algorithms leave the elements in). Only rows that hold ties need them (more.py)."""


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
        top = hole
        child = hole
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
