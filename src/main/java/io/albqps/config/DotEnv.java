package io.albqps.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file: {@code NAME=value} lines, {@code #} comments, an optional {@code export}
 * prefix, and values in single or double quotes. A malformed line is an error naming the line.
 */
public final class DotEnv {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private DotEnv() {}

  /** The variables of {@code file}, in file order. */
  public static Map<String, String> read(Path file) throws ConfigException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ConfigException.single("--env-file", file.toString(), "a readable file (" + e + ")");
    }
    return parse(lines, file.toString());
  }

  /** Parses dotenv {@code lines}; {@code source} names the file in errors. */
  public static Map<String, String> parse(List<String> lines, String source)
      throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!NAME.matcher(name).matches()) {
        throw ConfigException.single(
            "--env-file",
            source + " line " + (i + 1),
            "NAME=value lines, # comments or blank lines");
      }
      values.put(name, unquote(line.substring(eq + 1).strip()));
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }
}
