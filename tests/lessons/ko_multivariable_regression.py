# 위키독스 스타일 다중 선형 회귀: 행렬 연산 matmul, 클래스로 모델 구현 (MultivariateLinearRegressionModel).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

# %%
torch.manual_seed(1)
x_train = torch.tensor([[73., 80., 75.],
                        [93., 88., 93.],
                        [89., 91., 90.],
                        [96., 98., 100.],
                        [73., 66., 70.]])
y_train = torch.tensor([[152.], [185.], [180.], [196.], [142.]])
print(x_train.shape)
print(y_train.shape)

# %%
W = torch.zeros((3, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([W, b], lr=1e-5)

nb_epochs = 20
for epoch in range(nb_epochs + 1):
    hypothesis = x_train.matmul(W) + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 5 == 0:
        print('Epoch {:4d}/{} hypothesis: {} Cost: {:.6f}'.format(
            epoch, nb_epochs, hypothesis.squeeze().detach(), cost.item()
        ))

# %%
class MultivariateLinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 1)

    def forward(self, x):
        return self.linear(x)

model = MultivariateLinearRegressionModel()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-5)
for epoch in range(201):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 50 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, 200, cost.item()))

# %%
new_var = torch.tensor([[73., 80., 75.]])
pred_y = model(new_var)
print("훈련 후 입력이 73, 80, 75일 때의 예측값 :", pred_y)
model
