"""Demo 03: the lessons after the autograd chapter (in Korean, as demo 01), every code cell under %%grad.

Linear regression by hand and with nn.Linear + optim.SGD, logistic regression, softmax classification and an XOR
MLP, in the style of the Korean wikidocs / deeplearningzerotoall lessons. tools/build_notebooks.py builds it.
"""

INTRO = """# 자동미분 다음 강의 — 학습 루프와 `nn` 모델을 `%%grad`로

자동미분 장 다음에 나오는 강의들(선형 회귀, 로지스틱 회귀, 소프트맥스 분류, XOR 다층 퍼셉트론)의 코드를
**그대로** `%%grad` 셀에서 실행합니다. 학습 루프가 `backward()`를 100번 불러도

* **표**에는 변수마다 한 줄만 나옵니다. "backward 횟수에 따라" 열에 역전파 횟수, 처음 값 → 마지막 값, 그리고
  비용(cost)의 변화와 파라미터의 궤적이 작은 선 그래프로 보입니다. 원소가 많은 파라미터(와 16개보다 큰 텐서)는
  노름·평균·최소·최대로 요약되고, 그 아래 "값 N개 전부"를 누르면 PyTorch가 `print`하는 그대로 모든 값이 보입니다.
* **그래프**는 마지막 반복 하나만 그리고 위에 `×100`이라고 씁니다.
* `nn.Module`의 파라미터는 `named_parameters()`의 이름(`model.0.weight`)으로, 각 모듈이 만든 연산은
  모듈 이름이 붙은 상자(`model.0: Linear(2 → 10)`) 안에 그려집니다. 큰 모델은 모듈마다 상자 하나로 접히고,
  `--depth N`으로 펼칠 수 있습니다.

*The lessons after the autograd chapter, unchanged, each code cell under `%%grad`.*"""

