package org.biodid;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import io.helidon.config.Config;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.biodid.api.Access;
import org.biodid.api.AuditLog;
import org.biodid.api.DidResolver;
import org.biodid.api.DidService;
import org.biodid.api.WalletService;
import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.BiometricParameters;
import org.biodid.biometrics.BiometricValidation;
import org.biodid.budget.BudgetSettings;
import org.biodid.budget.FailureBudget;
import org.biodid.did.Network;
import org.biodid.identity.DidUseCases;
import org.biodid.identity.EnrollDid;
import org.biodid.identity.ListDids;
import org.biodid.identity.RevokeDid;
import org.biodid.identity.VerifyDid;
import org.biodid.identity.WalletOwnerActions;
import org.biodid.observe.BiometricTimers;
import org.biodid.secrets.Sealer;
import org.biodid.store.Database;
import org.biodid.store.EnrollmentRepository;
import org.biodid.store.IdempotencyRepository;
import org.biodid.store.UsedProofRepository;
import org.biodid.store.VerifyFailureRepository;
import org.biodid.store.WalletChallengeRepository;
import org.biodid.wallet.Cip8Verifier;
import org.biodid.wallet.WalletProofs;
import org.biodid.warmup.Warmup;

/**
 * The DID use cases and the two HTTP services over them ({@code /api/v1/did}, {@code /api/v1/wallet}), built from
 * configuration. Part of {@link Wiring}: the DID and wallet services share one access control, one set of wallet
 * proofs and one revocation, so they are built together.
 *
 * @param did    the DID API
 * @param wallet the wallet-control API
 * @param warmup the start-up run of their biometric engine
 */
record ApiServices(DidService did, WalletService wallet, Warmup warmup) {

    private static final System.Logger LOGGER = System.getLogger(ApiServices.class.getName());
    /** The fewest fingers whose fused code has no check that concerns one finger alone. */
    private static final int SAFE_MIN_FINGERS = 4;

    @SuppressWarnings("checkstyle:ParameterNumber") // the composition root's one wide call
    static ApiServices create(Config config, Database database, EnrollmentRepository enrollments, Sealer sealer,
                              Access access, DidResolver resolver, BiometricTimers timers, AuditLog auditLog,
                              ObjectMapper json, Network defaultNetwork, Clock clock) {
        BiometricEngine engine = new BiometricEngine(BiometricParameters.DEFAULT, new SecureRandom());
        Duration freshness = config.get("app.verify.freshness").as(Duration.class).get();
        WalletProofs walletProofs = walletProofs(config, database, clock);
        RevokeDid revoke = new RevokeDid(enrollments, clock);
        DidUseCases useCases = new DidUseCases(
                new EnrollDid(engine, timers, enrollments, new IdempotencyRepository(database.client(), sealer),
                              json, clock, walletProofs),
                new VerifyDid(engine, timers, enrollments, new UsedProofRepository(database.counters()),
                              new FailureBudget(new VerifyFailureRepository(database.counters()),
                                                BudgetSettings.from(config.get("app.verify.failures")), clock),
                              json, freshness, clock),
                revoke,
                new ListDids(enrollments));
        WalletService wallet = new WalletService(access, walletProofs,
                                                 new WalletOwnerActions(walletProofs, enrollments, revoke), auditLog,
                                                 json);
        Warmup warmup = new Warmup(database, engine, config.get("app.warmup.rounds").asInt().get(),
                                                     config.get("app.warmup.budget").as(Duration.class).get());
        return new ApiServices(new DidService(useCases, access, resolver, auditLog, defaultNetwork,
                                              minEnrollFingers(config), json), wallet, warmup);
    }

    /**
     * Fewer fingers make a weaker secret: the fused code keeps checks on a single finger below 4 fingers, so helper
     * data can then be attacked finger by finger, and online guessing succeeds far more often (docs/security.md §3).
     */
    static int minEnrollFingers(Config config) {
        int min = config.get("app.enroll.min.fingers").asInt().get();
        if (min < BiometricValidation.MIN_FINGERS || min > BiometricValidation.MAX_FINGERS) {
            throw new IllegalStateException("APP_ENROLL_MIN_FINGERS must be from " + BiometricValidation.MIN_FINGERS
                                                    + " to " + BiometricValidation.MAX_FINGERS + ", not " + min);
        }
        if (min < SAFE_MIN_FINGERS) {
            if (production(config)) {
                throw new IllegalStateException("The production profile refuses APP_ENROLL_MIN_FINGERS=" + min
                        + ": enrollments of fewer than " + SAFE_MIN_FINGERS + " fingers can be guessed finger by finger");
            }
            LOGGER.log(System.Logger.Level.WARNING, "APP_ENROLL_MIN_FINGERS=" + min + ": enrollments of fewer than "
                    + SAFE_MIN_FINGERS + " fingers are accepted; they are much weaker against guessing. Development only.");
        }
        return min;
    }

    /**
     * @param config root configuration
     * @return whether the service runs under the production profile ({@code APP_PROFILE=production})
     */
    static boolean production(Config config) {
        return "production".equalsIgnoreCase(config.get("app.profile").asString().get());
    }

    private static WalletProofs walletProofs(Config config, Database database, Clock clock) {
        boolean production = production(config);
        boolean required = config.get("app.require.wallet.signature").asBoolean().get();
        if (!required) {
            if (production) {
                throw new IllegalStateException("The production profile refuses APP_REQUIRE_WALLET_SIGNATURE=false: "
                                                        + "anyone with an enroll key could bind fingers to any wallet");
            }
            LOGGER.log(System.Logger.Level.WARNING, "APP_REQUIRE_WALLET_SIGNATURE=false: enrollment does NOT require "
                    + "the wallet's signature; anyone with an enroll key can enroll any wallet. Development only.");
        }
        return new WalletProofs(new WalletChallengeRepository(database.counters()), new Cip8Verifier(),
                                config.get("app.wallet.challenge.ttl").as(Duration.class).get(),
                                clock, new SecureRandom(), required);
    }
}
