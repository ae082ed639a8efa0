package reprolab.worker;

import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Inverted dropout whose masks depend only on (dropout seed, layer, iteration).
 *
 * <p>Why not DL4J's {@code Dropout}: it draws from {@code Nd4j.getRandom()}, which is per thread and
 * shared with weight initialisation, so the dropout seed could not be switched on or off alone, and
 * a different thread would see a clock-seeded generator. This one owns its generator and reseeds it
 * before every mask, so masks are the same whatever ran before and on whichever thread.
 *
 * <p>{@code keepProbability} follows DL4J's convention: Keras' {@code Dropout(0.25)} keeps 0.75.
 */
public final class SeededDropout implements IDropout {

    @JsonProperty
    private final double keepProbability;
    @JsonProperty
    private final long seed;
    @JsonProperty
    private final int layerIndex;
    private transient Random generator;
    private transient INDArray mask;

    /** Also DL4J's JSON form of a configuration (the three fields are all there is to it). */
    @JsonCreator
    public SeededDropout(@JsonProperty("keepProbability") double keepProbability, @JsonProperty("seed") long seed,
                         @JsonProperty("layerIndex") int layerIndex) {
        if (!(keepProbability > 0 && keepProbability <= 1)) {
            throw new IllegalArgumentException("keep probability must be in (0, 1]: " + keepProbability);
        }
        this.keepProbability = keepProbability;
        this.seed = seed;
        this.layerIndex = layerIndex;
    }

    /** The seed of the mask for one layer and iteration: a strong mix so nearby inputs give unrelated masks. */
    static long maskSeed(long seed, int layerIndex, int iteration) {
        return SeedMix.mix(SeedMix.mix(seed ^ 0x5DEECE66DL) + layerIndex * 0x9E3779B97F4A7C15L + iteration);
    }

    @Override
    public INDArray applyDropout(INDArray input, INDArray output, int iteration, int epoch, LayerWorkspaceMgr workspaces) {
        if (generator == null) {
            generator = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        }
        generator.setSeed(maskSeed(seed, layerIndex, iteration));
        mask = workspaces.createUninitialized(ArrayType.INPUT, output.dataType(), output.shape(), output.ordering())
                .assign(1.0);
        Nd4j.getExecutioner().exec(new DropOutInverted(mask, mask, keepProbability), generator);
        Nd4j.getExecutioner().exec(new MulOp(input, mask, output));
        return output;
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        Nd4j.getExecutioner().exec(new MulOp(gradAtOutput, mask, gradAtInput));
        mask = null;
        return gradAtInput;
    }

    @Override
    public void clear() {
        mask = null;
    }

    @Override
    public IDropout clone() {
        return new SeededDropout(keepProbability, seed, layerIndex);
    }
}
