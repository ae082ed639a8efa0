package reprolab.cli;

import picocli.CommandLine.Command;
import reprolab.lesson.FloatOrderDemo;

import java.util.concurrent.Callable;

/** {@code reprolab float-demo}: why the order of floating-point operations changes results. */
@Command(name = "float-demo", mixinStandardHelpOptions = true,
        description = "Show that the order of floating-point operations changes the result, bit by bit.")
final class FloatDemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println(FloatOrderDemo.run().render());
        return Main.EXIT_OK;
    }
}
