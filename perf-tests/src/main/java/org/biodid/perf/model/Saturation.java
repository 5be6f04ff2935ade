package org.biodid.perf.model;

/**
 * How the machine's CPU was shared in the last seconds of a run: the whole machine, the service, the load generator
 * and PostgreSQL, each in percent of all cores.
 * <p>
 * On a small machine the load generator and PostgreSQL run beside the service. When together they fill the machine,
 * the generator's timings include its own wait for a CPU, and the service cannot be given what the offered rate
 * needs however fast it is: the run measured the machine, not the service (Gatling's own advice: results from an
 * injector on a saturated host are not valid). Where the service itself held most of the machine and still fell
 * behind, the service is the limit, and a miss stays a {@code fail}. What this cannot tell apart: a service that
 * needs more CPU per request than before saturates the machine too; the summary's CPU per request and the history
 * show that (docs/performance.md, "Verdicts and noise").
 *
 * @param machineBusyPercent the machine's busy CPU
 * @param servicePercent the service's CPU
 * @param generatorPercent the load generator's CPU
 * @param postgresPercent PostgreSQL's CPU
 */
public record Saturation(double machineBusyPercent, double servicePercent, double generatorPercent,
                         double postgresPercent) {

    /** The machine counts as full from this busy share on. */
    public static final double FULL_MACHINE_PERCENT = 95;
    /** A service holding this share of a full machine had it mostly to itself: falling behind is its own limit. */
    public static final double SERVICE_OWNS_MACHINE_PERCENT = 75;

    /**
     * @return whether the machine, not the service, limited the run
     */
    public boolean machineLimited() {
        return machineBusyPercent >= FULL_MACHINE_PERCENT && servicePercent < SERVICE_OWNS_MACHINE_PERCENT;
    }

    /**
     * @return the reason, with the numbers
     */
    public String reason() {
        return "the machine was full (" + OperationStats.round(machineBusyPercent, 1) + " % busy in the last seconds;"
                + " service " + OperationStats.round(servicePercent, 1) + " %, load generator "
                + OperationStats.round(generatorPercent, 1) + " %, PostgreSQL " + OperationStats.round(postgresPercent, 1)
                + " % of the machine): with the generator and the database beside it, the service could not be given"
                + " the CPU this rate needs, and the generator's timings include its own wait for a CPU";
    }
}
