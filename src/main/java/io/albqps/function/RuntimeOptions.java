package io.albqps.function;

import io.albqps.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the veFaaS native/v1 runtime listens: the port the platform gives ({@code
 * _FAAS_RUNTIME_PORT}, else {@code _BYTEFAAS_RUNTIME_PORT}, else 8000), the bind address, and the
 * invocation time limit ({@code _FAAS_FUNC_TIMEOUT} seconds, else 900, veFaaS's maximum).
 */
public record RuntimeOptions(String host, int port, Duration functionTimeout, String functionName) {
  public static final int DEFAULT_PORT = 8000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(900);

  public RuntimeOptions {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    Objects.requireNonNull(functionTimeout, "functionTimeout");
    if (functionTimeout.isNegative() || functionTimeout.isZero()) {
      throw new IllegalArgumentException(
          "functionTimeout must be positive, got " + functionTimeout);
    }
    Objects.requireNonNull(functionName, "functionName");
  }

  /** The options from the platform's variables, bound to {@code 0.0.0.0}. */
  public static RuntimeOptions fromEnvironment(Map<String, String> env) throws ConfigException {
    int port = DEFAULT_PORT;
    for (String name : new String[] {"_FAAS_RUNTIME_PORT", "_BYTEFAAS_RUNTIME_PORT"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        port = number(name, value, 1, 65535);
        break;
      }
    }
    Duration timeout = DEFAULT_TIMEOUT;
    String seconds = env.get("_FAAS_FUNC_TIMEOUT");
    if (seconds != null && !seconds.isBlank()) {
      timeout = Duration.ofSeconds(number("_FAAS_FUNC_TIMEOUT", seconds, 1, 900));
    }
    String name = env.getOrDefault("_FAAS_FUNC_NAME", "alb-qps-autoscaler");
    return new RuntimeOptions(
        "0.0.0.0", port, timeout, name.isBlank() ? "alb-qps-autoscaler" : name);
  }

  /** This configuration on another address and port (tests: loopback, ephemeral). */
  public RuntimeOptions at(String newHost, int newPort) {
    return new RuntimeOptions(newHost, newPort, functionTimeout, functionName);
  }

  private static int number(String name, String value, int min, int max) throws ConfigException {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw ConfigException.single(name, value, "an integer in [" + min + ", " + max + "]");
  }
}
