package org.biodid.biometrics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.biodid.crypto.Blake2b;
import org.biodid.input.InvalidInputException;

/**
 * Who the biometric secrets are bound to: the wallet address and the network. Every key derivation uses
 * {@link #personalization()}, so helper data enrolled for one wallet or network reproduces nothing for
 * another.
 *
 * @param wallet  wallet address as sent (bech32 text)
 * @param network network name, e.g. {@code testnet}
 */
public record SubjectContext(String wallet, String network) {

    private static final byte[] CONTEXT = Blake2b.personal("biodid:context:1");

    /**
     * Canonical constructor.
     *
     * @param wallet  wallet address
     * @param network network name
     */
    public SubjectContext {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(network, "network");
    }

    /**
     * Unambiguous encoding: {@code u16be len(wallet) || wallet (UTF-8) || u8 len(network) || network (UTF-8)}.
     *
     * @return the bytes
     */
    public byte[] encode() {
        byte[] w = wallet.getBytes(StandardCharsets.UTF_8);
        byte[] n = network.getBytes(StandardCharsets.UTF_8);
        if (w.length > 0xFFFF || n.length > 0xFF) {
            throw new InvalidInputException(w.length > 0xFFFF ? "wallet_address" : "network", "too long");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(3 + w.length + n.length);
        out.write(w.length >>> 8);
        out.write(w.length);
        out.writeBytes(w);
        out.write(n.length);
        out.writeBytes(n);
        return out.toByteArray();
    }

    /**
     * The 16-byte BLAKE2b personalization of every per-subject derivation:
     * {@code BLAKE2b-128(personalization "biodid:context:1", encode())}.
     *
     * @return 16 bytes
     */
    public byte[] personalization() {
        return Blake2b.keyed(16, null, null, CONTEXT, encode());
    }
}
