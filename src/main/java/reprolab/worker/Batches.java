package reprolab.worker;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import reprolab.data.Examples;
import reprolab.experiment.DataTypeName;

/** Turns chosen examples into ND4J mini-batches: flat features and one-hot labels. */
final class Batches {

    private final Examples examples;
    private final boolean asDouble;
    private final int pixels;

    Batches(Examples examples, DataTypeName dataType) {
        this.examples = examples;
        this.asDouble = dataType == DataTypeName.DOUBLE;
        this.pixels = examples.rows() * examples.cols();
    }

    /** The examples {@code order[from..to)} of {@code indices}, in that order. */
    DataSet batch(int[] indices, int[] order, int from, int to) {
        int[] chosen = new int[to - from];
        for (int i = from; i < to; i++) {
            chosen[i - from] = indices[order == null ? i : order[i]];
        }
        return of(chosen);
    }

    DataSet of(int[] chosen) {
        int n = chosen.length;
        int classes = examples.classes();
        float[] features = new float[n * pixels];
        float[] oneHot = new float[n * classes];
        for (int i = 0; i < n; i++) {
            System.arraycopy(examples.features(), chosen[i] * pixels, features, i * pixels, pixels);
            oneHot[i * classes + examples.labels()[chosen[i]]] = 1f;
        }
        return new DataSet(array(features, n, pixels), array(oneHot, n, classes));
    }

    int[] labels(int[] chosen) {
        int[] result = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            result[i] = examples.labels()[chosen[i]];
        }
        return result;
    }

    private INDArray array(float[] values, int rows, int cols) {
        if (!asDouble) {
            return Nd4j.create(values, new long[]{rows, cols}, 'c');
        }
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return Nd4j.create(widened, new long[]{rows, cols}, 'c');
    }
}
