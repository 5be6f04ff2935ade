package org.biodid.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.biodid.biometrics.BiometricValidation;
import org.biodid.biometrics.ClientProof;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.MinutiaType;
import org.biodid.did.CardanoDid;
import org.biodid.did.Commitments;
import org.biodid.did.DidParseException;
import org.biodid.did.Network;
import org.biodid.did.WalletAddress;
import org.biodid.identity.EnrollCommand;
import org.biodid.identity.VerifyCommand;

/**
 * Turns request bodies of the DID routes into checked commands, or a 400 that names the offending field.
 */
final class DidRequests {

    private static final Set<String> ENROLL_FIELDS = Set.of("wallet_address", "network", "fingers",
                                                            WalletRequests.SIGNATURE_FIELD);
    private static final Set<String> VERIFY_FIELDS = Set.of("wallet_address", "did", "network", "timestamp",
                                                            "fingers", "biometric_hash");
    private static final Set<String> GENERATE_FIELDS = Set.of("commitment", "network");
    private static final Set<String> FINGER_FIELDS = Set.of("finger_id", "minutiae");
    private static final Set<String> MINUTIA_FIELDS = Set.of("x", "y", "angle", "type", "quality");

    private DidRequests() {
    }

    /**
     * A checked DID derivation.
     *
     * @param commitment commitment bytes
     * @param network    network
     */
    record Generate(byte[] commitment, Network network) {
    }

    static EnrollCommand enroll(JsonNode body, Network defaultNetwork, int minFingers) {
        JsonFields.object(body, "", ENROLL_FIELDS);
        WalletAddress wallet = WalletAddress.parse("wallet_address",
                                                   JsonFields.requiredText(body, "wallet_address", ""));
        Network network = network(body, "", defaultNetwork, wallet);
        List<FingerScan> fingers = fingers(body, "", minFingers);
        return new EnrollCommand(wallet, network, fingers, WalletRequests.signature(body, ""));
    }

    static VerifyCommand verify(JsonNode body, String path) {
        JsonFields.object(body, path, VERIFY_FIELDS);
        String walletText = JsonFields.optionalText(body, "wallet_address", path);
        String didText = JsonFields.optionalText(body, "did", path);
        if (walletText == null && didText == null) {
            throw ApiException.invalidField(JsonFields.join(path, "wallet_address"),
                                            "wallet_address or did is required");
        }
        WalletAddress wallet = walletText == null
                ? null
                : WalletAddress.parse(JsonFields.join(path, "wallet_address"), walletText);
        CardanoDid did = didText == null ? null : did(JsonFields.join(path, "did"), didText);
        String networkText = JsonFields.optionalText(body, "network", path);
        if (networkText != null && wallet != null) {
            wallet.requireNetwork(JsonFields.join(path, "network"), parseNetwork(path, networkText));
        }
        long timestamp = JsonFields.requiredLong(body, "timestamp", path);
        boolean hasFingers = body.hasNonNull("fingers");
        boolean hasProof = body.hasNonNull("biometric_hash");
        if (hasFingers == hasProof) {
            throw ApiException.invalidField(JsonFields.join(path, hasFingers ? "biometric_hash" : "fingers"),
                                            "exactly one of fingers and biometric_hash is required");
        }
        if (hasFingers) {
            return new VerifyCommand(wallet, did, timestamp, fingers(body, path, 1), null);
        }
        String proofField = JsonFields.join(path, "biometric_hash");
        byte[] proof = ClientProof.parse(proofField, JsonFields.requiredText(body, "biometric_hash", path)
                .toLowerCase(Locale.ROOT));
        return new VerifyCommand(wallet, did, timestamp, null, proof);
    }

    static Generate generate(JsonNode body, Network defaultNetwork) {
        JsonFields.object(body, "", GENERATE_FIELDS);
        byte[] commitment = Commitments.decode(JsonFields.requiredText(body, "commitment", ""));
        String networkText = JsonFields.optionalText(body, "network", "");
        return new Generate(commitment, networkText == null ? defaultNetwork : parseNetwork("", networkText));
    }

    static CardanoDid did(String field, String text) {
        try {
            return CardanoDid.parse(text);
        } catch (DidParseException e) {
            throw ApiException.invalidField(field, e.getMessage());
        }
    }

