package reprolab.worker;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Validation loss (mean cross-entropy) and accuracy of a model, computed in inference mode (no
 * dropout) in chunks so a large validation set needs little memory.
 */
final class Validation {

    /** Probabilities below this count as this, so one confident mistake gives a large, finite loss. */
    private static final double MIN_PROBABILITY = 1e-12;
    private static final int CHUNK = 500;

    private final Batches batches;
    private final int[] indices;

    record Result(double loss, double accuracy) {
    }

    Validation(Batches batches, int[] indices) {
        this.batches = batches;
        this.indices = indices;
    }

    Result evaluate(MultiLayerNetwork net) {
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < indices.length; from += CHUNK) {
            int to = Math.min(indices.length, from + CHUNK);
            int[] chosen = java.util.Arrays.copyOfRange(indices, from, to);
            DataSet chunk = batches.of(chosen);
            INDArray probabilities = net.output(chunk.getFeatures(), false);
            double[][] p = probabilities.toDoubleMatrix();
            int[] labels = batches.labels(chosen);
            for (int i = 0; i < labels.length; i++) {
                lossSum -= Math.log(Math.max(p[i][labels[i]], MIN_PROBABILITY));
                if (argMax(p[i]) == labels[i]) {
                    correct++;
                }
            }
        }
        return new Result(lossSum / indices.length, (double) correct / indices.length);
    }

    private static int argMax(double[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
