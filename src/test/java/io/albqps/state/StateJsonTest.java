package io.albqps.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument.MetricsCache;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StateJsonTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTripFiles")
  void schema2FileRoundTripsByteForByte(String name, Path file) throws Exception {
    byte[] original = Files.readAllBytes(file);

    byte[] rewritten = StateJson.write(StateJson.read(original));

    assertThat(new String(rewritten, StandardCharsets.UTF_8))
        .isEqualTo(new String(original, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upgradeFiles")
  void version1FileUpgradesToItsGoldenSchema2Document(String name, Path v1) throws Exception {
    Path expected = v1.resolveSibling(name + ".v2.json");
    assertThat(expected).as("golden file for " + v1.getFileName()).exists();

    StateDocument upgraded = StateJson.read(Files.readAllBytes(v1));

    assertThat(StateJson.writeString(upgraded)).isEqualTo(Files.readString(expected));
  }

  @Test
  void upgradeKeepsTheOriginalsCooldownsInForce() throws Exception {
    StateDocument upgraded = StateJson.read(resource("upgrade/original-after-scale-up.v1.json"));

    ScalerState scaler = upgraded.scaler();
    assertThat(scaler.lastScaleDown()).contains(Instant.parse("2025-10-01T10:30:00Z"));
    assertThat(scaler.lastScaleUp()).contains(Instant.parse("2025-10-01T09:00:01.000001Z"));
    assertThat(scaler.lastGeneralAction()).contains(Instant.parse("2025-10-01T10:30:00Z"));
    assertThat(scaler.lastScalingAction()).contains(Instant.parse("2025-10-01T10:30:00Z"));
    assertThat(upgraded.revision()).isZero();
    assertThat(upgraded.statistics().totalErrors()).isEqualTo(3);
  }

  @Test
  void upgradeRebuildsTheTargetOfEachOriginalActivityFromItsAmount() throws Exception {
    StateDocument upgraded = StateJson.read(resource("upgrade/original-after-scale-up.v1.json"));

    assertThat(upgraded.scalingHistory())
        .extracting(e -> e.action() + " " + e.fromDesired() + "->" + e.toDesired())
        .containsExactly("scale_up 2->4", "scale_down 4->3");
  }

  @Test
  void readsEveryFieldOfASchema2Document() throws Exception {
    StateDocument document = StateJson.read(resource("roundtrip/full.json"));

    assertThat(document).isEqualTo(Documents.full(42));
  }

  @Test
  void writesTimesAsIsoUtcAndEmptyValuesAsNull() {
    String json =
        StateJson.writeString(
            StateDocument.fresh(Instant.parse("2025-10-01T08:00:00Z"), ScalerState.INITIAL));

    assertThat(json)
        .contains("\"created_at\" : \"2025-10-01T08:00:00Z\"")
        .contains("\"last_scale_down\" : null")
        .contains("\"last_qps_value\" : null")
        .contains("\"schema\" : \"2\"");
  }

  @Test
  void toleratesFieldsItDoesNotKnow() throws Exception {
    String json =
        new String(resource("roundtrip/full.json"), StandardCharsets.UTF_8)
            .replace("\"revision\" : 42,", "\"revision\" : 42, \"future_field\" : {\"x\" : [1]},")
            .replace("\"total_errors\" : 3", "\"total_errors\" : 3, \"total_panics\" : 7");

    assertThat(StateJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(Documents.full(42));
  }

  @Test
  void refusesToWriteANonFiniteQpsNamingTheField() {
    StateDocument withNaN =
        new StateDocument(
            1,
            Documents.CREATED,
            Documents.CREATED,
            "req-1",
            ScalerState.INITIAL,
            new MetricsCache(OptionalDouble.of(Double.NaN), Optional.empty(), 0),
            StateDocument.ErrorTracking.NONE,
            StateDocument.Statistics.ZERO,
            List.of());

    assertThatThrownBy(() -> StateJson.write(withNaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("last_qps_value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptDocuments")
  void documentOfTheWrongShapeIsCorruptAndTheMessageNamesTheProblem(
      String name, String json, String namedInMessage) {
    assertThatThrownBy(() -> StateJson.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining(namedInMessage);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"roundTripFiles", "upgradeFiles"})
  void theQuickRevisionReadGivesTheFullReadsRevision(String name, Path file) throws Exception {
    byte[] json = Files.readAllBytes(file);

    assertThat(StateJson.revision(json)).isEqualTo(StateJson.read(json).revision());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptHeads")
  void theQuickRevisionReadFailsLikeTheFullReadWhenTheHeadIsDamaged(
      String name, String json, String namedInMessage) {
    assertThatThrownBy(() -> StateJson.revision(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining(namedInMessage);
  }

  static Stream<Arguments> corruptHeads() throws Exception {
    Set<String> damagedHead =
        Set.of(
            "empty file",
            "duplicate key",
            "an array, not an object",
            "no schema and no version",
            "unknown schema",
            "schema as a number",
            "negative revision",
            "fractional revision",
            "revision as a string",
            "unknown version");
    return corruptDocuments().filter(row -> damagedHead.contains((String) row.get()[0]));
  }

  @Test
  void invalidUtf8IsCorrupt() {
    byte[] bytes = {'{', '"', 's', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

    assertThatThrownBy(() -> StateJson.read(bytes)).isInstanceOf(StateFormatException.class);
  }

  static Stream<Arguments> corruptDocuments() throws Exception {
    String full = new String(resource("roundtrip/full.json"), StandardCharsets.UTF_8);
    return Stream.of(
        row("empty file", "", "empty"),
        row("truncated mid-object", full.substring(0, full.length() / 2), "not valid JSON"),
        row("trailing garbage after the object", full + "}", "not valid JSON"),
        row("duplicate key", "{\"schema\":\"2\",\"schema\":\"2\"}", "Duplicate field"),
        row("an array, not an object", "[1,2]", "schema"),
        row("no schema and no version", "{\"revision\":1}", "schema"),
        row("unknown schema", full.replace("\"schema\" : \"2\"", "\"schema\" : \"3\""), "schema"),
        row("schema as a number", full.replace("\"schema\" : \"2\"", "\"schema\" : 2"), "schema"),
        row(
            "negative revision",
            full.replace("\"revision\" : 42", "\"revision\" : -1"),
            "revision"),
        row(
            "fractional revision",
            full.replace("\"revision\" : 42", "\"revision\" : 4.5"),
            "revision"),
        row(
            "revision as a string",
            full.replace("\"revision\" : 42", "\"revision\" : \"42\""),
            "revision"),
        row(
            "unparsable created_at",
            full.replace("\"2025-10-01T08:00:00Z\"", "\"yesterday\""),
            "created_at"),
        row(
            "time without an offset in schema 2",
            full.replace("\"2025-10-01T08:00:00Z\"", "\"2025-10-01T08:00:00\""),
            "created_at"),
        row(
            "cooldown time as a number",
            full.replace(
                "\"last_scale_up\" : \"2025-10-01T09:00:00.250Z\"", "\"last_scale_up\" : 5"),
            "cooldown_state.last_scale_up"),
        row(
            "missing cooldown_state",
            full.replaceFirst("\"cooldown_state\"", "\"cooldowns\""),
            "cooldown_state"),
        row(
            "negative recommended capacity",
            full.replace("\"desired\" : 5", "\"desired\" : -5"),
            "recommendations[0].desired"),
        row(
            "negative statistic",
            full.replace("\"total_errors\" : 3", "\"total_errors\" : -3"),
            "statistics.total_errors"),
        row(
            "history not an array",
            full.substring(0, full.indexOf("\"scaling_history\"")) + "\"scaling_history\" : {}}",
            "scaling_history"),
        row(
            "version 1.0 without cooldown_state",
            "{\"version\":\"1.0\",\"created_at\":\"2025-09-30T08:00:00+00:00\","
                + "\"last_updated\":\"2025-09-30T08:00:00+00:00\"}",
            "cooldown_state"),
        row(
            "version 1.0 with a cooldown that is not a time",
            "{\"version\":\"1.0\",\"created_at\":\"2025-09-30T08:00:00+00:00\","
                + "\"last_updated\":\"2025-09-30T08:00:00+00:00\","
                + "\"cooldown_state\":{\"last_scale_down\":\"soon\"}}",
            "cooldown_state.last_scale_down"),
        row(
            "version 1.0 with a negative instance count",
            "{\"version\":\"1.0\",\"created_at\":\"2025-09-30T08:00:00+00:00\","
                + "\"last_updated\":\"2025-09-30T08:00:00+00:00\",\"cooldown_state\":{},"
                + "\"metrics_cache\":{\"last_instance_count\":-2}}",
            "metrics_cache.last_instance_count"),
        row("unknown version", "{\"version\":\"0.9\",\"cooldown_state\":{}}", "version"));
  }

  static Stream<Arguments> roundTripFiles() throws Exception {
    return goldenFiles("roundtrip", ".json");
  }

  static Stream<Arguments> upgradeFiles() throws Exception {
    return goldenFiles("upgrade", ".v1.json");
  }

  private static Stream<Arguments> goldenFiles(String directory, String suffix)
      throws IOException, URISyntaxException {
    Path dir = Path.of(StateJsonTest.class.getResource("/state/" + directory).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> inputs =
          files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
      assertThat(inputs).as("golden files in " + dir).isNotEmpty();
      return inputs.stream()
          .map(
              p -> {
                String file = p.getFileName().toString();
                return Arguments.of(file.substring(0, file.length() - suffix.length()), p);
              });
    }
  }

  private static Arguments row(String name, String json, String namedInMessage) {
    return Arguments.of(name, json, namedInMessage);
  }

  static byte[] resource(String name) throws IOException, URISyntaxException {
    return Files.readAllBytes(Path.of(StateJsonTest.class.getResource("/state/" + name).toURI()));
  }
}
