package reprolab.worker;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J dense layer that reuses its training forward pre-activation in backprop.
 *
 * <p>The training forward pass keeps a copy of {@code z = input * W + b} (taken before the activation
 * overwrites it) in the {@code FF_CACHE} workspace, under exactly the conditions DL4J's
 * {@code ConvolutionLayer} keeps its own: a cache mode is set and the network opened that workspace
 * (which {@code fit} does). Backprop then takes the copy instead of computing the same product of
 * the same arrays again: the same bits (checked by run hashes, docs/performance.md). Without a
 * kept copy, for instance with layer normalisation, it is DL4J's layer unchanged.
 */
final class CachingDenseLayerImpl extends DenseLayer {

    private transient INDArray keptPreOutput;
    /** The input the kept copy was computed from: backprop may use the copy only for this same array. */
    private transient INDArray keptInput;

    CachingDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaces) {
        if (forBackprop && keptPreOutput != null && keptInput == input) {
            INDArray z = keptPreOutput;
            forget();
            return new Pair<>(z, z);
        }
        // a copy made from another input (a forward pass in between set a new one) is stale: recompute
        forget();
        Pair<INDArray, INDArray> result = super.preOutputWithPreNorm(training, forBackprop, workspaces);
        if (training && !forBackprop && !hasLayerNorm() && cacheMode != null && cacheMode != CacheMode.NONE
                && workspaces.hasConfiguration(ArrayType.FF_CACHE) && workspaces.isWorkspaceOpen(ArrayType.FF_CACHE)) {
            try (MemoryWorkspace ignored = workspaces.notifyScopeBorrowed(ArrayType.FF_CACHE)) {
                keptPreOutput = result.getFirst().unsafeDuplication();
                keptInput = input;
            }
        }
        return result;
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    private void forget() {
        keptPreOutput = null;
        keptInput = null;
    }

    /** For tests: whether a pre-activation is kept for the next backprop. */
    boolean keeps() {
        return keptPreOutput != null;
    }
}
