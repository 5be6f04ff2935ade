/**
 * The feature transform: minutiae to a translation- and rotation-invariant pair histogram, binarized into a
 * fixed-length bit vector by reliable-cell selection.
 */
package org.biodid.biometrics.feature;
