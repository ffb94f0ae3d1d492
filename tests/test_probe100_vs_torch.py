"""What the hundredth probe (IBM's 'Deep Neural Networks with PyTorch' labs: 1D / 2D tensors, derivatives, simple
datasets and transforms, linear / logistic / softmax regression, shallow networks, dropout, initialisation, momentum,
batch normalization, convolution with weights set through state_dict) found, checked against PyTorch: a convolution
whose weight has no input (in_channels=0, a zero kernel size) initialises its bias as PyTorch 2.13's _ConvNd does,
uniform_(-0, 0): zeros, drawn from the generator all the same, so the random numbers that follow (the next layer's
weights, a DataLoader's shuffle) are PyTorch's; the lessons' plain runs now have a notebook's __name__, so a class a
cell defines prints as <__main__.Name object at ...> on every side, %%grad included."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "conv_bias_without_fan_in_draws_zeros": [
        ATTEMPT + '''import warnings
warnings.simplefilter("ignore")
for make in [
        lambda: torch.nn.Conv2d(1, 2, 0),
        lambda: torch.nn.Conv1d(0, 3, 2),
        lambda: torch.nn.Conv3d(0, 1, 1),
        lambda: torch.nn.ConvTranspose2d(2, 0, 3),
        lambda: torch.nn.Conv2d(1, 2, 0, bias=False),
        lambda: torch.nn.Conv2d(1, 0, 3),
]:
    torch.manual_seed(0)
    attempt(lambda: make().bias)
    print(torch.rand(2))
''',
        '''torch.manual_seed(1)
convs = [torch.nn.Conv1d(0, 2, 3), torch.nn.Conv1d(1, 2, 3)]
print(convs[0].bias, convs[1].weight, convs[1].bias)
print(torch.nn.Linear(2, 1).weight)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe100_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe100/{name}", warns="per_cell")
