package org.biodid.biometrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.biodid.input.InvalidInputException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Input validation names the offending field.
 */
class BiometricValidationTest {

    @ParameterizedTest
    @CsvSource({"left_pinky, LEFT_LITTLE", "left_little, LEFT_LITTLE", "right_thumb, RIGHT_THUMB",
        "right_pinky, RIGHT_LITTLE"})
    void fingerIdsAndPinkyAlias(String wire, FingerId expected) {
        assertThat(FingerId.parse("f", wire), is(expected));
    }

    @Test
    void unknownFingerNamesField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FingerId.parse("fingers[0].finger_id", "left_toe"));
        assertThat(e.field(), is("fingers[0].finger_id"));
    }

    @Test
    void minutiaTypes() {
        assertThat(MinutiaType.parse("t", "ending"), is(MinutiaType.ENDING));
        assertThat(MinutiaType.parse("t", "bifurcation"), is(MinutiaType.BIFURCATION));
        assertThat(MinutiaType.parse("t", null), is(MinutiaType.UNKNOWN));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MinutiaType.parse("fingers[0].minutiae[2].type", "delta"));
        assertThat(e.field(), is("fingers[0].minutiae[2].type"));
    }

    @Test
    void badValuesNameTheirField() {
        assertField(Minutia.of(Double.NaN, 1, 1), "fingers[0].minutiae[3].x");
        assertField(Minutia.of(1, Double.POSITIVE_INFINITY, 1), "fingers[0].minutiae[3].y");
        assertField(Minutia.of(1, 2048, 1), "fingers[0].minutiae[3].y");
        assertField(Minutia.of(-0.5, 1, 1), "fingers[0].minutiae[3].x");
        assertField(Minutia.of(1, 1, 360), "fingers[0].minutiae[3].angle");
        assertField(new Minutia(1, 1, 1, MinutiaType.ENDING, 101), "fingers[0].minutiae[3].quality");
    }

    @Test
    void countsAreChecked() {
        List<Minutia> seven = valid(7);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BiometricValidation.validateFinger("fingers[1]", new FingerScan(FingerId.LEFT_RING, seven)));
        assertThat(e.field(), is("fingers[1].minutiae"));
        assertThrows(InvalidInputException.class,
                () -> BiometricValidation.validateFinger("f", new FingerScan(FingerId.LEFT_RING, valid(151))));
        BiometricValidation.validateFinger("f", new FingerScan(FingerId.LEFT_RING, valid(150)));
        e = assertThrows(InvalidInputException.class, () -> BiometricValidation.validateFingers("fingers",
                List.of(new FingerScan(FingerId.LEFT_RING, valid(8)))));
        assertThat(e.field(), is("fingers"));
    }

    private static void assertField(Minutia bad, String field) {
        List<Minutia> minutiae = valid(8);
        minutiae.set(3, bad);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BiometricValidation.validateFingers("fingers", List.of(
                        new FingerScan(FingerId.LEFT_THUMB, minutiae), new FingerScan(FingerId.LEFT_INDEX, valid(8)))));
        assertThat(e.field(), is(field));
    }

    private static List<Minutia> valid(int count) {
        List<Minutia> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Minutia.of(10 + i, 20 + i, (i * 37) % 360));
        }
        return out;
    }
}
