package reprolab.worker;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import reprolab.data.ExampleLoader;
import reprolab.data.Examples;
import reprolab.experiment.Backend;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataSpec;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.EarlyStoppingSpec;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our Adam step, ReLU backward pass and caching dense layer against DL4J's own, trained side by side
 * on real digits in one JVM and one thread: the parameters must agree bit for bit after every
 * iteration, and the loss too.
 */
class KernelEquivalenceTest {

    @BeforeAll
    static void loadShippedNativeBuild() {
        NativeBuild.select();
    }

    @Test
    void tinyTrainsToTheSameBitsWithOurKernelsAsWithDl4js() throws Exception {
        ModelSpec model = new ModelSpec(ModelName.TINY, 1, 64, 0.01, Initializer.XAVIER_UNIFORM, EarlyStoppingSpec.defaults());
        trainSideBySide(model, 10);
    }

    /**
     * The seed CNN (two convolutions through oneDNN, the 4608x512 dense layer) with vendor kernels on
     * and two native threads, as its lessons run it. Three updates only: it is slow.
     */
    @Test
    void seedCnnWithOneDnnAtTwoThreadsTrainsToTheSameBits() throws Exception {
        NativeSettings.apply(new ExecutionSpec(2, true, DataTypeName.FLOAT, Backend.CPU));
        try {
            assertTrue(NativeSettings.helpersActive(), "oneDNN must be on for this check");
            ModelSpec model = new ModelSpec(ModelName.SEED_CNN, 1, 64, 0.001, Initializer.XAVIER_UNIFORM,
                    EarlyStoppingSpec.defaults());
            trainSideBySide(model, 3);
        } finally {
            NativeSettings.apply(ExecutionSpec.defaults());
        }
    }

    private static void trainSideBySide(ModelSpec model, int iterations) throws Exception {
        Examples examples = ExampleLoader.load(new DataSpec(DataSource.MNIST_SAMPLE, null, null, 640, 64));
        MultiLayerNetwork ours = ModelFactory.create(model, DataTypeName.FLOAT, 42, 7, examples.rows(), examples.cols(),
                examples.classes(), ModelFactory.Kernels.REPROLAB);
        MultiLayerNetwork dl4j = ModelFactory.create(model, DataTypeName.FLOAT, 42, 7, examples.rows(), examples.cols(),
                examples.classes(), ModelFactory.Kernels.DL4J);
        assertArrayEquals(dl4j.params().toFloatVector(), ours.params().toFloatVector(), "initial weights");
        float[] start = ours.params().toFloatVector();
        Batches batches = new Batches(examples, DataTypeName.FLOAT);
        int[] all = new int[640];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (int iteration = 0; iteration < iterations; iteration++) {
            DataSet batch = batches.batch(all, null, iteration * 64, iteration * 64 + 64);
            ours.fit(batch);
            dl4j.fit(batch);
            assertEquals(Optional.empty(), KernelSelfCheck.firstDifference(dl4j.params(), ours.params(),
                    "parameters after iteration " + iteration));
            assertEquals(dl4j.score(), ours.score(), 0.0, "loss at iteration " + iteration);
        }
        assertNotEquals(start[start.length - 1], ours.params().toFloatVector()[start.length - 1], "training moved the weights");
    }

    @Test
    void ourDenseLayerIsUsedOnlyOnTheDl4jReleaseItWasWrittenFor() {
        assertEquals(CachingDenseLayer.WRITTEN_FOR, CachingDenseLayer.dl4jVersion());
        assertTrue(CachingDenseLayer.fitsThisDl4j());
    }
}
