package reprolab.gui.controls;

import reprolab.experiment.DataSource;
import reprolab.experiment.DataSpec;
import reprolab.experiment.EarlyStoppingSpec;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;
import reprolab.experiment.PerturbationSpec;
import reprolab.experiment.RunsSpec;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SeedsSpec;

import java.util.List;
import java.util.Map;

/** Converts between an {@link ExperimentSpec} and the form's text and switch properties. */
final class SpecForm {

    static final List<String> TEXT_KEYS = List.of("name", "data.imagesPath", "data.labelsPath", "data.trainSize",
            "data.validationSize", "model.epochs", "model.batchSize", "model.learningRate",
            "model.earlyStopping.patience", "seeds.weightInit.value", "seeds.dropout.value", "seeds.shuffle.value",
            "seeds.split.value", "execution.threads", "perturbation.iteration", "perturbation.layer",
            "perturbation.epsilon", "perturbation.fraction", "perturbation.seed", "runs.repeats", "runs.parallel",
            "runs.snapshotEvery");
    static final List<String> SWITCH_KEYS = List.of("seeds.weightInit.enabled", "seeds.dropout.enabled",
            "seeds.shuffle.enabled", "seeds.split.enabled", "execution.helpers", "perturbation.enabled",
            "model.earlyStopping.enabled", "model.earlyStopping.restoreBest", "execution.deterministicAlgorithms",
            "execution.cudnnBenchmark", "execution.threadInvariant");

    private SpecForm() {
    }

    static void fill(ControlsViewModel vm, ExperimentSpec s) {
        vm.text("name").set(s.name());
        vm.source.set(s.data().source());
        vm.text("data.imagesPath").set(nullToEmpty(s.data().imagesPath()));
        vm.text("data.labelsPath").set(nullToEmpty(s.data().labelsPath()));
        vm.text("data.trainSize").set(String.valueOf(s.data().trainSize()));
        vm.text("data.validationSize").set(String.valueOf(s.data().validationSize()));
        if (!s.model().layers().isEmpty()) {
            vm.layerEditor().load(s.model().layers()); // before the model, which offers its layers to the perturbation
        }
        vm.model.set(s.model().name());
        vm.initializer.set(s.model().initializer());
        vm.text("model.epochs").set(String.valueOf(s.model().epochs()));
        vm.text("model.batchSize").set(String.valueOf(s.model().batchSize()));
        vm.text("model.learningRate").set(String.valueOf(s.model().learningRate()));
        vm.flag("model.earlyStopping.enabled").set(s.model().earlyStopping().enabled());
        vm.text("model.earlyStopping.patience").set(String.valueOf(s.model().earlyStopping().patience()));
        vm.flag("model.earlyStopping.restoreBest").set(s.model().earlyStopping().restoreBest());
        for (SeedKind kind : SeedKind.values()) {
            SeedSetting seed = s.seeds().get(kind);
            vm.flag(ControlsViewModel.seedSwitchKey(kind)).set(seed.enabled());
            vm.text(ControlsViewModel.seedValueKey(kind)).set(String.valueOf(seed.value()));
        }
        vm.text("execution.threads").set(String.valueOf(s.execution().threads()));
        vm.flag("execution.helpers").set(s.execution().helpers());
        vm.dataType.set(s.execution().dataType());
        vm.backend.set(s.execution().backend());
        vm.engine.set(s.execution().engine());
        vm.flag("execution.deterministicAlgorithms").set(s.execution().deterministicAlgorithms());
        vm.flag("execution.cudnnBenchmark").set(s.execution().cudnnBenchmark());
        vm.flag("execution.threadInvariant").set(s.execution().threadInvariant());
        PerturbationSpec p = s.perturbation();
        vm.flag("perturbation.enabled").set(p.enabled());
        vm.text("perturbation.iteration").set(String.valueOf(p.iteration()));
        vm.text("perturbation.layer").set(nullToEmpty(p.layer()));
        vm.text("perturbation.epsilon").set(String.valueOf(p.epsilon()));
        vm.text("perturbation.fraction").set(String.valueOf(p.fraction()));
        vm.text("perturbation.seed").set(String.valueOf(p.seed()));
        vm.text("runs.repeats").set(String.valueOf(s.runs().repeats()));
        vm.text("runs.parallel").set(String.valueOf(s.runs().parallel()));
        vm.text("runs.snapshotEvery").set(String.valueOf(s.runs().snapshotEvery()));
    }

