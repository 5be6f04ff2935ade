/**
 * The BioDID Gatling workloads, one {@code *Simulation} per workload: per operation (health, generate, enroll,
 * verify), the default mixed workload, normal load, the 1000-user closed model, the stress ramp and the soak.
 * Run one with {@code mvn gatling:test -Dgatling.simulationClass=<class>} (see docs/performance.md).
 */
package org.biodid.perf.simulations;
