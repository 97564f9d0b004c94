package io.albqps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout is the architecture (README, Development): the scaling rules stand alone, and
 * the packages depend on each other in one direction only, so a reader can take them in order. Read
 * from the sources, counting every mention of another package (imports and qualified names).
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/io/albqps");
  private static final Pattern OTHER_PACKAGE = Pattern.compile("io\\.albqps\\.([a-z]+)\\.");
  private static final Pattern JDK_IMPORT = Pattern.compile("^import (?:static )?(java\\.[a-z.]+)");

  private static Map<String, Set<String>> dependencies;

  @BeforeAll
  static void readSources() {
    dependencies = new TreeMap<>();
    for (Path pkg : list(SOURCES)) {
      if (Files.isDirectory(pkg)) {
        String name = pkg.getFileName().toString();
        Set<String> uses = new TreeSet<>();
        for (String source : sourcesOf(pkg)) {
          Matcher m = OTHER_PACKAGE.matcher(source);
          while (m.find()) {
            uses.add(m.group(1));
          }
        }
        uses.remove(name);
        dependencies.put(name, uses);
      }
    }
  }

  @Test
  void theSourcesAreWhereThisTestLooks() {
    assertThat(dependencies).containsKeys("engine", "function", "sim", "cli");
  }

  @Test
  void theEngineUsesNoOtherPackageOfTheProject() {
    assertThat(dependencies.get("engine")).isEmpty();
  }

  @Test
  void theEngineUsesOnlyCollectionsAndTimeValuesFromTheJdk() {
    Set<String> jdk = new TreeSet<>();
    for (String source : sourcesOf(SOURCES.resolve("engine"))) {
      for (String line : source.split("\n", -1)) {
        Matcher m = JDK_IMPORT.matcher(line);
        if (m.find()) {
          jdk.add(m.group(1));
        }
      }
    }

    assertThat(jdk)
        .allSatisfy(name -> assertThat(name).matches("java\\.util\\..*|java\\.time\\..*"))
        .doesNotContain("java.time.Clock");
  }

  @Test
  void theFunctionDoesNotDependOnTheSimulatorOrTheCommandLine() {
    assertThat(dependencies.get("function")).doesNotContain("sim", "demo", "cli");
  }

  @Test
  void packagesDependOnEachOtherInOneDirectionOnly() {
    assertThat(cycle()).as("a cycle of package dependencies").isEmpty();
  }

  /** One cycle in the dependency graph (first package repeated at the end), or an empty list. */
  private static List<String> cycle() {
    Set<String> done = new TreeSet<>();
    for (String start : dependencies.keySet()) {
      List<String> found = cycleFrom(start, new ArrayDeque<>(), done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> cycleFrom(String pkg, Deque<String> path, Set<String> done) {
    if (path.contains(pkg)) {
      List<String> cycle = new ArrayList<>();
      boolean inCycle = false;
      for (String step : path) {
        inCycle |= step.equals(pkg);
        if (inCycle) {
          cycle.add(step);
        }
      }
      cycle.add(pkg);
      return cycle;
    }
    if (done.contains(pkg)) {
      return List.of();
    }
    path.addLast(pkg);
    for (String next : dependencies.getOrDefault(pkg, Set.of())) {
      List<String> found = cycleFrom(next, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.removeLast();
    done.add(pkg);
    return List.of();
  }

  private static List<String> sourcesOf(Path pkg) {
    try (Stream<Path> files = Files.walk(pkg)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(ArchitectureTest::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
