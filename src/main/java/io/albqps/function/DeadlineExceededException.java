package io.albqps.function;

/** The invocation's deadline passed while a call was still outstanding. */
final class DeadlineExceededException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String call;

  DeadlineExceededException(String call) {
    super("invocation deadline reached while waiting for " + call);
    this.call = call;
  }

  String call() {
    return call;
  }
}
