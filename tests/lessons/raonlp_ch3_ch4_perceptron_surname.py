# Imitates Rao & McMahan, "Natural Language Processing with PyTorch" (joosthub/PyTorchNLPBook), chapter 3 (the
# Perceptron with nn.Linear + torch.sigmoid, activation and loss demos, BCELoss, the Yelp-review classifier's
# Dataset / generate_batches / training loop) and chapter 4 (the surname MLP with dropout and class weights, the
# Conv1d shape walk-through over one-hot character matrices, the surname CNN with ELU, compute_accuracy with
# max(dim=1), predict_topk with torch.topk), on tiny synthetic reviews and surnames.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(1337)
np.random.seed(1337)


# %%
class Perceptron(nn.Module):
    """ A Perceptron is one Linear layer """
    def __init__(self, input_dim):
        super(Perceptron, self).__init__()
        self.fc1 = nn.Linear(input_dim, 1)

    def forward(self, x_in):
        return torch.sigmoid(self.fc1(x_in)).squeeze()


perceptron = Perceptron(input_dim=2)
print(perceptron)
x = torch.randn(4, 2)
print(perceptron(x))
print(perceptron(x[:1]), perceptron(x[:1]).shape)

# %%
x = torch.range(-5., 5., 2.5)
print(torch.sigmoid(x))
print(torch.tanh(x))
print(torch.relu(x))
prelu = torch.nn.PReLU(num_parameters=1)
print(prelu)
print(prelu(x))
print(prelu(torch.tensor(-2.0)), torch.prelu(torch.tensor(-1.0), torch.tensor([0.5])))
try:
    torch.nn.PReLU(num_parameters=3)(x)
except Exception as e:
    print(type(e).__name__, e)
softmax = nn.Softmax(dim=1)
x_input = torch.randn(1, 3)
y_output = softmax(x_input)
print(x_input)
print(y_output)
print(torch.sum(y_output, dim=1))

# %%
mse_loss = nn.MSELoss()
outputs = torch.randn(3, 5, requires_grad=True)
targets = torch.randn(3, 5)
loss = mse_loss(outputs, targets)
print(loss)
ce_loss = nn.CrossEntropyLoss()
outputs = torch.randn(3, 5, requires_grad=True)
targets = torch.tensor([1, 0, 3], dtype=torch.int64)
loss = ce_loss(outputs, targets)
print(loss)
bce_loss = nn.BCELoss()
sigmoid = nn.Sigmoid()
probabilities = sigmoid(torch.randn(4, 1, requires_grad=True))
targets = torch.tensor([1, 0, 1, 0], dtype=torch.float32).view(4, 1)
loss = bce_loss(probabilities, targets)
print(probabilities)
print(loss)
try:
    ce_loss(outputs, targets.float().view(-1)[:3])
except Exception as e:
    print(type(e).__name__, e)
try:
    bce_loss(probabilities, targets.long())
except Exception as e:
    print(type(e).__name__, e)
try:
    bce_loss(probabilities.view(-1), targets)
except Exception as e:
    print(type(e).__name__, e)

# %%
vocab = ["<UNK>", "good", "bad", "food", "great", "awful", "service", "slow"]
reviews = [("good food great service", 1), ("awful slow service", 0), ("great food", 1), ("bad food", 0),
           ("slow bad awful", 0), ("good great", 1), ("service good", 1), ("food bad slow", 0)]


class ReviewDataset(Dataset):
    def __init__(self, reviews):
        self.reviews = reviews

    def __len__(self):
        return len(self.reviews)

    def __getitem__(self, index):
        text, rating = self.reviews[index]
        one_hot = np.zeros(len(vocab), dtype=np.float32)
        for token in text.split(" "):
            one_hot[vocab.index(token) if token in vocab else 0] = 1
        return {'x_data': one_hot, 'y_target': rating}


def generate_batches(dataset, batch_size, shuffle=True, drop_last=True, device="cpu"):
    dataloader = DataLoader(dataset=dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)
    for data_dict in dataloader:
        out_data_dict = {}
        for name, tensor in data_dict.items():
            out_data_dict[name] = data_dict[name].to(device)
        yield out_data_dict


