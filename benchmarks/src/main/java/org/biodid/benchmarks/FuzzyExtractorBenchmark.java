package org.biodid.benchmarks;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biodid.biometrics.BiometricParameters;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FuzzyExtractor;
import org.biodid.biometrics.HelperData;
import org.biodid.biometrics.SubjectContext;
import org.biodid.biometrics.bch.BchCode;
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
 * The per-finger design that the fused sketch replaced ({@link FusedSketchBenchmark}), kept for comparison: Gen and
 * Rep of one finger at default parameters, one thread (one core), over a rotating set of 64 synthetic
 * fingers with realistic minutia counts (30&ndash;60 per master, default noise). Rep is measured on genuine
 * impressions (successful decoding, the usual verify path) and on impostor impressions (decoder failure).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class FuzzyExtractorBenchmark {

    private static final int FINGERS = 64;

    private final SubjectContext context = new SubjectContext("addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhs",
            "testnet");
    private FuzzyExtractor extractor;
    private BchCode.Workspace workspace;
    private FingerScan[] enrollScans;
    private FingerScan[] genuineScans;
    private FingerScan[] impostorScans;
    private HelperData[] helpers;
    private int next;

    /**
     * Builds the fingers and their helper data.
     */
    @Setup
    public void setUp() {
        extractor = new FuzzyExtractor(BiometricParameters.DEFAULT, new SecureRandom());
        workspace = extractor.code().newWorkspace();
        SyntheticFingerprints people = new SyntheticFingerprints(2026);
        SplittableRandom random = new SplittableRandom(2026);
        enrollScans = new FingerScan[FINGERS];
        genuineScans = new FingerScan[FINGERS];
        impostorScans = new FingerScan[FINGERS];
        helpers = new HelperData[FINGERS];
        for (int i = 0; i < FINGERS; i++) {
            enrollScans[i] = scan(people, i, random);
            genuineScans[i] = scan(people, i, random);
            impostorScans[i] = scan(people, 10_000 + i, random);
            helpers[i] = extractor.generate(context, enrollScans[i]).helper();
        }
    }

    private static FingerScan scan(SyntheticFingerprints people, int index, SplittableRandom random) {
        return new FingerScan(FingerId.LEFT_INDEX,
                SyntheticFingerprints.impression(people.master(index), NoiseModel.DEFAULT, random));
    }

    /**
     * Gen of one finger: features, reliable-bit selection, random codeword, sketch, key and MAC.
     *
     * @return the generated helper and key
     */
    @Benchmark
    public FuzzyExtractor.Generated gen() {
        int i = next++ & (FINGERS - 1);
        return extractor.generate(context, enrollScans[i]);
    }

    /**
     * Rep of one finger from a genuine impression.
     *
     * @return the reproduced key
     */
    @Benchmark
    public Optional<byte[]> repGenuine() {
        int i = next++ & (FINGERS - 1);
        return extractor.reproduce(context, helpers[i], genuineScans[i], workspace);
    }

    /**
     * Rep of one finger from an impostor impression (the decoder usually reports failure).
     *
     * @return empty in almost all cases
     */
    @Benchmark
    public Optional<byte[]> repImpostor() {
        int i = next++ & (FINGERS - 1);
        return extractor.reproduce(context, helpers[i], impostorScans[i], workspace);
    }
}
