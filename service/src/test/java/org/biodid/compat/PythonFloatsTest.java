package org.biodid.compat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PythonFloatsTest {

    /*
     * Every range where Java's Double.toString layout differs from Python's repr: Java goes
     * scientific below 1e-3 and from 1e7 on, Python below 1e-4 and from 1e16 on; Java writes
     * "1.0E-5", Python "1e-05"; and the JDK's 2-digit choice for single-digit values (4.9E-324).
     * Expected values are what CPython 3.11 prints.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0|0.0",
            "-0.0|-0.0",
            "45|45.0",
            "100.5|100.5",
            "-200.3|-200.3",
            "0.1|0.1",
            "0.30000000000000004|0.30000000000000004",
            "0.001|0.001",
            "0.0001|0.0001",
            "0.00012345|0.00012345",
            "0.00009999|9.999e-05",
            "0.00001|1e-05",
            "1.5e-5|1.5e-05",
            "1e-10|1e-10",
            "1e-100|1e-100",
            "1e6|1000000.0",
            "1e7|10000000.0",
            "12345678.9|12345678.9",
            "1e15|1000000000000000.0",
            "1234567890123456|1234567890123456.0",
            "9999999999999998|9999999999999998.0",
            "1e16|1e+16",
            "12345678901234567|1.2345678901234568e+16",
            "1e17|1e+17",
            "1e22|1e+22",
            "1e23|1e+23",
            "1e100|1e+100",
            "5e-324|5e-324",
            "1e-323|1e-323",
            "1.5e-323|1.5e-323",
            "2.2250738585072014e-308|2.2250738585072014e-308",
            "2.225073858507201e-308|2.225073858507201e-308",
            "1.7976931348623157e308|1.7976931348623157e+308",
            "9007199254740992|9007199254740992.0",
            "0.05|0.05"
    })
    void pythonLayout(String javaLiteral, String python) {
        assertThat(PythonFloats.repr(Double.parseDouble(javaLiteral)), is(python));
    }

    @Test
    void agreesWithCPythonOnFixture() {
        int checked = 0;
        for (String line : CPythonReprFixture.LINES.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(parts[0], PythonFloats.repr(value), is(parts[1]));
            checked++;
        }
        assertThat(checked, is(CPythonReprFixture.COUNT));
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PythonFloats.repr(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PythonFloats.repr(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> PythonFloats.repr(Double.NEGATIVE_INFINITY));
    }

    @Property(tries = 2000)
    void agreesWithReferenceOnAnyBitPattern(@ForAll("finiteDoubles") double value) {
        assertThat(PythonFloats.repr(value), is(Reference.repr(value)));
    }

    @Property(tries = 1000)
    void agreesWithReferenceOnMinutiaLikeValues(@ForAll("minutiaValues") double value) {
        assertThat(PythonFloats.repr(value), is(Reference.repr(value)));
    }

    @Property(tries = 500)
    void roundTrips(@ForAll("finiteDoubles") double value) {
        // Python's text is valid Java float syntax once "e+" is accepted, which parseDouble does.
        double back = Double.parseDouble(PythonFloats.repr(value));
        assertThat(Double.doubleToRawLongBits(back), is(Double.doubleToRawLongBits(value)));
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.longs()
                .map(Double::longBitsToDouble)
                .filter(Double::isFinite);
    }

    @Provide
    Arbitrary<Double> minutiaValues() {
        // Coordinates and angles as clients send them: 0 to 2048 with 0 to 6 decimals.
        return Arbitraries.integers().between(0, 6)
                .flatMap(scale -> Arbitraries.doubles().between(0, 2048).ofScale(scale));
    }

    /**
     * Python's repr taken from its specification, without Double.toString: search the shortest
     * significant-digit count whose nearest decimal (below or above) reads back as the same double,
     * prefer the closer (ties: even last digit), then lay it out per Python's rules with JDK
     * formatting primitives.
     */
    private static final class Reference {

        static String repr(double value) {
            if (value == 0.0) {
                return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
            }
            String sign = value < 0 ? "-" : "";
            BigDecimal exact = new BigDecimal(Math.abs(value));
            double target = Math.abs(value);
            for (int n = 1; n <= 17; n++) {
                BigDecimal down = exact.round(new MathContext(n, RoundingMode.FLOOR));
                BigDecimal up = exact.round(new MathContext(n, RoundingMode.CEILING));
                boolean downOk = down.signum() > 0 && down.doubleValue() == target;
                boolean upOk = up.doubleValue() == target;
                if (downOk || upOk) {
                    BigDecimal chosen;
                    if (downOk && upOk) {
                        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                        chosen = cmp < 0 ? down : cmp > 0 ? up
                                : down.stripTrailingZeros().unscaledValue().testBit(0) ? up : down;
                    } else {
                        chosen = downOk ? down : up;
                    }
                    return sign + layout(chosen.stripTrailingZeros());
                }
            }
            throw new AssertionError("17 digits always round-trip");
        }

        private static String layout(BigDecimal d) {
            int exponent = d.precision() - d.scale() - 1;
            if (exponent >= -4 && exponent < 16) {
                String plain = d.toPlainString();
                return plain.contains(".") ? plain : plain + ".0";
            }
            String digits = d.unscaledValue().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return mantissa + "e" + String.format("%+03d", exponent);
        }
    }
}
