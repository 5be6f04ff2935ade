/**
 * Synthetic fingerprints: seeded master fingers and noisy impressions, for tests, the evaluation and
 * the load tests.
 */
package org.biodid.biometrics.synthetic;
