package io.albqps.function;

/** An invocation whose event cannot be understood; the runtime answers it with HTTP 400. */
public final class InvalidEventException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }
}
