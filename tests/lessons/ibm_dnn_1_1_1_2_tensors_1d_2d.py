# Imitates IBM's 'Deep Neural Networks with PyTorch' (Coursera / edX, Joseph Santarcangelo) lab 1.1 "Torch Tensors
# in 1D" (torch.tensor of ints and floats, .type(), dtype, size(), ndimension(), view(-1, 1), from_numpy / numpy(),
# tolist(), item(), indexing and slicing assignments, mean / std / max / min, torch.linspace, torch.sin with the
# plots replaced by prints, vector addition / dot products / broadcasting) and lab 1.2 "Two-Dimensional Tensors"
# (ndimension, shape, size, numel, indexing and slicing rows and columns, addition, element-wise product, torch.mm),
# printing what the labs print.
import numpy as np
import torch

# %%
# Convert a integer list with length 5 to a tensor
ints_to_tensor = torch.tensor([0, 1, 2, 3, 4])
print("The dtype of tensor object after converting it to tensor: ", ints_to_tensor.dtype)
print("The type of tensor object after converting it to tensor: ", ints_to_tensor.type())
type(ints_to_tensor)

# %%
# Convert a float list with length 5 to a tensor
floats_to_tensor = torch.tensor([0.0, 1.0, 2.0, 3.0, 4.0])
print("The dtype of tensor object after converting it to tensor: ", floats_to_tensor.dtype)
print("The type of tensor object after converting it to tensor: ", floats_to_tensor.type())

list_floats = [0.0, 1.0, 2.0, 3.0, 4.0]
floats_int_tensor = torch.tensor(list_floats, dtype=torch.int64)
print("The dtype of tensor object is: ", floats_int_tensor.dtype)
print("The type of tensor object is: ", floats_int_tensor.type())

# %%
# Convert a integer list with length 5 to float tensor
new_float_tensor = torch.FloatTensor([0, 1, 2, 3, 4])
print(new_float_tensor.type())
print("The value of the new_float_tensor: ", new_float_tensor)

# Another method to convert the integer list to float tensor
old_int_tensor = torch.tensor([0, 1, 2, 3, 4])
new_float_tensor = old_int_tensor.type(torch.FloatTensor)
print("The type of the new_float_tensor:", new_float_tensor.type())
print("The size of the new_float_tensor: ", new_float_tensor.size())
print("The dimension of the new_float_tensor: ", new_float_tensor.ndimension())
new_float_tensor.type(torch.LongTensor)

# %%
twoD_float_tensor = new_float_tensor.view(5, 1)
print("Original Size: ", new_float_tensor)
print("Size after view method", twoD_float_tensor)

