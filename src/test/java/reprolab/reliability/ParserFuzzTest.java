package reprolab.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import reprolab.events.EventCodec;
import reprolab.events.EventFormatException;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;
import reprolab.lesson.LessonException;
import reprolab.lesson.LessonJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fuzzes the three parsers of untrusted text: experiment files, worker event lines and lesson files.
 * Whatever the input, each may only succeed or throw its own checked exception; never another
 * exception, never an error, never a hang. Tries are bounded so the whole class runs in seconds; the
 * number of executions is printed for docs/reliability.md.
 */
class ParserFuzzTest {

    private static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final AtomicLong ACCEPTED = new AtomicLong();
    /** One reused daemon thread, so a hang fails the try instead of the build. */
    private static ExecutorService parser;

    @BeforeContainer
    static void start() {
        parser = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "parser-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterContainer
    static void report() {
        parser.shutdownNow();
        System.out.println("FUZZ ParserFuzzTest: " + EXECUTIONS.get() + " parser executions, " + ACCEPTED.get()
                + " inputs accepted, all others rejected with the parser's own exception");
    }

    @Property(tries = 1500)
    void specParserOnlyThrowsSpecExceptionForJsonishNoise(@ForAll("jsonish") String text) throws Exception {
        onlyThrows(SpecException.class, () -> SpecJson.parse(text));
    }

    @Property(tries = 1500)
    void specParserOnlyThrowsSpecExceptionForMutatedSpecs(@ForAll("mutatedSpecs") String text) throws Exception {
        onlyThrows(SpecException.class, () -> SpecJson.parse(text));
    }

    @Property(tries = 1500)
    void eventDecoderOnlyThrowsEventFormatExceptionForJsonishNoise(@ForAll("jsonish") String line) throws Exception {
        onlyThrows(EventFormatException.class, () -> EventCodec.decode(line));
    }

    @Property(tries = 1500)
    void eventDecoderOnlyThrowsEventFormatExceptionForMutatedEvents(@ForAll("mutatedEvents") String line)
            throws Exception {
        onlyThrows(EventFormatException.class, () -> EventCodec.decode(line));
    }

    @Property(tries = 1000)
    void lessonParserOnlyThrowsLessonExceptionForMutatedLessons(@ForAll("mutatedLessons") String text)
            throws Exception {
        onlyThrows(LessonException.class, () -> LessonJson.parse(text, "fuzz"));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Mutations.jsonish();
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        ExperimentSpec tiny = ExperimentSpec.defaults().withName("fuzz");
        return Mutations.mutated(Arbitraries.of(SpecJson.write(tiny), "{\"model\": {\"name\": \"tiny\", \"epochs\": 2},"
                + " \"data\": {\"source\": \"idx\", \"imagesPath\": \"a\", \"labelsPath\": \"b\"}}"));
    }

    @Provide
    Arbitrary<String> mutatedEvents() {
        List<LayerFingerprint> layers = List.of(new LayerFingerprint("conv_0", "ab12", 1.5),
                new LayerFingerprint("output", "cd34", 0.25));
        return Mutations.mutated(Arbitraries.of(
                EventCodec.encode(new IterationEvent(3, 0, 2.25, 0.125, layers, "ffee", 0)),
                EventCodec.encode(new FinishedEvent("ffee", 4, 900, 12.5, 2.0, 0.5, false, -1)),
                EventCodec.encode(new FailedEvent("loss diverged to NaN at iteration 3", 2, FailureCause.DIVERGED))));
    }

    @Provide
    Arbitrary<String> mutatedLessons() throws IOException {
        try (var in = ParserFuzzTest.class.getResourceAsStream("/lessons/02-forget-one-seed.json")) {
            return Mutations.mutated(Arbitraries.just(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static void onlyThrows(Class<? extends Exception> allowed, Callable<?> parse) throws Exception {
        EXECUTIONS.incrementAndGet();
        try {
            parser.submit(() -> {
                try {
                    parse.call();
                    ACCEPTED.incrementAndGet();
                } catch (Exception e) {
                    if (!allowed.isInstance(e)) {
                        throw e;
                    }
                }
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the parser threw " + e.getCause() + " instead of " + allowed.getSimpleName(),
                    e.getCause());
        }
    }
}
