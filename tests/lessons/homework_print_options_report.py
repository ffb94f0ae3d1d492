# Imitates the "print your results" part of a course notebook: the student tunes torch.set_printoptions (and the
# torch._tensor_str.PRINT_OPTS it keeps) to fit a report, prints results in f-strings, and the check cells print
# the expected values next to the student's.
import torch
torch.manual_seed(0)

# %%
print(torch._tensor_str.PRINT_OPTS)
torch._tensor_str.get_printoptions()

# %%
# Part 1: fewer digits for the report
torch.set_printoptions(precision=2)
probs = torch.softmax(torch.randn(2, 4), dim=1)
print(probs)
print(torch._tensor_str.PRINT_OPTS.precision)
torch._tensor_str.PRINT_OPTS.precision = 6
print(probs[0])
print(torch._tensor_str.PRINT_OPTS)

# %%
# Part 2: a temporary setting inside a block only
with torch._tensor_str.printoptions(precision=3, sci_mode=True):
    print(probs)
    print(torch._tensor_str.PRINT_OPTS.sci_mode)
print(probs)
print(torch._tensor_str.PRINT_OPTS)

# %%
# Part 3: save the options, change them, put them back
from torch._tensor_str import PRINT_OPTS, get_printoptions, printoptions
saved = get_printoptions()
torch.set_printoptions(profile="short", linewidth=50)
print(torch.arange(40.) / 3)
print(PRINT_OPTS, saved)
torch.set_printoptions(**saved)
print(PRINT_OPTS)

# %%
# Part 4: empty results: which dtypes does the repr name?
for dt in (torch.float32, torch.float64, torch.complex64, torch.complex128, torch.int64, torch.bool, torch.uint8):
    print(torch.zeros(0, dtype=dt), torch.zeros(2, 0, dtype=dt))
print(torch.complex(torch.tensor([]), torch.tensor([])))
print(torch.tensor([1 + 2j, 3 - 4j]), torch.tensor([1 + 2j], dtype=torch.complex128))

# %%
# Part 5: f-strings in the report
loss = (probs * probs.log()).sum().neg()
print(f"entropy = {loss:.4f} nats, argmax = {probs.argmax(1)}")
print(f"first row: {probs[0]}")
print(f"{torch.tensor(7):03d} | {torch.tensor(2.5):>8.3e} | {torch.tensor(True)} | {probs.shape}")

# %%
print(f"{probs:.2f}")

# %%
print("shape is", probs.shape(), "dtype is", probs.dtype())

# %%
probs.dtype()

# %%
probs.device()

# %%
torch.set_printoptions(profile="default")
print(probs.shape.size, probs.dtype.foo)

# %%
torch.set_printoptions(profile="full")
print(PRINT_OPTS)
torch.set_printoptions()
print(PRINT_OPTS)
torch.set_printoptions(profile="default")
print(PRINT_OPTS == torch._tensor_str.PRINT_OPTS, PRINT_OPTS.threshold)
