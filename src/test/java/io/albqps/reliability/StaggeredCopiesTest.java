package io.albqps.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.albqps.cli.Main;
import io.albqps.cloud.Credentials;
import io.albqps.emulator.Emulator;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.emulator.ModifyRecord;
import io.albqps.state.StateDocument;
import io.albqps.state.StateJson;
import io.albqps.traffic.PhaseProfile;
import io.albqps.traffic.PhaseProfile.Phase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 §3: four separate {@code serve} processes (child JVMs, INITIAL_DELAY_SECONDS 0/15/30/45)
 * share one state directory and one emulator on the system clock; each is invoked back to back by
 * its own driver, all four at once, while this test re-reads the state file in a loop. The
 * emulator's modify log must show no capacity change inside a cooldown, every state read must
 * parse, and the executions counted in the state must match the invocations, less what the revision
 * check reported.
 */
class StaggeredCopiesTest {
  private static final int COPIES = 4;
  private static final Duration DRIVE = Duration.ofSeconds(35);

  /*
   * The load alternates between 100 and 700 QPS every 15 s, the copies read 15 s points (a 30 s
   * METRIC_PERIOD asks CloudMonitor for 15 s ones) and take the latest, so the capacity they want
   * flips with every point. The cooldowns are about twice that, so they bind: copies that ignored
   * them would change capacity every 15 s. With the copies' cooldowns set to 0 and these values kept
   * for the check, three runs of three failed with 1-2 changes inside a cooldown; with the
   * earlier set-up (3-6 s cooldowns, a mean over two points that alternated, so the wanted capacity
   * never moved after the first action) one run of six did.
   */
  private static final Duration UP_COOLDOWN = Duration.ofSeconds(29);
  private static final Duration DOWN_COOLDOWN = Duration.ofSeconds(30);
  private static final Duration GENERAL_COOLDOWN = Duration.ofSeconds(28);

  /**
   * A copy decides at the start of its evaluation and its modify reaches the emulator after its
   * reads; the cooldown is measured from the decision, so two modifies may be this much closer.
   * Half a second was too little: a copy's first (cold) evaluation takes 0.7-0.9 s on a quiet
   * 2-core machine, longer on a loaded one. Two changes 15 s apart (what copies that ignored the
   * cooldowns would make) are still far inside the general cooldown less this.
   */
  private static final Duration READ_LATENCY_ALLOWANCE = Duration.ofSeconds(2);

  /**
   * Each copy evaluates at least this often inside the same {@link #DRIVE}, so all four processes
   * read and wrote the state file concurrently, many times over. Far below what a loaded 2-core
   * machine manages (about 60 per copy with a 20 s drive, 550 on a quiet machine with 35 s).
   */
  private static final int MIN_INVOCATIONS_PER_COPY = 10;

  /**
   * The concurrent reader's pause between reads: a reader spinning without one took a whole core of
   * two from the copies. Some thousand reads a second still catch a torn file: in a stand-alone
   * trial, 244 of 17,329 such reads were torn by a writer rewriting the file in place (not by
   * rename) at this test's rate, 1,104 writes in 20 s.
   */
  private static final Duration READ_PAUSE = Duration.ofMillis(1);

