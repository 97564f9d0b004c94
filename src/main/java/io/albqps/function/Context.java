package io.albqps.function;

import io.albqps.cloud.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What the platform says about one invocation, in the shape of aws-lambda-java-core's {@code
 * Context}: request id, function name, deadline, a logger, and the role credentials veFaaS passes
 * in {@code X-Faas-*} headers.
 */
public interface Context {

  /** The platform's request id; the response's {@code execution_id}. */
  String requestId();

  String functionName();

  /** When the platform stops waiting for this invocation. */
  Instant deadline();

  /** Time left until {@link #deadline()}; zero once it has passed. */
  Duration remainingTime();

  Logger logger();

  /** Temporary credentials of the function's role, when the platform passed them. */
  Optional<Credentials> roleCredentials();
}
