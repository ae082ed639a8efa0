package reprolab.run.fakes;

import java.lang.management.ManagementFactory;

/** A worker that only prints the JVM options it was started with, one a line (batch script tests). */
public final class PrintJvmArgs {

    public static void main(String[] args) {
        ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
    }
}
