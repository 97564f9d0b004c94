package io.albqps.cloud;

import io.albqps.time.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs BytePlus OpenAPI requests with the "HMAC-SHA256" V4-style scheme (reference §1); pure: the
 * time and the credentials come in, the texts and headers go out, so the client and the emulator
 * share one implementation and tests pin it to published vectors. The derived signing keys are
 * memoised ({@link SigningKeyCache}), which changes no answer.
 */
public final class Signer {
  static final String ALGORITHM = "HMAC-SHA256";
  private static final String HMAC = "HmacSHA256";
  // BytePlus ends the scope with "request", where AWS has "aws4_request".
  private static final String SCOPE_TERMINATOR = "request";
  private static final SigningKeyCache SIGNING_KEYS = new SigningKeyCache();
  private static final HexFormat HEX = HexFormat.of();
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
  private static final Set<String> DEFAULT_SIGNED = Set.of("host", "x-content-sha256", "x-date");

  private Signer() {}

  /**
   * Signs one request; pure. {@code query} holds raw (unencoded) names and values; {@code headers}
   * are those to sign besides the ones the signer adds ({@code host}, {@code x-content-sha256},
   * {@code x-date}): pass {@code Content-Type} here when there is a body.
   */
  public static SignedRequest sign(
      String method,
      String host,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body,
      Credentials credentials,
      String service,
      String region,
      Instant at) {
    Set<String> signed = new TreeSet<>(DEFAULT_SIGNED);
    headers.keySet().forEach(name -> signed.add(name.toLowerCase(Locale.ROOT)));
    return sign(method, host, path, query, headers, body, credentials, service, region, at, signed);
  }

  /**
   * Signs one request naming the headers to sign explicitly (lower-case), for servers or vectors
   * that sign another set (the Java SDK signs only {@code x-date}). Each name must be one of {@code
   * headers}, {@code host}, {@code x-date}, {@code x-content-sha256}, or {@code x-security-token}
   * when the credentials carry a session token; {@code x-date} is always required.
   */
  public static SignedRequest sign(
      String method,
      String host,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body,
      Credentials credentials,
      String service,
      String region,
      Instant at,
      Set<String> signedHeaderNames) {
    Objects.requireNonNull(credentials, "credentials");
    String xDate = IsoInstants.formatBasic(at);
    String payloadHash = sha256Hex(body);
    Map<String, String> available = new TreeMap<>();
    headers.forEach((name, value) -> available.put(name.toLowerCase(Locale.ROOT), value));
    available.put("host", stripDefaultPort(host));
    available.put("x-date", xDate);
    available.put("x-content-sha256", payloadHash);
    credentials.sessionToken().ifPresent(token -> available.put("x-security-token", token));

    String canonicalRequest =
        canonicalRequest(
            method,
            path,
            canonicalQueryString(query),
            pick(available, signedHeaderNames),
            payloadHash);
    String stringToSign = stringToSign(xDate, region, service, canonicalRequest);
    String signature =
        hmacHex(
            cachedSigningKey(credentials.secretAccessKey(), xDate, region, service), stringToSign);

    Map<String, String> toAdd = new LinkedHashMap<>();
    toAdd.put("X-Date", xDate);
    toAdd.put("X-Content-Sha256", payloadHash);
    toAdd.put(
        "Authorization",
        authorization(
            credentials.accessKeyId(),
            credentialScope(xDate, region, service),
            new TreeSet<>(signedHeaderNames),
            signature));
    credentials
        .sessionToken()
        .ifPresent(token -> toAdd.put(SignedRequest.SECURITY_TOKEN_HEADER, token));
    return new SignedRequest(canonicalRequest, stringToSign, signature, toAdd);
  }

