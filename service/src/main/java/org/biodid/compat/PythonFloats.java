package org.biodid.compat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes doubles exactly as Python 3's {@code repr(float)} (and therefore {@code json.dumps}) does.
 * <p>
 * Python writes the shortest decimal that reads back as the same double (among those, the one
 * closest to it), then lays it out by the decimal exponent {@code e} of its first digit: fixed
 * notation for {@code -4 <= e < 16}, always with a fractional part ({@code 45.0}); otherwise
 * scientific notation with a signed exponent of at least two digits ({@code 1e-05}, {@code 1e+16}).
 * <p>
 * Since JDK 19, {@link Double#toString(double)} also yields the shortest round-trip digits, so only
 * the layout has to change, with one exception: when a single digit would do, the JDK may choose a
 * closer two-digit decimal ({@code 4.9E-324} where Python writes {@code 5e-324}). That case is
 * resolved here by trying the one-digit neighbours.
 */
public final class PythonFloats {

    /* Python switches to scientific notation outside -4 <= exponent < 16 (float_repr_style 'short'). */
    private static final int MIN_FIXED_EXPONENT = -4;
    private static final int MAX_FIXED_EXPONENT = 15;

    private PythonFloats() {
    }

    /**
     * Python's {@code repr} of a finite double.
     *
     * @param value a finite double
     * @return the text Python writes, for example {@code 45.0}, {@code 1e-05}, {@code -0.0}
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot carry
     */
    public static String repr(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Not a finite number: " + value);
        }
        boolean negative = (Double.doubleToRawLongBits(value) < 0);
        if (value == 0.0) {
            return negative ? "-0.0" : "0.0";
        }
        Decimal decimal = shortestDigits(Math.abs(value));
        String text = layout(decimal.digits(), decimal.exponent());
        return negative ? "-" + text : text;
    }

    /**
     * The shortest round-trip digits of a positive finite double, read off the JDK's own text.
     */
    private static Decimal shortestDigits(double value) {
        Decimal decimal = Decimal.of(Double.toString(value));
        // The JDK may prefer a closer 2-digit decimal when a 1-digit one also round-trips. That needs two decimals
        // of at most two digits within one rounding interval, i.e. a double with fewer than two digits of
        // precision: a subnormal. A normal double's interval is 2^-52 of its value, far narrower.
        if (decimal.digits().length() == 2 && value < Double.MIN_NORMAL) {
            Decimal single = closestSingleDigit(value);
            if (single != null) {
                return single;
            }
        }
        return decimal;
    }

    private static Decimal closestSingleDigit(double value) {
        BigDecimal exact = new BigDecimal(value);
        BigDecimal down = exact.round(new MathContext(1, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(1, RoundingMode.CEILING));
        boolean downOk = down.signum() > 0 && down.doubleValue() == value;
        boolean upOk = up.doubleValue() == value;
        BigDecimal chosen;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            chosen = cmp < 0 ? down : cmp > 0 ? up : evenOf(down, up);
        } else if (downOk) {
            chosen = down;
        } else if (upOk) {
            chosen = up;
        } else {
            return null;
        }
        return Decimal.of(chosen.stripTrailingZeros());
    }

    private static BigDecimal evenOf(BigDecimal a, BigDecimal b) {
        return a.unscaledValue().testBit(0) ? b : a;
    }

    /**
     * Lays out digits {@code d1 d2 … dn} meaning {@code d1.d2…dn × 10^exponent} the way Python does.
     */
    static String layout(String digits, int exponent) {
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (exponent < MIN_FIXED_EXPONENT || exponent > MAX_FIXED_EXPONENT) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            return out.append(magnitude).toString();
        }
        int pointAfter = exponent + 1;
        if (pointAfter <= 0) {
            out.append("0.");
            out.repeat('0', -pointAfter);
            out.append(digits);
        } else if (pointAfter < digits.length()) {
            out.append(digits, 0, pointAfter).append('.').append(digits, pointAfter, digits.length());
        } else {
            out.append(digits);
            out.repeat('0', pointAfter - digits.length());
            out.append(".0");
        }
        return out.toString();
    }

    /**
     * Significant digits without trailing zeros and the decimal exponent of the first digit.
     */
    private record Decimal(String digits, int exponent) {

        /** From {@link Double#toString(double)} of a positive double: {@code 45.0}, {@code 0.001}, {@code 1.0E-5}. */
        static Decimal of(String javaText) {
            int e = javaText.indexOf('E');
            int end = e < 0 ? javaText.length() : e;
            int exponent = e < 0 ? 0 : Integer.parseInt(javaText, e + 1, javaText.length(), 10);
            int point = javaText.indexOf('.');
            StringBuilder all = new StringBuilder(end).append(javaText, 0, point).append(javaText, point + 1, end);
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
            }
            int last = all.length();
            while (last > first + 1 && all.charAt(last - 1) == '0') {
                last--;
            }
            return new Decimal(all.substring(first, last), point - 1 - first + exponent);
        }

        static Decimal of(BigDecimal strippedPositive) {
            String digits = strippedPositive.unscaledValue().toString();
            int exponent = digits.length() - 1 - strippedPositive.scale();
            return new Decimal(digits, exponent);
        }
    }
}
