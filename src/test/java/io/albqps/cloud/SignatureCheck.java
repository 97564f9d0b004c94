package io.albqps.cloud;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a recorded request's signature as the server would: from the Authorization header's
 * scope and signed-header list, the headers and query as received, and the body, using {@link
 * Signer}'s building blocks.
 */
final class SignatureCheck {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/request, "
              + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

  private SignatureCheck() {}

  /** The scope and signed headers of a verified request; throws when the signature is wrong. */
  record Verified(String accessKeyId, String region, String service, String signedHeaders) {}

  static Verified verify(LoggedRequest request, String secretAccessKey) {
    String authorization = request.getHeader("Authorization");
    Matcher m = AUTHORIZATION.matcher(authorization == null ? "" : authorization);
    if (!m.matches()) {
      throw new AssertionError("malformed Authorization header: " + authorization);
    }
    String xDate = request.getHeader("X-Date");
    if (!xDate.startsWith(m.group(2))) {
      throw new AssertionError("scope date " + m.group(2) + " differs from X-Date " + xDate);
    }
    Map<String, String> signed = new LinkedHashMap<>();
    for (String name : m.group(5).split(";")) {
      String value = request.getHeader(name);
      if (value == null) {
        throw new AssertionError("signed header " + name + " was not sent");
      }
      signed.put(name, value);
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    String payloadHash = Signer.sha256Hex(body);
    if (!payloadHash.equals(request.getHeader("X-Content-Sha256"))) {
      throw new AssertionError("X-Content-Sha256 does not match the body");
    }
    URI uri = URI.create(request.getUrl());
    String canonical =
        Signer.canonicalRequest(
            request.getMethod().getName(),
            uri.getRawPath(),
            Signer.canonicalQueryString(decodeQuery(uri.getRawQuery())),
            signed,
            payloadHash);
    String expected = Signer.signature(secretAccessKey, xDate, m.group(3), m.group(4), canonical);
    if (!expected.equals(m.group(6))) {
      throw new AssertionError(
          "signature mismatch: sent " + m.group(6) + ", recomputed " + expected);
    }
    return new Verified(m.group(1), m.group(3), m.group(4), m.group(5));
  }

  static Map<String, String> decodeQuery(String rawQuery) {
    Map<String, String> query = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(decode(name), decode(value));
    }
    return query;
  }

  private static String decode(String text) {
    // Our client never sends '+', so URLDecoder's '+' → ' ' rule cannot alter a value.
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