    /** The spec of the form, or null when a field does not parse (its problem is put in {@code errors}). */
    static ExperimentSpec build(ControlsViewModel vm, Map<String, String> errors) {
        Parser in = new Parser(vm, errors);
        boolean idx = vm.source.get() == DataSource.IDX;
        DataSpec data = new DataSpec(vm.source.get(), idx ? emptyToNull(in.raw("data.imagesPath")) : null,
                idx ? emptyToNull(in.raw("data.labelsPath")) : null, in.integer("data.trainSize"),
                in.integer("data.validationSize"));
        EarlyStoppingSpec early = new EarlyStoppingSpec(vm.flag("model.earlyStopping.enabled").get(),
                in.integer("model.earlyStopping.patience"), vm.flag("model.earlyStopping.restoreBest").get());
        boolean custom = vm.model.get() == ModelName.CUSTOM;
        ModelSpec model = new ModelSpec(vm.model.get(), in.integer("model.epochs"), in.integer("model.batchSize"),
                in.decimal("model.learningRate"), vm.initializer.get(), early,
                custom ? vm.layerEditor().layers() : List.of());
        if (custom && !vm.layerEditor().parseProblems().isEmpty()) {
            errors.putIfAbsent("model.layers", vm.layerEditor().parseProblems().get(0));
            return null;
        }
        SeedsSpec seeds = SeedsSpec.defaults();
        for (SeedKind kind : SeedKind.values()) {
            boolean on = vm.flag(ControlsViewModel.seedSwitchKey(kind)).get();
            // A switched-off seed ignores its value, so a half-typed value must not block Run.
            long value = on ? in.whole(ControlsViewModel.seedValueKey(kind)) : 0;
            seeds = seeds.with(kind, new SeedSetting(on, value));
        }
        ExecutionSpec execution = new ExecutionSpec(in.integer("execution.threads"),
                vm.flag("execution.helpers").get(), vm.dataType.get(), vm.backend.get(), vm.engine.get(),
                vm.flag("execution.deterministicAlgorithms").get(), vm.flag("execution.cudnnBenchmark").get(),
                vm.flag("execution.threadInvariant").get());
        PerturbationSpec perturbation = new PerturbationSpec(vm.flag("perturbation.enabled").get(),
                in.integer("perturbation.iteration"), in.raw("perturbation.layer"), in.decimal("perturbation.epsilon"),
                in.decimal("perturbation.fraction"), in.whole("perturbation.seed"));
        RunsSpec runs = new RunsSpec(in.integer("runs.repeats"), in.integer("runs.parallel"),
                in.integer("runs.snapshotEvery"));
        if (in.failed) {
            return null;
        }
        return new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, in.raw("name"), data, model, seeds, execution,
                perturbation, runs);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Parses text fields, recording one message per field that does not parse. */
    private static final class Parser {
        private final ControlsViewModel vm;
        private final Map<String, String> errors;
        boolean failed;

        Parser(ControlsViewModel vm, Map<String, String> errors) {
            this.vm = vm;
            this.errors = errors;
        }

        String raw(String key) {
            return vm.text(key).get();
        }

        int integer(String key) {
            long v = whole(key);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                return fail(key, "is too large");
            }
            return (int) v;
        }

        long whole(String key) {
            try {
                return Long.parseLong(raw(key).trim());
            } catch (NumberFormatException e) {
                return fail(key, "must be a whole number, e.g. 42");
            }
        }

        double decimal(String key) {
            try {
                double v = Double.parseDouble(raw(key).trim());
                return Double.isFinite(v) ? v : fail(key, "must be a finite number");
            } catch (NumberFormatException e) {
                return fail(key, "must be a number, e.g. 0.001 or 1e-8");
            }
        }

        private int fail(String key, String why) {
            failed = true;
            errors.put(key, "'" + raw(key) + "' " + why);
            return 0;
        }
    }
}
