package io.albqps.sim;

import io.albqps.function.Response;
import java.time.Instant;
import java.util.Objects;

/**
 * One invocation of the real function in an e2e run, for whoever shows the run invocation by
 * invocation (the {@code demo}'s table): when, which staggered copy, the InService instances the
 * group had, the desired capacity it set, and the function's response.
 */
public record Invocation(Instant at, int copy, int inService, int newDesired, Response response) {
  public Invocation {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(response, "response");
  }

  /** The QPS the function computed from CloudMonitor's points, or NaN without data. */
  public double seenQps() {
    return response.result().details().get("current_qps") instanceof Number n
        ? n.doubleValue()
        : Double.NaN;
  }
}
