package io.albqps.cloud;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of signing one request: the intermediate texts (so a server or a test can compare
 * them byte for byte) and the headers to add to the request. {@link #toString} masks the session
 * token: it is a credential, while the signature and the canonical texts are not.
 *
 * @param canonicalRequest the canonical request that was hashed
 * @param stringToSign the string-to-sign that was signed
 * @param signature the lower-case hex signature
 * @param headersToAdd {@code X-Date}, {@code X-Content-Sha256}, {@code Authorization}, and {@code
 *     X-Security-Token} when the credentials carry a session token
 */
public record SignedRequest(
    String canonicalRequest,
    String stringToSign,
    String signature,
    Map<String, String> headersToAdd) {
  static final String SECURITY_TOKEN_HEADER = "X-Security-Token";

  public SignedRequest {
    Objects.requireNonNull(canonicalRequest, "canonicalRequest");
    Objects.requireNonNull(stringToSign, "stringToSign");
    Objects.requireNonNull(signature, "signature");
    headersToAdd = Map.copyOf(headersToAdd);
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>(headersToAdd);
    shown.computeIfPresent(SECURITY_TOKEN_HEADER, (name, token) -> "***");
    return "SignedRequest[signature=" + signature + ", headersToAdd=" + shown + "]";
  }
}