CELLS = [
    ("md", "## 1. 선형 회귀 — 직접 만든 경사 하강법\n"
           "$H(x) = Wx + b$, 비용은 평균 제곱 오차입니다. `optimizer.zero_grad()`가 `backward()` 전에 기울기를 "
           "0으로 만드는 것에 주의하세요. 표의 `cost` 줄에서 비용이 18.67에서 줄어드는 모습을 볼 수 있습니다."),
    ("code", "%%grad --no-sliders\n"
             "import torch\n"
             "x_train = torch.FloatTensor([[1], [2], [3]])\n"
             "y_train = torch.FloatTensor([[2], [4], [6]])\n"
             "W = torch.zeros(1, requires_grad=True)\n"
             "b = torch.zeros(1, requires_grad=True)\n"
             "optimizer = torch.optim.SGD([W, b], lr=0.01)\n"
             "nb_epochs = 100\n"
             "for epoch in range(nb_epochs + 1):\n"
             "    hypothesis = x_train * W + b\n"
             "    cost = torch.mean((hypothesis - y_train) ** 2)\n"
             "    optimizer.zero_grad()\n"
             "    cost.backward()\n"
             "    optimizer.step()\n"
             "    if epoch % 20 == 0:\n"
             "        print('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(\n"
             "            epoch, nb_epochs, W.item(), b.item(), cost.item()))"),
    ("md", "## 2. 선형 회귀 — `nn.Linear`와 `optim.SGD`\n"
           "같은 문제를 `nn.Linear(1, 1)`로 풉니다. 파라미터는 `model.weight`, `model.bias`라는 이름으로 표에 나오고, "
           "그래프에서는 `model: Linear(1 → 1)` 상자 안에 있습니다."),
    ("code", "%%grad --no-sliders\n"
             "import torch\n"
             "import torch.nn as nn\n"
             "import torch.nn.functional as F\n"
             "torch.manual_seed(1)\n"
             "x_train = torch.FloatTensor([[1], [2], [3]])\n"
             "y_train = torch.FloatTensor([[2], [4], [6]])\n"
             "model = nn.Linear(1, 1)\n"
             "optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n"
             "for epoch in range(201):\n"
             "    prediction = model(x_train)\n"
             "    cost = F.mse_loss(prediction, y_train)\n"
             "    optimizer.zero_grad()\n"
             "    cost.backward()\n"
             "    optimizer.step()\n"
             "    if epoch % 50 == 0:\n"
             "        print('Epoch {:4d} Cost: {:.6f}'.format(epoch, cost.item()))"),
    ("md", "## 3. 로지스틱 회귀\n"
           "시그모이드와 이진 교차 엔트로피(`F.binary_cross_entropy`)입니다. 모델을 `nn.Module`로 정의하면 "
           "파라미터 이름이 `model.linear.weight`가 됩니다."),
    ("code", "%%grad --no-sliders\n"
             "import torch\n"
             "import torch.nn as nn\n"
             "import torch.nn.functional as F\n"
             "torch.manual_seed(1)\n"
             "x_data = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]]\n"
             "y_data = [[0], [0], [0], [1], [1], [1]]\n"
             "x_train = torch.FloatTensor(x_data)\n"
             "y_train = torch.FloatTensor(y_data)\n"
             "class BinaryClassifier(nn.Module):\n"
             "    def __init__(self):\n"
             "        super().__init__()\n"
             "        self.linear = nn.Linear(2, 1)\n"
             "        self.sigmoid = nn.Sigmoid()\n"
             "    def forward(self, x):\n"
             "        return self.sigmoid(self.linear(x))\n"
             "model = BinaryClassifier()\n"
             "optimizer = torch.optim.SGD(model.parameters(), lr=1)\n"
             "for epoch in range(101):\n"
             "    hypothesis = model(x_train)\n"
             "    cost = F.binary_cross_entropy(hypothesis, y_train)\n"
             "    optimizer.zero_grad()\n"
             "    cost.backward()\n"
             "    optimizer.step()\n"
             "    if epoch % 25 == 0:\n"
             "        prediction = hypothesis >= torch.FloatTensor([0.5])\n"
             "        accuracy = (prediction.float() == y_train).sum().item() / len(prediction)\n"
             "        print('Epoch {:4d} Cost: {:.6f} Accuracy {:2.2f}%'.format(epoch, cost.item(), accuracy * 100))"),
    ("md", "## 4. 소프트맥스 분류\n"
           "`F.cross_entropy`는 `log_softmax`와 `nll_loss`를 합친 것입니다. 그래프에서 `LogSoftmaxBackward0`과 "
           "`NllLossBackward0` 노드를 찾아보세요."),
    ("code", "%%grad --no-sliders\n"
             "import torch\n"
             "import torch.nn as nn\n"
             "import torch.nn.functional as F\n"
             "torch.manual_seed(1)\n"
             "x_train = torch.FloatTensor([[1, 2, 1, 1], [2, 1, 3, 2], [3, 1, 3, 4], [4, 1, 5, 5],\n"
             "                             [1, 7, 5, 5], [1, 2, 5, 6], [1, 6, 6, 6], [1, 7, 7, 7]])\n"
             "y_train = torch.LongTensor([2, 2, 2, 1, 1, 1, 0, 0])\n"
             "model = nn.Linear(4, 3)\n"
             "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
             "for epoch in range(101):\n"
             "    prediction = model(x_train)\n"
             "    cost = F.cross_entropy(prediction, y_train)\n"
             "    optimizer.zero_grad()\n"
             "    cost.backward()\n"
             "    optimizer.step()\n"
             "    if epoch % 25 == 0:\n"
             "        print('Epoch {:4d} Cost: {:.6f}'.format(epoch, cost.item()))"),
    ("md", "## 5. XOR — 다층 퍼셉트론\n"
           "은닉층이 있어야 XOR를 풀 수 있습니다 (뉴런 10개짜리 은닉층: 비용이 0.69에서 0.01로 내려갑니다). "
           "`nn.Sequential`의 모듈마다 상자가 그려지고 (`model.0: Linear(2 → 10)`, "
           "`model.1: Sigmoid` ...), 파라미터 이름은 `model.0.weight`처럼 나옵니다."),
    ("code", "%%grad --no-sliders\n"
             "import torch\n"
             "import torch.nn as nn\n"
             "torch.manual_seed(777)\n"
             "X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]])\n"
             "Y = torch.FloatTensor([[0], [1], [1], [0]])\n"
             "model = nn.Sequential(nn.Linear(2, 10, bias=True), nn.Sigmoid(),\n"
             "                      nn.Linear(10, 1, bias=True), nn.Sigmoid())\n"
             "criterion = torch.nn.BCELoss()\n"
             "optimizer = torch.optim.SGD(model.parameters(), lr=1)\n"
             "for step in range(1001):\n"
             "    optimizer.zero_grad()\n"
             "    hypothesis = model(X)\n"
             "    cost = criterion(hypothesis, Y)\n"
             "    cost.backward()\n"
             "    optimizer.step()\n"
             "    if step % 250 == 0:\n"
             "        print(step, cost.item())"),
]
