package reprolab.worker;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import reprolab.experiment.PerturbationSpec;

import java.util.SplittableRandom;

/**
 * Adds +/-epsilon to a fraction of one layer's parameters, chosen by the perturbation's own seed.
 * Where rounding would swallow epsilon (float32 has about 7 digits), the value moves one unit in the
 * last place instead, so the model always changes: a stand-in for the last-bit differences that
 * another summation order on parallel hardware produces.
 */
final class Perturber {

    private Perturber() {
    }

    /** Perturbs the layer in place and returns how many parameters changed. */
    static int apply(MultiLayerNetwork net, PerturbationSpec spec) {
        INDArray params = findLayer(net, spec.layer()).params();
        long length = params.length();
        int count = (int) Math.max(1, Math.min(length, Math.round(spec.fraction() * length)));
        SplittableRandom random = new SplittableRandom(spec.seed());
        int[] chosen = chooseDistinct(random, (int) length, count);
        boolean isFloat = params.dataType() == DataType.FLOAT;
        for (int index : chosen) {
            double sign = random.nextBoolean() ? 1 : -1;
            double old = params.getDouble(index);
            params.putScalar(index, isFloat ? nudgeFloat((float) old, sign * spec.epsilon()) : nudgeDouble(old, sign * spec.epsilon()));
        }
        return count;
    }

    private static Layer findLayer(MultiLayerNetwork net, String name) {
        for (Layer layer : net.getLayers()) {
            if (name.equals(layer.conf().getLayer().getLayerName())) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer named " + name);
    }

    static float nudgeFloat(float value, double delta) {
        float moved = (float) (value + delta);
        return moved != value ? moved : Math.nextAfter(value, delta > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }

    static double nudgeDouble(double value, double delta) {
        double moved = value + delta;
        return moved != value ? moved : Math.nextAfter(value, delta > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }

    /** A partial Fisher-Yates shuffle: {@code count} distinct indices below {@code n}. */
    private static int[] chooseDistinct(SplittableRandom random, int n, int count) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, count);
    }
}
