package org.biodid.perf.support;

import org.biodid.perf.model.Summaries;
import org.biodid.perf.model.RunSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.crypto.Blake2b;
import org.biodid.did.Bech32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessPartsTest {

    @Test
    void procStatParsingSurvivesCommandNamesWithSpacesAndParentheses() {
        String stat = "4242 (java (svc) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
        assertEquals(1234 + 567, ResourceSampler.parseCpuTicks(stat));
    }

    @Test
    void theSamplerReadsARealProcess() throws Exception {
        try (ResourceSampler sampler = ResourceSampler.start(ProcessHandle.current().pid())) {
            long deadline = System.currentTimeMillis() + 5000;
            while (sampler.samples().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            ResourceSampler.Sample sample = sampler.samples().getFirst();
            assertTrue(sample.rssMb() > 10, "RSS " + sample.rssMb());
            assertTrue(sample.cpuPercentOfCore() >= 0);
        }
    }

    @Test
    void simulatedWalletsHaveTestnetBaseAddressesOfTheirOwnKeys() {
        String address = Dids.wallet(1, 2).address();
        assertTrue(address.startsWith("addr_test1qz") || address.startsWith("addr_test1q"), address);
        assertEquals(9 + 1 + 92 + 6, address.length()); // hrp, separator, 57 bytes in 5-bit words, checksum
        assertNotEquals(address, Dids.wallet(1, 3).address());
        assertEquals(address, Dids.wallet(1, 2).address());
        // the payment credential is the wallet key's hash, as the service checks a signature against it
        byte[] payment = Arrays.copyOfRange(Bech32.decode(address).data(), 1, 29);
        assertEquals(HexFormat.of().formatHex(Blake2b.hash(28, Dids.wallet(1, 2).signer().publicKey())),
                     HexFormat.of().formatHex(payment));
    }

    @Test
    void expectedDidIsBase58OfBlake2b256() {
        // BLAKE2b-256 of "abc" is bddd813c…; its base58btc is the DID's method-specific id (Python hashlib + base58
        // the project), so the checks' expected DID cannot drift with the code it checks.
        assertEquals("did:cardano:testnet:Dn9xPBUXJFekp781C1MnMWkiXGJ3aB3H5Cca37nUWBSp",
                     Dids.expectedDid("abc".getBytes(StandardCharsets.US_ASCII), "testnet"));
    }

    @Test
    void genuineImpressionsReproduceTheProofKeyWithTheProjectsClientCode() {
        ProjectFingerprints prints = new ProjectFingerprints(7, 1.0);
        String wallet = Dids.wallet(1, 3).address();
        List<FingerScan> enrolled = List.of(
                new FingerScan(FingerId.LEFT_THUMB, prints.impression(3, 0, new SplittableRandom(1))),
                new FingerScan(FingerId.LEFT_INDEX, prints.impression(3, 1, new SplittableRandom(1))));
        Enrollment enrollment = BiometricEngine.create().enroll(wallet, "testnet", enrolled);
        IdentityPool.Enrolled identity = new IdentityPool.Enrolled(3, wallet, "did:cardano:testnet:x",
                                                                   enrollment.helper().toBase64Url());
        ClientProofs proofs = new ClientProofs();

        int reproduced = 0;
        for (int attempt = 2; attempt < 12; attempt++) {
            List<FingerScan> fresh = List.of(
                    new FingerScan(FingerId.LEFT_THUMB, prints.impression(3, 0, new SplittableRandom(attempt))),
                    new FingerScan(FingerId.LEFT_INDEX, prints.impression(3, 1, new SplittableRandom(attempt))));
            var key = proofs.reproduceProofKey(identity, "testnet", fresh);
            if (key.isPresent()) {
                reproduced++;
                assertEquals(HexFormat.of().formatHex(enrollment.proofKey()), HexFormat.of().formatHex(key.get()));
            }
        }
        assertTrue(reproduced >= 8, "genuine reproductions " + reproduced + "/10");
        List<FingerScan> impostor = List.of(
                new FingerScan(FingerId.LEFT_THUMB, prints.impression(1L << 40, 0, new SplittableRandom(1))),
                new FingerScan(FingerId.LEFT_INDEX, prints.impression(1L << 40, 1, new SplittableRandom(1))));
        assertTrue(proofs.reproduceProofKey(identity, "testnet", impostor).isEmpty());
        assertEquals(64, ClientProofs.proof(enrollment.proofKey(), wallet, "testnet", 1_700_000_000L).length());
        assertNotEquals(ClientProofs.proof(enrollment.proofKey(), wallet, "testnet", 1_700_000_000L),
                        ClientProofs.proof(enrollment.proofKey(), wallet, "testnet", 1_700_000_001L));
    }

    @Test
    void proofTimestampsOfOneIdentityNeverRepeat() {
        IdentityPool.Enrolled identity = new IdentityPool.Enrolled(1, "w", "d", "");
        assertEquals(100, identity.nextProofTimestamp(100));
        assertEquals(101, identity.nextProofTimestamp(100));
        assertEquals(102, identity.nextProofTimestamp(99));
        assertEquals(200, identity.nextProofTimestamp(200));
    }

    @Test
    void theGateFailsABuildInWhichNoSimulationRan(@TempDir Path dir) throws IOException {
        Instant buildStart = Instant.now().minusSeconds(1);
        assertTrue(RunGate.check(dir.resolve("missing"), buildStart, false).contains("no simulation ran"));
        assertTrue(RunGate.check(dir, buildStart, false).contains("no simulation ran"));

        Summaries.summary("old", "mixed", true, Instant.now(), 1, 7).write(dir.resolve("old.json"));
        assertTrue(RunGate.check(dir, Instant.now().plusSeconds(60), false).contains("no simulation ran"));
        assertNull(RunGate.check(dir, buildStart, false));

        Summaries.summary("bad", "mixed", false, Instant.now(), 1, 7).write(dir.resolve("bad.json"));
        // the gate judges the newest summary; file times have a kernel tick's resolution, so within one tick the
        // two files would tie and either could count as the last
        Files.setLastModifiedTime(dir.resolve("bad.json"), FileTime.from(Instant.now().plusSeconds(1)));
        assertTrue(RunGate.check(dir, buildStart, false).startsWith("performance gate FAILED"));
    }

    @Test
    void theGateTellsInconclusiveFromFailAndJudgesTheReRun(@TempDir Path dir) throws Exception {
        Instant buildStart = Instant.now().minusSeconds(1);
        RunSummary first = Summaries.summary("first", "mixed", false, Instant.now(), 1, 70);
        Summaries.withVerdict(first, "inconclusive", List.of("health.p95 = 70.0, target < 20.0",
                                                             "foreign CPU 48.0 % of the machine"))
                .write(dir.resolve("first.json"));
        String inconclusive = RunGate.check(dir, buildStart, false);
        assertTrue(inconclusive.startsWith("performance gate INCONCLUSIVE"), inconclusive);
        assertTrue(inconclusive.contains("foreign CPU 48.0 %"), inconclusive);
        assertNull(RunGate.check(dir, buildStart, true)); // allowed: reported, not failed
        Thread.sleep(20); // the re-run's summary is the newer file
        Summaries.summary("rerun", "mixed", true, Instant.now(), 1, 7).write(dir.resolve("rerun.json"));
        Files.setLastModifiedTime(dir.resolve("rerun.json"),
                                  java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(1)));
        assertNull(RunGate.check(dir, buildStart, false)); // the re-run passed
        Summaries.summary("rerun", "mixed", false, Instant.now(), 1, 70).write(dir.resolve("rerun.json"));
        Files.setLastModifiedTime(dir.resolve("rerun.json"),
                                  java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(1)));
        String failed = RunGate.check(dir, buildStart, true);
        assertTrue(failed.startsWith("performance gate FAILED after an automatic re-run"), failed);
    }

    @Test
    void theSummaryRoundTripsThroughJson(@TempDir Path dir) throws Exception {
        RunSummary summary = Summaries.summary("x", "mixed", true, Instant.parse("2026-11-28T01:00:00Z"), 1, 7);
        Path file = dir.resolve("x.json");
        summary.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"p95_ms\" : 7"), json);
        assertTrue(json.contains("\"throughput_rps\""), json);
        assertTrue(json.contains("\"cpu_avg_percent\" : 35.5"), json);
        RunSummary back = RunSummary.read(file);
        assertEquals(summary.operations(), back.operations());
        assertEquals(summary.targets(), back.targets());
        assertEquals(summary.checks(), back.checks());
    }
}