  private static final Credentials KEYS =
      Credentials.of("AKLTstaggered", "staggered-SECRET-8d3f1a6c9e2b");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void fourServeProcessesSharingOneStateFileNeverActInsideACooldownNorTearTheState()
      throws Exception {
    Phase low = Phase.hold(Duration.ofSeconds(15), 100);
    Phase high = Phase.hold(Duration.ofSeconds(15), 700);
    List<Phase> wave = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      wave.add(i % 2 == 0 ? high : low);
    }
    Path stateDir = Files.createDirectories(dir.resolve("tos"));
    try (Emulator emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .credentials(KEYS)
                .scalingGroupId("scg-staggered")
                .albId("alb-staggered")
                .capacity(1, 20, 2)
                .bootTime(Duration.ofSeconds(2))
                .removalTime(Duration.ofSeconds(1))
                .ingestionLag(Duration.ZERO)
                .loadProfile(PhaseProfile.of(wave))
                .build(),
            Clock.systemUTC())) {
      List<Copy> copies = new ArrayList<>();
      try {
        for (int k = 0; k < COPIES; k++) {
          copies.add(Copy.start(k, env(emulator, stateDir, k * 15), dir));
        }
        for (Copy copy : copies) {
          copy.awaitReady();
        }
        Tally tally = drive(copies, stateDir.resolve("scaling_state.json"));
        check(emulator, stateDir, tally);
      } finally {
        copies.forEach(Copy::stop);
      }
    }
  }

  private static Map<String, String> env(Emulator emulator, Path stateDir, int initialDelay) {
    return Map.ofEntries(
        Map.entry("AUTOSCALING_GROUP_ID", "scg-staggered"),
        Map.entry("ALB_ID", "alb-staggered"),
        Map.entry("ACCESS_KEY_ID", KEYS.accessKeyId()),
        Map.entry("SECRET_ACCESS_KEY", KEYS.secretAccessKey()),
        Map.entry("AUTOSCALING_ENDPOINT", emulator.endpoint().toString()),
        Map.entry("CLOUDMONITOR_ENDPOINT", emulator.endpoint().toString()),
        Map.entry("TOS_MOUNT_PATH", stateDir.toString()),
        Map.entry("METRIC_PERIOD", "30"),
        Map.entry("QPS_STATISTIC", "latest"),
        Map.entry("SCALE_UP_COOLDOWN", String.valueOf(UP_COOLDOWN.toSeconds())),
        Map.entry("SCALE_DOWN_COOLDOWN", String.valueOf(DOWN_COOLDOWN.toSeconds())),
        Map.entry("GENERAL_COOLDOWN", String.valueOf(GENERAL_COOLDOWN.toSeconds())),
        Map.entry("DOWNSCALE_DELAY_SECONDS", "0"),
        Map.entry("HTTP_TIMEOUT_MS", "3000"),
        Map.entry("API_MAX_RETRIES", "2"),
        Map.entry("INITIAL_DELAY_SECONDS", String.valueOf(initialDelay)),
        Map.entry("_FAAS_FUNC_TIMEOUT", "60"),
        Map.entry("LOG_FORMAT", "text"),
        Map.entry("LOG_LEVEL", "WARN"));
  }

  /** What the drivers saw. */
  record Tally(
      int invocations,
      List<Integer> invocationsPerCopy,
      long slowestInvocationMillis,
      Map<String, Integer> outcomes,
      long stateReads,
      long tornReads,
      int conflictHolds,
      int stateErrors) {}

  private static Tally drive(List<Copy> copies, Path stateFile) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicInteger invocations = new AtomicInteger();
    AtomicLong reads = new AtomicLong();
    AtomicLong torn = new AtomicLong();
    List<Integer> perCopy = new ArrayList<>();
    AtomicLong slowest = new AtomicLong();
    long end = System.nanoTime() + DRIVE.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(COPIES + 1);
    try {
      List<Future<Integer>> drivers = new ArrayList<>();
      for (Copy copy : copies) {
        drivers.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    String outcome = invoke(http, copy, "stagger-" + copy.index + "-" + n++);
                    slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                    outcomes.merge(outcome, 1, Integer::sum);
                    invocations.incrementAndGet();
                  }
                  return n;
                }));
      }
      Future<?> reader =
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  try {
                    StateJson.read(Files.readAllBytes(stateFile));
                    reads.incrementAndGet();
                  } catch (NoSuchFileException notYet) {
                    // No copy has written the state yet.
                  } catch (Exception e) {
                    torn.incrementAndGet();
                  }
                  LockSupport.parkNanos(READ_PAUSE.toNanos());
                }
                return null;
              });
      for (Future<Integer> driver : drivers) {
        perCopy.add(driver.get(DRIVE.toSeconds() + 60, TimeUnit.SECONDS));
      }
      reader.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    int conflicts = outcomes.getOrDefault("200 none state_conflict", 0);
    int stateErrors =
        outcomes.entrySet().stream()
            .filter(e -> e.getKey().startsWith("500 state_error"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    return new Tally(
        invocations.get(),
        List.copyOf(perCopy),
        slowest.get() / 1_000_000,
        Map.copyOf(outcomes),
        reads.get(),
        torn.get(),
        conflicts,
        stateErrors);
  }

  /** One manual evaluation; the outcome as "status action message" or "500 errorType". */
  private static String invoke(HttpClient http, Copy copy, String requestId) throws Exception {
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + copy.port + "/invoke"))
                .header("X-Faas-Request-Id", requestId)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"scaling_evaluation\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(reply.body());
    if (reply.statusCode() >= 500) {
      return reply.statusCode() + " " + body.path("error").path("type").asText("?");
    }
    JsonNode result = body.path("result");
    return reply.statusCode()
        + " "
        + result.path("action").asText()
        + " "
        + result.path("message").asText();
  }

  private static void check(Emulator emulator, Path stateDir, Tally tally) throws Exception {
    List<ModifyRecord> modifies = emulator.modifyLog();
    List<ModifyRecord> changes = modifies.stream().filter(ModifyRecord::changesCapacity).toList();
    int insideCooldown = insideCooldown(changes);
    StateDocument state =
        StateJson.read(Files.readAllBytes(stateDir.resolve("scaling_state.json")));
    long corruptAside;
    try (Stream<Path> files = Files.list(stateDir)) {
      corruptAside = files.filter(p -> p.getFileName().toString().contains(".corrupt.")).count();
    }
    long counted = state.statistics().totalExecutions();
    long lost = tally.invocations() - counted;
    String figures =
        String.format(
            "staggered copies: %d serve processes, %d invocations (per copy %s, the slowest %d"
                + " ms; %s), %d capacity changes and %d repeated absolute sets in the emulator's"
                + " log, %d inside a cooldown (less %d ms); %d concurrent state reads, %d torn; %d"
                + " state_conflict holds, %d state write errors; executions counted in the state"
                + " %d (lost %d); state revision %d; %d corrupt files moved aside",
            COPIES,
            tally.invocations(),
            tally.invocationsPerCopy(),
            tally.slowestInvocationMillis(),
            new java.util.TreeMap<>(tally.outcomes()),
            changes.size(),
            modifies.size() - changes.size(),
            insideCooldown,
            READ_LATENCY_ALLOWANCE.toMillis(),
            tally.stateReads(),
            tally.tornReads(),
            tally.conflictHolds(),
            tally.stateErrors(),
            counted,
            lost,
            state.revision(),
            corruptAside);
    Files.createDirectories(Path.of("target", "reliability"));
    Files.writeString(Path.of("target", "reliability", "staggered.txt"), figures + "\n");
    // Printed so that the figures show in the surefire report.
    System.out.println(figures);

    assertThat(tally.invocationsPerCopy())
        .as("invocations per copy")
        .hasSize(COPIES)
        .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(MIN_INVOCATIONS_PER_COPY));
    assertThat(insideCooldown).as("capacity changes inside a cooldown").isZero();
    assertThat(tally.tornReads()).as("torn state reads").isZero();
    assertThat(corruptAside).as("state files found corrupt by a copy").isZero();
    assertThat(lost)
        .as("executions missing from the statistics beyond the reported write conflicts")
        .isBetween(0L, (long) tally.stateErrors());
    assertThat(tally.outcomes().keySet())
        .as("only evaluations and reported conflicts")
        .allMatch(o -> o.startsWith("200 ") || o.startsWith("500 state_error"));
  }

  /** Capacity changes closer to the previous one than the cooldown that applied. */
  private static int insideCooldown(List<ModifyRecord> changes) {
    int violations = 0;
    ModifyRecord lastUp = null;
    ModifyRecord lastDown = null;
    ModifyRecord last = null;
    for (ModifyRecord change : changes) {
      boolean up = change.toDesired() > change.fromDesired();
      if (last != null && closer(last, change, GENERAL_COOLDOWN)) {
        violations++;
      } else if (up && lastUp != null && closer(lastUp, change, UP_COOLDOWN)) {
        violations++;
      } else if (!up && lastDown != null && closer(lastDown, change, DOWN_COOLDOWN)) {
        violations++;
      }
      last = change;
      if (up) {
        lastUp = change;
      } else {
        lastDown = change;
      }
    }
    return violations;
  }

  private static boolean closer(ModifyRecord earlier, ModifyRecord later, Duration cooldown) {
    return Duration.between(earlier.at(), later.at())
            .compareTo(cooldown.minus(READ_LATENCY_ALLOWANCE))
        < 0;
  }

  /** One {@code serve} child process. */
  private static final class Copy {
    final int index;
    final int port;
    final Process process;
    final Path log;

    private Copy(int index, int port, Process process, Path log) {
      this.index = index;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    static Copy start(int index, Map<String, String> env, Path dir) throws IOException {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      String classPath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-Xmx128m",
              "-cp",
              classPath,
              Main.class.getName(),
              "serve",
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(port));
      Path log = dir.resolve("copy-" + index + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      return new Copy(index, port, builder.start(), log);
    }

    void awaitReady() throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end) {
        if (!process.isAlive()) {
          throw new AssertionError("copy " + index + " exited: " + Files.readString(log));
        }
        try {
          HttpResponse<String> ping =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/ping"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (ping.statusCode() == 200) {
            return;
          }
        } catch (IOException notListeningYet) {
          process.waitFor(100, TimeUnit.MILLISECONDS);
        }
      }
      throw new AssertionError(
          "copy " + index + " never answered /v1/ping: " + Files.readString(log));
    }

    void stop() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
