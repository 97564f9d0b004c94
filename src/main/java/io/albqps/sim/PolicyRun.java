package io.albqps.sim;

import java.util.List;
import java.util.Objects;

/**
 * What one policy did over a run, step by step, and the metrics of it. The arrays are owned by this
 * object; accessors return them without copying for speed, and callers must not change them.
 */
public final class PolicyRun {
  private final String name;
  private final int initialDesired;
  private final int[] desired;
  private final int[] inService;
  private final float[] p50Millis;
  private final float[] p99Millis;
  private final List<ScalingEvent> events;
  private final ElasticityMetrics metrics;

  PolicyRun(
      String name,
      int initialDesired,
      int[] desired,
      int[] inService,
      float[] p50Millis,
      float[] p99Millis,
      List<ScalingEvent> events,
      ElasticityMetrics metrics) {
    this.name = Objects.requireNonNull(name, "name");
    this.initialDesired = initialDesired;
    this.desired = desired;
    this.inService = inService;
    this.p50Millis = p50Millis;
    this.p99Millis = p99Millis;
    this.events = List.copyOf(events);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  public String name() {
    return name;
  }

  public int initialDesired() {
    return initialDesired;
  }

  /** Desired capacity (paid instances) after each step's evaluation. */
  public int[] desired() {
    return desired;
  }

  /** InService instances (the supply) at each step. */
  public int[] inService() {
    return inService;
  }

  public float[] p50Millis() {
    return p50Millis;
  }

  public float[] p99Millis() {
    return p99Millis;
  }

  public List<ScalingEvent> events() {
    return events;
  }

  public ElasticityMetrics metrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "PolicyRun[" + name + ", " + desired.length + " steps, " + metrics + "]";
  }
}
