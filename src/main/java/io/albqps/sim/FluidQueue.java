package io.albqps.sim;

/**
 * The latency model: a deterministic fluid queue in front of the InService instances.
 *
 * <p>Within one step, requests arrive at the step's mean rate λ and the fleet serves at most μ =
 * InService × capacity per second (the capacity is the instance's throughput at the SLO, so below
 * it a request takes just the service time). Requests above μ wait in a FIFO backlog B, which grows
 * at λ − μ and drains at μ − λ; a request arriving when the backlog is B waits B / μ. The backlog
 * holds at most μ × timeout requests: beyond that clients give up and the requests are dropped (as
 * are all requests while no instance serves). Because B moves linearly inside a step, the waiting
 * time is monotonic over the step's arrivals, so the step's quantiles are exact: the q-quantile of
 * waits is the wait of the request arriving at q (or 1 − q when the backlog shrinks) of the step.
 *
 * <p>Per step it reports p50 and p99 latency (service time + wait; the latency a request arriving
 * would see when none arrives), requests over capacity (arrivals beyond μ), and dropped requests.
 * Across the run it keeps a request-weighted histogram of waits for the overall p50 and p99.
 */
final class FluidQueue {
  /** Waits are sampled at this many points of a step for the run's histogram. */
  private static final int SAMPLES = 8;

  private final double serviceMillis;
  private final double timeoutSeconds;
  private final LatencyHistogram histogram = new LatencyHistogram();
  private double backlog;

  private double p50Millis;
  private double p99Millis;
  private double overCapacity;
  private double dropped;

  FluidQueue(double serviceMillis, double timeoutSeconds) {
    this.serviceMillis = serviceMillis;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * Advances one step of {@code seconds} with arrivals at {@code lambda} and service at {@code mu}.
   */
  void step(double lambda, double mu, double seconds) {
    double arrivals = lambda * seconds;
    overCapacity = Math.max(0, lambda - mu) * seconds;
    if (mu <= 0) {
      dropped = backlog + arrivals;
      backlog = 0;
      p50Millis = serviceMillis + timeoutSeconds * 1000;
      p99Millis = p50Millis;
      return;
    }
    double cap = mu * timeoutSeconds;
    double start = Math.min(backlog, cap);
    dropped = backlog - start;
    double net = lambda - mu;
    double end = start + net * seconds;
    dropped += Math.max(0, end - cap);
    backlog = clamp(end, cap);
    p50Millis = latencyAt(start, net, seconds, 0.5, mu, cap);
    p99Millis = latencyAt(start, net, seconds, 0.99, mu, cap);
    double served = Math.max(0, arrivals - Math.max(0, end - cap));
    for (int k = 0; k < SAMPLES; k++) {
      double tau = (k + 0.5) / SAMPLES * seconds;
      histogram.add(clamp(start + net * tau, cap) / mu * 1000, served / SAMPLES);
    }
  }

  double p50Millis() {
    return p50Millis;
  }

  double p99Millis() {
    return p99Millis;
  }

  double overCapacity() {
    return overCapacity;
  }

  double dropped() {
    return dropped;
  }

  /** The run's request-weighted latency quantile in milliseconds. */
  double runQuantileMillis(double q) {
    return serviceMillis + histogram.quantile(q);
  }

  private double latencyAt(
      double start, double net, double seconds, double q, double mu, double cap) {
    double tau = (net >= 0 ? q : 1 - q) * seconds;
    return serviceMillis + clamp(start + net * tau, cap) / mu * 1000;
  }

  private static double clamp(double backlog, double cap) {
    return Math.max(0, Math.min(cap, backlog));
  }
}
