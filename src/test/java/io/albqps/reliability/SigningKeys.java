package io.albqps.reliability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The BytePlus signing key derived from a secret, computed here independently of the production
 * signer (raw secret, then date, region, service and "request"), so the log scan can look for it.
 */
final class SigningKeys {
  private SigningKeys() {}

  static byte[] derive(String secret, String yyyymmdd, String region, String service) {
    byte[] kDate = hmac(secret.getBytes(StandardCharsets.UTF_8), yyyymmdd);
    return hmac(hmac(hmac(kDate, region), service), "request");
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
