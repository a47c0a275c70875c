package org.haochaping.conformance.kit;

import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.sign.Sm2Signer;

/** The SDK's {@link Sm2Signer} passes the signer contract. */
class SdkSignerContractTest implements SignerContract {

    @Override
    public byte[] sign(String privateKeyPem, String signerId, byte[] message) {
        return Sm2Signer.builder(PemKeys.privateKey(privateKeyPem)).signerId(signerId).build().sign(message);
    }
}
