package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * The app's one door to the engine: start and cancel runs, browse stored experiments, analyse runs.
 * View models depend only on this interface, so they are tested with an in-memory fake and the real
 * engine is plugged in by an adapter. Every method may block (I/O, analysis): call it off the FX thread.
 */
public interface ExperimentService {

    /**
     * Plans the spec's repeats, stores a new experiment folder and launches the runs in the background.
     * The listener is called on background threads.
     */
    RunningHandle start(ExperimentSpec spec, RunEventListener listener) throws ServiceException;

    /**
     * Follows a stored experiment whose runs still go on elsewhere (a Slurm job array submitted
     * before the app was closed): replays what they stored, then what they add. Empty when nothing
     * of it is still running.
     */
    default java.util.Optional<RunningHandle> follow(Path folder, RunEventListener listener) throws ServiceException {
        return java.util.Optional.empty();
    }

    /** Stored experiments, newest first. */
    List<StoredExperiment> list() throws ServiceException;

    /** Reads a stored experiment: its spec and every run's events. */
    OpenedExperiment open(Path folder) throws ServiceException;

    void rename(Path folder, String newName) throws ServiceException;

    void delete(Path folder) throws ServiceException;

    /** Divergence analysis of finished or running runs. Pure and possibly slow. */
    AnalysisResult analyse(List<RunHistory> runs);

    /** Loss/accuracy/fingerprint series of the runs as CSV text. */
    String seriesCsv(List<RunHistory> runs);
}
