package io.albqps.engine;

/** What a decision asks of the group; the wire name is the response's {@code action} field. */
public enum Action {
  SCALE_UP("scale_up"),
  SCALE_DOWN("scale_down"),
  NONE("none");

  private final String wireName;

  Action(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
