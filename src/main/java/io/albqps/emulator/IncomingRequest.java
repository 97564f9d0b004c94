package io.albqps.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One received HTTP request as the verifier and the actions need it: method, raw path, decoded
 * query parameters, headers by lower-case name, and the body bytes.
 */
record IncomingRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body) {

  IncomingRequest {
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  static IncomingRequest read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", trimmed(values))));
    String rawPath = exchange.getRequestURI().getRawPath();
    return new IncomingRequest(
        exchange.getRequestMethod(),
        rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
        parseQuery(exchange.getRequestURI().getRawQuery()),
        headers,
        body);
  }

  /** Decodes {@code a=1&b=%20x}; a repeated key keeps its last value. */
  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(decode(key), decode(value));
    }
    return query;
  }

  private static String decode(String encoded) {
    // '+' is not a space in BytePlus canonical queries; protect it from URLDecoder.
    return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> trimmed(List<String> values) {
    return values.stream().map(String::strip).toList();
  }

  Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  String action() {
    return query.getOrDefault("Action", "");
  }

  String version() {
    return query.getOrDefault("Version", "");
  }

  @Override
  public String toString() {
    return method + " " + path + " " + query.keySet() + " (" + body.length + " bytes)";
  }
}
