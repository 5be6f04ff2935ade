package org.biodid.did;

import org.biodid.input.InvalidInputException;

/**
 * The Cardano networks a DID can name.
 * <p>
 * The new API writes the real network name into the DID ({@code did:cardano:preprod:…}). The original
 * Python toolkit only knew {@code mainnet}, {@code testnet} and {@code preprod}, and wrote
 * {@code preprod} as {@code testnet}; {@link #compatDidName()} reproduces that for the compatibility
 * routes (and extends it to {@code preview}, which the original rejected, since it is also a test
 * network).
 */
public enum Network {
    /** The Cardano main network. */
    MAINNET("mainnet"),
    /** The legacy public test network. */
    TESTNET("testnet"),
    /** The pre-production test network. */
    PREPROD("preprod"),
    /** The preview test network. */
    PREVIEW("preview");

    /** Name of the request field that carries a network, used in error reports. */
    public static final String FIELD = "network";

    private final String id;

    Network(String id) {
        this.id = id;
    }

    /**
     * Parses a lower-case network name.
     *
     * @param name {@code mainnet}, {@code testnet}, {@code preprod} or {@code preview}
     * @return the network
     * @throws InvalidInputException naming the field {@code network} if the name is unknown or
     *                               {@code null}
     */
    public static Network parse(String name) {
        Network network = name == null ? null : find(name);
        if (network != null) {
            return network;
        }
        throw new InvalidInputException(FIELD, "must be one of mainnet, testnet, preprod, preview");
    }

    /**
     * The lower-case name, as written in requests and in DIDs of the new API.
     *
     * @return the network name
     */
    public String id() {
        return id;
    }

    /**
     * The name the original Python toolkit writes into a DID for this network: the test networks
     * other than {@code testnet} itself are written as {@code testnet}.
     *
     * @return {@code mainnet} or {@code testnet}
     */
    public String compatDidName() {
        return this == MAINNET ? MAINNET.id : TESTNET.id;
    }

    /**
     * Whether this is a test network (addresses start with {@code addr_test1}).
     *
     * @return {@code true} for every network but {@link #MAINNET}
     */
    public boolean isTestNetwork() {
        return this != MAINNET;
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * Looks a network up by its lower-case name.
     *
     * @return the network, or {@code null} if there is none of that name
     */
    static Network find(String name) {
        for (Network network : values()) {
            if (network.id.equals(name)) {
                return network;
            }
        }
        return null;
    }
}
