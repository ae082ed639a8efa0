package reprolab.lesson;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalFormsTest {

    @Test
    void shortestOfTenToTheTwentyThirdHasOneDigit() {
        // Java 17's Double.toString prints 9.999999999999999E22 here; 1.0E23 reads back to the same double
        assertEquals(1e23, Double.parseDouble("1.0E23"));
        assertEquals("1.0E23", DecimalForms.shortest(1e23));
    }

    @Test
    void shortestOfTheSmallestDoubleIsFiveTimesTenToTheMinus324() {
        assertEquals("5.0E-324", DecimalForms.shortest(Double.MIN_VALUE));
    }

    @Test
    void shortestReadsBackAndNoShorterRoundingDoes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            // random mantissa bits over a wide but not extreme range keeps the exact expansions short
            double x = Math.scalb(1 + random.nextDouble(), random.nextInt(-200, 200));
            String s = DecimalForms.shortest(x);
            assertEquals(x, Double.parseDouble(s), s);
            int digits = significantDigits(s);
            if (digits > 1) {
                String shorter = new java.math.BigDecimal(x).round(new java.math.MathContext(digits - 1)).toString();
                assertNotEquals(x, Double.parseDouble(shorter), s);
            }
        }
    }

    @Test
    void shortestFloatOfOneTenthIsZeroPointOne() {
        assertEquals("0.1", DecimalForms.shortest(0.1f));
        assertEquals("3184429.0", DecimalForms.shortest(3184429.0f));
    }

    @Test
    void exactShowsEveryDigitOfTheBinaryValue() {
        assertEquals("0.1000000000000000055511151231257827021181583404541015625", DecimalForms.exact(0.1));
        assertEquals("0.100000001490116119384765625", DecimalForms.exact(0.1f));
    }

    @Test
    void bitsAreTheRawIeeeEncodingInHex() {
        assertEquals("0x3ff0000000000000", DecimalForms.bits(1.0));
        assertEquals("0xbf800000", DecimalForms.bits(-1.0f));
        assertTrue(DecimalForms.bits(Double.NaN).startsWith("0x7ff8"));
    }

    @Test
    void pythonReprPrintsWhatPythonPrints() {
        // expected strings are CPython 3.11's repr() of the same doubles
        double[] values = {1e16, 1e-5, 0.0001, 123456789012345.0, 1e15, 9999999999999998.0, -2.5e-10,
            Double.MIN_VALUE, Double.MAX_VALUE, 0.1, 100.0, -0.0, 1.0 / 3};
        String[] python = {"1e+16", "1e-05", "0.0001", "123456789012345.0", "1000000000000000.0",
            "9999999999999998.0", "-2.5e-10", "5e-324", "1.7976931348623157e+308", "0.1", "100.0", "-0.0",
            "0.3333333333333333"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(python[i], DecimalForms.pythonRepr(values[i]), "repr of " + values[i]);
        }
    }

    private static int significantDigits(String s) {
        String mantissa = s.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }
}
