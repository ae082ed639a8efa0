package reprolab.gui.target;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Run on: [This computer | Slurm cluster]" beside Run, and the Slurm settings when it is chosen. */
public final class RunTargetView {

    private final RunTargetViewModel vm;
    private final VBox root = new VBox(4);

    public RunTargetView(RunTargetViewModel vm) {
        this.vm = vm;
        root.getChildren().addAll(choiceRow(), settings());
    }

    public Parent root() {
        return root;
    }

    private HBox choiceRow() {
        ComboBox<RunTargetViewModel.Choice> choice = new ComboBox<>();
        choice.setId("runOnChoice");
        choice.getItems().setAll(RunTargetViewModel.Choice.values());
        choice.valueProperty().bindBidirectional(vm.choiceProperty());
        choice.disableProperty().bind(vm.slurmAvailableProperty().not());
        Label reason = new Label();
        reason.setId("runOnReason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.unavailableReasonProperty());
        reason.visibleProperty().bind(vm.slurmAvailableProperty().not());
        reason.managedProperty().bind(reason.visibleProperty());
        if (!vm.slurmAvailableProperty().get()) {
            choice.setTooltip(new Tooltip(vm.unavailableReasonProperty().get()));
        }
        return new HBox(8, new Label("Run on"), choice, reason);
    }

    private GridPane settings() {
        GridPane grid = new GridPane();
        grid.setId("slurmSettings");
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setPadding(new Insets(0, 0, 0, 12));
        field(grid, 0, "Partition", "slurm-partition", vm.partitionProperty(), "empty: the cluster's default");
        field(grid, 1, "Account", "slurm-account", vm.accountProperty(), "empty: your default account");
        field(grid, 2, "Time limit", "slurm-time", vm.timeProperty(), "per run, e.g. 30:00; empty: the partition's");
        field(grid, 3, "sbatch args", "slurm-args", vm.sbatchArgsProperty(), "passed as they are, e.g. --mem=4G");
        CheckBox spread = new CheckBox("One node per repeat (spread over nodes)");
        spread.setId("slurm-spread");
        spread.selectedProperty().bindBidirectional(vm.spreadNodesProperty());
        grid.add(spread, 0, 4, 2, 1);
        grid.visibleProperty().bind(vm.choiceProperty().isEqualTo(RunTargetViewModel.Choice.SLURM));
        grid.managedProperty().bind(grid.visibleProperty());
        return grid;
    }

    private static void field(GridPane grid, int row, String label, String id,
                              javafx.beans.property.StringProperty property, String prompt) {
        TextField text = new TextField();
        text.setId(id);
        text.setPromptText(prompt);
        text.textProperty().bindBidirectional(property);
        grid.add(new Label(label), 0, row);
        grid.add(text, 1, row);
    }
}
