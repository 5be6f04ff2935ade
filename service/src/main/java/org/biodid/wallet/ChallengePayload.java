package org.biodid.wallet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.biodid.wallet.WalletProofException.Reason;

/**
 * The text a wallet signs to redeem a challenge: UTF-8, five lines separated by {@code \n}, no trailing newline.
 * <pre>
 * BioDID wallet challenge
 * action: enroll
 * wallet: addr_test1vz…
 * nonce: 6sQw…(43 characters of base64url)
 * expires: 2026-12-01T22:05:00Z
 * </pre>
 * It names the action and the wallet, so a signature for one is worthless for another, and the nonce, which is
 * single-use. The service issues the exact text; the wallet signs it unchanged.
 *
 * @param action  the action authorised
 * @param wallet  the wallet address (bech32)
 * @param nonce   the challenge's nonce
 * @param expires when the challenge stops being accepted (whole seconds)
 */
public record ChallengePayload(WalletAction action, String wallet, String nonce, Instant expires) {

    private static final String TITLE = "BioDID wallet challenge";
    private static final Pattern FORMAT = Pattern.compile(
            TITLE + "\naction: ([a-z-]{1,32})\nwallet: ([a-z0-9_]{1,128})\nnonce: ([A-Za-z0-9_-]{43})"
                    + "\nexpires: ([0-9TZ:-]{20})");

    /**
     * @return the text to sign
     */
    public String text() {
        return TITLE + "\naction: " + action.wireName() + "\nwallet: " + wallet + "\nnonce: " + nonce
                + "\nexpires: " + expires;
    }

    /**
     * @return the bytes to sign (UTF-8 of {@link #text()})
     */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Read a signed payload back.
     *
     * @param bytes the payload of a verified signature
     * @return the payload's fields
     * @throws WalletProofException {@link Reason#PAYLOAD_MALFORMED} when it is not a challenge of this service
     */
    public static ChallengePayload parse(byte[] bytes) {
        Matcher m = FORMAT.matcher(new String(bytes, StandardCharsets.UTF_8));
        if (!m.matches()) {
            throw malformed();
        }
        WalletAction action = WalletAction.parse(m.group(1)).orElseThrow(ChallengePayload::malformed);
        Instant expires;
        try {
            expires = Instant.parse(m.group(4));
        } catch (DateTimeParseException e) {
            throw malformed();
        }
        ChallengePayload payload = new ChallengePayload(action, m.group(2), m.group(3), expires);
        if (!java.util.Arrays.equals(payload.bytes(), bytes)) {
            throw malformed();
        }
        return payload;
    }

    private static WalletProofException malformed() {
        return new WalletProofException(Reason.PAYLOAD_MALFORMED,
                                        "The signed payload is not a challenge issued by this service; sign the "
                                                + "payload of POST /api/v1/wallet/challenges unchanged");
    }
}
