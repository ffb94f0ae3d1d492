# Imitates the Korean wikidocs book "PyTorch로 시작하는 딥 러닝 입문": CNN 기초 (conv and pooling output shapes on a
# 1x1x28x28 input), RNN/깊은 RNN/양방향 RNN and LSTM shapes, and a char-level RNN ("apple" -> "pple!") trained a
# few steps.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

# %%
# 배치 크기 × 채널 × 높이(height) × 너비(widht)의 크기의 텐서를 선언
torch.manual_seed(1)
inputs = torch.rand(1, 1, 28, 28)
print('텐서의 크기 : {}'.format(inputs.shape))

# %%
conv1 = nn.Conv2d(1, 32, 3, padding=1)
print(conv1)
conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
print(conv2)
pool = nn.MaxPool2d(2)
print(pool)

# %%
out = conv1(inputs)
print(out.shape)
out = pool(out)
print(out.shape)
out = conv2(out)
print(out.shape)
out = pool(out)
print(out.shape)

# %%
# 첫번째 차원인 배치 차원은 그대로 두고 나머지는 펼쳐라
print(out.size(0), out.size(1), out.size(2), out.size(3))
out = out.view(out.size(0), -1)
print(out.shape)
fc = nn.Linear(3136, 10) # input_dim = 3,136, output_dim = 10
out = fc(out)
print(out.shape)
print(out.grad_fn)

# %%
input_size = 5 # 입력의 크기
hidden_size = 8 # 은닉 상태의 크기
# (batch_size, time_steps, input_size)
inputs = torch.Tensor(1, 10, 5).uniform_()
cell = nn.RNN(input_size, hidden_size, batch_first=True)
outputs, _status = cell(inputs)
print(outputs.shape) # 모든 time-step의 hidden_state
print(_status.shape) # 최종 time-step의 hidden_state
print(cell)

# %%
# (batch_size, time_steps, input_size)
inputs = torch.Tensor(1, 10, 5).uniform_()
cell = nn.RNN(input_size = 5, hidden_size = 8, num_layers = 2, batch_first=True)
outputs, _status = cell(inputs)
print(outputs.shape) # 모든 time-step의 hidden_state
print(_status.shape) # (층의 개수, 배치 크기, 은닉 상태의 크기)
print([n for n, _ in cell.named_parameters()])

# %%
cell = nn.RNN(input_size = 5, hidden_size = 8, num_layers = 2, batch_first=True, bidirectional = True)
outputs, _status = cell(inputs)
print(outputs.shape) # (배치 크기, 시퀀스 길이, 은닉 상태의 크기 x 2)
print(_status.shape) # (층의 개수 x 2, 배치 크기, 은닉 상태의 크기)

# %%
lstm = nn.LSTM(5, 8, batch_first=True)
outputs, (h, c) = lstm(inputs)
print(outputs.shape, h.shape, c.shape)
print(lstm.weight_ih_l0.shape, lstm.weight_hh_l0.shape, lstm.bias_ih_l0.shape)
print(outputs.grad_fn.name())

# %%
input_str = 'apple'
label_str = 'pple!'
char_vocab = sorted(list(set(input_str+label_str)))
vocab_size = len(char_vocab)
print ('문자 집합의 크기 : {}'.format(vocab_size))

input_size = vocab_size # 입력의 크기는 문자 집합의 크기
hidden_size = 5
output_size = 5
learning_rate = 0.1

char_to_index = dict((c, i) for i, c in enumerate(char_vocab)) # 문자에 고유한 정수 인덱스 부여
print(char_to_index)
index_to_char={}
for key, value in char_to_index.items():
    index_to_char[value] = key
print(index_to_char)

# %%
x_data = [char_to_index[c] for c in input_str]
y_data = [char_to_index[c] for c in label_str]
print(x_data)
print(y_data)
# 배치 차원 추가
# 텐서 연산인 unsqueeze(0)를 통해 해결할 수도 있었음.
x_data = [x_data]
y_data = [y_data]
print(x_data)
print(y_data)
x_one_hot = [np.eye(vocab_size)[x] for x in x_data]
print(x_one_hot)

# %%
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)
print('훈련 데이터의 크기 : {}'.format(X.shape))
print('레이블의 크기 : {}'.format(Y.shape))

# %%
class Net(torch.nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(Net, self).__init__()
        self.rnn = torch.nn.RNN(input_size, hidden_size, batch_first=True) # RNN 셀 구현
        self.fc = torch.nn.Linear(hidden_size, output_size, bias=True) # 출력층 구현

    def forward(self, x): # 구현한 RNN 셀과 출력층을 연결
        x, _status = self.rnn(x)
        x = self.fc(x)
        return x

torch.manual_seed(0)
net = Net(input_size, hidden_size, output_size)
outputs = net(X)
print(outputs.shape) # 3차원 텐서
print(outputs.view(-1, input_size).shape) # 2차원 텐서
print(Y.shape)
print(Y.view(-1).shape)

# %%
criterion = torch.nn.CrossEntropyLoss()
optimizer = optim.Adam(net.parameters(), learning_rate)
for i in range(20):
    optimizer.zero_grad()
    outputs = net(X)
    loss = criterion(outputs.view(-1, input_size), Y.view(-1)) # view를 하는 이유는 Batch 차원 제거를 위해
    loss.backward() # 기울기 계산
    optimizer.step() # 아까 optimizer 선언 시 넣어둔 파라미터 업데이트

    # 아래 세 줄은 모델이 실제 어떻게 예측했는지를 확인하기 위한 코드.
    result = outputs.data.numpy().argmax(axis=2) # 최종 예측값인 각 time-step 별 5차원 벡터에 대해서 가장 높은 값의 인덱스를 선택
    result_str = ''.join([index_to_char[c] for c in np.squeeze(result)])
    if i % 4 == 0:
        print(i, "loss: ", round(loss.item(), 4), "prediction: ", result, "true Y: ", y_data, "prediction str: ", result_str)
