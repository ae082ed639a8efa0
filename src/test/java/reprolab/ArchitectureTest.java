package reprolab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package boundaries of docs/ARCHITECTURE.md and the security rules of issue 8, checked on the
 * compiled main classes (tests may use anything).
 */
@AnalyzeClasses(locations = ArchitectureTest.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Only the app's own compiled classes: scanning every jar for the package took 20 s. */
    static final class MainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            try {
                return Set.of(Location.of(Path.of(reprolab.experiment.Json.class.getProtectionDomain()
                        .getCodeSource().getLocation().toURI())));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ArchTest
    static final ArchRule onlyTheGuiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("reprolab.gui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
            .because("the engine, store and command line must run headless; the CLI opens the window by reflection");

    @ArchTest
    static final ArchRule onlyTheWorkerAndDataUseDl4j = noClasses()
            .that().resideInAPackage("reprolab..")
            .and().resideOutsideOfPackages("reprolab.worker..", "reprolab.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("training happens only in the worker JVM; the app never loads libnd4j");

    @ArchTest
    static final ArchRule analysisDoesNoIo = noClasses()
            .that().resideInAPackage("reprolab.analysis..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
            .because("analysis is pure functions over stored series");

    @ArchTest
    static final ArchRule cliOnlyWires = noClasses()
            .that().resideInAPackage("reprolab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.deeplearning4j..", "org.nd4j..")
            .because("the command line only wires the other packages and prints");

    @ArchTest
    static final ArchRule noPolymorphicTypingIsEverEnabled = noClasses()
            .should().callMethodWhere(describe("ObjectMapper default typing",
                    (JavaCall<?> call) -> call.getTarget().getOwner().isAssignableTo(ObjectMapper.class)
                            && call.getTarget().getName().matches("(activate|enable)DefaultTyping.*")))
            .because("a JSON document must never choose a Java class to instantiate");

    @ArchTest
    static final ArchRule nothingIsAnnotatedForPolymorphicTypes = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.annotation.JsonTypeInfo")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator")
            .because("event types are looked up in a fixed table, never named by the document");

    @ArchTest
    static final ArchRule noNetworking = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..", "java.rmi..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("SocketChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.DatagramChannel")
            .orShould().callMethod(java.net.URL.class, "openConnection")
            .orShould().callMethod(java.net.URL.class, "openStream")
            .because("the app opens no network ports and makes no network calls (issue 8)");

    @ArchTest
    static final ArchRule processesStartOnlyInTheLauncher = noClasses()
            .that().doNotHaveFullyQualifiedName("reprolab.run.WorkerCommand")
            // the benchmark starts its profiler JVMs itself, also from a fixed argument list
            .and().doNotHaveFullyQualifiedName("reprolab.bench.ChildJvm")
            // Slurm's client commands (sbatch, squeue, scancel...), found on the PATH, from fixed argument lists
            .and().doNotHaveFullyQualifiedName("reprolab.run.SlurmCommands")
            .and().doNotHaveFullyQualifiedName("reprolab.run.PythonWorker") // the PyTorch engine's worker and probe
            .and().doNotHaveFullyQualifiedName("reprolab.run.ScriptWorker") // a user's script and its syntax check
            .should().callConstructor(ProcessBuilder.class, String[].class)
            .orShould().callConstructor(ProcessBuilder.class, java.util.List.class)
            .because("one class builds worker commands (one more the benchmark's), always as an argument list");

    @ArchTest
    static final ArchRule nothingExecsThroughRuntime = noClasses()
            .should().callMethodWhere(describe("Runtime.exec",
                    (JavaCall<?> call) -> call.getTarget().getOwner().isEquivalentTo(Runtime.class)
                            && call.getTarget().getName().equals("exec")))
            .because("Runtime.exec(String) splits a command line on spaces: use the WorkerCommand argument list");
}
