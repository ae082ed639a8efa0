package reprolab.worker;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.Map;

/**
 * DL4J's {@link Adam} configuration, whose updater computes libnd4j's {@code adam_updater} arithmetic
 * in Java (see {@link ChunkedAdamUpdater}) instead of the native op.
 *
 * <p>Why: in the shipped {@code -onednn} build (generic x86-64) the native op runs one scalar
 * square root and one scalar division per parameter, ~13 ms per seed-cnn iteration; the same
 * float operations, in the same order, vectorised by the JIT take a fraction of that and give the
 * same bits (ChunkedAdamTest compares them with the native op bit for bit).
 */
public final class ChunkedAdam extends Adam {

    /** For Jackson: DL4J configurations are JSON, and their fields are set after construction. */
    public ChunkedAdam() {
        super();
    }

    public ChunkedAdam(double learningRate) {
        super(learningRate);
    }

    private ChunkedAdam(Adam config) {
        super(config.getLearningRate(), config.getBeta1(), config.getBeta2(), config.getEpsilon());
        setLearningRateSchedule(config.getLearningRateSchedule());
    }

    /** Same steps as {@code Adam.instantiate}: the state view holds m then v, each as long as the gradient. */
    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        ChunkedAdamUpdater updater = new ChunkedAdamUpdater(this);
        INDArray row = viewArray.reshape(1, viewArray.length());
        long[] gradientShape = Arrays.copyOf(row.shape(), row.shape().length);
        gradientShape[1] /= 2;
        updater.setStateViewArray(row, gradientShape, row.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        ChunkedAdamUpdater updater = new ChunkedAdamUpdater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    /** DL4J clones the updater configuration for every layer: the copy must stay a ChunkedAdam. */
    @Override
    public ChunkedAdam clone() {
        return new ChunkedAdam(this);
    }
}
