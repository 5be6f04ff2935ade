/**
 * JMH benchmarks of the biometric core.
 */
package org.biodid.benchmarks;
