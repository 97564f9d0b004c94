package io.albqps.cloud;

/**
 * One failed attempt of a call, before the retry loop decides whether to try again; becomes an
 * {@link ApiException} once it gives up, with the number of attempts in the message.
 */
final class CallFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;
  private final String requestId;
  private final boolean retryable;
  private final String detail;

  CallFailure(
      int httpStatus,
      String errorCode,
      String requestId,
      boolean retryable,
      String detail,
      Throwable cause) {
    super(detail, cause, false, false);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.retryable = retryable;
    this.detail = detail;
  }

  boolean retryable() {
    return retryable;
  }

  /** A one-line summary for a retry log line. */
  String summary() {
    return (httpStatus == 0 ? "transport error" : "HTTP " + httpStatus)
        + (errorCode == null ? "" : " " + errorCode)
        + (detail == null ? "" : ": " + detail);
  }

  /** The exception the caller sees, {@code note} appended to the detail when not null. */
  ApiException toApiException(String action, String note) {
    String text = note == null ? detail : (detail == null ? note : detail + "; " + note);
    return new ApiException(action, httpStatus, errorCode, requestId, retryable, text, getCause());
  }
}
