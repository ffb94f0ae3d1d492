# Imitates IBM's 'Deep Neural Networks with PyTorch' (Coursera / edX, Joseph Santarcangelo) lab 1.3 "Differentiation
# in PyTorch" (y = x**2 backward, the tensor attributes printed, a Function of its own, partial derivatives with two
# leaves, detach for plotting, the relu derivative) and lab 1.4 "Simple Dataset" (a toy_set Dataset with __getitem__
# returning a tuple and a transform, add_mult / mult transforms as callable classes composed with transforms.Compose
# written by hand), printing what the labs print with the plots replaced by prints.
import torch
from torch.utils.data import Dataset

# %%
x = torch.tensor(2.0, requires_grad=True)
print("The tensor x: ", x)
y = x ** 2
print("The result of y = x^2: ", y)
y.backward()
print("The dervative at x = 2: ", x.grad)

# %%
print('data:', x.data)
print('grad_fn:', x.grad_fn)
print('grad:', x.grad)
print("is_leaf:", x.is_leaf)
print("requires_grad:", x.requires_grad)

print('data:', y.data)
print('grad_fn:', y.grad_fn)
print('grad:', y.grad)
print("is_leaf:", y.is_leaf)
print("requires_grad:", y.requires_grad)

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 2 + 2 * x + 1
print("The result of y = x^2 + 2x + 1: ", y)
y.backward()
print("The dervative at x = 2: ", x.grad)
y.grad_fn

# %%
class SQ(torch.autograd.Function):

    @staticmethod
    def forward(ctx, i):
        """
        In the forward pass we receive a Tensor containing the input and return
        a Tensor containing the output. ctx is a context object that can be used
        to stash information for backward computation. You can cache arbitrary
        objects for use in the backward pass using the ctx.save_for_backward method.
        """
        result = i ** 2
        ctx.save_for_backward(i)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        """
        In the backward pass we receive a Tensor containing the gradient of the loss
        with respect to the output, and we need to compute the gradient of the loss
        with respect to the input.
        """
        i, = ctx.saved_tensors
        grad_output = 2 * i
        return grad_output

x = torch.tensor(2.0, requires_grad=True)
sq = SQ.apply

y = sq(x)
y
print(y.grad_fn)
y.backward()
x.grad

# %%
# Calculate f(u, v) = v * u + u^2 at u = 1, v = 2
u = torch.tensor(1.0, requires_grad=True)
v = torch.tensor(2.0, requires_grad=True)
f = u * v + u ** 2
print("The result of v * u + u^2: ", f)
f.backward()
print("The partial derivative with respect to u: ", u.grad)
print("The partial derivative with respect to u: ", v.grad)

# %%
# Calculate the derivative with multiple values
x = torch.linspace(-10, 10, 10, requires_grad=True)
Y = x ** 2
y = torch.sum(x ** 2)
y.backward()
print(x.detach().numpy().round(3).tolist())
print(Y.detach().numpy().round(3).tolist())
print(x.grad.numpy().round(3).tolist())
try:
    Y.numpy()
except Exception as e:
    print(type(e).__name__, e)
try:
    Y.backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
# Take the derivative of Relu with respect to multiple value. Plot out the function and its derivative
x = torch.linspace(-10, 10, 6, requires_grad=True)
Y = torch.relu(x)
y = Y.sum()
y.backward()
print(x.detach().numpy().round(3).tolist(), Y.detach().numpy().round(3).tolist())
print(x.grad.numpy().tolist())
print(y.grad_fn, y.grad_fn.next_functions[0][0])

# %%
# Practice: the derivative of sin at multiple points, also through x.grad accumulation
x = torch.linspace(-3.0, 3.0, 4, requires_grad=True)
y = torch.sin(x).sum()
y.backward()
print(x.grad)
y = torch.sin(x).sum()
y.backward()
print(x.grad)
x.grad.zero_()
print(x.grad, x.grad.requires_grad)
print(x.detach().requires_grad, x.detach().grad_fn)
y.grad_fn

