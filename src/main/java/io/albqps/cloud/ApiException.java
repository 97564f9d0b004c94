package io.albqps.cloud;

import java.util.Optional;

/**
 * A BytePlus API call that failed: the action, the HTTP status (0 for a transport failure), the
 * error code and request id from the response envelope when there was one, and whether a retry may
 * succeed. The message never holds a credential.
 */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final int httpStatus;
  private final String errorCode;
  private final String requestId;
  private final boolean retryable;

  public ApiException(
      String action,
      int httpStatus,
      String errorCode,
      String requestId,
      boolean retryable,
      String detail,
      Throwable cause) {
    super(message(action, httpStatus, errorCode, requestId, detail), cause);
    this.action = action;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.retryable = retryable;
  }

  private static String message(
      String action, int httpStatus, String errorCode, String requestId, String detail) {
    StringBuilder sb = new StringBuilder(action).append(" failed: ");
    sb.append(httpStatus == 0 ? "transport error" : "HTTP " + httpStatus);
    if (errorCode != null) {
      sb.append(' ').append(errorCode);
    }
    if (detail != null && !detail.isBlank()) {
      sb.append(": ").append(detail);
    }
    if (requestId != null) {
      sb.append(" (request ").append(requestId).append(')');
    }
    return sb.toString();
  }

  public String action() {
    return action;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public boolean retryable() {
    return retryable;
  }
}
