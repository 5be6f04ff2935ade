package org.biodid.store;

import io.helidon.dbclient.DbRow;

import org.biodid.secrets.Sealer;

/**
 * Seals an enrollment's helper data and proof key for its row, and opens them again. The associated data names the
 * column and the DID, so a ciphertext moved to another row or column does not open.
 * <p>
 * A row enrolled before sealing existed (no key id) still carries plaintext; it is read as it is until
 * {@link SecretsResealer} seals it.
 */
final class EnrollmentSecrets {

    private final Sealer sealer;

    EnrollmentSecrets(Sealer sealer) {
        this.sealer = sealer;
    }

    String currentKeyId() {
        return sealer.currentKeyId();
    }

    byte[] sealHelpers(String did, String helperJson) {
        return sealer.sealText(helperJson, helpersContext(did));
    }

    byte[] sealProofKey(String did, byte[] proofKey) {
        return proofKey == null ? null : sealer.seal(proofKey, proofKeyContext(did));
    }

    Opened open(String did, DbRow row) {
        String keyId = row.column("sealing_key_id").get(String.class);
        if (keyId == null) {
            return new Opened(row.column("helper_data").get(String.class), row.column("proof_key").get(byte[].class));
        }
        byte[] sealedProof = row.column("sealed_proof_key").get(byte[].class);
        return new Opened(sealer.openText(row.column("sealed_helper_data").get(byte[].class), helpersContext(did)),
                          sealedProof == null ? null : sealer.open(sealedProof, proofKeyContext(did)));
    }

    private static String helpersContext(String did) {
        return "biodid:helpers|" + did;
    }

    private static String proofKeyContext(String did) {
        return "biodid:proofkey|" + did;
    }

    /**
     * Plaintext secrets of one row.
     *
     * @param helperData helper data JSON
     * @param proofKey   proof key, may be {@code null}
     */
    record Opened(String helperData, byte[] proofKey) {
    }
}
