package reprolab.gui.target;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import reprolab.run.RunTarget;
import reprolab.run.ShellWords;
import reprolab.run.SlurmCommands;
import reprolab.run.SlurmSettings;
import reprolab.run.SlurmTarget;
import reprolab.run.WorkerCommand;

import java.util.List;

/**
 * The "Run on" choice: this computer, or a Slurm cluster with its job settings. The Slurm choice is
 * offered only when sbatch is on the PATH; otherwise {@link #unavailableReasonProperty()} says why.
 * {@link #target} is read by the engine when a run starts (off the FX thread), so it reads a copy
 * taken on the FX thread at each change.
 */
public final class RunTargetViewModel {

    /** Where runs execute. */
    public enum Choice {
        LOCAL("This computer"), SLURM("Slurm cluster");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.LOCAL);
    private final StringProperty partition = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty sbatchArgs = new SimpleStringProperty("");
    private final BooleanProperty spreadNodes = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper slurmAvailable = new ReadOnlyBooleanWrapper();
    private final StringProperty unavailableReason = new SimpleStringProperty("");
    private final SlurmCommands commands;
    private final WorkerCommand worker;
    private volatile Snapshot current;

    /** @param argsProblem why the extra sbatch arguments cannot be split (an unclosed quote), or null */
    private record Snapshot(Choice choice, SlurmSettings settings, String argsProblem) {
    }

    /** A choice whose Slurm target submits {@code worker} through {@code commands}. */
    public RunTargetViewModel(SlurmCommands commands, WorkerCommand worker) {
        this.commands = commands;
        this.worker = worker;
        commands.unavailableReason().ifPresentOrElse(unavailableReason::set, () -> slurmAvailable.set(true));
        for (var p : List.of(choice, partition, account, time, sbatchArgs, spreadNodes)) {
            p.addListener((obs, was, now) -> take());
        }
        take();
    }

    private void take() {
        Choice c = slurmAvailable.get() ? choice.get() : Choice.LOCAL;
        List<String> extra = List.of();
        String problem = null;
        try {
            extra = ShellWords.split(sbatchArgs.get()); // as a shell splits them: quotes keep spaces
        } catch (IllegalArgumentException e) {
            problem = "the extra sbatch arguments cannot be split: " + e.getMessage();
        }
        current = new Snapshot(c, new SlurmSettings(partition.get(), account.get(), time.get(), extra, spreadNodes.get()),
                problem);
    }

    /** The target chosen now: {@code local} for this computer, else a Slurm target with the settings. */
    public RunTarget target(RunTarget local) {
        Snapshot s = current;
        if (s.choice() == Choice.SLURM && s.argsProblem() != null) {
            throw new IllegalArgumentException(s.argsProblem());
        }
        return s.choice() == Choice.SLURM ? new SlurmTarget(worker, s.settings(), commands) : local;
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty timeProperty() {
        return time;
    }

    /** Extra sbatch arguments, separated by spaces, passed as they are. */
    public StringProperty sbatchArgsProperty() {
        return sbatchArgs;
    }

    public BooleanProperty spreadNodesProperty() {
        return spreadNodes;
    }

    /** Whether sbatch is on the PATH. */
    public ReadOnlyBooleanProperty slurmAvailableProperty() {
        return slurmAvailable.getReadOnlyProperty();
    }

    /** Why the Slurm choice is disabled; empty when it is not. */
    public StringProperty unavailableReasonProperty() {
        return unavailableReason;
    }
}
