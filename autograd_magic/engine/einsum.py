"""torch.einsum for one or two operands, recorded as PyTorch records it (re-exported by shaping)."""
import builtins  # `sum` below is the tensor sum from shaping; builtins.max stays explicit
import collections

from .indexing import diagonal
from .linalg import bmm
from .shaping import expand, permute, reshape, sum, view


def einsum(*args):
    """Any number of operands, '...' and repeated letters (diagonals) included; two operands are contracted as a
    batched matmul, as PyTorch records it (permute, reshape, bmm, view), or multiplied when nothing is summed;
    more are contracted pairwise from the left."""
    if len(args) < 2:
        raise ValueError("einsum(): must specify the equation string and at least one operand, or at least one "
                         "operand and its subscripts list")
    equation, operands = args[0], args[1:]
    if not isinstance(equation, str):  # the sublist form: einsum(op1, [0, 1], op2, [1, 2], [0, 2])
        equation, operands = _sublist_equation((equation,) + operands)
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    lhs, arrow, out = equation.replace(" ", "").partition("->")
    inputs = lhs.split(",")
    if len(inputs) != len(operands):
        raise RuntimeError("einsum(): more operands were provided than specified in the equation" if
                           len(operands) > len(inputs) else
                           "einsum(): fewer operands were provided than specified in the equation")
    inputs, out = _einsum_ellipsis(inputs, out if arrow else None, operands)
    seen = set()
    for c in out:
        if c in seen:
            raise RuntimeError(f"einsum(): output subscript {c} appears more than once in the output")
        seen.add(c)
        if not any(c in subs for subs in inputs):
            raise RuntimeError(f"einsum(): output subscript {c} does not appear in the equation for any input "
                               "operand")
    operands = list(operands)
    sizes = {}
    for i, (subs, t) in enumerate(zip(inputs, operands)):
        if len(subs) != t._data.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(subs)}) does not match the "
                               f"number of dimensions ({t._data.ndim}) for operand {i} and no ellipsis was given")
        for c in set(subs):   # a letter repeated within one operand: its sizes must be equal (no broadcast)
            at = [t._data.shape[j] for j, x in enumerate(subs) if x == c]
            if len(at) > 1 and builtins.any(n != at[0] for n in at):
                raise RuntimeError(f"einsum(): subscript {c} is repeated for operand {i} but the sizes don't match, "
                                   f"{next(n for n in at if n != at[0])} != {at[0]}")
        for c, n in zip(subs, t._data.shape):
            if sizes.get(c, n) != n and 1 not in (n, sizes[c]):
                raise RuntimeError(f"einsum(): subscript {c} has size {n} for operand {i} which does not broadcast "
                                   f"with previously seen size {sizes[c]}")
            sizes[c] = builtins.max(n, sizes.get(c, n))
        while len(set(subs)) != len(subs):  # a repeated letter takes the diagonal (moved last, as np.diagonal)
            c = next(c for c in subs if subs.count(c) > 1)
            first, second = subs.index(c), subs.index(c, subs.index(c) + 1)
            operands[i] = diagonal(operands[i], 0, first, second)
            subs = "".join(x for j, x in enumerate(subs) if j not in (first, second)) + c
        inputs[i] = subs
    if len(operands) == 1:
        t, subs = operands[0], inputs[0]
        if set(subs) == set(out):  # PyTorch records a permute, even the identity one
            return permute(t, [subs.index(c) for c in out])
        return _einsum_one(t, subs, out)
    # more than two: contracted left to right, as PyTorch does without opt_einsum; each partial result keeps the
    # letters the output or a later operand still needs (the output's first, in its order)
    t, subs = operands[0], inputs[0]
    for i in range(1, len(operands) - 1):
        later = out + "".join(inputs[i + 1:])
        have = subs + inputs[i]
        keep = "".join(c for c in out if c in have) + "".join(
            dict.fromkeys(c for c in have if c in later and c not in out))
        t, subs = _einsum_two(t, subs, operands[i], inputs[i], keep, sizes), keep
    return _einsum_two(t, subs, operands[-1], inputs[-1], out, sizes)


