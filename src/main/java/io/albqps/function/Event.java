package io.albqps.function;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One invocation's event: what to do (evaluate, report status, validate, or a timer tick) and
 * whether a dry run is forced whatever {@code DRY_RUN_MODE} says.
 */
public record Event(Event.Type type, boolean forceDryRun) {

  public Event {
    Objects.requireNonNull(type, "type");
  }

  /** A manual scaling evaluation (also what an empty body means). */
  public static Event evaluation(boolean forceDryRun) {
    return new Event(Type.SCALING_EVALUATION, forceDryRun);
  }

  public static Event status() {
    return new Event(Type.STATUS, false);
  }

  public static Event validation() {
    return new Event(Type.VALIDATION, false);
  }

  /** A timer trigger: an evaluation preceded by {@code INITIAL_DELAY_SECONDS}. */
  public static Event timer() {
    return new Event(Type.TIMER, false);
  }

  /** The event kinds; the wire name is the {@code type} field of a JSON event. */
  public enum Type {
    SCALING_EVALUATION("scaling_evaluation"),
    STATUS("status"),
    VALIDATION("validation"),
    /** veFaaS timer CloudEvent (structured {@code type}, as the Go runtime names it). */
    TIMER("faas.timer.event");

    /** The binary-mode {@code ce-type} header of the veFaaS Java sample's timer events. */
    public static final String BYTEFAAS_TIMER = "bytefaas.timer.event";

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /**
     * The type with this wire name (either timer spelling), or an error naming the allowed ones.
     */
    public static Type parse(String wireName) throws InvalidEventException {
      if (BYTEFAAS_TIMER.equals(wireName)) {
        return TIMER;
      }
      for (Type type : values()) {
        if (type.wireName.equals(wireName)) {
          return type;
        }
      }
      throw new InvalidEventException(
          "unknown event type '" + wireName + "': expected one of " + allowed());
    }

    /** The allowed wire names, for error messages. */
    public static String allowed() {
      return Arrays.stream(values()).map(Type::wireName).collect(Collectors.joining(", "))
          + ", "
          + BYTEFAAS_TIMER;
    }
  }
}
