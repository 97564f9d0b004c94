package io.albqps.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument.ErrorTracking;
import io.albqps.state.StateDocument.HistoryEntry;
import io.albqps.state.StateDocument.MetricsCache;
import io.albqps.state.StateDocument.Statistics;
import io.albqps.time.IsoInstants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The mapping between {@link StateDocument} and the state file's JSON (DESIGN §5, schema "2"), by
 * hand because Jackson's java.time module is not on the classpath. Reading also accepts the
 * original solution's schema-1.0 file and upgrades it, cooldowns included.
 */
public final class StateJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private StateJson() {}

  /**
   * The revision of a document, as {@link #read} would give it, without reading the rest when the
   * file starts the way {@link #write} starts it ({@code schema} "2", then {@code revision}). The
   * store checks the revision just before every write, and a full second parse of a file with 100
   * history entries doubled the JSON work of an evaluation. Anything else (schema 1.0, another
   * field order, a damaged head) takes the full {@link #read}, with its answer and its errors.
   * Damage after an intact head is not seen here: the store read the whole file at the start of the
   * evaluation, and the write that follows this check replaces the file with a whole document.
   *
   * @throws StateFormatException as {@link #read} does, when the head is not a plain schema-2 one
   */
  public static long revision(byte[] json) throws StateFormatException {
    try (JsonParser parser = MAPPER.createParser(json)) {
      OptionalLong head = headRevision(parser);
      if (head.isPresent()) {
        return head.getAsLong();
      }
    } catch (IOException e) {
      // Not a plain schema-2 head: the full read below reports what is wrong.
    }
    return read(json).revision();
  }

  private static OptionalLong headRevision(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT
        || parser.nextToken() != JsonToken.FIELD_NAME
        || !"schema".equals(parser.currentName())
        || parser.nextToken() != JsonToken.VALUE_STRING
        || !StateDocument.SCHEMA.equals(parser.getText())
        || parser.nextToken() != JsonToken.FIELD_NAME
        || !"revision".equals(parser.currentName())
        || parser.nextToken() != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.INT
            && parser.getNumberType() != JsonParser.NumberType.LONG) {
      return OptionalLong.empty();
    }
    long revision = parser.getLongValue();
    return revision >= 0 ? OptionalLong.of(revision) : OptionalLong.empty();
  }

  /**
   * Reads a schema-2 document, or upgrades a schema-1.0 one (at revision 0).
   *
   * @throws StateFormatException if the bytes are not JSON, or JSON of the wrong shape
   */
  public static StateDocument read(byte[] json) throws StateFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StateFormatException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new StateFormatException("not readable as JSON: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new StateFormatException("the file is empty");
    }
    JsonNode schema = root.get("schema");
    if (schema != null) {
      if (!schema.isTextual() || !StateDocument.SCHEMA.equals(schema.textValue())) {
        throw new StateFormatException(
            "schema: expected \"" + StateDocument.SCHEMA + "\", found " + schema);
      }
      return readSchema2(JsonFields.root(root, false));
    }
    JsonNode version = root.get("version");
    if (version != null && version.isTextual() && LegacyState.VERSION.equals(version.textValue())) {
      return LegacyState.upgrade(JsonFields.root(root, true));
    }
    throw new StateFormatException(
        "neither a schema \"2\" nor a version \"1.0\" state document (top-level schema/version"
            + " missing or unknown)");
  }

  private static StateDocument readSchema2(JsonFields root) throws StateFormatException {
    try {
      return new StateDocument(
          root.count("revision"),
          root.instant("created_at"),
          root.instant("last_updated"),
          root.text("updated_by"),
          scaler(root.object("cooldown_state"), root.objects("recommendations")),
          metricsCache(root.object("metrics_cache")),
          errorTracking(root.object("error_tracking")),
          statistics(root.object("statistics")),
          history(root.objects("scaling_history")));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StateFormatException("inconsistent document: " + e.getMessage(), e);
    }
  }

  static ScalerState scaler(JsonFields cooldowns, List<JsonFields> recommendations)
      throws StateFormatException {
    List<Recommendation> history = new ArrayList<>(recommendations.size());
    for (JsonFields item : recommendations) {
      history.add(
          new Recommendation(item.instant("at"), item.smallCount("desired"), item.rate("qps")));
    }
    return new ScalerState(
        cooldowns.optionalInstant("last_scaling_action"),
        cooldowns.optionalInstant("last_scale_up"),
        cooldowns.optionalInstant("last_scale_down"),
        cooldowns.optionalInstant("last_general_action"),
        history);
  }

  private static MetricsCache metricsCache(JsonFields cache) throws StateFormatException {
    return new MetricsCache(
        cache.optionalRate("last_qps_value"),
        cache.optionalInstant("last_qps_timestamp"),
        cache.smallCount("last_instance_count"));
  }

  static ErrorTracking errorTracking(JsonFields tracking) throws StateFormatException {
    Optional<ErrorTracking.LastError> lastError = Optional.empty();
    Optional<JsonFields> last = tracking.optionalObject("last_error");
    if (last.isPresent()) {
      lastError =
          Optional.of(
              new ErrorTracking.LastError(
                  last.get().text("message"),
                  last.get().text("type"),
                  last.get().instant("timestamp")));
    }
    return new ErrorTracking(tracking.smallCount("consecutive_errors"), lastError);
  }

  private static Statistics statistics(JsonFields stats) throws StateFormatException {
    return new Statistics(
        stats.count("total_scale_ups"),
        stats.count("total_scale_downs"),
        stats.count("total_executions"),
        stats.count("total_errors"));
  }

  private static List<HistoryEntry> history(List<JsonFields> entries) throws StateFormatException {
    List<HistoryEntry> history = new ArrayList<>(entries.size());
    for (JsonFields entry : entries) {
      history.add(
          new HistoryEntry(
              entry.instant("at"),
              entry.text("action"),
              entry.text("reason"),
              entry.smallCount("from_desired"),
              entry.smallCount("to_desired"),
              entry.optionalRate("qps"),
              entry.bool("dry_run"),
              entry.text("execution_id")));
    }
    return history;
  }

  /**
   * The document as pretty-printed UTF-8 JSON ending in a newline; byte-stable for a document.
   * Streamed field by field: building a tree first cost as much again as writing it.
   */
  public static byte[] write(StateDocument document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      writeDocument(json, document);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the state document", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeDocument(JsonGenerator json, StateDocument document) throws IOException {
    json.writeStartObject();
    json.writeStringField("schema", StateDocument.SCHEMA);
    json.writeNumberField("revision", document.revision());
    json.writeStringField("created_at", IsoInstants.format(document.createdAt()));
    json.writeStringField("last_updated", IsoInstants.format(document.lastUpdated()));
    json.writeStringField("updated_by", document.updatedBy());
    ScalerState scaler = document.scaler();
    json.writeObjectFieldStart("cooldown_state");
    writeTime(json, "last_scaling_action", scaler.lastScalingAction());
    writeTime(json, "last_scale_up", scaler.lastScaleUp());
    writeTime(json, "last_scale_down", scaler.lastScaleDown());
    writeTime(json, "last_general_action", scaler.lastGeneralAction());
    json.writeEndObject();
    json.writeArrayFieldStart("recommendations");
    for (Recommendation recommendation : scaler.recommendations()) {
      json.writeStartObject();
      json.writeStringField("at", IsoInstants.format(recommendation.at()));
      json.writeNumberField("desired", recommendation.desired());
      json.writeNumberField("qps", recommendation.qps());
      json.writeEndObject();
    }
    json.writeEndArray();
    MetricsCache cache = document.metricsCache();
    json.writeObjectFieldStart("metrics_cache");
    writeRate(json, "last_qps_value", cache.lastQpsValue());
    writeTime(json, "last_qps_timestamp", cache.lastQpsTimestamp());
    json.writeNumberField(
        "last_instance_count", requireCount("last_instance_count", cache.lastInstanceCount()));
    json.writeEndObject();
    writeErrorTracking(json, document.errorTracking());
    writeStatistics(json, document.statistics());
    json.writeArrayFieldStart("scaling_history");
    for (HistoryEntry entry : document.scalingHistory()) {
      writeHistoryEntry(json, entry);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeHistoryEntry(JsonGenerator json, HistoryEntry entry) throws IOException {
    json.writeStartObject();
    json.writeStringField("at", IsoInstants.format(entry.at()));
    json.writeStringField("action", entry.action());
    json.writeStringField("reason", entry.reason());
    json.writeNumberField("from_desired", requireCount("from_desired", entry.fromDesired()));
    json.writeNumberField("to_desired", requireCount("to_desired", entry.toDesired()));
    writeRate(json, "qps", entry.qps());
    json.writeBooleanField("dry_run", entry.dryRun());
    json.writeStringField("execution_id", entry.executionId());
    json.writeEndObject();
  }

  private static void writeErrorTracking(JsonGenerator json, ErrorTracking tracking)
      throws IOException {
    json.writeObjectFieldStart("error_tracking");
    json.writeNumberField(
        "consecutive_errors", requireCount("consecutive_errors", tracking.consecutiveErrors()));
    if (tracking.lastError().isPresent()) {
      ErrorTracking.LastError last = tracking.lastError().get();
      json.writeObjectFieldStart("last_error");
      json.writeStringField("message", last.message());
      json.writeStringField("type", last.type());
      json.writeStringField("timestamp", IsoInstants.format(last.timestamp()));
      json.writeEndObject();
    } else {
      json.writeNullField("last_error");
    }
    json.writeEndObject();
  }

  private static void writeStatistics(JsonGenerator json, Statistics statistics)
      throws IOException {
    json.writeObjectFieldStart("statistics");
    json.writeNumberField(
        "total_scale_ups", requireCount("total_scale_ups", statistics.totalScaleUps()));
    json.writeNumberField(
        "total_scale_downs", requireCount("total_scale_downs", statistics.totalScaleDowns()));
    json.writeNumberField(
        "total_executions", requireCount("total_executions", statistics.totalExecutions()));
    json.writeNumberField("total_errors", requireCount("total_errors", statistics.totalErrors()));
    json.writeEndObject();
  }

  private static void writeTime(JsonGenerator json, String name, Optional<Instant> time)
      throws IOException {
    if (time.isPresent()) {
      json.writeStringField(name, IsoInstants.format(time.get()));
    } else {
      json.writeNullField(name);
    }
  }

  private static void writeRate(JsonGenerator json, String name, OptionalDouble value)
      throws IOException {
    if (value.isEmpty()) {
      json.writeNullField(name);
      return;
    }
    double rate = value.getAsDouble();
    if (!Double.isFinite(rate) || rate < 0) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + rate);
    }
    json.writeNumberField(name, rate);
  }

  private static long requireCount(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
    return value;
  }

  /** For callers that want the text (logs, the status command). */
  public static String writeString(StateDocument document) {
    return new String(write(document), StandardCharsets.UTF_8);
  }
}
