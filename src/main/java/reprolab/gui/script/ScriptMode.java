package reprolab.gui.script;

import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows the model form or the Script mode in the settings panel's place. Run and Cancel all are one
 * set of buttons: they move into whichever of the two shows, so Run keeps its place under the settings
 * that matter and tests find one {@code #runButton}.
 */
public final class ScriptMode {

    private ScriptMode() {
    }

    /**
     * @param modelForm the model settings, holding {@code runBar}
     * @param runBar    Run and Cancel all
     */
    public static Node switcher(ScriptViewModel vm, Pane modelForm, Node runBar) {
        ScriptView script = new ScriptView(vm);
        VBox box = new VBox(modelForm);
        VBox.setVgrow(box, Priority.ALWAYS);
        int runBarIndex = Math.max(0, modelForm.getChildren().indexOf(runBar));
        vm.activeProperty().addListener((obs, was, scriptMode) -> {
            modelForm.getChildren().remove(runBar);
            script.runBarSlot().getChildren().remove(runBar);
            if (scriptMode) {
                script.runBarSlot().getChildren().add(runBar);
                box.getChildren().setAll(script.root());
            } else {
                modelForm.getChildren().add(Math.min(runBarIndex, modelForm.getChildren().size()), runBar);
                box.getChildren().setAll(modelForm);
            }
        });
        return box;
    }
}
