package org.biodid.compat;

import java.util.List;

/**
 * The text of Python's {@code json.dumps(minutiae, separators=(",", ":"), sort_keys=True)} for the
 * minutiae of one finger, which the original hashes into the DID commitment.
 * <p>
 * In both original servers minutiae are typed {@code List[List[float]]}, so they are never objects
 * and {@code sort_keys} has nothing to sort; integers were already coerced to floats by the request
 * model, which is why {@code 45} is written {@code 45.0}.
 */
public final class PythonJson {

    private PythonJson() {
    }

    /**
     * Writes minutiae as compact JSON with Python's float text.
     *
     * @param minutiae the minutiae
     * @return for example {@code [[100.5,200.3,45.0],[150.2,180.9,90.5]]}
     */
    public static String minutiae(List<CompatMinutia> minutiae) {
        StringBuilder out = new StringBuilder(minutiae.size() * 24 + 2);
        out.append('[');
        for (int i = 0; i < minutiae.size(); i++) {
            CompatMinutia minutia = minutiae.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append('[')
                    .append(PythonFloats.repr(minutia.x())).append(',')
                    .append(PythonFloats.repr(minutia.y())).append(',')
                    .append(PythonFloats.repr(minutia.angle()))
                    .append(']');
        }
        return out.append(']').toString();
    }
}
