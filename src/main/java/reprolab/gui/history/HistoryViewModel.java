package reprolab.gui.history;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.gui.BackgroundTask;
import reprolab.gui.ExperimentService;
import reprolab.gui.OpenedExperiment;
import reprolab.gui.ServiceException;
import reprolab.gui.StoredExperiment;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The stored experiments: list, reopen, rename, delete, compare two. Every store access runs on the
 * background executor; results and errors come back on the FX executor.
 */
public final class HistoryViewModel {

    private final ExperimentService service;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<StoredExperiment> entries = FXCollections.observableArrayList();
    private final ObservableList<SpecDiff.Row> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** A step that may fail with a message for the user. */
    private interface StoreCall<T> {
        T call() throws ServiceException;
    }

    public HistoryViewModel(ExperimentService service, Executor background, Executor fx) {
        this.service = service;
        this.background = background;
        this.fx = fx;
    }

    public void refresh() {
        run(service::list, entries::setAll);
    }

    /** Reads an experiment and hands it to {@code onOpened} on the FX thread. */
    public void open(StoredExperiment entry, Consumer<OpenedExperiment> onOpened) {
        run(() -> service.open(entry.folder()), onOpened);
    }

    public void rename(StoredExperiment entry, String newName) {
        if (newName == null || newName.isBlank()) {
            message.set("A name must not be empty.");
            return;
        }
        run(() -> {
            service.rename(entry.folder(), newName.trim());
            return service.list();
        }, entries::setAll);
    }

    public void delete(StoredExperiment entry) {
        run(() -> {
            service.delete(entry.folder());
            return service.list();
        }, entries::setAll);
    }

    /** Fills {@link #comparison()} with both experiments' settings, differences first. */
    public void compare(StoredExperiment left, StoredExperiment right) {
        run(() -> SpecDiff.compare(service.open(left.folder()).spec(), service.open(right.folder()).spec()),
                rows -> {
                    comparison.setAll(rows);
                    long n = rows.stream().filter(SpecDiff.Row::differs).count();
                    message.set(left.name() + " vs " + right.name() + ": " + n + " setting(s) differ");
                });
    }

    public ObservableList<StoredExperiment> entries() {
        return entries;
    }

    public ObservableList<SpecDiff.Row> comparison() {
        return comparison;
    }

    /** The last error or outcome, for a status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private <T> void run(StoreCall<T> call, Consumer<T> onDone) {
        BackgroundTask.of(call::call).onSuccess(onDone)
                .onFailure(e -> message.set(BackgroundTask.messageOf(e)))
                .executeWith(background, fx);
    }

    /** For views: the selected pair as a list, so a compare button can check it has two. */
    public static boolean canCompare(List<StoredExperiment> selected) {
        return selected.size() == 2;
    }
}
