/**
 * Command-line tools that measure the biometric pipeline on synthetic fingerprints:
 * {@link org.biodid.biometrics.eval.Evaluation} (the error-rate table of docs/biometrics.md) and
 * {@link org.biodid.biometrics.eval.FeatureStudy} (bit-error distributions used to choose parameters).
 */
package org.biodid.biometrics.eval;
