package io.albqps.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The named presets: readable dotenv files under {@code presets/} in the jar, each line commented
 * with why, so users can read what a preset does and copy it.
 */
public final class Presets {
  /** Every preset, in the order the docs present them. */
  public static final List<String> NAMES =
      List.of(
          "basic",
          "aggressive-upscale",
          "conservative-downscale",
          "production",
          "cost-optimized",
          "latency-optimized",
          "legacy");

  private Presets() {}

  /** The variables preset {@code name} sets, or an error listing the preset names. */
  public static Map<String, String> load(String name) throws ConfigException {
    if (!NAMES.contains(name)) {
      throw ConfigException.single(
          Variable.SCALING_PRESET.envName(), name, "one of " + String.join(", ", NAMES));
    }
    return DotEnv.parse(text(name).lines().toList(), "preset " + name);
  }

  /** The preset file's text, comments included. */
  public static String text(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown preset " + name + "; one of " + NAMES);
    }
    String resource = "/presets/" + name + ".env";
    try (InputStream in = Presets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("preset file missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read preset file " + resource, e);
    }
  }
}
