package io.albqps.emulator;

import io.albqps.cloud.Credentials;
import io.albqps.cloud.Signer;
import io.albqps.time.IsoInstants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a request's {@code Authorization} header the way the BytePlus gateway does: recomputes the
 * HMAC-SHA256 signature with {@link Signer} from what was received (method, path, query, the
 * headers named in SignedHeaders, the body hash) and the secret of the named access key.
 */
final class SignatureVerifier {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "^(\\S+)\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,"
              + "\\s*Signature=([0-9A-Fa-f]+)\\s*$");

  private final Map<String, Credentials> credentialsByKeyId;
  private final Duration maxSkew;

  SignatureVerifier(List<Credentials> credentials, Duration maxSkew) {
    this.credentialsByKeyId =
        credentials.stream()
            .collect(Collectors.toUnmodifiableMap(Credentials::accessKeyId, Function.identity()));
    this.maxSkew = maxSkew;
  }

  /** The verified caller; an {@link ErrorReply} with the gateway's error code otherwise. */
  Caller verify(IncomingRequest request, Instant now) throws ErrorReply {
    String authorization =
        request.header("authorization").orElseThrow(ErrorReply::missingAuthenticationToken);
    Matcher parts = AUTHORIZATION.matcher(authorization);
    if (!parts.matches()) {
      throw ErrorReply.missingRequestInfo(
          "a well-formed Authorization header (HMAC-SHA256 Credential=AK/date/region/service/"
              + "request, SignedHeaders=..., Signature=...)");
    }
    Scope scope = Scope.parse(parts.group(2));
    Credentials credentials = credentialsByKeyId.get(scope.accessKeyId());
    if (credentials == null) {
      throw ErrorReply.invalidAccessKey(scope.accessKeyId());
    }
    String xDate = request.header("x-date").orElseThrow(() -> missingXDate());
    checkSkew(xDate, now);
    if (!"HMAC-SHA256".equals(parts.group(1))) {
      throw ErrorReply.signatureDoesNotMatch("algorithm must be HMAC-SHA256");
    }
    if (!xDate.startsWith(scope.date())) {
      throw ErrorReply.signatureDoesNotMatch("the credential date differs from X-Date");
    }
    Map<String, String> signedHeaders = signedHeaders(request, parts.group(3));
    String canonicalRequest =
        Signer.canonicalRequest(
            request.method(),
            request.path(),
            Signer.canonicalQueryString(request.query()),
            signedHeaders,
            Signer.sha256Hex(request.body()));
    String expected =
        Signer.signature(
            credentials.secretAccessKey(),
            xDate,
            scope.region(),
            scope.service(),
            canonicalRequest);
    if (!constantTimeEquals(expected, parts.group(4).toLowerCase(Locale.ROOT))) {
      throw ErrorReply.signatureDoesNotMatch("check the secret access key and the signing method");
    }
    checkSessionToken(request, credentials);
    return new Caller(scope.accessKeyId(), scope.region(), scope.service());
  }

  private static ErrorReply missingXDate() {
    return ErrorReply.missingRequestInfo("the X-Date header");
  }

  private void checkSkew(String xDate, Instant now) throws ErrorReply {
    Instant signedAt;
    try {
      signedAt = IsoInstants.parseBasic(xDate);
    } catch (DateTimeParseException e) {
      throw ErrorReply.invalidTimestamp("X-Date " + xDate + " is not yyyyMMddTHHmmssZ");
    }
    Duration skew = Duration.between(signedAt, now).abs();
    if (skew.compareTo(maxSkew) > 0) {
      throw ErrorReply.invalidTimestamp(
          "X-Date "
              + xDate
              + " is "
              + skew.toSeconds()
              + " s from the server time, more than "
              + maxSkew.toSeconds()
              + " s");
    }
  }

  private static Map<String, String> signedHeaders(IncomingRequest request, String list)
      throws ErrorReply {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : list.toLowerCase(Locale.ROOT).split(";")) {
      String value = request.header(name).orElse(null);
      if (value == null) {
        throw ErrorReply.signatureDoesNotMatch("signed header " + name + " is not in the request");
      }
      headers.put(name, value);
    }
    if (!headers.containsKey("x-date")) {
      throw ErrorReply.signatureDoesNotMatch("SignedHeaders must include x-date");
    }
    String bodyHash = headers.get("x-content-sha256");
    if (bodyHash != null && !bodyHash.equalsIgnoreCase(Signer.sha256Hex(request.body()))) {
      throw ErrorReply.signatureDoesNotMatch("X-Content-Sha256 is not the hash of the body");
    }
    return headers;
  }

  private static void checkSessionToken(IncomingRequest request, Credentials credentials)
      throws ErrorReply {
    if (credentials.sessionToken().isEmpty()) {
      return;
    }
    String sent = request.header("x-security-token").orElse("");
    if (!constantTimeEquals(credentials.sessionToken().get(), sent)) {
      throw ErrorReply.invalidSecurityToken();
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Who signed the request, and for which region and service. */
  record Caller(String accessKeyId, String region, String service) {}

  /** {@code AK/YYYYMMDD/region/service/request}. */
  private record Scope(String accessKeyId, String date, String region, String service) {
    static Scope parse(String credential) throws ErrorReply {
      String[] parts = credential.split("/");
      if (parts.length != 5 || !"request".equals(parts[4]) || parts[1].length() != 8) {
        throw ErrorReply.missingRequestInfo(
            "a Credential of the form AK/YYYYMMDD/region/service/request");
      }
      return new Scope(parts[0], parts[1], parts[2], parts[3]);
    }
  }
}
