package io.albqps.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9 §2: child JVMs write a state file in a tight loop through the real {@link FileStateStore}
 * and are killed with SIGKILL at seeded random points of their write loop, over and over; after
 * every kill the file must parse and its revision must not have gone back, neither below the
 * previous kill's nor below the last revision the child reported as saved.
 *
 * <p>The target is {@value #KILLS} kills; JVM start-up dominates, so the children run from a jar
 * with a class-data archive, two lanes at a time, and the run stops at {@link #BUDGET} on a machine
 * too loaded to fit them (the figures printed say how many it did).
 */
class CrashSafetyTest {
  private static final int KILLS = 200;
  private static final int MIN_KILLS = 20;
  private static final Duration BUDGET = Duration.ofSeconds(90);
  private static final int LANES = 2;
  private static final long SEED = 20251001L;
  private static final int MAX_WRITES_BEFORE_KILL = 12;

  @TempDir Path dir;
  private boolean classDataArchived;

  @Test
  void stateFileAlwaysParsesAndItsRevisionNeverGoesBackAcrossSigkills() throws Exception {
    List<String> java = childJvm();
    long deadline = System.nanoTime() + BUDGET.toNanos();
    AtomicInteger kills = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(LANES);
    List<LaneResult> results = new ArrayList<>();
    try {
      List<Future<LaneResult>> lanes = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        Path file = dir.resolve("lane-" + lane).resolve("scaling_state.json");
        Files.createDirectories(file.getParent());
        Random random = new Random(SEED + lane);
        lanes.add(pool.submit(() -> killRepeatedly(java, file, random, kills, deadline)));
      }
      for (Future<LaneResult> lane : lanes) {
        results.add(lane.get(BUDGET.toSeconds() + 60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    int total = results.stream().mapToInt(LaneResult::kills).sum();
    long writes = results.stream().mapToLong(LaneResult::finalRevision).sum();
    long beforeFirstReport = results.stream().mapToLong(LaneResult::killsBeforeFirstReport).sum();
    long orphans = results.stream().mapToLong(LaneResult::orphanTempFiles).sum();
    // Printed so that the figures show in the surefire report.
    System.out.printf(
        "crash safety: %d SIGKILLs (target %d; %d before the child reported a write) over %d"
            + " lanes, %d writes committed, the file parsed after every kill and its revision never"
            + " went back; %d orphan temp files (cleaned after an hour); class-data archive: %s%n",
        total, KILLS, beforeFirstReport, LANES, writes, orphans, classDataArchived);
    assertThat(total).as("kills that fit in the budget").isGreaterThanOrEqualTo(MIN_KILLS);
    assertThat(writes).isGreaterThan(total);
    assertThat(orphans).isLessThanOrEqualTo(total);
  }

  private record LaneResult(
      int kills, long killsBeforeFirstReport, long finalRevision, long orphanTempFiles) {}

  private LaneResult killRepeatedly(
      List<String> java, Path file, Random random, AtomicInteger kills, long deadline)
      throws Exception {
    List<String> command = new ArrayList<>(java);
    command.add(file.toString());
    ProcessBuilder child =
        new ProcessBuilder(command).redirectError(file.resolveSibling("stderr.txt").toFile());
    int laneKills = 0;
    long beforeFirstReport = 0;
    long revisionAfterLastKill = 0;
    while (System.nanoTime() < deadline && kills.getAndIncrement() < KILLS) {
      // One kill in ten lands before the child reported a write (JVM start or first write).
      int writesToSee = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(MAX_WRITES_BEFORE_KILL);
      Process process = child.start();
      long lastReported;
      try {
        lastReported = awaitWrites(process, writesToSee, file);
      } finally {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child ended after SIGKILL").isTrue();
      }
      laneKills++;
      if (writesToSee == 0) {
        beforeFirstReport++;
      }
      if (!Files.exists(file)) {
        assertThat(revisionAfterLastKill).as("file vanished after a kill").isZero();
        continue;
      }
      long onDisk = StateJson.read(Files.readAllBytes(file)).revision();
      assertThat(onDisk)
          .as("revision after kill %d of %s", laneKills, file)
          .isGreaterThanOrEqualTo(revisionAfterLastKill)
          .isGreaterThanOrEqualTo(lastReported);
      revisionAfterLastKill = onDisk;
    }
    return new LaneResult(laneKills, beforeFirstReport, revisionAfterLastKill, tempFiles(file));
  }

  /**
   * Reads the child's reported revisions until {@code count} writes were seen; returns the last.
   */
  private static long awaitWrites(Process process, int count, Path file) throws IOException {
    BufferedReader reports =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long last = 0;
    for (int seen = 0; seen < count; seen++) {
      String line = reports.readLine();
      if (line == null) {
        throw new AssertionError(
            "child exited before writing; stderr: "
                + Files.readString(file.resolveSibling("stderr.txt")));
      }
      last = Long.parseLong(line.trim());
    }
    return last;
  }

  private static long tempFiles(Path file) throws IOException {
    try (Stream<Path> files = Files.list(file.getParent())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  /**
   * The child's command line up to its argument: a JVM tuned to start fast, on a class path of jars
   * only (the project's classes are jarred here) so that a class-data archive, dumped by one
   * warm-up child that exits normally, can cut the start-up of every later one.
   */
  private List<String> childJvm() throws Exception {
    Path classes = jarOf(dir.resolve("classes.jar"));
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            classes.toString(),
            location(ObjectMapper.class),
            location(JsonParser.class),
            location(JsonAutoDetect.class),
            location(LoggerFactory.class));
    List<String> base = new ArrayList<>();
    base.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    base.add("-XX:TieredStopAtLevel=1");
    base.add("-XX:+UseSerialGC");
    base.add("-XX:-UsePerfData");
    base.add("-Xmx64m");
    base.add("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider");
    Path archive = dir.resolve("child.jsa");
    List<String> warmUp = new ArrayList<>(base);
    warmUp.addAll(
        List.of(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-cp",
            classPath,
            StateWriterProcess.class.getName(),
            dir.resolve("warm-up.json").toString(),
            "50"));
    Process process =
        new ProcessBuilder(warmUp)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("warm-up.log").toFile())
            .start();
    boolean archived = process.waitFor(120, TimeUnit.SECONDS) && Files.exists(archive);
    classDataArchived = archived;
    if (archived) {
      base.add("-XX:SharedArchiveFile=" + archive);
    } else {
      process.destroyForcibly();
    }
    base.addAll(List.of("-cp", classPath, StateWriterProcess.class.getName()));
    return base;
  }

  /** The main classes and the child's own class, in one jar. */
  private static Path jarOf(Path jar) throws IOException, URISyntaxException {
    Path mainClasses = Path.of(location(FileStateStore.class));
    Path testClasses = Path.of(location(StateWriterProcess.class));
    Path child = testClasses.relativize(classFile(testClasses, StateWriterProcess.class));
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream entries = new JarOutputStream(out);
        Stream<Path> files = Files.walk(mainClasses)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        addEntry(entries, mainClasses.relativize(file), file);
      }
      addEntry(entries, child, testClasses.resolve(child));
    }
    return jar;
  }

  private static void addEntry(JarOutputStream jar, Path name, Path file) throws IOException {
    jar.putNextEntry(new JarEntry(name.toString().replace(java.io.File.separatorChar, '/')));
    Files.copy(file, jar);
    jar.closeEntry();
  }

  private static Path classFile(Path root, Class<?> type) {
    return root.resolve(type.getName().replace('.', '/') + ".class");
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
