package org.biodid.wallet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import org.biodid.wallet.WalletProofException.Reason;

/**
 * The CIP-8 subset of COSE (RFC 9052) that CIP-30 {@code signData} produces: a COSE_Sign1 whose protected header
 * holds {@code alg} (1) = EdDSA (-8) and {@code "address"}, and an OKP COSE_Key (kty 1, crv Ed25519 6, x -2).
 * <p>
 * Jackson's CBOR parser presents integer map keys as their decimal text ({@code 1}, {@code -2}) and ignores tags, so
 * a tagged (18) and an untagged COSE_Sign1 read alike. Duplicate keys and trailing bytes are refused.
 */
public final class Cose {

    /** COSE header label of the algorithm. */
    static final String ALG = "1";
    /** COSE algorithm identifier of EdDSA. */
    static final int EDDSA = -8;
    private static final String KTY = "1";
    private static final int KTY_OKP = 1;
    private static final String KEY_ALG = "3";
    private static final String CRV = "-1";
    private static final int CRV_ED25519 = 6;
    private static final String X = "-2";
    private static final String ADDRESS = "address";
    private static final String HASHED = "hashed";

    private static final CBORMapper CBOR = CBORMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Cose() {
    }

    /**
     * A parsed COSE_Sign1.
     *
     * @param protectedBytes the protected header exactly as serialised (it is signed as these bytes)
     * @param address        raw address bytes from the protected header
     * @param payload        the signed payload
     * @param signature      the 64-byte signature
     */
    public record Sign1(byte[] protectedBytes, byte[] address, byte[] payload, byte[] signature) {

        /**
         * @return the bytes that were signed: {@code ["Signature1", protected, h'', payload]}
         */
        public byte[] toBeSigned() {
            return sigStructure(protectedBytes, payload);
        }
    }