class ReviewClassifier(nn.Module):
    def __init__(self, num_features):
        super(ReviewClassifier, self).__init__()
        self.fc1 = nn.Linear(in_features=num_features, out_features=1)

    def forward(self, x_in, apply_sigmoid=False):
        y_out = self.fc1(x_in).squeeze()
        if apply_sigmoid:
            y_out = torch.sigmoid(y_out)
        return y_out


def compute_accuracy(y_pred, y_target):
    y_target = y_target.cpu()
    y_pred_indices = (torch.sigmoid(y_pred) > 0.5).cpu().long()
    n_correct = torch.eq(y_pred_indices, y_target).sum().item()
    return n_correct / len(y_pred_indices) * 100


dataset = ReviewDataset(reviews)
first = next(generate_batches(dataset, batch_size=3, shuffle=False))
print(first['x_data'], first['x_data'].dtype)
print(first['y_target'], first['y_target'].dtype)
classifier = ReviewClassifier(num_features=len(vocab))
loss_func = nn.BCEWithLogitsLoss()
optimizer = optim.Adam(classifier.parameters(), lr=0.05)
scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer=optimizer, mode='min', factor=0.5, patience=1)
for epoch_index in range(4):
    running_loss, running_acc = 0.0, 0.0
    classifier.train()
    for batch_index, batch_dict in enumerate(generate_batches(dataset, batch_size=4)):
        optimizer.zero_grad()
        y_pred = classifier(x_in=batch_dict['x_data'].float())
        loss = loss_func(y_pred, batch_dict['y_target'].float())
        loss_t = loss.item()
        running_loss += (loss_t - running_loss) / (batch_index + 1)
        loss.backward()
        optimizer.step()
        acc_t = compute_accuracy(y_pred, batch_dict['y_target'])
        running_acc += (acc_t - running_acc) / (batch_index + 1)
    scheduler.step(running_loss)
    print(epoch_index, round(running_loss, 4), running_acc, optimizer.param_groups[0]['lr'])
try:
    loss_func(y_pred, batch_dict['y_target'])
except Exception as e:
    print(type(e).__name__, e)

# %%
def predict_rating(review, classifier, decision_threshold=0.5):
    vector = torch.tensor(ReviewDataset([(review, 0)])[0]['x_data'])
    result = classifier(vector.view(1, -1))
    probability_value = torch.sigmoid(result).item()
    index = 1
    if probability_value < decision_threshold:
        index = 0
    return ("negative", "positive")[index], result.shape


print(predict_rating("great food", classifier))
print(predict_rating("slow awful food", classifier))
fc1_weights = classifier.fc1.weight.detach()[0]
_, indices = torch.sort(fc1_weights, dim=0, descending=True)
indices = indices.numpy().tolist()
print([vocab[i] for i in indices[:3]], indices)

# %%
class SurnameClassifier(nn.Module):
    """ A 2-layer Multilayer Perceptron for classifying surnames """
    def __init__(self, input_dim, hidden_dim, output_dim):
        super(SurnameClassifier, self).__init__()
        self.fc1 = nn.Linear(input_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x_in, apply_softmax=False):
        intermediate_vector = F.relu(self.fc1(x_in))
        prediction_vector = self.fc2(F.dropout(intermediate_vector, p=0.5))
        if apply_softmax:
            prediction_vector = F.softmax(prediction_vector, dim=1)
        return prediction_vector


def compute_accuracy_mc(y_pred, y_target):
    _, y_pred_indices = y_pred.max(dim=1)
    n_correct = torch.eq(y_pred_indices, y_target).sum().item()
    return n_correct / len(y_pred_indices) * 100


