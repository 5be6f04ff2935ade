package org.biodid.benchmarks;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FusedExtractor;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.MasterSecret;
import org.biodid.biometrics.SubjectContext;
import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
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

/**
 * Gen per 4-finger enrollment and Rep per 4-finger verification of the fused sketch (the service's design), one
 * thread, over a rotating set of 32 synthetic identities at the default noise. Rep is measured on genuine
 * impressions (successful decode, the usual verify path) and on impostor impressions (decoder failure, which is
 * also the offline attacker's trial).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class FusedSketchBenchmark {

    private static final int IDENTITIES = 32;
    private static final FingerId[] FINGERS = {FingerId.LEFT_THUMB, FingerId.LEFT_INDEX, FingerId.RIGHT_THUMB,
        FingerId.RIGHT_INDEX};

    private final SubjectContext context = new SubjectContext("addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhs",
            "testnet");
    private FusedExtractor extractor;
    /** One per identity: Gen chose each identity's t from the ladder, and a workspace belongs to one code. */
    private BchCode.Workspace[] workspaces;
    private List<List<FingerScan>> enrollScans;
    private List<List<FingerScan>> genuineScans;
    private List<List<FingerScan>> impostorScans;
    private FusedHelperData[] helpers;
    private int next;

    /**
     * Builds the identities and their helper data.
     */
    @Setup
    public void setUp() {
        extractor = new FusedExtractor(FeatureParameters.DEFAULT, new SecureRandom());
        SyntheticFingerprints people = new SyntheticFingerprints(2026);
        SplittableRandom random = new SplittableRandom(2026);
        enrollScans = new ArrayList<>();
        genuineScans = new ArrayList<>();
        impostorScans = new ArrayList<>();
        helpers = new FusedHelperData[IDENTITIES];
        workspaces = new BchCode.Workspace[IDENTITIES];
        for (int i = 0; i < IDENTITIES; i++) {
            enrollScans.add(person(people, i, random));
            genuineScans.add(person(people, i, random));
            impostorScans.add(person(people, 10_000 + i, random));
            helpers[i] = extractor.generate(context, enrollScans.get(i)).helper();
            workspaces[i] = extractor.codeOf(helpers[i]).code().newWorkspace();
        }
    }

    private static List<FingerScan> person(SyntheticFingerprints people, int index, SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>();
        for (int f = 0; f < FINGERS.length; f++) {
            scans.add(new FingerScan(FINGERS[f], SyntheticFingerprints.impression(people.master(index * 4L + f),
                    NoiseModel.DEFAULT, random)));
        }
        return scans;
    }

    /**
     * Gen of a 4-finger enrollment: features of each finger, reliable-bit selection, one random codeword of
     * BCH(1020, 265, t = 103), sketch, master secret and MAC.
     *
     * @return the generated helper and secret
     */
    @Benchmark
    public FusedExtractor.Generated gen4() {
        int i = next++ & (IDENTITIES - 1);
        return extractor.generate(context, enrollScans.get(i));
    }

    /**
     * Rep of a 4-finger verification from genuine impressions.
     *
     * @return the reproduced secret
     */
    @Benchmark
    public Optional<MasterSecret> rep4Genuine() {
        int i = next++ & (IDENTITIES - 1);
        return extractor.reproduce(context, helpers[i], genuineScans.get(i), workspaces[i]);
    }

    /**
     * Rep of a 4-finger verification from impostor impressions (decoder failure).
     *
     * @return empty in almost all cases
     */
    @Benchmark
    public Optional<MasterSecret> rep4Impostor() {
        int i = next++ & (IDENTITIES - 1);
        return extractor.reproduce(context, helpers[i], impostorScans.get(i), workspaces[i]);
    }
}
