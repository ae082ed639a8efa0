package reprolab.gui.runs;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import reprolab.gui.curves.CurvesViewModel;
import reprolab.gui.curves.RunPalette;

import java.util.function.Consumer;
import java.util.function.Function;

/** The table of runs: colour and show/hide, status, progress, iteration, ETA, cancel (or, for an ablation, the group). */
public final class RunsView {

    private final TableView<RunRow> table = new TableView<>();

    /** The experiment's runs: a show/hide box in each run's colour, progress and a cancel button per run. */
    public RunsView(RunsViewModel vm, CurvesViewModel curves, Consumer<String> cancel) {
        this(vm);
        TableColumn<RunRow, RunRow> show = new TableColumn<>("Show");
        show.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        show.setCellFactory(c -> new ShowCell(curves));
        TableColumn<RunRow, RunRow> stop = new TableColumn<>("");
        stop.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stop.setCellFactory(c -> new CancelCell(cancel));
        table.getColumns().add(0, show);
        table.getColumns().add(stop);
    }

    /**
     * Progress only, each run under its group (the Ablation tab, whose runs have no curves and are
     * cancelled together).
     */
    public RunsView(RunsViewModel vm, Function<String, String> groupOf) {
        this(vm);
        TableColumn<RunRow, String> group = new TableColumn<>("Group");
        group.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(groupOf.apply(c.getValue().runId())));
        group.setPrefWidth(110);
        table.getColumns().add(0, group);
        table.getColumns().get(1).setPrefWidth(130); // ids like "perturbation-02"
    }

    private RunsView(RunsViewModel vm) {
        table.setId("runsTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new javafx.scene.control.Label("No runs yet."));
        table.setPrefHeight(220);
        TableColumn<RunRow, String> id = new TableColumn<>("Run");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().runId()));
        TableColumn<RunRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        TableColumn<RunRow, Double> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().progressProperty().asObject());
        progress.setCellFactory(c -> new ProgressCell());
        TableColumn<RunRow, String> iteration = new TableColumn<>("Iteration");
        // blank until the run has started and said how many iterations it has (not "-1 / 0")
        iteration.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(
                () -> c.getValue().totalProperty().get() <= 0 ? ""
                        : Math.max(0, c.getValue().iterationProperty().get()) + " / " + c.getValue().totalProperty().get(),
                c.getValue().iterationProperty(), c.getValue().totalProperty()));
        TableColumn<RunRow, String> eta = new TableColumn<>("ETA");
        eta.setCellValueFactory(c -> c.getValue().etaProperty());
        table.getColumns().addAll(java.util.List.of(id, status, progress, iteration, eta));
        // the columns share the table's width: at the default window width the ETA column was cut
        // off behind a horizontal scrollbar
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    }

    public TableView<RunRow> root() {
        return table;
    }

    private static final class ShowCell extends TableCell<RunRow, RunRow> {
        private final CurvesViewModel curves;
        private final CheckBox box = new CheckBox();
        private RunRow bound;

        ShowCell(CurvesViewModel curves) {
            this.curves = curves;
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(curves.visibleProperty(bound.runId()));
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            box.selectedProperty().bindBidirectional(curves.visibleProperty(row.runId()));
            box.setStyle("-fx-mark-color: " + RunPalette.hex(row.colorIndex()) + ";");
            setStyle("-fx-background-color: " + RunPalette.hex(row.colorIndex()) + "33;");
            setGraphic(box);
        }
    }

    private static final class ProgressCell extends TableCell<RunRow, Double> {
        private final ProgressBar bar = new ProgressBar(0);

        @Override
        protected void updateItem(Double value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
            } else {
                bar.setProgress(value);
                setGraphic(bar);
            }
        }
    }

    private static final class CancelCell extends TableCell<RunRow, RunRow> {
        private final Button button = new Button("Cancel");
        private final Consumer<String> cancel;

        CancelCell(Consumer<String> cancel) {
            this.cancel = cancel;
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            button.setOnAction(e -> cancel.accept(row.runId()));
            // by the end, not the status: a cluster's "pending (Priority)", "running on node n1" or
            // "unknown since 14:05" are all runs that can still be cancelled
            button.disableProperty().bind(row.endedProperty());
            setGraphic(button);
        }
    }
}
