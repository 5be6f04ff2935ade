/**
 * Compatibility routes for clients of the original Python servers ({@code POST /api/biometric/generate}
 * and {@code /verify}, issue #7).
 * <p>
 * These routes reproduce the original's answers byte for byte ({@code did}, {@code id_hash}, helper
 * values) and therefore inherit its weaknesses: the helper data depends on the finger id only and
 * verify checks no biometrics. They are off by default and never touch the database. The pure
 * derivations live in {@link org.biodid.compat.CompatDerivation}; {@link org.biodid.compat.PythonFloats}
 * and {@link org.biodid.compat.PythonJson} reproduce the Python text the commitment hashes.
 */
package org.biodid.compat;
