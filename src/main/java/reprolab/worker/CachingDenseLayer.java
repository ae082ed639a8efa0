package reprolab.worker;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * DL4J's dense layer configuration, instantiating {@link CachingDenseLayerImpl}: a dense layer that,
 * like DL4J's convolution layer under a cache mode, keeps its training forward pre-activation for
 * backprop instead of multiplying input and weights a second time (DL4J M2.1's
 * {@code BaseLayer.backpropGradient} recomputes it; for seed-cnn's 4608x512 layer that is one of the
 * iteration's four large matrix products).
 *
 * <p>Everything else (parameters, initialisation, JSON) is DL4J's {@link DenseLayer}.
 */
public final class CachingDenseLayer extends DenseLayer {

    /**
     * The DL4J release whose {@code BaseLayer.backpropGradient} and {@code preOutputWithPreNorm} this
     * layer was written against; another release may call them differently, so there the network
     * gets DL4J's own dense layer ({@link #fitsThisDl4j()}).
     */
    static final String WRITTEN_FOR = "1.0.0-M2.1";

    /** For Jackson and DL4J's configuration cloning. */
    public CachingDenseLayer() {
        setHasBias(true);
    }

    CachingDenseLayer(String name, long nOut, IActivation activation) {
        this();
        setLayerName(name);
        setNOut(nOut);
        setActivationFn(activation);
    }

    /** Whether the DL4J on the classpath is the release this layer was written for. */
    static boolean fitsThisDl4j() {
        return WRITTEN_FOR.equals(dl4jVersion());
    }

    /** The version of deeplearning4j-nn on the classpath, or "unknown". */
    static String dl4jVersion() {
        try (java.io.InputStream in = DenseLayer.class.getResourceAsStream(
                "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Same steps as {@code DenseLayer.instantiate}, with the caching implementation. */
    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("DenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        CachingDenseLayerImpl layer = new CachingDenseLayerImpl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        ParamInitializer initializer = initializer();
        Map<String, INDArray> params = initializer.init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
