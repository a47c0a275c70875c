/**
 * INTERIM — to be replaced by sdk-core's SM2 signer ({@code org.haochaping.crypto}) when it lands.
 *
 * <p>A minimal SM2-with-SM3 {@link org.haochaping.crypto.Signer} / {@link org.haochaping.crypto.Verifier}
 * over Bouncy Castle's lightweight {@code SM2Signer} (GM/T 0009 default signer ID
 * {@code 1234567812345678}, DER signatures) and a minimal PEM reader for the key files of
 * {@code hcp qr dynamic} / {@code hcp qr verify}, so that QR codes can be signed before the SDK's own
 * crypto exists. Used by the {@code hcp qr} commands, their tests and the QR benchmarks; nothing in the
 * SDK modules depends on it.
 */
package org.haochaping.interim;
