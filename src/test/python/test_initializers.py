"""Each initialiser draws from its documented distribution (DL4J's), not Xavier-uniform for all."""

import math

import pytest
import torch

from reprolab_worker import initializers

FAN_IN, FAN_OUT = 676, 32  # the tiny model's dense_0
COUNT = 200_000


def drawn(name, fan_in=FAN_IN, fan_out=FAN_OUT, seed=5):
    weight = torch.empty(COUNT)
    generator = torch.Generator()
    generator.manual_seed(seed)
    initializers.draw(weight, name, fan_in, fan_out, generator)
    return weight.double()


EXPECTED_VARIANCE = {
    "xavier-uniform": 2.0 / (FAN_IN + FAN_OUT),  # a^2 / 3 with a = sqrt(6 / (in + out))
    "he-uniform": 2.0 / FAN_IN,
    "xavier-normal": 2.0 / (FAN_IN + FAN_OUT),
    "he-normal": 2.0 / FAN_IN,
    "lecun-normal": 1.0 / FAN_IN,
}


@pytest.mark.parametrize("name", sorted(EXPECTED_VARIANCE))
def test_sample_variance_is_the_distributions(name):
    w = drawn(name)
    assert abs(float(w.mean())) < 5 * math.sqrt(EXPECTED_VARIANCE[name] / COUNT)
    assert float(w.var()) == pytest.approx(EXPECTED_VARIANCE[name], rel=0.015)


@pytest.mark.parametrize("name", ["xavier-uniform", "he-uniform"])
def test_uniform_ones_stay_within_their_bound_and_fill_it(name):
    w = drawn(name)
    bound = initializers.scale(name, FAN_IN, FAN_OUT)
    assert float(w.abs().max()) <= bound
    assert float(w.abs().max()) > 0.999 * bound


@pytest.mark.parametrize("name", ["xavier-normal", "he-normal", "lecun-normal"])
def test_normal_ones_are_untruncated_gaussians_as_in_dl4j(name):
    """About 4.55 % of a normal lies beyond 2 sd (Keras' truncated normal has none, a uniform none)."""
    w = drawn(name)
    sd = math.sqrt(EXPECTED_VARIANCE[name])
    beyond = float((w.abs() > 2 * sd).double().mean())
    assert beyond == pytest.approx(0.0455, abs=0.003)


def test_convolution_fans_divide_fan_out_by_the_stride_area_as_dl4j():
    assert initializers.conv_fans(4, 8, 3, 1) == (36.0, 72.0)
    assert initializers.conv_fans(4, 8, 3, 2) == (36.0, 18.0)


def test_an_unknown_initializer_is_refused_by_name():
    with pytest.raises(ValueError, match="glorot"):
        initializers.scale("glorot", 1, 1)


def test_the_same_seed_draws_the_same_weights():
    assert torch.equal(drawn("he-normal", seed=9), drawn("he-normal", seed=9))
    assert not torch.equal(drawn("he-normal", seed=9), drawn("he-normal", seed=10))


@pytest.mark.parametrize("name", sorted(EXPECTED_VARIANCE))
def test_the_built_model_uses_the_initializer_the_spec_names(name):
    """Through the worker's own model building: before, every name but he-uniform gave Xavier-uniform."""
    from reprolab_worker import model
    spec = {"name": "tiny", "initializer": name}
    net = model.build(spec, 28, 28, 10, {"weightInit": 3, "dropout": 4}, torch.float32, torch.device("cpu"))
    w = dict(net.parameter_layers())["dense_0"].weight.detach().double().flatten()
    sd = math.sqrt(EXPECTED_VARIANCE[name])
    assert float(w.var()) == pytest.approx(EXPECTED_VARIANCE[name], rel=0.05)
    beyond = float((w.abs() > 2 * sd).double().mean())
    if name in initializers.UNIFORM:
        assert beyond == 0.0
    else:
        assert beyond == pytest.approx(0.0455, abs=0.006)
