package io.albqps.config;

import java.util.Objects;

/**
 * One variable's effective value as it may be shown (masked for secrets; empty when unset) and
 * where it came from.
 */
public record SourcedValue(Variable variable, String shownValue, Source source) {
  public SourcedValue {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(shownValue, "shownValue");
    Objects.requireNonNull(source, "source");
  }
}
