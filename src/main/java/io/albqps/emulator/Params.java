package io.albqps.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads query parameters the way the BytePlus API validates them, with its error codes. */
final class Params {
  private Params() {}

  static String required(IncomingRequest request, String name) throws ErrorReply {
    String value = request.param(name).orElse("");
    if (value.isBlank()) {
      throw ErrorReply.missingParameter(name);
    }
    return value;
  }

  /** An optional whole number in {@code [min, max]}. */
  static Optional<Integer> optionalInt(IncomingRequest request, String name, int min, int max)
      throws ErrorReply {
    Optional<String> text = request.param(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parseInt(name, text.get(), min, max));
  }

  static int parseInt(String name, String text, int min, int max) throws ErrorReply {
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ErrorReply.invalidParameter(name, text, "an integer in [" + min + ", " + max + "]");
    }
    if (value < min || value > max) {
      throw ErrorReply.invalidParameter(name, text, "an integer in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** A flattened list: {@code Name.1}, {@code Name.2}, ... up to the first gap. */
  static List<String> list(IncomingRequest request, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 1; ; i++) {
      Optional<String> value = request.param(name + "." + i);
      if (value.isEmpty()) {
        return values;
      }
      values.add(value.get());
    }
  }

  /** {@code PageNumber} (default 1) and {@code PageSize} (default 10, at most {@code maxSize}). */
  static Page page(IncomingRequest request, int maxSize) throws ErrorReply {
    int number = optionalInt(request, "PageNumber", 1, Integer.MAX_VALUE).orElse(1);
    int size = optionalInt(request, "PageSize", 1, maxSize).orElse(10);
    return new Page(number, size);
  }

  /** One page of a listing. */
  record Page(int number, int size) {
    <T> List<T> of(List<T> all) {
      long from = (long) (number - 1) * size;
      if (from >= all.size()) {
        return List.of();
      }
      return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /**
     * A Describe* result: this page of {@code all} under {@code listName}, with the paging fields.
     */
    Map<String, Object> result(String listName, List<Map<String, Object>> all) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put(listName, of(all));
      result.put("TotalCount", all.size());
      result.put("PageNumber", number);
      result.put("PageSize", size);
      return result;
    }
  }
}
