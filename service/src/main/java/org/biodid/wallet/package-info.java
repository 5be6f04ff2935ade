/**
 * Proof that a request comes from the owner of a Cardano wallet: single-use challenges, and the CIP-30
 * {@code signData} answer over one (a CIP-8 COSE_Sign1 with its COSE_Key), checked against the wallet address.
 * <p>
 * {@link org.biodid.wallet.WalletProofs} issues and redeems challenges; {@link org.biodid.wallet.Cip8Verifier} checks
 * signatures; {@link org.biodid.wallet.Cip30Signer} is the wallet side (tests, load generation, the development
 * command {@link org.biodid.wallet.DevWallet}).
 */
package org.biodid.wallet;
