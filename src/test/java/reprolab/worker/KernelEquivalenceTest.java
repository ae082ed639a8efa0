package reprolab.worker;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import reprolab.data.ExampleLoader;
import reprolab.data.Examples;
import reprolab.experiment.DataSource;
import reprolab.experiment.DataSpec;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.EarlyStoppingSpec;
import reprolab.experiment.Initializer;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
        Examples examples = ExampleLoader.load(new DataSpec(DataSource.MNIST_SAMPLE, null, null, 640, 64));
        ModelSpec model = new ModelSpec(ModelName.TINY, 1, 64, 0.01, Initializer.XAVIER_UNIFORM, EarlyStoppingSpec.defaults());
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
        for (int iteration = 0; iteration < 10; iteration++) {
            DataSet batch = batches.batch(all, null, iteration * 64, iteration * 64 + 64);
            ours.fit(batch);
            dl4j.fit(batch);
            assertEquals(Optional.empty(), KernelSelfCheck.firstDifference(dl4j.params(), ours.params(),
                    "parameters after iteration " + iteration));
            assertEquals(dl4j.score(), ours.score(), 0.0, "loss at iteration " + iteration);
        }
        assertNotEquals(start[start.length - 1], ours.params().toFloatVector()[start.length - 1], "training moved the weights");
    }
}
