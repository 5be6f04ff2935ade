package org.biodid.did;

import org.biodid.input.InvalidInputException;

/**
 * A Cardano Shelley-era wallet address in bech32, checked for form, checksum and network.
 * <p>
 * {@code addr1…} is mainnet and {@code addr_test1…} any test network; the header byte's network id (1 mainnet,
 * 0 test) must agree with the prefix, and the network a request names must agree with both.
 *
 * @param text    the address as given
 * @param mainnet whether it is a mainnet address
 */
public record WalletAddress(String text, boolean mainnet) {

    /** Field name in requests. */
    public static final String FIELD = "wallet_address";

    private static final String MAINNET_HRP = "addr";
    private static final String TESTNET_HRP = "addr_test";
    /** Header (1 byte) + payment credential (28 bytes) at least. */
    private static final int MIN_PAYLOAD = 29;

    /**
     * Parse and check an address.
     *
     * @param field field path, for errors
     * @param text  the address
     * @return the address
     * @throws InvalidInputException naming the field when it is not a valid Cardano address
     */
    public static WalletAddress parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a bech32 address: it " + e.getMessage());
        }
        if (!text.equals(text.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidInputException(field, "must be lower case");
        }
        boolean mainnet = switch (decoded.hrp()) {
            case MAINNET_HRP -> true;
            case TESTNET_HRP -> false;
            default -> throw new InvalidInputException(field, "must start with addr1 (mainnet) or addr_test1 "
                    + "(test networks)");
        };
        byte[] data = decoded.data();
        if (data.length < MIN_PAYLOAD) {
            throw new InvalidInputException(field, "is too short for a Cardano address");
        }
        int networkId = data[0] & 0x0F;
        if (networkId != (mainnet ? 1 : 0)) {
            throw new InvalidInputException(field, "header network id " + networkId + " does not match the "
                    + decoded.hrp() + " prefix");
        }
        return new WalletAddress(text, mainnet);
    }

    /**
     * Check that a network agrees with this address.
     *
     * @param field   network field path, for errors
     * @param network the requested network
     * @throws InvalidInputException when they disagree
     */
    public void requireNetwork(String field, Network network) {
        if (mainnet != (network == Network.MAINNET)) {
            throw new InvalidInputException(field, "'" + network.id() + "' does not match the "
                    + (mainnet ? "mainnet" : "test network") + " address");
        }
    }

    /**
     * Build an address from a header byte and credentials (tests and load generation).
     *
     * @param mainnet     network
     * @param credentials 28-byte payment credential, optionally followed by a 28-byte stake credential
     * @return bech32 address
     */
    public static String encode(boolean mainnet, byte[] credentials) {
        byte[] data = new byte[credentials.length + 1];
        int type = credentials.length >= 56 ? 0x00 : 0x60;
        data[0] = (byte) (type | (mainnet ? 1 : 0));
        System.arraycopy(credentials, 0, data, 1, credentials.length);
        return Bech32.encode(mainnet ? MAINNET_HRP : TESTNET_HRP, data);
    }

    /**
     * The address for logs: prefix and last characters only.
     *
     * @return masked form
     */
    public String masked() {
        return mask(text);
    }

    /**
     * Mask any address-like string for logs.
     *
     * @param address address
     * @return masked form
     */
    public static String mask(String address) {
        if (address == null || address.length() < 16) {
            return "***";
        }
        int prefix = address.startsWith("addr_test1") ? 10 : Math.min(5, address.length());
        return address.substring(0, prefix) + "…" + address.substring(address.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
