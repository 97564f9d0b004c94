package io.albqps.cloud;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived signing keys by scope (secret, date, region, service), so a request costs one HMAC
 * instead of five, as the AWS SDK's signer caches them. A key changes only with the date, so an
 * invocation's three reads and the emulator's checks of them share one derivation. The cache holds
 * a handful of scopes and starts over when full: a process signs for one or two services with one
 * set of credentials at a time.
 */
final class SigningKeyCache {
  static final int MAX_SCOPES = 16;

  private final ConcurrentHashMap<Scope, byte[]> keys = new ConcurrentHashMap<>();

  /** The key for the scope; callers must not modify it. */
  byte[] key(String secretAccessKey, String date, String region, String service) {
    Scope scope = new Scope(secretAccessKey, date, region, service);
    byte[] key = keys.get(scope);
    if (key == null) {
      key = Signer.deriveSigningKey(secretAccessKey, date, region, service);
      if (keys.size() >= MAX_SCOPES) {
        keys.clear();
      }
      keys.put(scope, key);
    }
    return key;
  }

  int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "SigningKeyCache[" + keys.size() + " scopes]";
  }

  /** A cache key; holds the secret, so its text names only the public parts. */
  private record Scope(String secretAccessKey, String date, String region, String service) {
    @Override
    public String toString() {
      return "Scope[date=" + date + ", region=" + region + ", service=" + service + "]";
    }
  }
}
