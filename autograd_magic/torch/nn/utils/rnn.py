"""torch.nn.utils.rnn: ``pad_sequence`` as PyTorch records it (a tensor of the padding value, each sequence copied
into its slice: ``CopySlices`` nodes). Packed sequences (``pack_padded_sequence`` ...) are not part of the engine:
they raise an error that names them."""
from ....engine.creation import full


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stack sequences of different lengths (first dim) into one tensor, padded with padding_value: (T, B, *)
    or, with batch_first, (B, T, *)."""
    if padding_side not in ("left", "right"):
        raise RuntimeError(f"Expected padding_side to be one of left or right, but got {padding_side}.")
    sequences = list(sequences)
    if not sequences:
        raise RuntimeError("received an empty list of sequences")
    first = sequences[0]
    longest = max(int(s.shape[0]) for s in sequences)
    trailing = tuple(first.shape[1:])
    shape = (len(sequences), longest) + trailing if batch_first else (longest, len(sequences)) + trailing
    out = full(shape, padding_value, dtype=first.dtype)
    for i, seq in enumerate(sequences):
        n = int(seq.shape[0])
        rows = slice(0, n) if padding_side == "right" else slice(longest - n, longest)
        if batch_first:
            out[i, rows] = seq
        else:
            out[rows, i] = seq
    return out


def __getattr__(name):
    raise AttributeError(f"module 'torch.nn.utils.rnn' has no attribute '{name}': autograd_magic implements a "
                         f"subset of PyTorch, and torch.nn.utils.rnn.{name} is not part of it")
