package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped 10,000 MNIST digits, read from sample-data/ (tests run in the project root). */
class SampleMnistTest {

    private static Examples sample;

    @BeforeAll
    static void readSample() throws DataException {
        sample = IdxReader.read(SampleData.imagesFile(), SampleData.labelsFile());
    }

    @Test
    void sampleHoldsTenThousand28x28DigitsInTenClasses() {
        assertEquals(10_000, sample.count());
        assertEquals(28, sample.rows());
        assertEquals(28, sample.cols());
        assertEquals(10, sample.classes());
        assertEquals(10_000 * 784, sample.features().length);
    }

    @Test
    void sampleClassCountsMatchItsReadme() {
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, sample.classCounts());
    }

    @Test
    void samplePixelsAreNormalisedToTheUnitInterval() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float f : sample.features()) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void sampleLabelsAreStoredRoundRobinWithOnlyOnesAndSevensAtTheEnd() {
        for (int i = 0; i < 10; i++) {
            assertEquals(i, sample.labels()[i]);
        }
        for (int i = 9_900; i < 10_000; i++) {
            int label = sample.labels()[i];
            assertTrue(label == 1 || label == 7, "label " + label + " at " + i);
        }
    }

    @Test
    void sampleFilesMatchTheChecksumsInTheirReadme() throws Exception {
        Path dir = SampleData.directory();
        Map<String, String> expected = readmeChecksums(dir.resolve("README.md"));
        assertEquals(2, expected.size(), "checksum lines in README.md");
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertEquals(file.getValue(), sha256(dir.resolve(file.getKey())), file.getKey());
        }
    }

    private static Map<String, String> readmeChecksums(Path readme) throws IOException {
        Pattern line = Pattern.compile("(?m)^- ([0-9a-f]{64})\\s+(\\S+)$");
        Matcher m = line.matcher(Files.readString(readme));
        Map<String, String> sums = new TreeMap<>();
        while (m.find()) {
            sums.put(m.group(2), m.group(1));
        }
        return sums;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