  /** {@code A-Z a-z 0-9 - _ . ~} literal, space → %20, every other UTF-8 byte → %XX uppercase. */
  public static String percentEncode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** Sorted by encoded key, {@code k=v} joined with {@code &}. */
  public static String canonicalQueryString(Map<String, String> query) {
    Map<String, String> encoded = new TreeMap<>();
    query.forEach((name, value) -> encoded.put(percentEncode(name), percentEncode(value)));
    return encoded.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  /**
   * The canonical request from its parts; {@code signedHeaders}: lower-case name → trimmed value
   * (sorted by this method).
   */
  public static String canonicalRequest(
      String method,
      String path,
      String canonicalQueryString,
      Map<String, String> signedHeaders,
      String payloadSha256Hex) {
    if (signedHeaders.isEmpty()) {
      throw new IllegalArgumentException("signedHeaders is empty: at least x-date must be signed");
    }
    Map<String, String> sorted = new TreeMap<>();
    signedHeaders.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value.trim()));
    StringBuilder headers = new StringBuilder();
    // The canonical headers end with "\n", so a blank line precedes the signed-header list.
    sorted.forEach((name, value) -> headers.append(name).append(':').append(value).append('\n'));
    return String.join(
        "\n",
        method,
        path,
        canonicalQueryString,
        headers.toString(),
        String.join(";", sorted.keySet()),
        payloadSha256Hex);
  }

  /**
   * The hex signature of a canonical request: string-to-sign + HMAC chain with the raw secret (no
   * "AWS4" prefix), scope date/region/service/request.
   */
  public static String signature(
      String secretAccessKey,
      String xDate,
      String region,
      String service,
      String canonicalRequest) {
    return hmacHex(
        cachedSigningKey(secretAccessKey, xDate, region, service),
        stringToSign(xDate, region, service, canonicalRequest));
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String stringToSign(String xDate, String region, String service, String canonical) {
    return ALGORITHM
        + "\n"
        + xDate
        + "\n"
        + credentialScope(xDate, region, service)
        + "\n"
        + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /** The derived signing key; package-private so a test can pin it and then look for leaks. */
  static byte[] signingKey(String secretAccessKey, String xDate, String region, String service) {
    return deriveSigningKey(secretAccessKey, dateOf(xDate), region, service);
  }

  private static byte[] cachedSigningKey(
      String secretAccessKey, String xDate, String region, String service) {
    return SIGNING_KEYS.key(secretAccessKey, dateOf(xDate), region, service);
  }

  /** The HMAC chain from the secret over the scope's date (yyyyMMdd), region and service. */
  static byte[] deriveSigningKey(
      String secretAccessKey, String date, String region, String service) {
    // BytePlus signs with the raw secret: no "AWS4" prefix (ByteplusSign, reference §1 step 4).
    byte[] kDate = hmac(secretAccessKey.getBytes(StandardCharsets.UTF_8), date);
    byte[] kRegion = hmac(kDate, region);
    byte[] kService = hmac(kRegion, service);
    return hmac(kService, SCOPE_TERMINATOR);
  }

  private static String credentialScope(String xDate, String region, String service) {
    return dateOf(xDate) + "/" + region + "/" + service + "/" + SCOPE_TERMINATOR;
  }

  private static String authorization(
      String accessKeyId, String scope, Set<String> signedHeaderNames, String signature) {
    return ALGORITHM
        + " Credential="
        + accessKeyId
        + "/"
        + scope
        + ", SignedHeaders="
        + String.join(";", signedHeaderNames)
        + ", Signature="
        + signature;
  }

  private static Map<String, String> pick(Map<String, String> available, Set<String> names) {
    if (!names.contains("x-date")) {
      throw new IllegalArgumentException("signed headers must include x-date, got " + names);
    }
    Map<String, String> picked = new TreeMap<>();
    for (String name : names) {
      String value = available.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "cannot sign header " + name + ": not among " + available.keySet());
      }
      picked.put(name, value);
    }
    return picked;
  }

  private static String stripDefaultPort(String host) {
    if (host.endsWith(":80")) {
      return host.substring(0, host.length() - 3);
    }
    if (host.endsWith(":443")) {
      return host.substring(0, host.length() - 4);
    }
    return host;
  }

  private static String dateOf(String xDate) {
    if (xDate.length() != 16) {
      throw new IllegalArgumentException("xDate must look like 20240619T071306Z, got " + xDate);
    }
    return xDate.substring(0, 8);
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  private static String hmacHex(byte[] key, String data) {
    return HEX.formatHex(hmac(key, data));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK cannot compute " + HMAC, e);
    }
  }
}
