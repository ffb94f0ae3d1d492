"""What the hundred-and-seventieth probe (the Examples of PyTorch's docs on dtypes and type introspection: Tensor.type,
the legacy tensor types, dtype conversions, torch.finfo / iinfo, promote_types / result_type / can_cast, the default
dtype, is_signed / is_nonzero) found, each checked against PyTorch: Tensor.is_signed() of complex and bfloat16 tensors
(True, as c10's isSignedType); torch.result_type / promote_types / can_cast / is_nonzero parse their arguments as
PyTorch does (a str, a list, None, an int for a dtype: its TypeErrors; Python's float / int / bool / complex read as
float64 / int64 / bool / complex128); torch.finfo / iinfo take Python types and refuse others with the parser's
messages, and iinfo of a complex dtype is its "requires an integer input type" error; torch.BFloat16Tensor, the
legacy types' is_sparse / is_cuda, a float size of a legacy constructor (torch.LongTensor(2, 3.5), x.new(2, 1.5)) as
the parser's TypeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "is_signed_of_every_dtype": [
        '''for dt in [torch.float32, torch.bfloat16, torch.float16, torch.complex64, torch.complex128, torch.int8,
           torch.uint8, torch.bool, torch.int64]:
    t = torch.zeros(2, dtype=dt)
    print(dt, t.is_signed(), torch.is_signed(t), dt.is_signed)
''',
    ],
    "promotion_queries_parse_arguments": [
        ATTEMPT + '''for make in [lambda: torch.result_type(torch.ones(1), "a"), lambda: torch.result_type(1, [1]),
             lambda: torch.result_type(torch.ones(1), None), lambda: torch.result_type(torch.ones(1), torch.ones(1), 3),
             lambda: torch.promote_types(torch.float32, float), lambda: torch.promote_types(complex, torch.int32),
             lambda: torch.promote_types(int, bool), lambda: torch.promote_types("float32", torch.int32),
             lambda: torch.promote_types(torch.float32), lambda: torch.can_cast(torch.float32, 1),
             lambda: torch.can_cast(float, int), lambda: torch.can_cast(1, torch.int32),
             lambda: torch.is_nonzero(1), lambda: torch.is_nonzero([1]), lambda: torch.is_nonzero(torch.tensor([2]))]:
    attempt(make)
''',
    ],
    "finfo_iinfo_arguments": [
        ATTEMPT + '''for make in [lambda: torch.finfo(float), lambda: torch.finfo(complex), lambda: torch.iinfo(int),
             lambda: torch.iinfo(bool), lambda: torch.iinfo(torch.complex64), lambda: torch.iinfo(torch.bfloat16),
             lambda: torch.finfo("float32"), lambda: torch.iinfo("int32"), lambda: torch.finfo(None),
             lambda: torch.iinfo(), lambda: torch.finfo(torch.float32, 1), lambda: torch.finfo(type=torch.float16),
             lambda: torch.iinfo(type=torch.int8)]:
    attempt(make)
''',
    ],
    "legacy_types_bfloat16_and_sizes": [
        ATTEMPT + '''f = torch.ones(2)
print(torch.BFloat16Tensor, torch.BFloat16Tensor([1.25, -3]), torch.BFloat16Tensor(2, 3).shape)
print(isinstance(f.bfloat16(), torch.BFloat16Tensor), isinstance(f, torch.BFloat16Tensor))
print(torch.DoubleTensor.is_sparse, torch.FloatTensor.is_cuda)
for make in [lambda: torch.LongTensor(2, 3.5), lambda: torch.FloatTensor(2, "3"), lambda: f.new(2, 1.5),
             lambda: torch.IntTensor(3, 2.0)]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe170_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe170/{name}", warns="per_cell")