def _sublist_equation(args):
    """einsum(op1, sublist1, op2, sublist2, ..., [sublist_out]) as an equation: 0-25 are a-z, 26-51 A-Z."""
    def letters(sub):
        out = ""
        for s in sub:
            if s is Ellipsis:
                out += "..."
                continue
            if not 0 <= s < 52:
                raise ValueError("einsum(): subscript in subscript list is not within the valid range [0, 52)")
            out += chr(ord("a") + s) if s < 26 else chr(ord("A") + s - 26)
        return out
    operands, subs = list(args[0::2]), [letters(s) for s in args[1::2]]
    out = None
    if len(subs) < len(operands):  # an odd count: the last item is the output sublist
        out = letters(operands.pop())
    return ",".join(subs) + ("" if out is None else "->" + out), tuple(operands)


def _einsum_ellipsis(inputs, out, operands):
    """'...' replaced by capital letters (right-aligned across operands); the implicit output worked out."""
    counts = collections.Counter(c for subs in inputs for c in subs.replace("...", ""))
    dots = [t._data.ndim - len(subs.replace("...", "")) if "..." in subs else 0 for subs, t in zip(inputs, operands)]
    m = builtins.max(dots)
    spare = [chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in "".join(inputs)][:m]
    inputs = [subs.replace("...", "".join(spare[m - k:])) for subs, k in zip(inputs, dots)]
    if out is None:
        out = "".join(spare) + "".join(c for c in sorted(counts) if counts[c] == 1)
    else:
        out = out.replace("...", "".join(spare))
    return inputs, out


def _einsum_one(t, subs, out):
    drop = [i for i, c in enumerate(subs) if c not in out]
    if drop:
        t = sum(t, drop)
        subs = "".join(c for c in subs if c in out)
    if subs != out:
        t = permute(t, [subs.index(c) for c in out])
    return t


def _einsum_two(a, sa, b, sb, out, sizes):
    # letters only one operand has and the output lacks are summed away first
    a, sa = _einsum_one(a, sa, "".join(c for c in sa if c in out or c in sb)), "".join(c for c in sa if c in out or c in sb)
    b, sb = _einsum_one(b, sb, "".join(c for c in sb if c in out or c in sa)), "".join(c for c in sb if c in out or c in sa)
    batch = [c for c in out if c in sa and c in sb]
    left = [c for c in out if c in sa and c not in sb]
    right = [c for c in out if c in sb and c not in sa]
    summed = [c for c in sa if c in sb and c not in out]
    if not summed:  # a broadcast product
        order = batch + left + right
        ea = _einsum_align(a, sa, order)
        eb = _einsum_align(b, sb, order)
        prod_ = ea * eb
        return prod_ if order == list(out) else permute(prod_, [order.index(c) for c in out])

    def size(letters):
        n = 1
        for c in letters:
            n *= sizes[c]
        return n
    def arranged(t, subs, letters):
        t = _einsum_one(t, subs, "".join(letters))
        full = tuple(sizes[c] for c in letters)
        return t if t._data.shape == full else expand(t, full)  # size-1 dims broadcast, as in PyTorch
    a3 = reshape(arranged(a, sa, batch + left + summed), size(batch), size(left), size(summed))
    b3 = reshape(arranged(b, sb, batch + summed + right), size(batch), size(summed), size(right))
    res = view(bmm(a3, b3), [sizes[c] for c in batch + left + right])
    order = batch + left + right
    return res if order == list(out) else permute(res, [order.index(c) for c in out])


def _einsum_align(t, subs, order):
    """t permuted to order's letters it has, with size-1 dims for the ones it lacks."""
    mine = [c for c in order if c in subs]
    if list(subs) != mine:
        t = permute(t, [subs.index(c) for c in mine])
    shape = [t._data.shape[mine.index(c)] if c in mine else 1 for c in order]
    return t if tuple(shape) == t._data.shape else reshape(t, shape)
