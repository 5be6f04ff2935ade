package org.biodid.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.helidon.metrics.api.Metrics;
import io.helidon.tracing.Tracer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.BiometricParameters;
import org.biodid.did.CardanoDid;
import org.biodid.did.Network;
import org.biodid.did.WalletAddress;
import org.biodid.observe.BiometricTimers;
import org.biodid.store.Database;
import org.biodid.store.DatabaseSettings;
import org.biodid.store.EnrollmentRepository;
import org.biodid.store.IdempotencyRepository;
import org.biodid.store.UsedProofRepository;
import org.biodid.testing.TestConfigs;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSealers;
import org.biodid.budget.BudgetSettings;
import org.biodid.budget.FailureBudget;
import org.biodid.store.VerifyFailureRepository;
import org.biodid.testing.TestSubjects;
import org.biodid.store.WalletChallengeRepository;
import org.biodid.wallet.ChallengePayload;
import org.biodid.wallet.Cip30Signer;
import org.biodid.wallet.Cip8Verifier;
import org.biodid.wallet.DataSignature;
import org.biodid.wallet.WalletAction;
import org.biodid.wallet.WalletProofException;
import org.biodid.wallet.WalletProofs;
import org.biodid.input.InvalidInputException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The enroll, verify and revoke rules without HTTP: the use cases on a real PostgreSQL database.
 */
class DidUseCasesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String NO_PATH = "";
    private static final String KEY = "key_test";
    private static final String REQ = "req";

    private static Database database;
    private static EnrollDid enroll;
    private static VerifyDid verify;
    private static RevokeDid revoke;
    private static EnrollDid signedEnroll;

    private static WalletProofs walletProofs(boolean required) {
        return new WalletProofs(new WalletChallengeRepository(database.client()), new Cip8Verifier(),
                                Duration.ofMinutes(5), CLOCK, new SecureRandom(), required);
    }

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(Map.of())), Duration.ofSeconds(1));
        EnrollmentRepository enrollments = new EnrollmentRepository(database.client(),
                                                                     TestSealers.sealer());
        BiometricEngine engine = new BiometricEngine(BiometricParameters.DEFAULT, new SecureRandom());
        BiometricTimers timers = new BiometricTimers(Metrics.createMeterRegistry(), Tracer.noOp());
        ObjectMapper mapper = new ObjectMapper();
        enroll = new EnrollDid(engine, timers, enrollments,
                               new IdempotencyRepository(database.client(), TestSealers.sealer()), mapper, CLOCK,
                               walletProofs(false));
        signedEnroll = new EnrollDid(engine, timers, enrollments,
                                     new IdempotencyRepository(database.client(), TestSealers.sealer()), mapper, CLOCK,
                                     walletProofs(true));
        verify = new VerifyDid(engine, timers, enrollments, new UsedProofRepository(database.client()),
                               new FailureBudget(new VerifyFailureRepository(database.client()), BudgetSettings.from(
                                       TestConfigs.applicationYaml(Map.of()).get("app.verify.failures")), CLOCK),
                               mapper, Duration.ofSeconds(300), CLOCK);
        revoke = new RevokeDid(enrollments, CLOCK);
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void clean() {
        TestDatabases.truncateServiceTables();
    }

    @Test
    void freshScanOfTheEnrolledFingersVerifiesUntilRevoked() {
        WalletAddress wallet = WalletAddress.parse("wallet_address", TestSubjects.wallet(1));
        EnrollAnswer enrolled = enroll.enroll(new EnrollCommand(wallet, Network.TESTNET, TestSubjects.masters(1), null),
                                              Optional.empty());
        assertThat(enrolled.status(), is(EnrollAnswer.CREATED));
        CardanoDid did = CardanoDid.parse(enrolled.did());

        Verification ok = verify.verify(new VerifyCommand(null, did, NOW.getEpochSecond(),
                                                          TestSubjects.impression(1, 7), null), NO_PATH, KEY, REQ);
        assertThat(ok.verified(), is(true));
        assertThat(ok.reason(), is(nullValue()));
        assertThat(ok.walletAddress(), is(wallet.text()));

        Verification other = verify.verify(new VerifyCommand(wallet, null, NOW.getEpochSecond(),
                                                             TestSubjects.impression(2, 7), null), NO_PATH, KEY, REQ);
        assertThat(other.verified(), is(false));
        assertThat(other.reason(), is("no_match"));

        assertThat(revoke.revoke(did).revokedAt(), is(NOW));
        Verification revoked = verify.verify(new VerifyCommand(null, did, NOW.getEpochSecond(),
                                                               TestSubjects.impression(1, 7), null), NO_PATH, KEY, REQ);
        assertThat(revoked.reason(), is("revoked"));
    }

    @Test
    void refusalsNameTheirReasonAndField() {
        WalletAddress alice = WalletAddress.parse("wallet_address", TestSubjects.wallet(3));
        WalletAddress bob = WalletAddress.parse("wallet_address", TestSubjects.wallet(4));
        CardanoDid did = CardanoDid.parse(enroll.enroll(new EnrollCommand(alice, Network.TESTNET,
                                                                          TestSubjects.masters(3), null),
                                                        Optional.empty()).did());

        IdentityException stale = assertThrows(IdentityException.class, () -> verify.verify(
                new VerifyCommand(alice, null, NOW.getEpochSecond() - 301, TestSubjects.impression(3, 1), null),
                "requests[2]", KEY, REQ));
        assertThat(stale.reason(), is(IdentityException.Reason.STALE_TIMESTAMP));
        assertThat(stale.field(), is("requests[2].timestamp"));

        IdentityException unknown = assertThrows(IdentityException.class, () -> verify.verify(
                new VerifyCommand(bob, null, NOW.getEpochSecond(), TestSubjects.impression(4, 1), null),
                NO_PATH, KEY, REQ));
        assertThat(unknown.reason(), is(IdentityException.Reason.NOT_FOUND));

        InvalidInputException notHis = assertThrows(InvalidInputException.class, () -> verify.verify(
                new VerifyCommand(bob, did, NOW.getEpochSecond(), TestSubjects.impression(3, 1), null),
                NO_PATH, KEY, REQ));
        assertThat(notHis.field(), is("did"));

        IdentityException twice = assertThrows(IdentityException.class, () -> enroll.enroll(
                new EnrollCommand(alice, Network.TESTNET, TestSubjects.masters(3), null), Optional.empty()));
        assertThat(twice.reason(), is(IdentityException.Reason.ALREADY_ENROLLED));
    }

    @Test
    void enrollmentNeedsTheWalletsSignatureOverAnEnrollChallenge() {
        Cip30Signer owner = Cip30Signer.random(new SecureRandom());
        WalletAddress wallet = WalletAddress.parse("wallet_address", owner.enterpriseAddress(false));
        WalletProofException unsigned = assertThrows(WalletProofException.class, () -> signedEnroll.enroll(
                new EnrollCommand(wallet, Network.TESTNET, TestSubjects.masters(5), null), Optional.empty()));
        assertThat(unsigned.reason(), is(WalletProofException.Reason.REQUIRED));

        ChallengePayload challenge = walletProofs(true).issue(wallet, WalletAction.ENROLL);
        DataSignature signature = owner.signChallenge(wallet.text(), challenge.text());
        EnrollAnswer enrolled = signedEnroll.enroll(new EnrollCommand(wallet, Network.TESTNET,
                                                                      TestSubjects.masters(5), signature),
                                                    Optional.empty());
        assertThat(enrolled.status(), is(EnrollAnswer.CREATED));
    }
}