    private static Network network(JsonNode body, String path, Network defaultNetwork, WalletAddress wallet) {
        String text = JsonFields.optionalText(body, "network", path);
        Network network;
        if (text == null) {
            // No network named: the address decides between mainnet and the configured test network.
            network = wallet.mainnet() ? Network.MAINNET
                    : defaultNetwork == Network.MAINNET ? Network.TESTNET : defaultNetwork;
        } else {
            network = parseNetwork(path, text);
        }
        wallet.requireNetwork(JsonFields.join(path, "network"), network);
        return network;
    }

    private static Network parseNetwork(String path, String text) {
        try {
            return Network.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(JsonFields.join(path, "network"),
                                            "must be one of mainnet, testnet, preprod, preview");
        }
    }

    private static List<FingerScan> fingers(JsonNode body, String path, int min) {
        String field = JsonFields.join(path, "fingers");
        JsonNode array = JsonFields.requiredArray(body, "fingers", path, 0, Integer.MAX_VALUE);
        BiometricValidation.checkFingerCount(field, array.size(), min);
        List<FingerScan> scans = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String fingerPath = field + "[" + i + "]";
            JsonNode finger = JsonFields.object(array.get(i), fingerPath, FINGER_FIELDS);
            FingerId id = FingerId.parse(fingerPath + ".finger_id",
                                         JsonFields.requiredText(finger, "finger_id", fingerPath));
            JsonNode minutiae = JsonFields.requiredArray(finger, "minutiae", fingerPath, 0, Integer.MAX_VALUE);
            BiometricValidation.checkMinutiaCount(fingerPath, minutiae.size());
            List<Minutia> points = new ArrayList<>(minutiae.size());
            for (int j = 0; j < minutiae.size(); j++) {
                JsonNode node = minutiae.get(j);
                Minutia plain = plainTriple(node);
                points.add(plain != null ? plain : minutia(node, fingerPath + ".minutiae[" + j + "]"));
            }
            FingerScan scan = new FingerScan(id, points);
            BiometricValidation.validateFinger(fingerPath, scan);
            scans.add(scan);
        }
        BiometricValidation.checkDistinct(field, scans);
        return scans;
    }

    /**
     * The common form, {@code [x, y, angle]} of finite numbers, read without building its field path: a request
     * carries hundreds of minutiae, and the paths are needed only for an error ({@link #minutia(JsonNode, String)}
     * reads every other form and names the field that is wrong).
     */
    private static Minutia plainTriple(JsonNode node) {
        if (!node.isArray() || node.size() != 3) {
            return null;
        }
        JsonNode x = node.get(0);
        JsonNode y = node.get(1);
        JsonNode angle = node.get(2);
        if (!x.isNumber() || !y.isNumber() || !angle.isNumber()) {
            return null;
        }
        Minutia m = Minutia.of(x.doubleValue(), y.doubleValue(), angle.doubleValue());
        return Double.isFinite(m.x()) && Double.isFinite(m.y()) && Double.isFinite(m.angle()) ? m : null;
    }

    private static Minutia minutia(JsonNode node, String field) {
        if (node.isArray()) {
            if (node.size() != 3) {
                throw ApiException.invalidField(field, "must be [x, y, angle]");
            }
            return Minutia.of(JsonFields.number(node.get(0), field + "[0]"),
                              JsonFields.number(node.get(1), field + "[1]"),
                              JsonFields.number(node.get(2), field + "[2]"));
        }
        if (node.isObject()) {
            JsonFields.object(node, field, MINUTIA_FIELDS);
            MinutiaType type = MinutiaType.UNKNOWN;
            String typeText = JsonFields.optionalText(node, "type", field);
            if (typeText != null) {
                type = switch (typeText) {
                    case "ending" -> MinutiaType.ENDING;
                    case "bifurcation" -> MinutiaType.BIFURCATION;
                    default -> throw ApiException.invalidField(field + ".type", "must be ending or bifurcation");
                };
            }
            int quality = Minutia.NO_QUALITY;
            JsonNode q = node.get("quality");
            if (q != null && !q.isNull()) {
                if (!q.isIntegralNumber() || !q.canConvertToInt() || q.intValue() < 0 || q.intValue() > 100) {
                    throw ApiException.invalidField(field + ".quality", "must be an integer from 0 to 100");
                }
                quality = q.intValue();
            }
            return new Minutia(JsonFields.number(node.get("x"), field + ".x"),
                               JsonFields.number(node.get("y"), field + ".y"),
                               JsonFields.number(node.get("angle"), field + ".angle"),
                               type, quality);
        }
        throw ApiException.invalidField(field, "must be [x, y, angle] or {x, y, angle, type, quality}");
    }
}
