package io.albqps.function;

import io.albqps.cloud.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Context} the runtime and the CLI build for each invocation; remaining time is measured
 * on the given clock, so a virtual clock gives virtual deadlines.
 */
public record InvocationContext(
    String requestId,
    String functionName,
    Instant deadline,
    Optional<Credentials> roleCredentials,
    Clock clock)
    implements Context {
  private static final Logger LOG = LoggerFactory.getLogger("io.albqps.function.invocation");

  public InvocationContext {
    if (requestId == null || requestId.isBlank()) {
      throw new IllegalArgumentException("requestId is empty");
    }
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(roleCredentials, "roleCredentials");
    Objects.requireNonNull(clock, "clock");
  }

  /** A context without role credentials that must finish within {@code timeout} from now. */
  public static InvocationContext of(
      String requestId, String functionName, Duration timeout, Clock clock) {
    return new InvocationContext(
        requestId, functionName, clock.instant().plus(timeout), Optional.empty(), clock);
  }

  /** This context with the role credentials the platform passed. */
  public InvocationContext withRoleCredentials(Credentials credentials) {
    return new InvocationContext(
        requestId, functionName, deadline, Optional.of(credentials), clock);
  }

  @Override
  public Duration remainingTime() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Override
  public Logger logger() {
    return LOG;
  }
}
