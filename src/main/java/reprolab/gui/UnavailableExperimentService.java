package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.List;

/** Stand-in until the engine adapter is wired: the window opens, and says why nothing can run. */
final class UnavailableExperimentService implements ExperimentService {

    private static final String WHY = "the experiment engine is not part of this build";

    @Override
    public RunningHandle start(ExperimentSpec spec, RunEventListener listener) throws ServiceException {
        throw new ServiceException(WHY);
    }

    @Override
    public List<StoredExperiment> list() {
        return List.of();
    }

    @Override
    public OpenedExperiment open(Path folder) throws ServiceException {
        throw new ServiceException(WHY);
    }

    @Override
    public void rename(Path folder, String newName) throws ServiceException {
        throw new ServiceException(WHY);
    }

    @Override
    public void delete(Path folder) throws ServiceException {
        throw new ServiceException(WHY);
    }

    @Override
    public AnalysisResult analyse(List<RunHistory> runs) {
        return AnalysisResult.empty(WHY);
    }

    @Override
    public String seriesCsv(List<RunHistory> runs) {
        return "";
    }
}
