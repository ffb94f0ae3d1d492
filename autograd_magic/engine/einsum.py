"""torch.einsum, recorded as PyTorch records it (ATen einsum and sumproduct_pair; re-exported by shaping)."""
import builtins  # `sum` below is the tensor sum from shaping; builtins.max stays explicit
import collections

from .composed import movedim
from .indexing import diagonal
from .linalg import bmm
from .argcheck import kind
from .shaping import permute, reshape, sum, unsqueeze, view
from .tensor_base import TensorBase


def einsum(*args):
    """Any number of operands, '...' and repeated letters (diagonals) included, recorded as PyTorch records it:
    operands aligned (unsqueeze, permute), contracted pairwise from the left as batched matmuls (permute, reshape,
    bmm, view, permute) or multiplied when nothing is summed, the summed dims then viewed away."""
    if len(args) < 2:
        raise ValueError("einsum(): must specify the equation string and at least one operand, or at least one "
                         "operand and its subscripts list")
    equation, operands = args[0], args[1:]
    if isinstance(equation, TensorBase):  # the sublist form: einsum(op1, [0, 1], op2, [1, 2], [0, 2])
        equation, operands = _sublist_equation((equation,) + operands)
    elif not isinstance(equation, str):
        raise TypeError(f"einsum(): argument 'equation' (position 1) must be str, not {kind(equation)}")
    while len(operands) == 1 and isinstance(operands[0], (list, tuple)):   # (torch/functional.py recurses)
        operands = tuple(operands[0])
    if not operands:
        return einsum(equation)
    for i, t in enumerate(operands):   # the parser's check of _VF.einsum's TensorList, before ATen's of the equation
        if not isinstance(t, TensorBase):
            raise TypeError(f"expected Tensor as element {i} in argument 1, but got {kind(t)}")
    _check_equation(equation, operands)
    lhs, arrow, out = equation.replace(" ", "").partition("->")
    inputs = lhs.split(",")
    inputs, out, ell = _einsum_ellipsis(inputs, out if arrow else None, operands)
    seen = set()
    for c in out:
        if c in seen:
            raise RuntimeError(f"einsum(): output subscript {c} appears more than once in the output")
        seen.add(c)
        if not any(c in subs for subs in inputs):
            raise RuntimeError(f"einsum(): output subscript {c} does not appear in the equation for any input "
                               "operand")
    sizes = {}
    for i, (subs, t) in enumerate(zip(inputs, operands)):
        if len(subs) != t._data.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(subs)}) does not match the "
                               f"number of dimensions ({t._data.ndim}) for operand {i} and no ellipsis was given")
        first, dim = {}, 0   # ATen's walk over the operand's labels: dim counts the dims left after diagonals
        for c, n in zip(subs, t._data.shape):
            if c in first:   # a letter repeated within one operand: its sizes must be equal (no broadcast)
                if n != first[c]:
                    raise RuntimeError(f"einsum(): subscript {c} is repeated for operand {i} but the sizes don't "
                                       f"match, {n} != {first[c]}")
                continue
            first[c] = n
            if n != 1 and sizes.get(c, 1) not in (1, n):
                if c in ell:
                    raise RuntimeError(f"einsum(): dimension {dim} covered by ellipsis in operand {i}has size {n} "
                                       f"which does not broadcast with previously seen ellipsis with size "
                                       f"{sizes[c]} for the respective dimension")
                raise RuntimeError(f"einsum(): subscript {c} has size {n} for operand {i} which does not broadcast "
                                   f"with previously seen size {sizes[c]}")
            if n != 1:
                sizes[c] = n
            dim += 1
    return _contract(list(operands), inputs, out, ell)


