package reprolab.worker;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Batch accuracy of the training forward pass (dropout active, weights before the update), as Keras
 * reports it. DL4J's fit() stops the forward pass before the output layer, so this listener takes the
 * output layer's input and finishes the (tiny) last step itself, instead of running a second forward.
 */
final class BatchAccuracyListener extends BaseTrainingListener {

    private int[] labels;
    private double accuracy = Double.NaN;

    /** Labels of the batch about to be fitted. */
    void expect(int[] batchLabels) {
        this.labels = batchLabels;
        this.accuracy = Double.NaN;
    }

    double accuracy() {
        return accuracy;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        INDArray outputInput = activations.get(activations.size() - 1);
        INDArray weights = net.getOutputLayer().getParam("W");
        INDArray bias = net.getOutputLayer().getParam("b");
        INDArray logits = outputInput.mmul(weights).addiRowVector(bias);
        long[] predicted = Nd4j.argMax(logits, 1).toLongVector();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        accuracy = (double) correct / predicted.length;
    }
}
