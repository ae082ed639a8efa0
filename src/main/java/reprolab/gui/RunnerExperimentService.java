package reprolab.gui;

import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.analysis.ReportCsv;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentRunner;
import reprolab.run.ExperimentStore;
import reprolab.run.Planner;
import reprolab.run.RunListener;
import reprolab.run.RunningExperiment;
import reprolab.run.StoreException;
import reprolab.run.WorkerCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The real engine behind {@link ExperimentService}: child-JVM runs, the experiment store, the analysis. */
public final class RunnerExperimentService implements ExperimentService {

    /** Losses closer than this count as equal for the "loss differs from" iteration. */
    public static final double LOSS_TOLERANCE = 1e-6;

    private final ExperimentStore store;
    private final ExperimentRunner runner;

    public RunnerExperimentService(ExperimentStore store, ExperimentRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    /** The store in the user's default folder, runs in workers of this JVM's classpath. */
    public static RunnerExperimentService createDefault() {
        return new RunnerExperimentService(new ExperimentStore(ExperimentStore.defaultRoot()),
                new ExperimentRunner(WorkerCommand.forCurrentJvm()));
    }

    @Override
    public RunningHandle start(ExperimentSpec spec, RunEventListener listener) throws ServiceException {
        try {
            List<RunSpec> runs = Planner.repeats(spec, spec.runs().repeats());
            ExperimentFolder folder = store.create(spec);
            int parallel = spec.runs().parallel() > 0 ? spec.runs().parallel()
                    : ExperimentRunner.defaultParallel(spec.execution().threads());
            RunningExperiment running = runner.start(folder, runs, parallel, forward(listener));
            return new Handle(folder.path(), runs.stream().map(RunSpec::runId).toList(), running);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ServiceException("cannot start the experiment: " + e.getMessage(), e);
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
