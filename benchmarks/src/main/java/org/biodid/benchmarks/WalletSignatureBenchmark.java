package org.biodid.benchmarks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.biodid.did.WalletAddress;
import org.biodid.wallet.ChallengePayload;
import org.biodid.wallet.Cip30Signer;
import org.biodid.wallet.Cip8Verifier;
import org.biodid.wallet.DataSignature;
import org.biodid.wallet.WalletAction;

/**
 * The CPU part of wallet control per enrollment: checking a CIP-30 signature over a challenge (COSE_Sign1 and
 * COSE_Key parsing, bech32 decoding, BLAKE2b-224 of the key, Ed25519 verification with the JDK) and reading the
 * payload back. The database part (insert the challenge, read and consume it) is measured over HTTP, see
 * {@code docs/api.md}. One thread, as one request runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class WalletSignatureBenchmark {

    private final Cip8Verifier verifier = new Cip8Verifier();
    private WalletAddress wallet;
    private DataSignature signature;

    /** A base address (the longest common kind) and its signature over a challenge. */
    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        Cip30Signer signer = Cip30Signer.random(random);
        String address = signer.baseAddress(false, Cip30Signer.random(random).keyHash());
        wallet = WalletAddress.parse("wallet_address", address);
        ChallengePayload challenge = new ChallengePayload(WalletAction.ENROLL, address,
                                                          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                          Instant.parse("2026-12-01T22:05:00Z"));
        signature = signer.signChallenge(address, challenge.text());
    }

    /**
     * @return the parsed payload, so the work is not eliminated
     */
    @Benchmark
    public ChallengePayload verifySignedChallenge() {
        return ChallengePayload.parse(verifier.verify(wallet, signature));
    }
}
