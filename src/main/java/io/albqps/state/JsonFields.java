package io.albqps.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.albqps.time.IsoInstants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed, path-aware reads from one JSON object of a state file, so that a document of the wrong
 * shape fails with a message naming the field (for example {@code cooldown_state.last_scale_up}).
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;
  private final boolean naiveTimesAreUtc;

  private JsonFields(JsonNode node, String path, boolean naiveTimesAreUtc) {
    this.node = node;
    this.path = path;
    this.naiveTimesAreUtc = naiveTimesAreUtc;
  }

  /**
   * The top-level object. With {@code naiveTimesAreUtc}, a time without an offset (as Python's
   * {@code datetime.utcnow().isoformat()} writes) is read as UTC; otherwise it is an error.
   */
  static JsonFields root(JsonNode node, boolean naiveTimesAreUtc) throws StateFormatException {
    if (node == null || !node.isObject()) {
      throw new StateFormatException("the document must be a JSON object");
    }
    return new JsonFields(node, "", naiveTimesAreUtc);
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  JsonFields object(String name) throws StateFormatException {
    JsonNode value = node.get(name);
    if (value == null || !value.isObject()) {
      throw wrong(name, "an object", value);
    }
    return new JsonFields(value, qualified(name), naiveTimesAreUtc);
  }

  Optional<JsonFields> optionalObject(String name) throws StateFormatException {
    return has(name) ? Optional.of(object(name)) : Optional.empty();
  }

  List<JsonFields> objects(String name) throws StateFormatException {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      throw wrong(name, "an array", value);
    }
    List<JsonFields> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemName = name + "[" + i + "]";
      if (!item.isObject()) {
        throw wrong(itemName, "an object", item);
      }
      items.add(new JsonFields(item, qualified(itemName), naiveTimesAreUtc));
    }
    return items;
  }

  String text(String name) throws StateFormatException {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw wrong(name, "a string", value);
    }
    return value.textValue();
  }

  Optional<String> optionalText(String name) throws StateFormatException {
    return has(name) ? Optional.of(text(name)) : Optional.empty();
  }

  boolean bool(String name) throws StateFormatException {
    JsonNode value = node.get(name);
    if (value == null || !value.isBoolean()) {
      throw wrong(name, "true or false", value);
    }
    return value.booleanValue();
  }

  long count(String name) throws StateFormatException {
    JsonNode value = node.get(name);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < 0) {
      throw wrong(name, "an integer >= 0", value);
    }
    return value.longValue();
  }

  int smallCount(String name) throws StateFormatException {
    long count = count(name);
    if (count > Integer.MAX_VALUE) {
      throw wrong(name, "an integer in [0, " + Integer.MAX_VALUE + "]", node.get(name));
    }
    return (int) count;
  }

  /** {@link #count}, or {@code fallback} when the field is missing or null. */
  long countOr(String name, long fallback) throws StateFormatException {
    return has(name) ? count(name) : fallback;
  }

  /** {@link #smallCount}, or {@code fallback} when the field is missing or null. */
  int smallCountOr(String name, int fallback) throws StateFormatException {
    return has(name) ? smallCount(name) : fallback;
  }

  /** {@link #bool}, or {@code fallback} when the field is missing or null. */
  boolean boolOr(String name, boolean fallback) throws StateFormatException {
    return has(name) ? bool(name) : fallback;
  }

  /** {@link #objects}, or an empty list when the field is missing or null. */
  List<JsonFields> objectsOrNone(String name) throws StateFormatException {
    return has(name) ? objects(name) : List.of();
  }

  /** A finite number >= 0, or empty when the field is missing or null. */
  OptionalDouble optionalRate(String name) throws StateFormatException {
    return has(name) ? OptionalDouble.of(rate(name)) : OptionalDouble.empty();
  }

  double rate(String name) throws StateFormatException {
    JsonNode value = node.get(name);
    if (value == null
        || !value.isNumber()
        || !Double.isFinite(value.doubleValue())
        || value.doubleValue() < 0) {
      throw wrong(name, "a finite number >= 0", value);
    }
    return value.doubleValue();
  }

  Instant instant(String name) throws StateFormatException {
    String text = text(name);
    try {
      return IsoInstants.parse(text);
    } catch (DateTimeParseException offsetMissing) {
      if (naiveTimesAreUtc) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADateTime) {
          throw wrong(name, "an ISO-8601 time", node.get(name));
        }
      }
      throw wrong(name, "an ISO-8601 UTC time", node.get(name));
    }
  }

  Optional<Instant> optionalInstant(String name) throws StateFormatException {
    return has(name) ? Optional.of(instant(name)) : Optional.empty();
  }

  /** An error naming {@code name} inside this object. */
  StateFormatException invalid(String name, String problem) {
    return new StateFormatException(qualified(name) + ": " + problem);
  }

  private StateFormatException wrong(String name, String expected, JsonNode actual) {
    String found = actual == null ? "nothing" : abbreviate(actual.toString());
    return invalid(name, "expected " + expected + ", found " + found);
  }

  private String qualified(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String abbreviate(String json) {
    return json.length() <= 40 ? json : json.substring(0, 40) + "…";
  }
}
