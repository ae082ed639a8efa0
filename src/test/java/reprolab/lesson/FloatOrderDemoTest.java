package reprolab.lesson;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatOrderDemoTest {

    private static final MathContext WIDE = new MathContext(60);
    private static FloatOrderResult demo;

    @BeforeAll
    static void runDemoOnce() {
        demo = FloatOrderDemo.run();
    }

    /** True when d is the double nearest to q: neither neighbour is closer. */
    private static boolean isNearestDouble(double d, BigDecimal q) {
        BigDecimal distance = new BigDecimal(d).subtract(q).abs();
        return distance.compareTo(new BigDecimal(Math.nextUp(d)).subtract(q).abs()) < 0
                && distance.compareTo(new BigDecimal(Math.nextDown(d)).subtract(q).abs()) < 0;
    }

    @Test
    void multiplyFirstIsTheDoubleNearestToTwentyTwoNinths() {
        // 2.0 * 11.0 = 22.0 exactly, so only the division rounds
        BigDecimal q = new BigDecimal(22).divide(new BigDecimal(9), WIDE);
        assertTrue(isNearestDouble(demo.multiplyFirst(), q));
    }

    @Test
    void divideFirstRoundsTwiceFirstTwoNinthsThenTimesEleven() {
        BigDecimal twoNinths = new BigDecimal(2).divide(new BigDecimal(9), WIDE);
        double rounded = 2.0 / 9.0; // checked against exact arithmetic on the next line
        assertTrue(isNearestDouble(rounded, twoNinths));
        BigDecimal timesEleven = new BigDecimal(rounded).multiply(new BigDecimal(11));
        assertTrue(isNearestDouble(demo.divideFirst(), timesEleven));
    }

    @Test
    void theTwoOrdersDifferByOneUnitInTheLastPlace() {
        assertEquals(Math.ulp(demo.divideFirst()), demo.multiplyFirst() - demo.divideFirst());
        assertEquals("0x40038e38e38e38e4", DecimalForms.bits(demo.multiplyFirst()));
        assertEquals("0x40038e38e38e38e3", DecimalForms.bits(demo.divideFirst()));
    }

    @Test
    void inverseRatioIsTheDoubleJustAboveOne() {
        BigDecimal exactRatio = new BigDecimal(demo.multiplyFirst()).divide(new BigDecimal(demo.divideFirst()), WIDE);
        assertTrue(isNearestDouble(demo.inverseRatio(), exactRatio));
        assertEquals(1.0 + 0x1p-52, demo.inverseRatio());
    }

    @Test
    void questionsRatioIsTwoUnitsInTheLastPlaceBelowOne() {
        BigDecimal exactRatio = new BigDecimal(demo.divideFirst()).divide(new BigDecimal(demo.multiplyFirst()), WIDE);
        assertTrue(isNearestDouble(demo.questionRatio(), exactRatio));
        assertEquals(1.0 - 0x1p-52, demo.questionRatio());
        assertEquals("0.9999999999999998", DecimalForms.pythonRepr(demo.questionRatio()));
    }

    @Test
    void questionsLoopLosesTwoUnitsInTheLastPlacePerStep() {
        // x * (1 - 2^-52) = x - x * 2^-52; for 1/2 <= x < 1 the ulp is 2^-53 and x * 2^-52 lies between one
        // and two of them, just under two near 1, so it rounds to exactly 2^-52: after n steps one = 1 - n * 2^-52.
        assertEquals(100_000_000, demo.repeats());
        assertEquals(1.0 - 100_000_000 * 0x1p-52, demo.questionProduct());
        assertEquals("0.9999999777955395", DecimalForms.pythonRepr(demo.questionProduct()));
        assertEquals("2.220446049250313e-08", DecimalForms.pythonRepr(demo.questionDistance()));
    }

    @Test
    void answersSecondFigureDoesNotFollowFromItsFirst() {
        double answersFirst = Double.parseDouble("0.9999999777955395");
        assertEquals(demo.questionProduct(), answersFirst);
        assertNotEquals(FloatOrderResult.ANSWER_PRINTED_DISTANCE, 1.0 - answersFirst);
        // the subtraction is exact (Sterbenz), so no rounding could have produced the printed figure
        assertEquals(0, new BigDecimal(1).subtract(new BigDecimal(answersFirst))
                .compareTo(new BigDecimal(1.0 - answersFirst)));
    }

    @Test
    void inverseLoopGainsOneUlpPerStep() {
        // x * (1 + 2^-52) = x + x * 2^-52; for 1 <= x < 2 that is between 1/2 and 1 ulp above x and rounds
        // up to exactly one ulp (2^-52), so after n steps the product is 1 + n * 2^-52 exactly.
        assertEquals(1.0 + 100_000_000 * 0x1p-52, demo.inverseProduct());
        assertEquals(100_000_000 * 0x1p-52, demo.inverseDistance());
    }

    @Test
    void theLoopIsTimed() {
        assertTrue(demo.loopNanos() > 0);
    }

    @Test
    void atLeastTwoSummationOrdersGiveDifferentFloats() {
        assertTrue(demo.distinctSums() >= 2, demo.render());
        assertTrue(demo.sums().stream().anyMatch(demo::differsFromSequential));
    }

    @Test
    void everySumIsWithinTheRoundingErrorBoundOfTheExactSum() {
        float[] x = FloatSums.generate(FloatOrderDemo.ARRAY_SEED, FloatOrderDemo.ARRAY_LENGTH);
        double absSum = 0;
        for (float v : x) {
            absSum += Math.abs(v);
        }
        // recursive summation: |error| <= (n - 1) * u * sum|x|, u = 2^-24 for float
        double bound = (x.length - 1) * 0x1p-24 * absSum;
        for (FloatOrderResult.Sum sum : demo.sums()) {
            double error = new BigDecimal(sum.value()).subtract(demo.exactSum()).abs().doubleValue();
            assertTrue(error <= bound, sum.order() + " is off by " + error);
        }
    }

    @Test
    void sumsMatchIndependentlyWrittenLoops() {
        float[] x = FloatSums.generate(FloatOrderDemo.ARRAY_SEED, FloatOrderDemo.ARRAY_LENGTH);
        float forward = 0f;
        for (float v : x) {
            forward += v;
        }
        float backward = 0f;
        for (int i = x.length - 1; i >= 0; i--) {
            backward += x[i];
        }
        assertEquals(Float.floatToRawIntBits(forward), bitsOf("sequential"));
        assertEquals(Float.floatToRawIntBits(backward), bitsOf("reversed"));
        assertEquals(Float.floatToRawIntBits(pairwiseByHand(x, 0, x.length)), bitsOf("pairwise"));
        for (int chunks : new int[] {2, 4, 8}) {
            float total = 0f;
            int size = x.length / chunks; // 1,000,000 divides evenly by 2, 4 and 8
            for (int c = 0; c < chunks; c++) {
                float part = 0f;
                for (int i = c * size; i < (c + 1) * size; i++) {
                    part += x[i];
                }
                total += part;
            }
            assertEquals(Float.floatToRawIntBits(total), bitsOf(chunks + " chunks"));
        }
    }

    @Test
    void generatedArrayFollowsTheDocumentedRecipe() {
        java.util.Random random = new java.util.Random(5);
        float[] scales = {1e-4f, 1e-3f, 1e-2f, 1e-1f, 1f, 1e1f, 1e2f, 1e3f, 1e4f};
        float[] x = FloatSums.generate(5, 1000);
        for (float v : x) {
            float unit = 2f * random.nextFloat() - 1f;
            assertEquals(unit * scales[random.nextInt(9)], v);
        }
    }

    @Test
    void exactSumEqualsPlainBigDecimalAddition() {
        float[] x = FloatSums.generate(11, 20_000);
        x[3] = Float.MIN_VALUE; // a subnormal takes the special exponent path
        x[4] = -Float.MAX_VALUE / 4;
        BigDecimal expected = BigDecimal.ZERO;
        for (float v : x) {
            expected = expected.add(new BigDecimal(v));
        }
        assertEquals(0, expected.compareTo(FloatSums.exact(x)));
    }

    @Test
    void renderShowsBothOrdersTheDriftAndEverySumWithBits() {
        String text = demo.render();
        assertTrue(text.contains("2.4444444444444446"), text);
        assertTrue(text.contains("2.444444444444444\n"), text);
        assertTrue(text.contains("2.4444444444444446418174266000278294086456298828125"), text);
        assertTrue(text.contains("1.0000000222044605"), text);
        assertTrue(text.contains("one *= (2. / 9. * 11.) / (2. * 11. / 9.)"), text);
        assertTrue(text.contains("0.9999999777955395"), text);
        assertTrue(text.contains("1 - one:     2.220446049250313e-08"), text);
        assertTrue(text.contains("1.8167285897874308e-08"), text);
        assertTrue(text.matches("(?s).*the loop took \\d+ ms here.*"), text);
        for (FloatOrderResult.Sum sum : demo.sums()) {
            assertTrue(text.contains(sum.bits()), sum.order());
        }
        assertTrue(text.contains("DIFFERS"), text);
    }

    private int bitsOf(String order) {
        return demo.sums().stream().filter(s -> s.order().equals(order)).findFirst()
                .map(s -> Float.floatToRawIntBits(s.value())).orElseThrow();
    }

    private static float pairwiseByHand(float[] x, int from, int to) {
        if (to - from == 1) {
            return x[from];
        }
        int half = from + (to - from) / 2;
        return pairwiseByHand(x, from, half) + pairwiseByHand(x, half, to);
    }
}
