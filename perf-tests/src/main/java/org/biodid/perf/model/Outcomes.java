package org.biodid.perf.model;

/**
 * How the measured requests ended, beyond OK/KO. A KO is a fault of the server or a wrong answer; a genuine
 * fresh capture that the biometrics reject is neither: it is the matcher's false-reject rate under load, counted
 * here and never as an error.
 *
 * @param serverFaults KOs with a 5xx status, a timeout or no response
 * @param wrongAnswers KOs with a wrong status or body (an impostor accepted among them)
 * @param impostorsAccepted impostor verifications answered {@code verified: true}
 * @param genuineCaptures verifications sending a genuine fresh capture ({@code fingers} form)
 * @param biometricRejects of those, answered {@code verified: false}
 * @param frrUnderLoadPercent biometricRejects / genuineCaptures × 100
 */
public record Outcomes(long serverFaults, long wrongAnswers, long impostorsAccepted, long genuineCaptures,
                       long biometricRejects, double frrUnderLoadPercent) {

    /**
     * Outcomes with the rate computed.
     *
     * @param serverFaults server faults
     * @param wrongAnswers wrong answers
     * @param impostorsAccepted impostors accepted
     * @param genuineCaptures genuine capture verifications
     * @param biometricRejects their rejections
     * @return outcomes
     */
    public static Outcomes of(long serverFaults, long wrongAnswers, long impostorsAccepted, long genuineCaptures,
                              long biometricRejects) {
        return new Outcomes(serverFaults, wrongAnswers, impostorsAccepted, genuineCaptures, biometricRejects,
                            genuineCaptures == 0 ? 0 : OperationStats.round(100.0 * biometricRejects / genuineCaptures, 4));
    }
}