# Introduce the use of -1 in tensor_obj.view(row, column) method
twoD_float_tensor = new_float_tensor.view(-1, 1)
print("Original Size: ", new_float_tensor)
print("Size after view method", twoD_float_tensor)
try:
    new_float_tensor.view(2, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    new_float_tensor.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Convert a numpy array to a tensor
numpy_array = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
new_tensor = torch.from_numpy(numpy_array)
print("The dtype of new tensor: ", new_tensor.dtype)
print("The type of new tensor: ", new_tensor.type())

# Convert a tensor to a numpy array
back_to_numpy = new_tensor.numpy()
print("The numpy array from tensor: ", back_to_numpy)
print("The dtype of numpy array: ", back_to_numpy.dtype)

# Set all elements in numpy array to zero
numpy_array[:] = 0
print("The new tensor points to numpy_array : ", new_tensor)
print("and back to numpy array points to the tensor: ", back_to_numpy)

# %%
this_tensor = torch.tensor([0, 1, 2, 3])
print("the first item is given by", this_tensor[0].item(), "the first tensor value is given by ", this_tensor[0])
print("the second item is given by", this_tensor[1].item(), "the second tensor value is given by ", this_tensor[1])
torch_to_list = this_tensor.tolist()
print('tensor:', this_tensor, "\nlist:", torch_to_list)
print(type(this_tensor[0].item()), type(torch.tensor([1.5])[0].item()))
try:
    this_tensor.item()
except Exception as e:
    print(type(e).__name__, e)

# %%
index_tensor = torch.tensor([0, 1, 2, 3, 4])
print("The value on index 0:", index_tensor[0])
print("The value on index 4:", index_tensor[4])

# A tensor for showing how to change value according to the index
tensor_sample = torch.tensor([20, 1, 2, 3, 4])
print("Inital value on index 0:", tensor_sample[0])
tensor_sample[0] = 100
print("Modified tensor:", tensor_sample)
tensor_sample[4] = 0
print("Modified tensor:", tensor_sample)

# %%
subset_tensor_sample = tensor_sample[1:4]
print("Original tensor sample: ", tensor_sample)
print("The subset of tensor sample:", subset_tensor_sample)

print("Inital value on index 3 and index 4:", tensor_sample[3:5])
tensor_sample[3:5] = torch.tensor([300.0, 400.0])
print("Modified tensor:", tensor_sample)

selected_indexes = [3, 4]
subset_tensor_sample = tensor_sample[selected_indexes]
print("The inital tensor_sample", tensor_sample)
print("The subset of tensor_sample with the values on index 3 and 4: ", subset_tensor_sample)

selected_indexes = [1, 3]
tensor_sample[selected_indexes] = 100000
print("Modified tensor with one value: ", tensor_sample)
try:
    tensor_sample[5]
except Exception as e:
    print(type(e).__name__, e)

# %%
# Practice: Change the values on index 3, 4, 7 to 0
practice_tensor = torch.tensor([2, 7, 3, 4, 6, 2, 3, 1, 2])
practice_tensor[[3, 4, 7]] = 0
print(practice_tensor)

# %%
math_tensor = torch.tensor([1.0, -1.0, 1, -1])
print("Tensor example: ", math_tensor)
mean = math_tensor.mean()
print("The mean of math_tensor: ", mean)
standard_deviation = math_tensor.std()
print("The standard deviation of math_tensor: ", standard_deviation)

max_min_tensor = torch.tensor([1, 1, 3, 5, 5])
print("Tensor example: ", max_min_tensor)
max_val = max_min_tensor.max()
print("Maximum number in the tensor: ", max_val)
min_val = max_min_tensor.min()
print("Minimum number in the tensor: ", min_val)
try:
    max_min_tensor.mean()
except Exception as e:
    print(type(e).__name__, e)
try:
    max_min_tensor.std()
except Exception as e:
    print(type(e).__name__, e)

# %%
pi_tensor = torch.tensor([0, np.pi / 2, np.pi])
sin = torch.sin(pi_tensor)
print("The sin result of pi_tensor: ", sin)
print(pi_tensor.dtype)

len_5_tensor = torch.linspace(-2, 2, steps=5)
print("First Try on linspace", len_5_tensor)
len_9_tensor = torch.linspace(-2, 2, steps=9)
print("Second Try on linspace", len_9_tensor)

# Construct the tensor within 0 to 360 degree
pi_tensor = torch.linspace(0, 2 * np.pi, 10)
sin_result = torch.sin(pi_tensor)
print(sin_result.numpy().round(4))
print(torch.linspace(0, 1, 1), torch.linspace(3, 3, 0))
try:
    torch.linspace(0, 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
u = torch.tensor([1, 0])
v = torch.tensor([0, 1])
w = u + v
print("The result tensor: ", w)
w = u - v
print("The result tensor: ", w)
u = torch.tensor([1, 2])
v = u + 1
print("Addition Result: ", v)
z = 2 * u
print("The result of 2 * u: ", z)
print("The result of u * v", u * torch.tensor([3, 2]))
print("Dot Product of u, v:", torch.dot(u, torch.tensor([3, 2])))
try:
    torch.dot(u, torch.tensor([3.0, 2.0]))
except Exception as e:
    print(type(e).__name__, e)
u + torch.tensor([0.5, 1.5])

# %%
# Lab 1.2: Two-dimensional tensors
twoD_list = [[11, 12, 13], [21, 22, 23], [31, 32, 33]]
twoD_tensor = torch.tensor(twoD_list)
print("The New 2D Tensor: ", twoD_tensor)
print("The dimension of twoD_tensor: ", twoD_tensor.ndimension())
print("The shape of twoD_tensor: ", twoD_tensor.shape)
print("The shape of twoD_tensor: ", twoD_tensor.size())
print("The number of elements in twoD_tensor: ", twoD_tensor.numel())

# %%
twoD_numpy = twoD_tensor.numpy()
print("Tensor -> Numpy Array:")
print("The numpy array after converting: ", twoD_numpy)
print("Type after converting: ", twoD_numpy.dtype)
new_twoD_tensor = torch.from_numpy(twoD_numpy)
print("Numpy Array -> Tensor:")
print("The tensor after converting:", new_twoD_tensor)
print("Type after converting: ", new_twoD_tensor.dtype)

# %%
tensor_example = torch.tensor([[11, 12, 13], [21, 22, 23], [31, 32, 33]])
print("What is the value on 2nd-row 3rd-column? ", tensor_example[1, 2])
print("What is the value on 2nd-row 3rd-column? ", tensor_example[1][2])
print("What is the value on 1st-row 1st-column? ", tensor_example[0, 0])
print("What is the value on 1st-row 1st-column? ", tensor_example[0][0])
print("What is the value on 1st-row first two columns? ", tensor_example[0, 0:2])
print("What is the value on 1st-row first two columns? ", tensor_example[0][0:2])
print("What is the value on 3rd-column last two rows? ", tensor_example[1:3, 2])
print("What is the value on 3rd-column last two rows? ", tensor_example[1:3][2] if False else tensor_example[1:3][1])
sliced_tensor_example = tensor_example[1:3]
print("1. Slicing step on tensor_example: ")
print("Result after tensor_example[1:3]: ", sliced_tensor_example)
print("Dimension after tensor_example[1:3]: ", sliced_tensor_example.ndimension())
print("================================================")
print("2. Pick an index on sliced_tensor_example: ")
print("Result after sliced_tensor_example[1]: ", sliced_tensor_example[1])
print("Dimension after sliced_tensor_example[1]: ", sliced_tensor_example[1].ndimension())
try:
    sliced_tensor_example[2]
except Exception as e:
    print(type(e).__name__, e)
tensor_example[:, 1]

# %%
tensor_example[1:3, 1] = 0
print(tensor_example)
tensor_example[0, :] = torch.tensor([7, 8, 9])
print(tensor_example)
tensor_example[:, 0] = 1.7
print(tensor_example)

# %%
X = torch.tensor([[1, 0], [0, 1]])
Y = torch.tensor([[2, 1], [1, 2]])
X_plus_Y = X + Y
print("The result of X + Y: ", X_plus_Y)
two_Y = 2 * Y
print("The result of 2Y: ", two_Y)
X_times_Y = X * Y
print("The result of X * Y: ", X_times_Y)

# %%
A = torch.tensor([[0, 1, 1], [1, 0, 1]])
B = torch.tensor([[1, 1], [1, 1], [-1, 1]])
A_times_B = torch.mm(A, B)
print("The result of A * B: ", A_times_B)
try:
    A * B
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.mm(A, A)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.mm(A, B.float())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.mm(A, torch.tensor([1, 1, 1]))
except Exception as e:
    print(type(e).__name__, e)
torch.mm(A.float(), B.float())
