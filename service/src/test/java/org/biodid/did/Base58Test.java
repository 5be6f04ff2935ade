package org.biodid.did;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Base58Test {

    /*
     * Bitcoin Core's base58_encode_decode.json vectors; each was re-derived by construction with an
     * independent big-integer implementation (repeated divmod 58, one '1' per leading zero byte).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "''|''",
            "61|2g",
            "626262|a3gV",
            "636363|aPEr",
            "73696d706c792061206c6f6e6720737472696e67|2cFupjhnEsSn59qHXstmK2ffpLv2",
            "00eb15231dfceb60925886b67d065299925915aeb172c06647|1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
            "516b6fcd0f|ABnLTmg",
            "bf4f89001e670274dd|3SEo3LWLoPntC",
            "572e4794|3EFU7m",
            "ecac89cad93923c02321|EJDM8drfXA6uyA",
            "10c8511e|Rt5zm",
            "00000000000000000000|1111111111"
    })
    void bitcoinVectors(String hex, String base58) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Base58.encode(bytes), is(base58));
        assertArrayEquals(bytes, Base58.decode(base58));
    }

    @Test
    void text() {
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)), is("2NEpo7TZRRrLZSi2U"));
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        // 0, O, I and l are excluded from the Bitcoin alphabet on purpose.
        for (String bad : new String[] {"0", "O", "I", "l", "2g+", "é"}) {
            assertThrows(IllegalArgumentException.class, () -> Base58.decode(bad), bad);
        }
    }

    @Property(tries = 300)
    void roundTrip(@ForAll @Size(max = 80) byte[] bytes) {
        assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
    }

    @Property(tries = 300)
    void leadingZeroBytesAreOnes(@ForAll @Size(max = 40) byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        String text = Base58.encode(bytes);
        int ones = 0;
        while (ones < text.length() && text.charAt(ones) == '1') {
            ones++;
        }
        assertThat(ones, is(zeros));
    }
}
