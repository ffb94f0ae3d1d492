# 위키독스 스타일 텐서 기초: torch.FloatTensor / LongTensor 로 텐서 만들기, dim(), size(), 브로드캐스팅, view.
import torch

# %%
t = torch.FloatTensor([0., 1., 2., 3., 4., 5., 6.])
print(t)
print(t.dim())  # rank. 즉, 차원
print(t.shape)  # shape
print(t.size())  # shape

# %%
print(t[0], t[1], t[-1])  # 인덱스로 접근
print(t[2:5], t[4:-1])    # 슬라이싱
print(t[:2], t[3:])       # 슬라이싱

# %%
t = torch.FloatTensor([[1., 2., 3.],
                       [4., 5., 6.],
                       [7., 8., 9.],
                       [10., 11., 12.]])
print(t.dim())
print(t.size())
print(t[:, 1])
print(t[:, 1].size())
print(t[:, :-1])

# %%
m1 = torch.FloatTensor([[3, 3]])
m2 = torch.FloatTensor([[2, 2]])
print(m1 + m2)
m1 = torch.FloatTensor([[1, 2]])
m2 = torch.FloatTensor([3])  # [3] -> [3, 3]
print(m1 + m2)

# %%
m1 = torch.FloatTensor([[1, 2], [3, 4]])
m2 = torch.FloatTensor([[1], [2]])
print('Shape of Matrix 1: ', m1.shape)  # 2 x 2
print('Shape of Matrix 2: ', m2.shape)  # 2 x 1
print(m1.matmul(m2))  # 2 x 1
print(m1 * m2)  # 2 x 2
print(m1.mul(m2))

# %%
t = torch.FloatTensor([[1, 2], [3, 4]])
print(t.mean())
print(t.mean(dim=0))
print(t.sum(dim=1))
print(t.max(dim=0))
print('Max: ', t.max(dim=0)[0])
print('Argmax: ', t.max(dim=0)[1])

# %%
lt = torch.LongTensor([1, 2, 3, 4])
print(lt)
print(lt.float())
bt = torch.ByteTensor([True, False, False, True])
print(bt)
print(bt.long())

# %%
x = torch.FloatTensor([[1, 2], [3, 4]])
print(x.mul_(2.))
print(x)

# %%
print(torch.Tensor([1, 2, 3]))
print(torch.Tensor(2, 3).shape)
print(torch.DoubleTensor([1, 2]))

# %%
x = torch.tensor([[1, 2], [3, 4]])
print(x.type(torch.FloatTensor))
