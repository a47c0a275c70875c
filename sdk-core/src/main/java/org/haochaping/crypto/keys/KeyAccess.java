package org.haochaping.crypto.keys;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.haochaping.crypto.internal.BouncyCastleKeys;

/** The keys package's side of {@link BouncyCastleKeys}: installed once by {@link PrivateKeyMaterial}. */
final class KeyAccess implements BouncyCastleKeys.Access {

    @Override
    public PrivateKeyMaterial privateKey(AsymmetricKeyParameter key) {
        return PrivateKeyMaterial.of(key);
    }

    @Override
    public PublicKeyMaterial publicKey(AsymmetricKeyParameter key) {
        return PublicKeyMaterial.of(key);
    }

    @Override
    public AsymmetricKeyParameter parameters(PrivateKeyMaterial key) {
        return key.parameters();
    }

    @Override
    public AsymmetricKeyParameter parameters(PublicKeyMaterial key) {
        return key.parameters();
    }
}
