# Imitates the official "NLP From Scratch: Classifying Names with a Character-Level RNN" and "Generating Names with
# a Character-Level RNN" tutorials (their classic hand-written RNN versions) on synthetic names: unicodeToAscii,
# letterToTensor / lineToTensor one-hot, an RNN module with torch.cat((input, hidden), 1) and nn.LogSoftmax(dim=1),
# initHidden, categoryFromOutput with output.topk(1), training by hand with p.data.add_(p.grad.data, alpha=-lr),
# a confusion matrix normalised by row sums, and the generating RNN with category input, loss += over characters,
# target_line_tensor.unsqueeze_(-1) and topk / multinomial sampling.
import random
import string
import unicodedata

import torch
import torch.nn as nn

# %%
all_letters = string.ascii_letters + " .,;'"
n_letters = len(all_letters)

# Turn a Unicode string to plain ASCII, thanks to https://stackoverflow.com/a/518232/2809427
def unicodeToAscii(s):
    return ''.join(
        c for c in unicodedata.normalize('NFD', s)
        if unicodedata.category(c) != 'Mn'
        and c in all_letters
    )

print(n_letters)
print(unicodeToAscii('Ślusàrski'))

# %%
random.seed(3)
torch.manual_seed(3)
syllables = {
    'Italian': ['ro', 'ssi', 'bel', 'li', 'ni', 'co', 'ta', 'gi'],
    'Japanese': ['ya', 'ma', 'ka', 'to', 'shi', 'mo', 'na', 'ki'],
    'Scottish': ['mac', 'don', 'ald', 'gor', 'ach', 'bell', 'kin', 'loch'],
}
category_lines = {}
for cat, syl in syllables.items():
    names = set()
    while len(names) < 12:
        names.add(''.join(random.choice(syl) for _ in range(random.randint(2, 3))).capitalize())
    category_lines[cat] = sorted(names)
all_categories = list(category_lines)
n_categories = len(all_categories)
print(n_categories, category_lines['Italian'][:5])

# %%
# Find letter index from all_letters, e.g. "a" = 0
def letterToIndex(letter):
    return all_letters.find(letter)

# Just for demonstration, turn a letter into a <1 x n_letters> Tensor
def letterToTensor(letter):
    tensor = torch.zeros(1, n_letters)
    tensor[0][letterToIndex(letter)] = 1
    return tensor

# Turn a line into a <line_length x 1 x n_letters>,
# or an array of one-hot letter vectors
def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor

print(letterToTensor('J'))

print(lineToTensor('Jones').size())

# %%
# a letter outside all_letters: find() gives -1, and index -1 silently marks the last column
print(letterToIndex('é'), letterToTensor('é')[0, -3:])
lineToTensor('Jones')[0].nonzero()

# %%
class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()

        self.hidden_size = hidden_size

        self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(input_size + hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        combined = torch.cat((input, hidden), 1)
        hidden = self.i2h(combined)
        output = self.i2o(combined)
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)

n_hidden = 32
rnn = RNN(n_letters, n_hidden, n_categories)
print(rnn)

# %%
input = letterToTensor('A')
hidden = torch.zeros(1, n_hidden)

output, next_hidden = rnn(input, hidden)
print(output)

# %%
input = lineToTensor('Albert')
hidden = torch.zeros(1, n_hidden)

output, next_hidden = rnn(input[0], hidden)
print(output)

# %%
# passing the whole line instead of one letter
rnn(input, hidden)

# %%
def categoryFromOutput(output):
    top_n, top_i = output.topk(1)
    category_i = top_i[0].item()
    return all_categories[category_i], category_i

print(categoryFromOutput(output))
print(output.topk(1))
print(output.topk(2, dim=1, largest=False))

# %%
def randomChoice(l):
    return l[random.randint(0, len(l) - 1)]

def randomTrainingExample():
    category = randomChoice(all_categories)
    line = randomChoice(category_lines[category])
    category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
    line_tensor = lineToTensor(line)
    return category, line, category_tensor, line_tensor

