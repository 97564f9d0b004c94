package io.albqps.config;

import io.albqps.config.ConfigException.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values of {@link Variable}s from the environment, a preset and the defaults, in that
 * order, recording where each came from and every problem instead of stopping at the first. A value
 * that is absent from the returned {@code Optional} always has a problem recorded, except for an
 * unset optional variable.
 */
final class EnvReader {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

  private final Map<String, String> env;
  private final Map<String, String> preset;
  private final String presetName;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Variable> bad = EnumSet.noneOf(Variable.class);
  private final Map<Variable, SourcedValue> sources = new EnumMap<>(Variable.class);

  /** A raw value (stripped; empty when unset) and where it came from. */
  record Raw(String value, Source source) {}

  EnvReader(Map<String, String> env, Map<String, String> preset, String presetName) {
    this.env = env;
    this.preset = preset;
    this.presetName = presetName;
  }

  Raw raw(Variable variable) {
    String name = variable.envName();
    String explicit = env.get(name);
    if (explicit != null) {
      return new Raw(explicit.strip(), Source.ENV);
    }
    String fromPreset = preset.get(name);
    if (fromPreset != null) {
      return new Raw(fromPreset.strip(), Source.PRESET);
    }
    boolean literalDefault = variable.presence() != Variable.Presence.DERIVED;
    String fallback = literalDefault ? variable.documentedDefault().orElse("") : "";
    return new Raw(fallback, Source.DEFAULT);
  }

  /** Whether the variable has a non-empty value (set, preset or defaulted). */
  boolean isSet(Variable variable) {
    return !raw(variable).value().isEmpty();
  }

  /** Whether none of {@code variables} had a problem so far; guards cross-checks. */
  boolean ok(Variable... variables) {
    for (Variable variable : variables) {
      if (bad.contains(variable)) {
        return false;
      }
    }
    return true;
  }

  /** A value turned into {@code T} by {@code parser} (empty = not allowed). */
  <T> Optional<T> parsed(Variable variable, Function<String, Optional<T>> parser) {
    Raw raw = raw(variable);
    note(variable, raw, variable.show(raw.value()));
    if (raw.value().isEmpty()) {
      if (variable.presence() != Variable.Presence.OPTIONAL) {
        String required = variable.presence() == Variable.Presence.REQUIRED ? " (required)" : "";
        problem(variable, variable.allowed() + required);
      }
      return Optional.empty();
    }
    Optional<T> value = parser.apply(raw.value());
    if (value.isEmpty()) {
      problem(variable, variable.allowed());
    }
    return value;
  }

  Optional<String> matching(Variable variable, Pattern pattern) {
    return parsed(
        variable,
        value -> pattern.matcher(value).matches() ? Optional.of(value) : Optional.empty());
  }

  Optional<Integer> integer(Variable variable, int min, int max) {
    return parsed(variable, value -> parseInteger(value, min, max));
  }

  /**
   * An integer whose default is computed from other settings; {@code derivedDefault} is used when
   * the variable is not set and is what {@code validate} shows.
   */
  Optional<Integer> integerOrDerived(Variable variable, int min, int max, int derivedDefault) {
    Raw raw = raw(variable);
    if (raw.source() == Source.DEFAULT) {
      note(variable, raw, Integer.toString(derivedDefault));
      return Optional.of(derivedDefault);
    }
    return integer(variable, min, max);
  }

  /**
   * A number whose default is another setting's value; {@code derivedDefault} is used when the
   * variable is not set and is what {@code validate} shows.
   */
  Optional<Double> decimalOrDerived(
      Variable variable, DoublePredicate allowed, double derivedDefault) {
    Raw raw = raw(variable);
    if (raw.source() == Source.DEFAULT) {
      note(variable, raw, Double.toString(derivedDefault));
      return Optional.of(derivedDefault);
    }
    return decimal(variable, allowed);
  }

  Optional<Double> decimal(Variable variable, DoublePredicate allowed) {
    return parsed(
        variable,
        value -> {
          if (!DECIMAL.matcher(value).matches()) {
            return Optional.empty();
          }
          double number = Double.parseDouble(value);
          return Double.isFinite(number) && allowed.test(number)
              ? Optional.of(number)
              : Optional.empty();
        });
  }

  Optional<Boolean> bool(Variable variable) {
    return parsed(
        variable,
        value ->
            switch (value.toLowerCase(Locale.ROOT)) {
              case "true" -> Optional.of(true);
              case "false" -> Optional.of(false);
              default -> Optional.empty();
            });
  }

  /** Records a problem with {@code variable}'s current value; for cross-checks. */
  void problem(Variable variable, String allowed) {
    bad.add(variable);
    problems.add(new Problem(variable.envName(), shownForError(variable), allowed));
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** What was read, in catalogue order. */
  List<SourcedValue> sources() {
    return List.copyOf(sources.values());
  }

  private void note(Variable variable, Raw raw, String shown) {
    sources.put(variable, new SourcedValue(variable, shown, raw.source()));
  }

  private String shownForError(Variable variable) {
    Raw raw = raw(variable);
    if (raw.value().isEmpty()) {
      return raw.source() == Source.DEFAULT ? "(unset)" : "(empty)";
    }
    String shown = variable.show(raw.value());
    return raw.source() == Source.PRESET ? shown + " (from preset " + presetName + ")" : shown;
  }

  private static Optional<Integer> parseInteger(String value, int min, int max) {
    if (!INTEGER.matcher(value).matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(value);
    return number >= min && number <= max ? Optional.of((int) number) : Optional.empty();
  }
}
