package io.albqps.function;

/** A call answered, but with values the autoscaler cannot use; names the call and the value. */
final class MalformedReplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String call;

  MalformedReplyException(String call, String detail) {
    super(call + " returned an unusable reply: " + detail);
    this.call = call;
  }

  String call() {
    return call;
  }
}