def _check_equation(equation, operands):
    """ATen's parse of the equation, its errors in its order: each input character (spaces skipped, '.' only as a
    whole '...', one per operand, ',' no more often than there are operands, else a letter, an error naming its
    index in the equation as given), the operand count, each operand's subscripts against its dims, then the
    output's characters the same way."""
    lhs, arrow, rhs = equation.partition("->")
    op, dots, labels = 0, False, [0] * len(operands)
    i = 0
    while i < len(lhs):
        c = lhs[i]
        if c == ".":
            if dots:
                raise RuntimeError(f"einsum(): found '.' for operand {op} for which an ellipsis was already found")
            if lhs[i:i + 3] != "...":
                raise RuntimeError(f"einsum(): found '.' for operand {op} that is not part of any ellipsis")
            dots, i = True, i + 2
        elif c == ",":
            op += 1
            if op >= len(operands):
                raise RuntimeError("einsum(): fewer operands were provided than specified in the equation")
            dots = False
        elif c != " ":
            if not ("a" <= c <= "z" or "A" <= c <= "Z"):
                raise RuntimeError(f"einsum(): invalid subscript given at index {i} in the equation string, "
                                   "subscripts must be in [a-zA-Z]")
            labels[op] += 1
        i += 1
    if op != len(operands) - 1:
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")
    for k, (subs, t) in enumerate(zip(lhs.split(","), operands)):
        n, ndim = labels[k], t._data.ndim
        if "..." in subs and n > ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({n}) is more than the number of "
                               f"dimensions ({ndim}) for operand {k}")
        if "..." not in subs and n != ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({n}) does not match the number "
                               f"of dimensions ({ndim}) for operand {k} and no ellipsis was given")
    dots, i = False, 0
    while arrow and i < len(rhs):
        c = rhs[i]
        if c == ".":
            if dots:
                raise RuntimeError("einsum(): found '.' for output but an ellipsis (...) was already found")
            if rhs[i:i + 3] != "...":
                raise RuntimeError("einsum(): found '.' for output that is not part of any ellipsis (...)")
            dots, i = True, i + 2
        elif c != " " and not ("a" <= c <= "z" or "A" <= c <= "Z"):
            raise RuntimeError(f"einsum(): invalid subscript given at index {len(lhs) + 2 + i} in the equation "
                               "string, subscripts must be in [a-zA-Z]")
        i += 1


def _contract(operands, inputs, out, ell):
    """ATen's einsum: every operand's dims aligned to the output's letters then the summed ones (the ellipsis's
    first, then the letters in ASCII order: capitals first), a repeated letter taken as a diagonal where it is met
    (moved back to the first one's place), missing letters unsqueezed at the end, then one permute; operands
    contracted left to right (each result first in line), a letter only one operand still has summed first; then
    a view without the summed dims (a sum of them for one operand)."""
    letters = set("".join(inputs))
    order = list(out) + [c for c in ell if c not in out] + sorted(letters - set(out) - set(ell))
    at = {c: k for k, c in enumerate(order)}
    n, n_out = len(order), len(out)
    counts = [0] * n   # per aligned dim: how many operands have it with a size other than 1
    ops = []
    for t, subs in zip(operands, inputs):
        perm, dim = [-1] * n, 0
        for c in subs:
            k = at[c]
            if perm[k] == -1:
                counts[k] += t._data.shape[dim] != 1
                perm[k], dim = dim, dim + 1
            else:   # a repeated letter: the diagonal, moved to where the letter first was
                t = movedim(diagonal(t, 0, perm[k], dim), -1, perm[k])
        for k in range(n):
            if perm[k] == -1:
                t = unsqueeze(t, dim)
                perm[k], dim = dim, dim + 1
        ops.append(permute(t, perm))
    while len(ops) > 1:
        a, b = ops.pop(0), ops.pop(0)
        summed, a_only, b_only = [], [], []
        for d in range(n_out, n):
            in_a, in_b = a._data.shape[d] != 1, b._data.shape[d] != 1
            if in_a and in_b:
                counts[d] -= 1
                if counts[d] == 1:
                    summed.append(d)
                    counts[d] = 0
            elif counts[d] == 1 and (in_a or in_b):
                (a_only if in_a else b_only).append(d)
                counts[d] = 0
        if a_only:
            a = sum(a, a_only, True)
        if b_only:
            b = sum(b, b_only, True)
        ops.insert(0, _sumproduct_pair(a, b, summed))
    if n > n_out:
        if len(operands) > 1:
            return view(ops[0], list(ops[0]._data.shape[:n_out]))
        return sum(ops[0], list(range(n_out, n)))
    return ops[0]