for i in range(5):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    print('category =', category, '/ line =', line, category_tensor, tuple(line_tensor.shape))

# %%
criterion = nn.NLLLoss()
learning_rate = 0.005 # If you set this too high, it might explode. If too low, it might not learn

def train(category_tensor, line_tensor):
    hidden = rnn.initHidden()

    rnn.zero_grad()

    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)

    loss = criterion(output, category_tensor)
    loss.backward()

    # Add parameters' gradients to their values, multiplied by learning rate
    for p in rnn.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)

    return output, loss.item()

# %%
n_iters = 300
print_every = 60
plot_every = 30

# Keep track of losses for plotting
current_loss = 0
all_losses = []

for iter in range(1, n_iters + 1):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    output, loss = train(category_tensor, line_tensor)
    current_loss += loss

    # Print ``iter`` number, loss, name and guess
    if iter % print_every == 0:
        guess, guess_i = categoryFromOutput(output)
        correct = '✓' if guess == category else '✗ (%s)' % category
        print('%d %d%% %.4f %s / %s %s' % (iter, iter / n_iters * 100, loss, line, guess, correct))

    # Add current loss avg to list of losses
    if iter % plot_every == 0:
        all_losses.append(current_loss / plot_every)
        current_loss = 0

print(['%.3f' % l for l in all_losses])

# %%
# the older form of the update, add_(Number, Tensor), still runs with a deprecation warning
p = next(rnn.parameters())
before = p.data.clone()
p.data.add_(-learning_rate, p.grad.data)
print(torch.allclose(p.data, before - learning_rate * p.grad), (p.data - before).abs().max() > 0)

# %%
# Keep track of correct guesses in a confusion matrix
confusion = torch.zeros(n_categories, n_categories)
n_confusion = 200

# Just return an output given a line
def evaluate(line_tensor):
    hidden = rnn.initHidden()

    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)

    return output

# Go through a bunch of examples and record which are correctly guessed
for i in range(n_confusion):
    category, line, category_tensor, line_tensor = randomTrainingExample()
    output = evaluate(line_tensor)
    guess, guess_i = categoryFromOutput(output)
    category_i = all_categories.index(category)
    confusion[category_i][guess_i] += 1

print(confusion)
# Normalize by dividing every row by its sum
for i in range(n_categories):
    confusion[i] = confusion[i] / confusion[i].sum()
print(confusion)
print(confusion.diag().mean(), confusion.sum(1))

# %%
# the same normalisation at once, and the broadcasting slip that divides columns instead of rows
counts = torch.tensor([[8., 1., 1.], [2., 6., 2.], [0., 5., 15.]])
print(counts / counts.sum(1, keepdim=True))
print(counts / counts.sum(1))
counts.sum(1).unsqueeze(1).shape

# %%
def predict(input_line, n_predictions=3):
    print('\n> %s' % input_line)
    with torch.no_grad():
        output = evaluate(lineToTensor(input_line))

        # Get top N categories
        topv, topi = output.topk(n_predictions, 1, True)
        predictions = []

        for i in range(n_predictions):
            value = topv[0][i].item()
            category_index = topi[0][i].item()
            print('(%.2f) %s' % (value, all_categories[category_index]))
            predictions.append([value, all_categories[category_index]])

predict('Rossini')
predict('Yamato')
predict('Macdonald')

# %%
class GenRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(GenRNN, self).__init__()
        self.hidden_size = hidden_size

        self.i2h = nn.Linear(n_categories + input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(n_categories + input_size + hidden_size, output_size)
        self.o2o = nn.Linear(hidden_size + output_size, output_size)
        self.dropout = nn.Dropout(0.1)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, category, input, hidden):
        input_combined = torch.cat((category, input, hidden), 1)
        hidden = self.i2h(input_combined)
        output = self.i2o(input_combined)
        output_combined = torch.cat((hidden, output), 1)
        output = self.o2o(output_combined)
        output = self.dropout(output)
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)

n_letters_eos = n_letters + 1 # Plus EOS marker

