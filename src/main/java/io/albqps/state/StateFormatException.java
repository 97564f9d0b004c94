package io.albqps.state;

/**
 * The bytes of a state file are not a state document (not JSON, or JSON of the wrong shape); the
 * store treats such a file as corrupt. The message names the field and what was expected.
 */
public final class StateFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  StateFormatException(String message) {
    super(message);
  }

  StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