# %%
torch.manual_seed(1)

# Define class for dataset
class toy_set(Dataset):

    # Constructor with defult values
    def __init__(self, length=100, transform=None):
        self.len = length
        self.x = 2 * torch.ones(length, 2)
        self.y = torch.ones(length, 1)
        self.transform = transform

    # Getter
    def __getitem__(self, index):
        sample = self.x[index], self.y[index]
        if self.transform:
            sample = self.transform(sample)
        return sample

    # Get Length
    def __len__(self):
        return self.len

our_dataset = toy_set()
print("Our toy_set object: ", our_dataset)
print("Value on index 0 of our toy_set object: ", our_dataset[0])
print("Our toy_set length: ", len(our_dataset))

# %%
for i in range(3):
    x, y = our_dataset[i]
    print("index: ", i, '; x:', x, '; y:', y)

for x, y in our_dataset:
    pass
print(x, y)
try:
    our_dataset[100]
except Exception as e:
    print(type(e).__name__, e)

# %%
# Create tranform class add_mult
class add_mult(object):

    # Constructor
    def __init__(self, addx=1, muly=2):
        self.addx = addx
        self.muly = muly

    # Executor
    def __call__(self, sample):
        x = sample[0]
        y = sample[1]
        x = x + self.addx
        y = y * self.muly
        sample = x, y
        return sample

a_m = add_mult()
data_set = toy_set()
for i in range(3):
    x, y = data_set[i]
    print('Index: ', i, 'Original x: ', x, 'Original y: ', y)
    x_, y_ = a_m(data_set[i])
    print('Index: ', i, 'Transformed x_:', x_, 'Transformed y_:', y_)

cust_data_set = toy_set(transform=a_m)
for i in range(3):
    x, y = data_set[i]
    print('Index: ', i, 'Original x: ', x, 'Original y: ', y)
    x_, y_ = cust_data_set[i]
    print('Index: ', i, 'Transformed x_:', x_, 'Transformed y_:', y_)

# %%
# Create tranform class mult
class mult(object):

    # Constructor
    def __init__(self, mult=100):
        self.mult = mult

    # Executor
    def __call__(self, sample):
        x = sample[0]
        y = sample[1]
        x = x * self.mult
        y = y * self.mult
        sample = x, y
        return sample

# A hand-written stand-in for torchvision.transforms.Compose
class Compose(object):
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, sample):
        for t in self.transforms:
            sample = t(sample)
        return sample

    def __repr__(self):
        format_string = self.__class__.__name__ + '('
        for t in self.transforms:
            format_string += '\n'
            format_string += '    {0}'.format(t.__class__.__name__)
        format_string += '\n)'
        return format_string

data_transform = Compose([add_mult(), mult()])
print("The combination of transforms (Compose): ", data_transform)
x, y = data_set[0]
x_, y_ = data_transform(data_set[0])
print('Original x: ', x, 'Original y: ', y)
print('Transformed x_:', x_, 'Transformed y_:', y_)

compose_data_set = toy_set(transform=data_transform)
for i in range(3):
    x, y = data_set[i]
    print('Index: ', i, 'Original x: ', x, 'Original y: ', y)
    x_, y_ = cust_data_set[i]
    print('Index: ', i, 'Transformed x_:', x_, 'Transformed y_:', y_)
    x_co, y_co = compose_data_set[i]
    print('Index: ', i, 'Compose Transformed x_co: ', x_co, 'Compose Transformed y_co: ', y_co)

# %%
# Practice: a transform on a slice of the dataset, and the default collate of two samples
my_compose = Compose([mult(), add_mult()])
my_transformed_dataset = toy_set(length=4, transform=my_compose)
print([my_transformed_dataset[i][0].tolist() for i in range(len(my_transformed_dataset))])
from torch.utils.data import DataLoader
loader = DataLoader(my_transformed_dataset, batch_size=3)
for xb, yb in loader:
    print(xb.shape, yb.shape, xb.dtype)
print(len(loader))
next(iter(loader))
