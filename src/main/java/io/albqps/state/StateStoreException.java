package io.albqps.state;

/** The state could not be read or written (I/O error on the mount); the message names the path. */
public class StateStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
