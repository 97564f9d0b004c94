package io.albqps.cloud;

import java.util.Objects;
import java.util.Optional;

/**
 * An access key pair, with a session token for role (STS) credentials. {@link #toString} shows only
 * the key id: the secret and token never reach a log line.
 */
public record Credentials(
    String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
  public Credentials {
    if (accessKeyId == null || accessKeyId.isBlank()) {
      throw new IllegalArgumentException("accessKeyId is empty");
    }
    if (secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("secretAccessKey is empty");
    }
    Objects.requireNonNull(sessionToken, "sessionToken");
  }

  /** Long-lived keys without a session token. */
  public static Credentials of(String accessKeyId, String secretAccessKey) {
    return new Credentials(accessKeyId, secretAccessKey, Optional.empty());
  }

  @Override
  public String toString() {
    return "Credentials[accessKeyId="
        + accessKeyId
        + ", secretAccessKey=***"
        + (sessionToken.isPresent() ? ", sessionToken=***" : "")
        + "]";
  }
}
