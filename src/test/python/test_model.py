"""Layer lists on PyTorch: the shapes, parameter counts and padding rules of LayerShapes and DL4J."""

import pytest
import torch

from reprolab_worker import model

CPU = torch.device("cpu")
SEEDS = {"weightInit": 1, "dropout": 2}


def net(layers, initializer="xavier-uniform"):
    spec = {"name": "custom", "initializer": initializer, "layers": layers}
    return model.build(spec, 28, 28, 10, SEEDS, torch.float32, CPU)


def counts(n):
    return [(name, sum(t.numel() for t in model.layer_tensors(m))) for name, m in n.parameter_layers()]


def test_names_and_parameter_counts_are_layer_shapes_ones():
    layers = [{"type": "conv2d", "filters": 3, "kernel": 3, "stride": 2, "padding": "same"},  # 14x14x3
              {"type": "batchnorm"},
              {"type": "maxpool2d", "size": 3, "stride": 2, "padding": "same"},  # 7x7x3
              {"type": "avgpool2d", "size": 2, "padding": "same"},  # 4x4x3
              {"type": "dropout", "rate": 0.2}, {"type": "flatten"}, {"type": "batchnorm"},
              {"type": "dense", "units": 8}, {"type": "output"}]
    built = net(layers)
    assert counts(built) == [("conv_0", 3 * 9 + 3), ("batchnorm_0", 4 * 3), ("batchnorm_1", 4 * 48),
                             ("dense_0", 48 * 8 + 8), ("output", 8 * 10 + 10)]
    assert built(torch.zeros(5, 784)).shape == (5, 10)


def test_seed_cnn_and_tiny_are_their_shipped_layer_lists():
    for name, expected in (("tiny", [("conv_0", 40), ("dense_0", 676 * 32 + 32), ("output", 330)]),
                           ("seed-cnn", [("conv_0", 320), ("conv_1", 9248), ("dense_0", 4608 * 512 + 512),
                                         ("output", 5130)])):
        built = model.build({"name": name, "initializer": "he-uniform"}, 28, 28, 10, SEEDS, torch.float32, CPU)
        assert counts(built) == expected


def test_dropout_mask_seeds_use_the_dl4j_index_where_flatten_is_no_layer():
    built = net([{"type": "conv2d", "filters": 2, "kernel": 3}, {"type": "flatten"}, {"type": "dropout", "rate": 0.5},
                 {"type": "output"}])
    assert [step.layer_index for step in built.steps if isinstance(step, model.SeededDropout)] == [1]
    tiny = model.build({"name": "tiny", "initializer": "he-uniform"}, 28, 28, 10, SEEDS, torch.float32, CPU)
    assert [step.layer_index for step in tiny.steps if isinstance(step, model.SeededDropout)] == [2, 4]


def test_same_padding_puts_the_odd_pixel_after_as_dl4j():
    assert model.same_padding(28, 3, 2) == (0, 1)
    assert model.same_padding(28, 3, 1) == (1, 1)
    assert model.same_padding(7, 2, 2) == (0, 1)


def test_average_pooling_does_not_count_padding_and_max_pooling_never_picks_it():
    pool = model.Pool({"type": "avgpool2d", "size": 2, "padding": "same"}, 3, 3)
    x = torch.ones(1, 1, 3, 3)
    assert torch.equal(pool(x), torch.ones(1, 1, 2, 2))  # counting the zero padding would give 0.5 at the edge
    maximum = model.Pool({"type": "maxpool2d", "size": 2, "padding": "same"}, 3, 3)
    assert torch.equal(maximum(-x), -torch.ones(1, 1, 2, 2))  # a zero pad would win over -1


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear", "elu", "selu", "softplus", "softsign"])
def test_every_activation_the_validator_allows_is_built(activation):
    built = net([{"type": "flatten"}, {"type": "dense", "units": 4, "activation": activation}, {"type": "output"}])
    x = torch.full((1, 784), -0.5)
    hidden = built.steps[1](built.steps[0](x.view(1, 1, 28, 28)))
    expected = model.ACTIVATIONS[activation](built.steps[1][-1].linear(torch.flatten(x.view(1, 1, 28, 28), 1)))
    assert torch.equal(hidden, expected)


def test_a_layers_own_initializer_overrides_the_models():
    layers = [{"type": "flatten"}, {"type": "dense", "units": 500, "initializer": "lecun-normal"}, {"type": "output"}]
    built = net(layers, initializer="he-uniform")
    dense = dict(built.parameter_layers())["dense_0"].weight
    assert float(dense.abs().max()) > (6.0 / 784) ** 0.5  # beyond he-uniform's bound: a normal draw
    output = dict(built.parameter_layers())["output"].weight
    assert float(output.abs().max()) <= (6.0 / 500) ** 0.5


def test_an_unknown_layer_type_is_refused_by_name():
    with pytest.raises(model.ModelError, match="lstm"):
        net([{"type": "lstm"}, {"type": "output"}])