letters = "abcdefghij"
nationalities = ["English", "Irish", "Polish"]
x_surnames = torch.randint(0, 2, (6, len(letters))).float()
y_nationality = torch.tensor([0, 1, 2, 0, 0, 1])
class_counts = torch.bincount(y_nationality)
class_weights = 1.0 / torch.tensor(class_counts, dtype=torch.float32)
print(class_counts, class_weights)
mlp = SurnameClassifier(len(letters), 8, len(nationalities))
loss_func = nn.CrossEntropyLoss(weight=class_weights)
optimizer = optim.Adam(mlp.parameters(), lr=0.01)
for epoch in range(3):
    optimizer.zero_grad()
    y_pred = mlp(x_surnames)
    loss = loss_func(y_pred, y_nationality)
    loss.backward()
    optimizer.step()
    print(epoch, loss.item(), compute_accuracy_mc(y_pred, y_nationality))
mlp.eval()
result = mlp(x_surnames[:1], apply_softmax=True)
probability_values, indices = result.max(dim=1)
index = indices.item()
print(nationalities[index], probability_values.item(), result.sum(dim=1))
prediction_vector = mlp(x_surnames[:1], apply_softmax=True)
probability_values, indices = torch.topk(prediction_vector, k=2)
print(probability_values.detach().numpy()[0], indices.detach().numpy()[0])
try:
    torch.topk(prediction_vector, k=5)
except Exception as e:
    print(type(e).__name__, e)

# %%
batch_size = 2
one_hot_size = 10
sequence_width = 7
data = torch.randn(batch_size, one_hot_size, sequence_width)
conv1 = nn.Conv1d(in_channels=one_hot_size, out_channels=16, kernel_size=3)
conv2 = nn.Conv1d(in_channels=16, out_channels=32, kernel_size=3)
conv3 = nn.Conv1d(in_channels=32, out_channels=64, kernel_size=3)
intermediate1 = conv1(data)
intermediate2 = conv2(intermediate1)
intermediate3 = conv3(intermediate2)
print(data.size())
print(intermediate1.size())
print(intermediate2.size())
print(intermediate3.size())
y_output = intermediate3.squeeze()
print(y_output.size())
print(intermediate1.view(batch_size, -1).size())
print(torch.mean(intermediate1, dim=2).size())
print(torch.sum(intermediate1, dim=2).size())
print(conv1)
try:
    conv3(data)
except Exception as e:
    print(type(e).__name__, e)
try:
    conv3(torch.randn(1, 32, 2))
except Exception as e:
    print(type(e).__name__, e)

# %%
class SurnameCNN(nn.Module):
    def __init__(self, initial_num_channels, num_classes, num_channels):
        super(SurnameCNN, self).__init__()
        self.convnet = nn.Sequential(
            nn.Conv1d(in_channels=initial_num_channels, out_channels=num_channels, kernel_size=3),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3, stride=2),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3, stride=2),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3),
            nn.ELU()
        )
        self.fc = nn.Linear(num_channels, num_classes)

    def forward(self, x_surname, apply_softmax=False):
        features = self.convnet(x_surname).squeeze(dim=2)
        prediction_vector = self.fc(features)
        if apply_softmax:
            prediction_vector = F.softmax(prediction_vector, dim=1)
        return prediction_vector


max_surname_length = 17
surnames = ["abba", "cafe", "jihad", "bead", "gig", "face"]
x = torch.zeros(len(surnames), len(letters), max_surname_length)
for i, name in enumerate(surnames):
    for j, ch in enumerate(name):
        x[i, letters.index(ch), j] = 1
cnn = SurnameCNN(initial_num_channels=len(letters), num_classes=len(nationalities), num_channels=6)
print(cnn)
print(cnn.convnet(x).shape)
optimizer = optim.Adam(cnn.parameters(), lr=0.01)
for epoch in range(3):
    optimizer.zero_grad()
    y_pred = cnn(x)
    loss = F.cross_entropy(y_pred, y_nationality)
    loss.backward()
    optimizer.step()
    print(epoch, loss.item(), compute_accuracy_mc(y_pred, y_nationality))
print(cnn.convnet[0].weight.grad.shape, cnn.fc.bias.grad)
print(cnn(x[:2], apply_softmax=True))
try:
    cnn(x[:, :, :9])
except Exception as e:
    print(type(e).__name__, e)