def _sumproduct_pair(left, right, summed):
    """ATen's sumproduct_pair (keepdim): left * right summed over the dims summed, as a bmm of the two permuted and
    reshaped to (both, left only, summed) and (both, summed, right only), its result viewed and permuted back; the
    two swapped when all of right's own dims come before left's."""
    if not summed:
        return left * right
    lro, lo, ro = [], [], []
    lro_size = lo_size = ro_size = sum_size = 1
    for i in range(left._data.ndim):
        nl, nr = left._data.shape[i], right._data.shape[i]
        if i in summed:
            if nl != 1 and nr != 1:
                if nl != nr:
                    raise RuntimeError("non-broadcast dimensions must match")
                sum_size *= nl
            elif nl != 1:
                left = sum(left, i, True)
            elif nr != 1:
                right = sum(right, i, True)
        elif nl != 1 and nr != 1:
            if nl != nr:
                raise RuntimeError("non-broadcast dimensions must match")
            lro.append(i)
            lro_size *= nl
        elif nl != 1:
            lo.append(i)
            lo_size *= nl
        else:
            ro.append(i)
            ro_size *= nr
    if lo and ro and ro[-1] < lo[0]:   # (swapped, bmm writes the result in the output's order: PyTorch 2.13)
        left, right, lo, ro, lo_size, ro_size = right, left, ro, lo, ro_size, lo_size
    out_size = ([left._data.shape[d] for d in lro + lo] + [1] * len(summed) + [right._data.shape[d] for d in ro])
    placed = lro + lo + summed + ro
    operm = [placed.index(d) for d in range(len(placed))]
    left = reshape(permute(left, lro + lo + summed + ro), lro_size, lo_size, sum_size)
    right = reshape(permute(right, lro + summed + ro + lo), lro_size, sum_size, ro_size)
    return permute(view(bmm(left, right), out_size), operm)


def _sublist_equation(args):
    """einsum(op1, sublist1, op2, sublist2, ..., [sublist_out]) as an equation: 0-25 are A-Z, 26-51 a-z (as
    torch.functional.einsum writes it: the letters in its errors and the implicit output's order)."""
    def letters(sub):
        out = ""
        for s in sub:
            if s is Ellipsis:
                out += "..."
                continue
            if not 0 <= s < 52:
                raise ValueError("einsum(): subscript in subscript list is not within the valid range [0, 52)")
            out += chr(ord("A") + s) if s < 26 else chr(ord("a") + s - 26)
        return out
    operands, subs = list(args[0::2]), [letters(s) for s in args[1::2]]
    out = None
    if len(subs) < len(operands):  # an odd count: the last item is the output sublist
        out = letters(operands.pop())
    return ",".join(subs) + ("" if out is None else "->" + out), tuple(operands)


def _einsum_ellipsis(inputs, out, operands):
    """'...' replaced by capital letters (right-aligned across operands); the implicit output worked out; and the
    letters that stand for the ellipsis's dims."""
    counts = collections.Counter(c for subs in inputs for c in subs.replace("...", ""))
    dots = [t._data.ndim - len(subs.replace("...", "")) if "..." in subs else 0 for subs, t in zip(inputs, operands)]
    m = builtins.max(dots)
    spare = [chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) not in "".join(inputs)][:m]
    inputs = [subs.replace("...", "".join(spare[m - k:])) for subs, k in zip(inputs, dots)]
    if out is None:
        out = "".join(spare) + "".join(c for c in sorted(counts) if counts[c] == 1)
    else:
        out = out.replace("...", "".join(spare))
    return inputs, out, spare
