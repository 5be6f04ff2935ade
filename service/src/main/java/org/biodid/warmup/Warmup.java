package org.biodid.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;
import org.biodid.store.Database;

/**
 * Makes the first requests as fast as later ones: before the server takes traffic, opens every database connection
 * and runs the biometric engine on made-up fingers.
 * <p>
 * A fresh JVM runs the feature transform and the BCH decoder interpreted, at 10-20 times their compiled cost, and
 * HikariCP opens its connections one by one on first use. On a small machine the first seconds of traffic then
 * queue behind both, and the pools run dry (the performance gate saw 503s within 5 s of start on two cores).
 * Enrolling and verifying synthetic subjects lets the JIT compile those paths first. The fingers are random points,
 * not people: nothing is stored.
 */
public final class Warmup {

    private static final System.Logger LOGGER = System.getLogger(Warmup.class.getName());
    private static final String WALLET = "addr_test1vz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzers66hrl8";
    /** The fingers of the made-up subjects (also the warm-up over HTTP's). */
    static final List<FingerId> FINGERS = List.of(FingerId.LEFT_THUMB, FingerId.LEFT_INDEX,
                                                          FingerId.RIGHT_THUMB, FingerId.RIGHT_INDEX);
    private static final int MINUTIAE = 40;
    /** Enrollments between waits for an idle JIT compiler (see {@link JitCompiler}). */
    private static final int PACE = 50;

    private final Database database;
    private final BiometricEngine engine;
    private final int rounds;
    private final Duration budget;

    /**
     * @param database the database whose pools to open
     * @param engine   the engine the requests will use
     * @param rounds   enrollments (each verified twice: once genuine, once by another subject); 0 turns warm-up off
     * @param budget   the longest the biometric part may take, whatever the rounds
     */
    public Warmup(Database database, BiometricEngine engine, int rounds, Duration budget) {
        this.database = database;
        this.engine = engine;
        this.rounds = rounds;
        this.budget = budget;
    }

    /**
     * Warm up: open the connections, then run the engine within the budget.
     *
     * @return biometric rounds done
     */
    public int run() {
        if (rounds <= 0) {
            return 0;
        }
        long opening = System.nanoTime();
        int connections = database.openConnections();
        LOGGER.log(System.Logger.Level.INFO, String.format("Warm-up: %d database connections open in %d ms",
                                                           connections, (System.nanoTime() - opening) / 1_000_000));
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        SplittableRandom random = new SplittableRandom(20261202L);
        JitCompiler jit = new JitCompiler();
        int done = 0;
        while (done < rounds && System.nanoTime() < deadline) {
            List<FingerScan> subject = subject(random);
            Enrollment enrollment = engine.enroll(WALLET, "testnet", subject);
            engine.verify(WALLET, "testnet", enrollment.helper(), enrollment.commitment(), impression(subject, random));
            engine.verify(WALLET, "testnet", enrollment.helper(), enrollment.commitment(), subject(random));
            done++;
            if (done % PACE == 0) {
                jit.awaitIdle(deadline);
            }
        }
        LOGGER.log(System.Logger.Level.INFO, String.format("Warm-up: %d enrollments and %d verifications in "
                + "%d ms", done, 2 * done, (System.nanoTime() - start) / 1_000_000));
        return done;
    }

    private static List<FingerScan> subject(SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>(FINGERS.size());
        for (FingerId finger : FINGERS) {
            List<Minutia> points = new ArrayList<>(MINUTIAE);
            for (int i = 0; i < MINUTIAE; i++) {
                points.add(Minutia.of(100 + random.nextDouble(300), 100 + random.nextDouble(400),
                                      random.nextDouble(360)));
            }
            scans.add(new FingerScan(finger, points));
        }
        return scans;
    }

    /** The same fingers seen again: every point moved a little, as a second capture would. */
    private static List<FingerScan> impression(List<FingerScan> subject, SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>(subject.size());
        for (FingerScan scan : subject) {
            List<Minutia> points = new ArrayList<>(scan.minutiae().size());
            for (Minutia m : scan.minutiae()) {
                points.add(Minutia.of(m.x() + random.nextDouble(-2, 2), m.y() + random.nextDouble(-2, 2),
                                      (m.angle() + 360 + random.nextDouble(-3, 3)) % 360));
            }
            scans.add(new FingerScan(scan.finger(), points));
        }
        return scans;
    }
}
