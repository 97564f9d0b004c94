package io.albqps.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument.ErrorTracking;
import io.albqps.state.StateDocument.HistoryEntry;
import io.albqps.state.StateDocument.MetricsCache;
import io.albqps.state.StateDocument.Statistics;
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

  /** The document as pretty-printed UTF-8 JSON ending in a newline; byte-stable for a document. */
  public static byte[] write(StateDocument document) {
    try {
      byte[] json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree(document));
      byte[] withNewline = new byte[json.length + 1];
      System.arraycopy(json, 0, withNewline, 0, json.length);
      withNewline[json.length] = '\n';
      return withNewline;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the state document", e);
    }
  }

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

  private static ObjectNode tree(StateDocument document) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", StateDocument.SCHEMA);
    root.put("revision", document.revision());
    root.put("created_at", document.createdAt().toString());
    root.put("last_updated", document.lastUpdated().toString());
    root.put("updated_by", document.updatedBy());
    ScalerState scaler = document.scaler();
    ObjectNode cooldowns = root.putObject("cooldown_state");
    putTime(cooldowns, "last_scaling_action", scaler.lastScalingAction());
    putTime(cooldowns, "last_scale_up", scaler.lastScaleUp());
    putTime(cooldowns, "last_scale_down", scaler.lastScaleDown());
    putTime(cooldowns, "last_general_action", scaler.lastGeneralAction());
    ArrayNode recommendations = root.putArray("recommendations");
    for (Recommendation recommendation : scaler.recommendations()) {
      recommendations
          .addObject()
          .put("at", recommendation.at().toString())
          .put("desired", recommendation.desired())
          .put("qps", recommendation.qps());
    }
    MetricsCache cache = document.metricsCache();
    ObjectNode metrics = root.putObject("metrics_cache");
    putRate(metrics, "last_qps_value", cache.lastQpsValue());
    putTime(metrics, "last_qps_timestamp", cache.lastQpsTimestamp());
    metrics.put(
        "last_instance_count", requireCount("last_instance_count", cache.lastInstanceCount()));
    putErrorTracking(root.putObject("error_tracking"), document.errorTracking());
    putStatistics(root.putObject("statistics"), document.statistics());
    ArrayNode history = root.putArray("scaling_history");
    for (HistoryEntry entry : document.scalingHistory()) {
      ObjectNode item = history.addObject();
      item.put("at", entry.at().toString());
      item.put("action", entry.action());
      item.put("reason", entry.reason());
      item.put("from_desired", requireCount("from_desired", entry.fromDesired()));
      item.put("to_desired", requireCount("to_desired", entry.toDesired()));
      putRate(item, "qps", entry.qps());
      item.put("dry_run", entry.dryRun());
      item.put("execution_id", entry.executionId());
    }
    return root;
  }

  private static void putErrorTracking(ObjectNode node, ErrorTracking tracking) {
    node.put(
        "consecutive_errors", requireCount("consecutive_errors", tracking.consecutiveErrors()));
    if (tracking.lastError().isPresent()) {
      ErrorTracking.LastError last = tracking.lastError().get();
      node.putObject("last_error")
          .put("message", last.message())
          .put("type", last.type())
          .put("timestamp", last.timestamp().toString());
    } else {
      node.putNull("last_error");
    }
  }

  private static void putStatistics(ObjectNode node, Statistics statistics) {
    node.put("total_scale_ups", requireCount("total_scale_ups", statistics.totalScaleUps()));
    node.put("total_scale_downs", requireCount("total_scale_downs", statistics.totalScaleDowns()));
    node.put("total_executions", requireCount("total_executions", statistics.totalExecutions()));
    node.put("total_errors", requireCount("total_errors", statistics.totalErrors()));
  }

  private static void putTime(ObjectNode node, String name, Optional<Instant> time) {
    if (time.isPresent()) {
      node.put(name, time.get().toString());
    } else {
      node.putNull(name);
    }
  }

  private static void putRate(ObjectNode node, String name, OptionalDouble value) {
    if (value.isEmpty()) {
      node.putNull(name);
      return;
    }
    double rate = value.getAsDouble();
    if (!Double.isFinite(rate) || rate < 0) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + rate);
    }
    node.put(name, rate);
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
