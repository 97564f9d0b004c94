package io.albqps.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Which CloudMonitor metric of namespace {@code VCM_ALB} is the load: the whole ALB's QPS, or one
 * listener's (byteplus-api.md §4, ALB metric catalogue).
 */
public enum QpsMetric {
  LOAD_BALANCER_QPS("loadbalancer"),
  /** Needs the {@code ListenerID} dimension besides {@code ResourceID}. */
  LISTENER_QPS("listener");

  private final String subNamespace;

  QpsMetric(String subNamespace) {
    this.subNamespace = subNamespace;
  }

  /** The {@code MetricName}, e.g. {@code load_balancer_qps}. */
  public String metricName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The {@code SubNamespace}, e.g. {@code loadbalancer}. */
  public String subNamespace() {
    return subNamespace;
  }

  /** The metric named {@code name}, case-insensitive. */
  public static Optional<QpsMetric> fromMetricName(String name) {
    for (QpsMetric metric : values()) {
      if (metric.metricName().equalsIgnoreCase(name)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }
}
