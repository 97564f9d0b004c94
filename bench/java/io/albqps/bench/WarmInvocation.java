package io.albqps.bench;

import io.albqps.emulator.EmulatorConfig;
import io.albqps.engine.Policy;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.HandlerConfig;
import io.albqps.function.LogSetup;
import io.albqps.function.Response;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.PhaseProfile;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Times warm invocations of the real handler (client, signer, file state store, engine) against the
 * emulator on loopback: one timer tick per virtual minute, after a warm-up; prints the median, p90
 * and p99, and the API calls per evaluation. Run with {@code bench/warm-invocation.sh}.
 */
public final class WarmInvocation {
  private WarmInvocation() {}

  public static void main(String[] args) throws Exception {
    LogSetup.level("WARN");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Instant start = Instant.parse("2025-01-06T09:00:00Z");
    Path dir = Files.createTempDirectory("warm-invocation-");
    HandlerConfig config =
        new HandlerConfig(
            "scg-bench",
            "alb-bench",
            Policy.defaults(),
            Duration.ofSeconds(300),
            false,
            Duration.ZERO,
            3,
            java.util.List.of());
    try (EmulatedDeployment d =
        EmulatedDeployment.start(
            EmulatorConfig.builder()
                .scalingGroupId("scg-bench")
                .albId("alb-bench")
                .capacity(1, 20, 4)
                .loadProfile(PhaseProfile.constant(190))
                .trafficStart(start.minus(Duration.ofHours(1))),
            config,
            dir.resolve("scaling_state.json"),
            1,
            new VirtualClock(start),
            EmulatedDeployment.ClientTuning.DEFAULT)) {
      Instant tick = start;
      for (int i = 0; i < warmup; i++) {
        tick = tick.plus(Duration.ofMinutes(1));
        d.tick(0, tick);
      }
      Map<String, Integer> before = d.emulator().callCounts();
      long[] nanos = new long[runs];
      int errors = 0;
      for (int i = 0; i < runs; i++) {
        tick = tick.plus(Duration.ofMinutes(1));
        long t0 = System.nanoTime();
        Response response = d.tick(0, tick);
        nanos[i] = System.nanoTime() - t0;
        if (response.failed()) {
          errors++;
        }
      }
      Map<String, Integer> after = d.emulator().callCounts();
      report(nanos, errors, before, after, System.out);
    }
  }

  private static void report(
      long[] nanos,
      int errors,
      Map<String, Integer> before,
      Map<String, Integer> after,
      PrintStream out) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "warm invocations: %d (%d errors)%n  median %.2f ms%n  p90    %.2f ms%n  p99    %.2f ms%n"
            + "  max    %.2f ms%n",
        nanos.length,
        errors,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 90)),
        ms(percentile(sorted, 99)),
        ms(sorted[sorted.length - 1]));
    out.println("API calls per evaluation:");
    after.forEach(
        (action, count) ->
            out.printf(
                Locale.ROOT,
                "  %-27s %.2f%n",
                action,
                (count - before.getOrDefault(action, 0)) / (double) nanos.length));
    out.flush();
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  static {
    System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }
}
