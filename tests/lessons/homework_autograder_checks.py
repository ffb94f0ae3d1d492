# Imitates a university homework notebook whose check cells grade the student's answers with
# torch.testing.assert_close, torch.allclose / isclose / equal, and print the grader's message on failure.
import torch

def grade(name, answer, expected, **kw):
    try:
        torch.testing.assert_close(answer, expected, **kw)
        print(f"[{name}] PASS")
    except AssertionError as e:
        print(f"[{name}] FAIL\n{e}\n")
    except Exception as e:
        print(f"[{name}] ERROR {type(e).__name__}: {e}\n")

# %%
# Q1: the complex roots of z**2 + 1 (the student swapped the sign of one root)
roots = torch.tensor([1j, 1j])
grade("Q1", roots, torch.tensor([1j, -1j]))
grade("Q1 dtype", torch.tensor([0 + 1j, 0 - 1j], dtype=torch.complex128), torch.tensor([1j, -1j]))
grade("Q1 ok", torch.tensor([1j, -1j]) * (1 + 1e-8), torch.tensor([1j, -1j]))

# %%
# Q2: rotation by 90 degrees as complex multiplication on a 2x2 grid of points
z = torch.tensor([[1 + 1j, 2 + 0j], [0 + 3j, -1 - 1j]])
student = z * torch.tensor(1j)
student[1, 1] = 1 + 1j          # one point rotated the wrong way
grade("Q2", student, torch.tensor([[-1 + 1j, 2j], [-3 + 0j, 1 - 1j]]))
grade("Q2 real", student.real, torch.tensor([[-1., 0.], [-3., 1.]]))

# %%
# Q3: a sparse adjacency matrix (COO); the grader compares it with a dense answer
adj = torch.tensor([[0., 1., 0.], [1., 0., 1.], [0., 1., 0.]])
student = adj.to_sparse()
grade("Q3 layout", student, adj)
grade("Q3 dense ok", student, adj, check_layout=False)
grade("Q3 sparse", student, (adj * 2).to_sparse())
grade("Q3 pattern", student, torch.tensor([[0., 1., 1.], [1., 0., 0.], [0., 1., 0.]]).to_sparse())
grade("Q3 nnz", student, torch.tensor([[0., 1., 0.], [1., 0., 0.], [0., 1., 0.]]).to_sparse())

# %%
# Q4: the grader's own mistakes: a negative tolerance, a bool where a count was expected
grade("Q4 rtol", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0]), rtol=-1e-3, atol=0.0)
grade("Q4 atol", [torch.tensor(0.5)], [torch.tensor(0.5)], rtol=0.0, atol=-1)
grade("Q4 bool", True, 1)
grade("Q4 list", [3, True], [3, 1])
grade("Q4 scalar rtol", 1.0, 1.0, rtol=-1.0, atol=0.0)

# %%
# Q5: low-precision answers (bfloat16 weights after an update)
w = torch.tensor([[0.5, 1.25], [2.0, -3.0]], dtype=torch.bfloat16)
grade("Q5 bf16", w * 1.1, w)
grade("Q5 bf16 close", w * 1.01, w)
grade("Q5 bf16 exact", w + 0.0, w)
grade("Q5 mixed", w, w.float() * 1.02, check_dtype=False)
grade("Q5 scalar", torch.tensor(1.5, dtype=torch.bfloat16), torch.tensor(1.75, dtype=torch.bfloat16))

# %%
# Q6: allclose / isclose with infinities: a loss that overflowed
loss = torch.tensor([float('inf'), 1e38, 3.0])
target = torch.tensor([1e38, float('inf'), 3.0])
print(torch.isclose(loss, target, atol=float('inf')))
print(torch.allclose(loss, target, rtol=1.0, atol=float('inf')))
print(torch.isclose(loss, loss, rtol=0, atol=0), torch.equal(loss, loss))
print(torch.isclose(torch.tensor([1e30, -1e30]), torch.tensor([1.1e30, float('-inf')]), rtol=0.5, atol=float('inf')))

# %%
# Q7: comparing against a plain number: the usual slip
x = torch.tensor([0.1 + 0.2])
torch.allclose(x, 0.3)

# %%
torch.isclose(x, other=0.3)

# %%
x.isclose(0.3)

# %%
torch.isclose(x, torch.tensor([0.3]), rtol=-0.5)

# %%
torch.allclose(x, torch.tensor([0.3]), atol=-1e-8)

# %%
print(torch.allclose(x, torch.tensor([0.3])), x.allclose(torch.tensor([0.3]), 1e-5, 1e-8, True))
print(torch.equal(x, torch.tensor([0.3])), x.equal(x.clone()))
torch.equal(x, [0.3])
