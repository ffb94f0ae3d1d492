# 한국어 자동미분 튜토리얼 스타일 (requires_grad, 연산 그래프, 다변수 함수의 기울기, 과제 풀이).
import torch

# %%
# 1. requires_grad=True 로 연산 기록 추적
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x)
print(x.requires_grad)

# %%
y = x + 2
z = y * y * 2
result = z.mean()  # 평균
print(y)
print(z)
print(result)

# %%
result.backward()  # 기울기 계산
x.grad

# %%
# f(x) = x^2 + 3x + 2 의 x=2 에서의 기울기
x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 3*x + 2
y.backward()
print("x에서의 기울기:", x.grad)

# %%
# 다중 변수 함수 f(x, y) = 3x^2 + 2xy + y^2
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
z = 3*x**2 + 2*x*y + y**2
z.backward()
print(x.grad)  # x에서의 기울기 출력
print(y.grad)  # y에서의 기울기 출력

# %%
# 연산 그래프: 각 연산이 노드
a = torch.tensor([2.0, 3.0], requires_grad=True)
b = torch.tensor([6.0, 4.0], requires_grad=True)
Q = 3*a**3 - b**2
print(Q.grad_fn)
external_grad = torch.tensor([1.0, 1.0])
Q.backward(gradient=external_grad)
print(a.grad)  # a의 기울기 출력
print(b.grad)  # b의 기울기 출력

# %%
# 과제: f(x) = 4x^3 + 2x^2 + x, x=1
x = torch.tensor(1.0, requires_grad=True)
y = 4*x**3 + 2*x**2 + x
y.backward()
print(x.grad)

# %%
# 과제: 기울기를 이용한 최적화 - f(x) = (x - 3)^2 의 최솟값 찾기
x = torch.tensor(0.0, requires_grad=True)
lr = 0.1
for step in range(30):
    loss = (x - 3) ** 2
    loss.backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad.zero_()
    if step % 10 == 0:
        print(f"step {step:2d}: x = {x.item():.4f}, loss = {loss.item():.4f}")
print("최종 x:", x)

# %%
# 스칼라가 아닌 출력에 gradient 없이 backward 하면 오류
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
y.backward()
