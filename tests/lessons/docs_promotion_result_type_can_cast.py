# Imitates the "Type Promotion" section of PyTorch's "Tensor Attributes" page and the Examples of torch.promote_types,
# torch.result_type and torch.can_cast, as a learner copies them and then tries numbers, 0-d tensors and mixes.
import torch

print(torch.promote_types(torch.int32, torch.float32), torch.promote_types(torch.uint8, torch.long))
print(torch.result_type(torch.tensor([1, 2], dtype=torch.int), 1.0))
print(torch.result_type(torch.tensor([1, 2], dtype=torch.uint8), torch.tensor(1)))
print(torch.can_cast(torch.double, torch.float), torch.can_cast(torch.float, torch.int))

# %%
float_tensor = torch.ones(1, dtype=torch.float)
double_tensor = torch.ones(1, dtype=torch.double)
complex_float_tensor = torch.ones(1, dtype=torch.complex64)
complex_double_tensor = torch.ones(1, dtype=torch.complex128)
int_tensor = torch.ones(1, dtype=torch.int)
long_tensor = torch.ones(1, dtype=torch.long)
uint_tensor = torch.ones(1, dtype=torch.uint8)
bool_tensor = torch.ones(1, dtype=torch.bool)
long_zerodim = torch.tensor(1, dtype=torch.long)
int_zerodim = torch.tensor(1, dtype=torch.int)
print(torch.add(5, 5).dtype, (int_tensor + 5).dtype, (int_tensor + long_zerodim).dtype)
print((long_tensor + float_tensor).dtype, (complex_float_tensor + complex_double_tensor).dtype)
print((bool_tensor + long_tensor).dtype, (bool_tensor + uint_tensor).dtype, (float_tensor + double_tensor).dtype)
print((complex_float_tensor + complex_double_tensor).dtype, (bool_tensor + int_tensor).dtype)
print(torch.add(long_tensor, float_tensor).dtype)

# %%
int_tensor += 5
print(int_tensor)
for make in [lambda: int_tensor.add_(float_tensor), lambda: long_tensor.add_(complex_float_tensor),
             lambda: torch.add(long_tensor, float_tensor, out=int_tensor)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
float_tensor *= float_tensor
float_tensor *= int_tensor
float_tensor *= uint_tensor
float_tensor *= bool_tensor
float_tensor *= double_tensor
print(float_tensor, float_tensor.dtype)
int_tensor *= uint_tensor
print(int_tensor)

# %%
print(torch.result_type(1, 2), torch.result_type(1, 2.0), torch.result_type(True, 1), torch.result_type(1j, 1.0))
print(torch.result_type(torch.tensor(1.0, dtype=torch.float64), torch.ones(2, dtype=torch.float16)))
print(torch.result_type(torch.tensor(1.0), torch.ones(2, dtype=torch.int32)))
print(torch.result_type(torch.tensor(1, dtype=torch.int64), torch.ones(2, dtype=torch.int8)))
print(torch.result_type(torch.ones(2, dtype=torch.bfloat16), torch.ones(2, dtype=torch.float16)))
print(torch.result_type(torch.ones(2, dtype=torch.float32), 1j), torch.result_type(torch.tensor(True), 5))
for a, b in [(torch.bool, torch.uint8), (torch.int8, torch.uint8), (torch.bfloat16, torch.float16),
             (torch.float16, torch.complex64), (torch.bfloat16, torch.complex64), (torch.int64, torch.complex64),
             (torch.float64, torch.complex64), (torch.bool, torch.bool)]:
    print(a, b, torch.promote_types(a, b))

# %%
for a, b in [(torch.int64, torch.int8), (torch.uint8, torch.int8), (torch.int8, torch.uint8), (torch.bool, torch.int8),
             (torch.float32, torch.bool), (torch.complex64, torch.float64), (torch.float64, torch.complex64),
             (torch.int32, torch.float16)]:
    print(a, b, torch.can_cast(a, b))
for make in [lambda: torch.result_type(torch.ones(1), "a"), lambda: torch.promote_types(torch.float32, float),
             lambda: torch.can_cast(torch.float32, 1), lambda: torch.result_type(1, [1]),
             lambda: torch.promote_types("float32", torch.int32), lambda: torch.promote_types(complex, torch.int32),
             lambda: torch.can_cast(float, int), lambda: torch.result_type(torch.ones(1), None),
             lambda: torch.result_type(torch.ones(1), torch.ones(1), 3), lambda: torch.promote_types(torch.float32)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
