package io.albqps.function;

import io.albqps.cloud.GroupApi;
import io.albqps.cloud.MetricsSource;
import java.util.Objects;

/** The two cloud seams one invocation talks to, bound to its credentials and deadline. */
public record CloudApis(MetricsSource metrics, GroupApi groups) {
  public CloudApis {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(groups, "groups");
  }
}
