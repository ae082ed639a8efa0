package reprolab.gui.history;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import reprolab.gui.OpenedExperiment;
import reprolab.gui.StoredExperiment;

import java.util.List;
import java.util.function.Consumer;

/** Stored experiments with reopen, rename, delete and a side-by-side settings comparison. */
public final class HistoryView {

    private final VBox root;

    public HistoryView(HistoryViewModel vm, Consumer<OpenedExperiment> onOpened) {
        ListView<StoredExperiment> list = new ListView<>(vm.entries());
        list.setPlaceholder(new javafx.scene.control.Label("No experiments yet: every Run is saved here."));
        list.setId("historyList");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new EntryCell());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button open = new Button("Open");
        open.setOnAction(e -> first(list).ifPresent(x -> vm.open(x, onOpened)));
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> first(list).ifPresent(x -> askName(x).ifPresent(n -> vm.rename(x, n))));
        Button delete = new Button("Delete");
        delete.setOnAction(e -> first(list).ifPresent(vm::delete));
        Button compare = new Button("Compare two");
        compare.setOnAction(e -> {
            List<StoredExperiment> sel = List.copyOf(list.getSelectionModel().getSelectedItems());
            if (HistoryViewModel.canCompare(sel)) {
                vm.compare(sel.get(0), sel.get(1));
            }
        });
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(
                list.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        TableView<SpecDiff.Row> table = comparisonTable(vm);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(6, new HBox(6, refresh, open, rename, delete, compare), list, message, table);
        root.setPadding(new Insets(8));
    }

    public VBox root() {
        return root;
    }

    private static java.util.Optional<StoredExperiment> first(ListView<StoredExperiment> list) {
        return java.util.Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    private static java.util.Optional<String> askName(StoredExperiment entry) {
        TextInputDialog dialog = new TextInputDialog(entry.name());
        dialog.setHeaderText("New name for " + entry.name());
        return dialog.showAndWait();
    }

    private static TableView<SpecDiff.Row> comparisonTable(HistoryViewModel vm) {
        TableView<SpecDiff.Row> table = new TableView<>(vm.comparison());
        table.setPlaceholder(new javafx.scene.control.Label(
                "Select two experiments (Ctrl+click) and press Compare two: their settings' differences show here."));
        table.setId("comparison");
        TableColumn<SpecDiff.Row, String> setting = new TableColumn<>("Setting");
        setting.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().setting()));
        TableColumn<SpecDiff.Row, String> left = new TableColumn<>("First");
        left.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().left()));
        TableColumn<SpecDiff.Row, String> right = new TableColumn<>("Second");
        right.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().right()));
        table.getColumns().addAll(List.of(setting, left, right));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SpecDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("setting-differs");
                if (!empty && row != null && row.differs()) {
                    getStyleClass().add("setting-differs");
                }
            }
        });
        return table;
    }

    private static final class EntryCell extends ListCell<StoredExperiment> {
        @Override
        protected void updateItem(StoredExperiment e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : e.name() + "  ·  " + e.runs() + " run(s)  ·  " + e.created()
                    + (e.problem() == null ? "" : "  ·  " + e.problem()));
        }
    }
}