# Get a random category and random line from that category
def randomTrainingPair():
    category = randomChoice(all_categories)
    line = randomChoice(category_lines[category])
    return category, line

# One-hot vector for category
def categoryTensor(category):
    li = all_categories.index(category)
    tensor = torch.zeros(1, n_categories)
    tensor[0][li] = 1
    return tensor

# One-hot matrix of first to last letters (not including EOS) for input
def inputTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters_eos)
    for li in range(len(line)):
        letter = line[li]
        tensor[li][0][all_letters.find(letter)] = 1
    return tensor

# ``LongTensor`` of second letter to end (EOS) for target
def targetTensor(line):
    letter_indexes = [all_letters.find(line[li]) for li in range(1, len(line))]
    letter_indexes.append(n_letters_eos - 1) # EOS
    return torch.LongTensor(letter_indexes)

# Make category, input, and target tensors from a random category, line pair
def randomTrainingExample():
    category, line = randomTrainingPair()
    category_tensor = categoryTensor(category)
    input_line_tensor = inputTensor(line)
    target_line_tensor = targetTensor(line)
    return category_tensor, input_line_tensor, target_line_tensor

c, i, t = randomTrainingExample()
print(c, i.shape, t)

# %%
criterion = nn.NLLLoss()

learning_rate = 0.0005
gen = GenRNN(n_letters_eos, 64, n_letters_eos)

def train(category_tensor, input_line_tensor, target_line_tensor):
    target_line_tensor.unsqueeze_(-1)
    hidden = gen.initHidden()

    gen.zero_grad()

    loss = torch.Tensor([0]) # you can also just simply use ``loss = 0``

    for i in range(input_line_tensor.size(0)):
        output, hidden = gen(category_tensor, input_line_tensor[i], hidden)
        l = criterion(output, target_line_tensor[i])
        loss += l

    loss.backward()

    for p in gen.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)

    return output, loss.item() / input_line_tensor.size(0)

total_loss = 0
for iter in range(1, 101):
    output, loss = train(*randomTrainingExample())
    total_loss += loss
    if iter % 25 == 0:
        print('(%d %d%%) %.4f' % (iter, iter / 100 * 100, loss))
print(total_loss / 100)

# %%
loss = torch.Tensor([0])
print(loss, loss.shape, loss.requires_grad)
loss += criterion(gen(categoryTensor('Italian'), inputTensor('Ro')[0], gen.initHidden())[0], torch.tensor([3]))
print(loss)
loss.grad_fn

# %%
max_length = 8

# Sample from a category and starting letter
def sample(category, start_letter='A'):
    with torch.no_grad():  # no need to track history in sampling
        category_tensor = categoryTensor(category)
        input = inputTensor(start_letter)
        hidden = gen.initHidden()

        output_name = start_letter

        for i in range(max_length):
            output, hidden = gen(category_tensor, input[0], hidden)
            topv, topi = output.topk(1)
            topi = topi[0][0]
            if topi == n_letters_eos - 1:
                break
            else:
                letter = all_letters[topi]
                output_name += letter
            input = inputTensor(letter)

        return output_name

# Get multiple samples from one category and multiple starting letters
def samples(category, start_letters='ABC'):
    for start_letter in start_letters:
        print(sample(category, start_letter))

gen.eval()
samples('Italian', 'RUS')
samples('Japanese', 'YMK')

# %%
# sampling instead of the arg max: multinomial over exp(log-probs)
torch.manual_seed(7)
with torch.no_grad():
    output, hidden = gen(categoryTensor('Scottish'), inputTensor('M')[0], gen.initHidden())
    probs = output.exp()
    print(probs.sum().item() > 0.999, probs.shape)
    picks = torch.multinomial(probs, 5, replacement=True)
    print(picks, [all_letters[i] if i < n_letters else '<EOS>' for i in picks[0].tolist()])
    print(torch.multinomial(probs[0], 1), torch.multinomial(output.div(0.8).exp(), 1))
torch.multinomial(output, 1)
