package reprolab.gui.layers;

import org.junit.jupiter.api.Test;
import reprolab.experiment.LayerType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerEditorViewModelTest {

    private final LayerEditorViewModel vm = new LayerEditorViewModel();

    private List<String> names() {
        return vm.rows().stream().map(r -> r.nameProperty().get()).toList();
    }

    @Test
    void startsWithSeedCnnAndItsParameterCount() {
        assertEquals(List.of("conv_0", "conv_1", "pool_0", "dropout_0", "flatten_0", "dense_0", "dropout_1", "output"), names());
        assertEquals("2,374,506 parameters", vm.summaryProperty().get());
        assertEquals("26x26x32, 320 parameters", vm.rows().get(0).infoProperty().get());
        assertEquals(List.of("conv_0", "conv_1", "dense_0", "output"), vm.parameterLayers());
    }

    @Test
    void typingAnOptionRecountsAtOnce() {
        vm.rows().get(5).option("units").set("128");
        assertEquals(String.format("%,d parameters", 320 + 9248 + 4608 * 128 + 128 + 1290), vm.summaryProperty().get());
        assertEquals(128, vm.layers().get(5).units());
    }

    @Test
    void kernelLargerThanItsInputShowsOnItsLayer() {
        vm.rows().get(1).option("kernel").set("27");
        assertTrue(vm.rows().get(1).errorProperty().get().startsWith("kernel 27x27 is larger than its input 26x26x32"),
                vm.rows().get(1).errorProperty().get());
        assertEquals("", vm.rows().get(0).errorProperty().get());
        assertTrue(vm.summaryProperty().get().endsWith("so far"));
    }

    @Test
    void textThatIsNoNumberIsAParseProblemOnItsLayer() {
        vm.rows().get(3).option("rate").set("half");
        assertTrue(vm.rows().get(3).errorProperty().get().contains("rate: 'half' is not a number"));
        assertEquals(List.of("model.layers[3] (dropout_0): rate: 'half' is not a number"), vm.parseProblems());
        vm.rows().get(3).option("rate").set("0.3");
        assertEquals(List.of(), vm.parseProblems());
        assertEquals(0.3, vm.layers().get(3).rate());
    }

    @Test
    void addedLayersGoBeforeTheOutputAndNamesFollow() {
        vm.add(LayerType.BATCHNORM);
        assertEquals(LayerType.BATCHNORM, vm.rows().get(7).type());
        assertEquals(LayerType.OUTPUT, vm.rows().get(8).type());
        assertEquals("batchnorm_0", vm.rows().get(7).nameProperty().get());
        assertEquals(List.of("conv_0", "conv_1", "dense_0", "batchnorm_0", "output"), vm.parameterLayers());
    }

    @Test
    void removingAndReorderingRenamesAndRevalidates() {
        vm.remove(1);
        assertEquals("conv_0", vm.rows().get(0).nameProperty().get());
        assertEquals(String.format("%,d parameters", 320 + 13 * 13 * 32 * 512 + 512 + 5130), vm.summaryProperty().get());
        vm.move(3, 1); // flatten below dense: dense now sees an image
        assertTrue(vm.rows().get(3).errorProperty().get().contains("dense needs a flat input"), vm.rows().get(3).errorProperty().get());
        vm.move(4, -1);
        assertEquals("", vm.rows().get(3).errorProperty().get());
        vm.move(0, -1); // at the top: nothing moves
        assertEquals(LayerType.CONV2D, vm.rows().get(0).type());
    }

    @Test
    void listWithoutTheOutputSaysSo() {
        vm.remove(7);
        assertTrue(vm.problemsProperty().get().contains("must end in the output layer"), vm.problemsProperty().get());
    }
}
