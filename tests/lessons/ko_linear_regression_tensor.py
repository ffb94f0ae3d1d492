# 위키독스 'PyTorch로 시작하는 딥 러닝 입문' 스타일의 선형 회귀를 torch.tensor 로 작성 (W, b 직접 선언, optim.SGD).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(1)
x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])
print(x_train)
print(x_train.shape)

# %%
# 가중치와 편향의 초기화
W = torch.zeros(1, requires_grad=True)
print(W)
b = torch.zeros(1, requires_grad=True)
print(b)

# %%
hypothesis = x_train * W + b
print(hypothesis)
cost = torch.mean((hypothesis - y_train) ** 2)
print(cost)

# %%
optimizer = optim.SGD([W, b], lr=0.01)
nb_epochs = 1999  # 원하는만큼 경사 하강법을 반복
for epoch in range(nb_epochs + 1):
    hypothesis = x_train * W + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    # 100번마다 로그 출력
    if epoch % 400 == 0:
        print('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(
            epoch, nb_epochs, W.item(), b.item(), cost.item()
        ))

# %%
# optimizer.zero_grad() 가 필요한 이유
w = torch.tensor(2.0, requires_grad=True)
nb_epochs = 20
for epoch in range(nb_epochs + 1):
    z = 2*w
    z.backward()
    print('수식을 w로 미분한 값 : {}'.format(w.grad))

# %%
# nn.Linear 와 F.mse_loss 로 다시 구현
model = nn.Linear(1, 1)
print(list(model.parameters()))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(2001):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 500 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 2000, cost.item()))

# %%
new_var = torch.FloatTensor([[4.0]]) if False else torch.tensor([[4.0]])
pred_y = model(new_var)
print("훈련 후 입력이 4일 때의 예측값 :", pred_y)
print(list(model.parameters()))
