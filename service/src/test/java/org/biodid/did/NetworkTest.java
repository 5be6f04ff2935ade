package org.biodid.did;

import org.junit.jupiter.api.Test;

import org.biodid.input.InvalidInputException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NetworkTest {

    @Test
    void parsesLowerCaseNames() {
        assertThat(Network.parse("mainnet"), is(Network.MAINNET));
        assertThat(Network.parse("testnet"), is(Network.TESTNET));
        assertThat(Network.parse("preprod"), is(Network.PREPROD));
        assertThat(Network.parse("preview"), is(Network.PREVIEW));
        assertThat(Network.PREPROD.id(), is("preprod"));
    }

    @Test
    void unknownNamesNameTheField() {
        for (String bad : new String[] {"Mainnet", "TESTNET", "", "devnet", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Network.parse(bad));
            assertThat(e.field(), is("network"));
            assertThat(e.reason(), containsString("mainnet, testnet, preprod, preview"));
        }
    }

    @Test
    void compatNamesFollowTheOriginal() {
        assertThat(Network.MAINNET.compatDidName(), is("mainnet"));
        assertThat(Network.TESTNET.compatDidName(), is("testnet"));
        assertThat(Network.PREPROD.compatDidName(), is("testnet"));
        assertThat(Network.PREVIEW.compatDidName(), is("testnet"));
    }
}
