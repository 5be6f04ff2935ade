package org.biodid.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.MinutiaType;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.did.WalletAddress;

/**
 * People for API tests: a valid testnet wallet and four synthetic fingers each, and fresh impressions of them.
 */
public final class TestSubjects {

    /** The fingers every test subject enrolls. */
    public static final List<FingerId> FINGERS = List.of(FingerId.LEFT_THUMB, FingerId.LEFT_INDEX,
                                                         FingerId.RIGHT_THUMB, FingerId.RIGHT_INDEX);

    private static final SyntheticFingerprints GENERATOR = new SyntheticFingerprints(20261128L);

    private TestSubjects() {
    }

    /**
     * A deterministic, checksum-valid testnet address.
     *
     * @param index which person
     * @return bech32 address
     */
    public static String wallet(long index) {
        byte[] credentials = new byte[56];
        new SplittableRandom(index * 7919L + 17).nextBytes(credentials);
        return WalletAddress.encode(false, credentials);
    }

    /**
     * The master fingers of a person.
     *
     * @param index which person
     * @return one scan per finger
     */
    public static List<FingerScan> masters(long index) {
        List<FingerScan> scans = new ArrayList<>();
        for (int f = 0; f < FINGERS.size(); f++) {
            scans.add(new FingerScan(FINGERS.get(f), GENERATOR.master(index * FINGERS.size() + f)));
        }
        return scans;
    }

    /**
     * A fresh impression of a person's fingers under the default noise model.
     *
     * @param index which person
     * @param seed  which impression
     * @return one scan per finger
     */
    public static List<FingerScan> impression(long index, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FingerScan> scans = new ArrayList<>();
        for (FingerScan master : masters(index)) {
            scans.add(new FingerScan(master.finger(),
                                     SyntheticFingerprints.impression(master.minutiae(), NoiseModel.DEFAULT, random)));
        }
        return scans;
    }

    /**
     * The {@code fingers} array of a request.
     *
     * @param scans scans
     * @return JSON array, minutiae as objects
     */
    public static ArrayNode fingersJson(List<FingerScan> scans) {
        ArrayNode fingers = JsonNodeFactory.instance.arrayNode();
        for (FingerScan scan : scans) {
            ObjectNode finger = fingers.addObject();
            finger.put("finger_id", scan.finger().wireName());
            ArrayNode minutiae = finger.putArray("minutiae");
            for (Minutia m : scan.minutiae()) {
                ObjectNode point = minutiae.addObject().put("x", m.x()).put("y", m.y()).put("angle", m.angle());
                if (m.type() != MinutiaType.UNKNOWN) {
                    point.put("type", m.type().name().toLowerCase(java.util.Locale.ROOT));
                }
                if (m.quality() != Minutia.NO_QUALITY) {
                    point.put("quality", m.quality());
                }
            }
        }
        return fingers;
    }

    /**
     * An enrollment request body.
     *
     * @param index which person
     * @return JSON text
     */
    public static String enrollBody(long index) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("wallet_address", wallet(index));
        body.put("network", "testnet");
        body.set("fingers", fingersJson(masters(index)));
        return body.toString();
    }
}
