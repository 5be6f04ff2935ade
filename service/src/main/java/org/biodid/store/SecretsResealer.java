package org.biodid.store;

import java.lang.System.Logger.Level;
import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import org.biodid.secrets.Sealer;

/**
 * Brings every enrollment row to the current sealing key: rows from before sealing existed (plaintext helper data,
 * which SQL migrations cannot encrypt) and rows sealed under a previous key (rotation). Each row is rewritten by one
 * compare-and-set UPDATE on its old key id, so instances running this at once never overwrite each other, and the
 * plaintext columns are cleared in the same statement.
 */
public final class SecretsResealer {

    private static final System.Logger LOGGER = System.getLogger(SecretsResealer.class.getName());
    private static final int BATCH = 100;

    private final DbClient db;
    private final Sealer sealer;
    private final EnrollmentSecrets secrets;

    /**
     * @param db     database client
     * @param sealer the sealer with the current and previous keys
     */
    public SecretsResealer(DbClient db, Sealer sealer) {
        this.db = db;
        this.sealer = sealer;
        this.secrets = new EnrollmentSecrets(sealer);
    }

    /**
     * Reseal until no row is left behind.
     *
     * @return rows rewritten
     */
    public long resealAll() {
        long total = 0;
        while (true) {
            List<DbRow> rows;
            try (var result = db.execute().createNamedQuery("select-enrollments-to-reseal")
                    .addParam("keyId", sealer.currentKeyId())
                    .addParam("limit", BATCH)
                    .execute()) {
                rows = result.toList();
            }
            int done = 0;
            for (DbRow row : rows) {
                done += reseal(row) ? 1 : 0;
            }
            total += done;
            if (rows.size() < BATCH || done == 0) {
                break;
            }
        }
        if (total > 0) {
            LOGGER.log(Level.INFO, "Sealed the secrets of " + total + " enrollment(s) under key "
                    + sealer.currentKeyId());
        }
        return total;
    }

    private boolean reseal(DbRow row) {
        String did = row.column("did").get(String.class);
        String oldKeyId = row.column("sealing_key_id").get(String.class);
        EnrollmentSecrets.Opened opened = secrets.open(did, row);
        return db.execute().createNamedUpdate("reseal-enrollment")
                .addParam("did", did)
                .addParam("sealedHelperData", secrets.sealHelpers(did, opened.helperData()))
                .addParam("sealedProofKey", secrets.sealProofKey(did, opened.proofKey()))
                .addParam("keyId", sealer.currentKeyId())
                .addParam("oldKeyId", oldKeyId == null ? "" : oldKeyId)
                .execute() == 1;
    }
}
