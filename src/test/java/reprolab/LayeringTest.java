package reprolab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of ARCHITECTURE.md as executable rules (issue 17), by package so that new classes in
 * a package are held to it at once:
 * <pre>
 * experiment  <-  data, events  <-  worker | run  <-  lesson, analysis  <-  ablation, bench  <-  report  <-  cli | gui
 * </pre>
 * Each layer names who may use it; the worker is used by nobody (it is a separate JVM, started by
 * {@code run.WorkerCommand} through its class name), so the app and the CLI never train in their own
 * JVM. docs/reliability.md lists the rules and their two exceptions.
 */
@AnalyzeClasses(locations = ArchitectureTest.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layersAreUsedOnlyFromAbove = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("experiment").definedBy("reprolab.experiment..")
            .layer("data").definedBy("reprolab.data..")
            .layer("events").definedBy("reprolab.events..")
            .layer("worker").definedBy("reprolab.worker..")
            .layer("run").definedBy("reprolab.run..")
            .layer("lesson").definedBy("reprolab.lesson..")
            .layer("analysis").definedBy("reprolab.analysis..")
            .layer("ablation").definedBy("reprolab.ablation..")
            .layer("bench").definedBy("reprolab.bench..")
            .layer("report").definedBy("reprolab.report..")
            .layer("cli").definedBy("reprolab.cli..")
            .layer("gui").definedBy("reprolab.gui..")
            // the app checks an IDX pair's headers as the user picks the files (IdxReader.checkPair), no training
            .whereLayer("data").mayOnlyBeAccessedByLayers("worker", "gui")
            .whereLayer("events").mayOnlyBeAccessedByLayers("worker", "run", "analysis", "ablation", "bench", "report",
                    "cli", "gui")
            .whereLayer("worker").mayNotBeAccessedByAnyLayer()
            .whereLayer("run").mayOnlyBeAccessedByLayers("lesson", "ablation", "bench", "report", "cli", "gui")
            .whereLayer("lesson").mayOnlyBeAccessedByLayers("cli", "gui")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("ablation", "report", "cli", "gui")
            .whereLayer("ablation").mayOnlyBeAccessedByLayers("report", "cli", "gui")
            .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
            // the shareable HTML page: built from the analysis only, written by the CLI and the app
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "gui")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("gui").mayNotBeAccessedByAnyLayer()
            .because("dependencies point one way, from the user's side down to the spec");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("reprolab.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingOutsideTheWorkerUsesIt = noClasses()
            .that().resideInAPackage("reprolab..").and().resideOutsideOfPackage("reprolab.worker..")
            .should().dependOnClassesThat().resideInAPackage("reprolab.worker..")
            .because("training happens only in a worker JVM: the GUI and CLI never train in their own");

    @ArchTest
    static final ArchRule htmlIsBuiltWithoutFiles = noClasses()
            .that().resideInAPackage("reprolab.report..").and().doNotHaveSimpleName("ReportLoader")
            .should().dependOnClassesThat().resideInAPackage("reprolab.run..")
            .orShould().dependOnClassesThat().resideInAPackage("java.nio.file..")
            .because("the page is laid out from analysed data only; ReportLoader alone reads the folder");

    @ArchTest
    static final ArchRule analysisUsesNothingOfRun = noClasses()
            .that().resideInAPackage("reprolab.analysis..")
            .should().dependOnClassesThat().resideInAPackage("reprolab.run..")
            .because("analysis is pure maths over stored series, whoever ran them");

    /**
     * Standard streams belong to the CLI. Two processes have their own: the worker (stdout is its event
     * channel, stderr goes into the run's log) and the benchmark (its own main, run as a command).
     */
    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardStreams = noClasses()
            .that().resideInAPackage("reprolab..")
            .and().resideOutsideOfPackages("reprolab.cli..", "reprolab.worker..", "reprolab.bench..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("the app reports in its window and the engine through return values and events");
}
