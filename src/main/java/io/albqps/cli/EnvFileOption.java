package io.albqps.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --env-file} option every command takes (mixed in). */
public final class EnvFileOption {
  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description = "dotenv file with settings; the process environment overrides it")
  Path envFile;

  /** The file, or null when the option was not given. */
  public Path path() {
    return envFile;
  }
}
