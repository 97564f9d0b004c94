package io.albqps.function;

import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens the cloud APIs for one invocation: with the configured keys, or else the role credentials
 * the platform passed, and never retrying past the invocation's deadline. The clients behind it are
 * built once per process; binding is cheap.
 */
@FunctionalInterface
public interface CloudConnector {

  /**
   * The APIs for one invocation.
   *
   * @throws ConfigException when neither configured keys nor role credentials are available
   */
  CloudApis connect(Optional<Credentials> roleCredentials, Instant deadline) throws ConfigException;

  /**
   * Builds ahead of time what the first {@link #connect} would build (HTTP client, TLS trust
   * store), where that needs no invocation's credentials; makes no call. Safe to run concurrently
   * with {@code connect}.
   */
  default void prepare() {}

  /** Always the same APIs, whatever the invocation: for tests and the simulator. */
  static CloudConnector fixed(CloudApis apis) {
    return (roleCredentials, deadline) -> apis;
  }
}
