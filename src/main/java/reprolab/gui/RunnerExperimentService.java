package reprolab.gui;

import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.analysis.ReportCsv;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.RepeatSession;
import reprolab.run.RunListener;
import reprolab.run.RunTarget;
import reprolab.run.RunningExperiment;
import reprolab.run.SlurmCommands;
import reprolab.run.SlurmTarget;
import java.util.Optional;
import java.util.function.UnaryOperator;
import reprolab.run.StoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The real engine behind {@link ExperimentService}: child-JVM runs, the experiment store, the analysis. */
public final class RunnerExperimentService implements ExperimentService {

    /** Losses closer than this count as equal for the "loss differs from" iteration (the CLI's default too). */
    public static final double LOSS_TOLERANCE = ExperimentAnalysis.DEFAULT_LOSS_TOLERANCE;

    private final ExperimentStore store;
    private final ExperimentRunner runner;
    private final UnaryOperator<RunTarget> chooser;

    public RunnerExperimentService(ExperimentStore store, ExperimentRunner runner) {
        this(store, runner, local -> local);
    }

    private RunnerExperimentService(ExperimentStore store, ExperimentRunner runner, UnaryOperator<RunTarget> chooser) {
        this.store = store;
        this.runner = runner;
        this.chooser = chooser;
    }

    /** The same service, asking {@code chooser} at each start where the runs go (given this computer's runner). */
    public RunnerExperimentService choosingTargetWith(UnaryOperator<RunTarget> chooser) {
        return new RunnerExperimentService(store, runner, chooser);
    }

    @Override
    public RunningHandle start(ExperimentSpec spec, RunEventListener listener) throws ServiceException {
        try {
            RunTarget target = chooser.apply(runner);
            target.check(store.root()); // before the folder exists: a refused submission stores nothing
            RepeatSession session = RepeatSession.plan(spec, target);
            ExperimentFolder folder = session.createFolder(store);
            RunningExperiment running = session.start(folder, target, forward(listener));
            return new Handle(folder.path(), session.runIds(), running);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ServiceException("cannot start the experiment: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<RunningHandle> follow(Path folder, RunEventListener listener) throws ServiceException {
        ExperimentFolder f = openFolder(folder);
        if (!SlurmTarget.hasUnendedJob(f)) {
            return Optional.empty();
        }
        try {
            return SlurmTarget.resume(f, SlurmCommands.fromEnvironment(), forward(listener)).map(running ->
                    new Handle(f.path(), running.snapshot().stream().map(RunHistory::runId).toList(), running));
        } catch (IOException e) {
            throw new ServiceException("cannot follow the Slurm jobs of " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The engine's listener that passes everything on to a GUI listener (the ablation's runs use it too). */
    public static RunListener forward(RunEventListener listener) {
        return new RunListener() {
            @Override
            public void onEvent(String runId, WorkerEvent event) {
                listener.onEvent(runId, event);
            }

            @Override
            public void onStatus(String runId, String status) {
                listener.onStatus(runId, status);
            }

            @Override
            public void onRunEnded(String runId, RunHistory history) {
                listener.onRunEnded(runId, history);
            }

            @Override
            public void onAllEnded(List<RunHistory> runs) {
                listener.onAllEnded(runs);
            }
        };
    }

    private record Handle(Path folder, List<String> runIds, RunningExperiment running) implements RunningHandle {
        @Override
        public List<RunHistory> snapshot() {
            return running.snapshot();
        }

        @Override
        public void cancel(String runId) {
            running.cancel(runId);
        }

        @Override
        public void cancelAll() {
            running.cancelAll();
        }

        @Override
        public boolean isDone() {
            return running.isDone();
        }

        @Override
        public void detach() {
            running.detach();
        }
    }

    @Override
    public List<StoredExperiment> list() {
        return store.list().stream()
                .map(e -> new StoredExperiment(e.folder(), e.name(), e.created(), e.runs(), e.problem())).toList();
    }

    @Override
    public OpenedExperiment open(Path folder) throws ServiceException {
        ExperimentFolder f = openFolder(folder);
        return new OpenedExperiment(f.path(), f.spec(), f.loadRuns());
    }

    @Override
    public void rename(Path folder, String newName) throws ServiceException {
        try {
            store.rename(openFolder(folder), newName);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ServiceException(e.getMessage(), e);
        }
    }

    @Override
    public void delete(Path folder) throws ServiceException {
        try {
            store.delete(openFolder(folder));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ServiceException(e.getMessage(), e);
        }
    }

    private ExperimentFolder openFolder(Path folder) throws ServiceException {
        try {
            return store.open(folder);
        } catch (StoreException e) {
            throw new ServiceException(e.getMessage(), e);
        }
    }

    @Override
    public AnalysisResult analyse(List<RunHistory> runs) {
        ExperimentReport r = ExperimentAnalysis.analyse(runs, LOSS_TOLERANCE);
        Divergence first = r.firstDivergence();
        return new AnalysisResult(r.verdict(), r.identical(), first == null ? null : first.iteration(),
                first == null ? null : first.layer(), r.firstLossDivergence(),
                r.pairs().stream().map(p -> new AnalysisResult.Pair(p.runA(), p.runB(), p.identical(),
                        p.firstDivergence() == null ? null : p.firstDivergence().iteration(),
                        p.firstDivergence() == null ? null : p.firstDivergence().layer())).toList(),
                r.gap().stream().map(g -> new AnalysisResult.Gap(g.iteration(), g.maxAbsLossDelta(),
                        g.paramNormSpread())).toList());
    }

    @Override
    public String seriesCsv(List<RunHistory> runs) {
        return ReportCsv.series(runs);
    }
}
