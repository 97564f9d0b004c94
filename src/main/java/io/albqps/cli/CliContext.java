package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.DotEnv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every command receives from the entry point: its output streams, the process environment and
 * a clock. Commands never read the process environment or the standard streams themselves, so tests
 * drive them with {@code StringWriter}s and maps.
 */
public record CliContext(
    PrintWriter out, PrintWriter err, Map<String, String> processEnv, Clock clock) {
  public CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    processEnv = Map.copyOf(processEnv);
    Objects.requireNonNull(clock, "clock");
  }

  /** The environment for settings: the dotenv file's values (if any), overridden by the process. */
  public Map<String, String> environment(Path envFile) throws ConfigException {
    Map<String, String> merged = new LinkedHashMap<>();
    if (envFile != null) {
      merged.putAll(DotEnv.read(envFile));
    }
    merged.putAll(processEnv);
    return merged;
  }
}
