package io.albqps.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used: lists every bad variable with its value (secrets masked) and
 * the allowed range, so one run shows everything to fix.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** One bad variable. */
  public static ConfigException single(String variable, String shownValue, String allowed) {
    return new ConfigException(List.of(new Problem(variable, shownValue, allowed)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    return "invalid configuration ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }

  /**
   * One bad variable: its name, the value as it may be shown (masked for secrets), and what is
   * allowed.
   */
  public record Problem(String variable, String shownValue, String allowed) {
    @Override
    public String toString() {
      return variable + "=" + shownValue + ": expected " + allowed;
    }
  }
}
