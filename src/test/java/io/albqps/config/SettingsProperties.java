package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the parser for arbitrary environments. */
class SettingsProperties {
  private static final List<String> KNOWN =
      Arrays.stream(Variable.values()).map(Variable::envName).toList();

  @Property(tries = 250)
  void parseThrowsNothingButConfigException(@ForAll("environments") Map<String, String> env) {
    try {
      Settings settings = Settings.parse(env);
      assertThat(settings.sources()).hasSize(Variable.values().length);
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  @Property(tries = 150)
  void secretNeverAppearsInErrorsOrOutput(
      @ForAll("environments") Map<String, String> env, @ForAll("secrets") String secret) {
    Map<String, String> withSecret = new HashMap<>(env);
    withSecret.put("SECRET_ACCESS_KEY", secret);
    try {
      Settings settings = Settings.parse(withSecret);
      assertThat(settings.toString()).doesNotContain(secret);
      assertThat(settings.sources())
          .allSatisfy(s -> assertThat(s.shownValue()).doesNotContain(secret));
      assertThat(settings.warnings()).allSatisfy(w -> assertThat(w).doesNotContain(secret));
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain(secret);
    }
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(12).ofMaxLength(40);
  }

  @Provide
  Arbitrary<Map<String, String>> environments() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of(KNOWN),
            Arbitraries.of(KNOWN).map(SettingsProperties::nearMiss),
            Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMaxLength(20));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30),
            Arbitraries.integers().between(-100_000, 100_000).map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of(
                "",
                " ",
                "true",
                "false",
                "0",
                "1",
                "0.5",
                "NaN",
                "-0",
                "1e400",
                "scg-abc",
                "alb-abc",
                "lsn-abc",
                "listener_qps",
                "volc_observe",
                "production",
                "legacy",
                "https://example.com",
                "http://127.0.0.1:1",
                "http://[::1]",
                "https://[",
                "p90"));
    Arbitrary<Map<String, String>> random = Arbitraries.maps(names, values).ofMaxSize(25);
    return Combinators.combine(random, Arbitraries.of(true, false))
        .as(
            (map, withRequired) -> {
              Map<String, String> env = new HashMap<>();
              if (withRequired) {
                env.put("AUTOSCALING_GROUP_ID", "scg-abc123");
                env.put("ALB_ID", "alb-def456");
              }
              env.putAll(map);
              return env;
            });
  }

  private static String nearMiss(String name) {
    int cut = Math.max(1, name.length() / 2);
    return name.substring(0, cut) + name.substring(cut + 1);
  }
}
