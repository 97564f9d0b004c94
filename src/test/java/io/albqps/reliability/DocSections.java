package io.albqps.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a generated section of a document (between two marker lines) equal to what a test measured;
 * {@code -Dreliability.update=true} rewrites the section instead of failing.
 */
final class DocSections {
  static final String UPDATE = "reliability.update";

  private DocSections() {}

  static void check(Path doc, String begin, String end, String generated) throws IOException {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertThat(from).as("%s has the marker %s", doc, begin).isNotNegative();
    assertThat(to).as("%s has the marker %s after the begin marker", doc, end).isGreaterThan(from);
    String current = text.substring(from + begin.length() + 1, to);
    if (Boolean.getBoolean(UPDATE)) {
      Files.writeString(
          doc,
          text.substring(0, from + begin.length() + 1) + generated + text.substring(to),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(current)
        .as("%s section differs from what the test measured; rerun with -D%s=true", doc, UPDATE)
        .isEqualTo(generated);
  }
}
