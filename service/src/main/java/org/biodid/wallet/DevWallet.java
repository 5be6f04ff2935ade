package org.biodid.wallet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.crypto.Blake2b;

/**
 * A throwaway CIP-30 wallet for trying the service without a browser wallet ({@code etc/scripts/dev-wallet.sh}).
 * Its key is public (derived from a fixed text, or from {@code BIODID_DEV_WALLET_SEED}, 64 hex digits): never use it
 * for anything of value.
 * <pre>
 * dev-wallet address [--mainnet]   the wallet's enterprise address
 * dev-wallet sign                  reads a challenge (the JSON of POST /api/v1/wallet/challenges) on stdin and
 *                                  prints the wallet_signature object: {"signature":"…","key":"…"}
 * </pre>
 */
public final class DevWallet {

    private static final String SEED_TEXT = "biodid development wallet: its key is public, never hold funds with it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DevWallet() {
    }

    /**
     * @param args command
     * @throws IOException when stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
        case "address" -> out.println(signer().enterpriseAddress(args.length > 1 && "--mainnet".equals(args[1])));
        case "sign" -> out.println(sign(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
        default -> {
            System.err.println("usage: dev-wallet address [--mainnet] | dev-wallet sign < challenge.json");
            System.exit(2);
        }
        }
    }

    /**
     * @return the development wallet's signer
     */
    public static Cip30Signer signer() {
        String seed = System.getenv("BIODID_DEV_WALLET_SEED");
        return new Cip30Signer(seed == null || seed.isBlank()
                                       ? Blake2b.hash(32, SEED_TEXT.getBytes(StandardCharsets.UTF_8))
                                       : HexFormat.of().parseHex(seed.trim()));
    }

    /**
     * Sign a challenge as the service issued it.
     *
     * @param challengeJson body of {@code POST /api/v1/wallet/challenges}
     * @return the {@code wallet_signature} JSON object
     * @throws IOException when it is not JSON
     */
    public static String sign(String challengeJson) throws IOException {
        JsonNode challenge = JSON.readTree(challengeJson);
        if (challenge == null || !challenge.hasNonNull("payload") || !challenge.hasNonNull("wallet_address")) {
            throw new IllegalArgumentException("not a challenge (no payload and wallet_address): " + challengeJson);
        }
        DataSignature signature = signer().signChallenge(challenge.get("wallet_address").asText(),
                                                         challenge.get("payload").asText());
        ObjectNode node = JSON.createObjectNode();
        node.put("signature", signature.signature());
        node.put("key", signature.key());
        return JSON.writeValueAsString(node);
    }
}
