/**
 * Binary BCH codes: GF(2^m) arithmetic, systematic encoding and bounded-distance decoding
 * (syndromes, Berlekamp&ndash;Massey, Chien search), used by the fuzzy extractor.
 */
package org.biodid.biometrics.bch;
