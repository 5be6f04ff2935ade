package org.biodid.compat;

/**
 * Values computed with CPython 3.11 {@code hashlib} for non-ASCII finger ids.
 */
final class CodePointVector {

    /** id_hash of the helper map with keys U+FF61 and U+1F600 (sorted by code point). */
    static final String ID_HASH = "2V_Sb0L1PBK5IeosbWD0EObPVdSNijDGaW-VVuUDsOU";
    /** salt_b64 of finger id {@code pouce_gauche_é}. */
    static final String SALT_E_ACUTE = "wV1-udUEOPZGfQ5VpnXXjQ";

    private CodePointVector() {
    }
}
