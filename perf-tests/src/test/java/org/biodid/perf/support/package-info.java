/**
 * The harness around the simulations: targets file and generated assertions ({@link org.biodid.perf.model.Targets},
 * {@link org.biodid.perf.support.PerfRun}), request chains and feeders ({@link org.biodid.perf.support.Chains}),
 * the service process and its /proc sampler, the run summary, the history (PostgreSQL or CSV) with the baseline
 * comparison, and the run gate of {@code mvn -Pperf verify}.
 */
package org.biodid.perf.support;
