package mx.supplierportal.signup;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the CSD private keys the portal keeps (AES-256-GCM, a fresh 96-bit nonce each time, the account's id as
 * associated data so a key cannot be moved to another account's row) with the installation's key from
 * configuration ({@code portal.self-registration.csd-encryption-key}, 32 bytes in base64). Without that setting the
 * portal keeps no CSD.
 */
@Component
class KeyVault {

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    KeyVault(@Value("${portal.self-registration.csd-encryption-key:}") String base64) {
        if (base64 == null || base64.isBlank()) {
            this.key = null;
            return;
        }
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("portal.self-registration.csd-encryption-key must be 32 bytes in base64, "
                    + "e.g. `openssl rand -base64 32`; it has " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    boolean configured() {
        return key != null;
    }

    byte[] seal(byte[] plain, long accountId) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(accountId).array());
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the CSD key", e);
        }
    }

    byte[] open(byte[] sealed, long accountId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(accountId).array());
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the CSD key of account " + accountId, e);
        }
    }

    private SecretKeySpec requireKey() {
        if (key == null) {
            throw new IllegalStateException("portal.self-registration.csd-encryption-key is not set");
        }
        return key;
    }
}
