package org.haochaping.conformance.kit;

import org.haochaping.crypto.sign.SignatureEncoding;

/** The SDK's own {@code Sm2Verifier} passes the signature TCK it ships. */
class SdkSignatureVerifierContractTest implements SignatureVerifierContract {

    private final Sm2Verification sdk = Sm2Verification.sdk();

    @Override
    public boolean verify(byte[] publicKey, byte[] signerId, byte[] message, byte[] signature,
            SignatureEncoding encoding) throws Exception {
        return sdk.verify(publicKey, signerId, message, signature, encoding);
    }
}