    /**
     * Parse a hex COSE_Sign1 as CIP-30 wallets send it.
     *
     * @param hex hex of the CBOR
     * @return its parts
     * @throws WalletProofException {@link Reason#MALFORMED} naming what is wrong
     */
    public static Sign1 parseSign1(String hex) {
        JsonNode sign1 = read(hex, "signature");
        if (!sign1.isArray() || sign1.size() != 4) {
            throw malformed("signature is not a COSE_Sign1 (an array of 4 items)");
        }
        byte[] protectedBytes = bytes(sign1.get(0), "signature protected header");
        JsonNode header = read(protectedBytes, "signature protected header");
        if (!header.isObject()) {
            throw malformed("signature protected header is not a map");
        }
        JsonNode alg = header.get(ALG);
        if (alg == null || !alg.isIntegralNumber() || alg.asLong() != EDDSA) {
            throw malformed("signature protected header: alg (1) must be EdDSA (-8)");
        }
        byte[] address = bytes(header.get(ADDRESS), "signature protected header address");
        JsonNode unprotected = sign1.get(1);
        if (!unprotected.isObject()) {
            throw malformed("signature unprotected header is not a map");
        }
        JsonNode hashed = unprotected.get(HASHED);
        if (hashed != null && !(hashed.isBoolean() && !hashed.booleanValue())) {
            throw malformed("signature: hashed payloads are not accepted; sign the challenge payload itself");
        }
        if (sign1.get(2).isNull()) {
            throw malformed("signature: a detached payload is not accepted");
        }
        byte[] payload = bytes(sign1.get(2), "signature payload");
        byte[] signature = bytes(sign1.get(3), "signature");
        if (signature.length != Ed25519Keys.SIGNATURE_LENGTH) {
            throw malformed("signature: an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        return new Sign1(protectedBytes, address, payload, signature);
    }

    /**
     * Parse a hex COSE_Key holding an Ed25519 public key.
     *
     * @param hex hex of the CBOR
     * @return the raw 32-byte public key
     * @throws WalletProofException {@link Reason#MALFORMED} naming what is wrong
     */
    public static byte[] parseEd25519Key(String hex) {
        JsonNode key = read(hex, "key");
        if (!key.isObject()) {
            throw malformed("key is not a COSE_Key (a map)");
        }
        if (!hasInt(key, KTY, KTY_OKP)) {
            throw malformed("key: kty (1) must be OKP (1)");
        }
        if (!hasInt(key, CRV, CRV_ED25519)) {
            throw malformed("key: crv (-1) must be Ed25519 (6)");
        }
        if (key.has(KEY_ALG) && !hasInt(key, KEY_ALG, EDDSA)) {
            throw malformed("key: alg (3), when present, must be EdDSA (-8)");
        }
        byte[] x = bytes(key.get(X), "key x (-2)");
        if (x.length != Ed25519Keys.KEY_LENGTH) {
            throw malformed("key: an Ed25519 public key has 32 bytes, not " + x.length);
        }
        return x;
    }

    /**
     * @param protectedBytes serialised protected header
     * @param payload        payload
     * @return the COSE Sig_structure for a COSE_Sign1 with empty external data
     */
    static byte[] sigStructure(byte[] protectedBytes, byte[] payload) {
        return write(gen -> {
            gen.writeStartArray(null, 4);
            gen.writeString("Signature1");
            gen.writeBinary(protectedBytes);
            gen.writeBinary(new byte[0]);
            gen.writeBinary(payload);
            gen.writeEndArray();
        });
    }

    /**
     * @param address raw address bytes
     * @return the protected header a CIP-30 wallet writes: {@code {1: -8, "address": address}}
     */
    static byte[] protectedHeader(byte[] address) {
        return write(gen -> {
            gen.writeStartObject(null, 2);
            gen.writeFieldId(1);
            gen.writeNumber(EDDSA);
            gen.writeFieldName(ADDRESS);
            gen.writeBinary(address);
            gen.writeEndObject();
        });
    }

    /**
     * @param protectedBytes serialised protected header
     * @param payload        payload
     * @param signature      signature
     * @return the COSE_Sign1 {@code [protected, {"hashed": false}, payload, signature]}
     */
    static byte[] sign1(byte[] protectedBytes, byte[] payload, byte[] signature) {
        return write(gen -> {
            gen.writeStartArray(null, 4);
            gen.writeBinary(protectedBytes);
            gen.writeStartObject(null, 1);
            gen.writeFieldName(HASHED);
            gen.writeBoolean(false);
            gen.writeEndObject();
            gen.writeBinary(payload);
            gen.writeBinary(signature);
            gen.writeEndArray();
        });
    }

    /**
     * @param publicKey raw Ed25519 public key
     * @return the COSE_Key {@code {1: 1, 3: -8, -1: 6, -2: publicKey}}
     */
    static byte[] ed25519Key(byte[] publicKey) {
        return write(gen -> {
            gen.writeStartObject(null, 4);
            gen.writeFieldId(1);
            gen.writeNumber(KTY_OKP);
            gen.writeFieldId(3);
            gen.writeNumber(EDDSA);
            gen.writeFieldId(-1);
            gen.writeNumber(CRV_ED25519);
            gen.writeFieldId(-2);
            gen.writeBinary(publicKey);
            gen.writeEndObject();
        });
    }

    private static JsonNode read(String hex, String what) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not hex");
        }
        return read(bytes, what);
    }

    private static JsonNode read(byte[] bytes, String what) {
        if (bytes.length == 0) {
            throw malformed(what + " is empty");
        }
        try {
            JsonNode node = CBOR.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw malformed(what + " is not CBOR");
            }
            return node;
        } catch (IOException | RuntimeException e) {
            if (e instanceof WalletProofException proof) {
                throw proof;
            }
            throw malformed(what + " is not well-formed CBOR");
        }
    }

    private static byte[] bytes(JsonNode node, String what) {
        if (node == null || !node.isBinary()) {
            throw malformed(what + " must be a byte string");
        }
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw malformed(what + " must be a byte string");
        }
    }

    private static boolean hasInt(JsonNode map, String label, int value) {
        JsonNode node = map.get(label);
        return node != null && node.isIntegralNumber() && node.asLong() == value;
    }

    private static WalletProofException malformed(String detail) {
        return new WalletProofException(Reason.MALFORMED, detail);
    }

    private interface CborWriter {
        void write(CBORGenerator gen) throws IOException;
    }

    private static byte[] write(CborWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator gen = CBOR.getFactory().createGenerator(out)) {
            writer.write(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
