package io.albqps.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.sh}, the function's start command, chooses the Java and the start-up archive: a
 * runtime bundled in {@code jre/} wins over the java on PATH; a bundled Java 25+ gets the AOT
 * cache, any other Java the AppCDS archive; a missing archive is skipped. A stand-in {@code java}
 * prints the command line it was given instead of starting a JVM.
 */
class RunScriptTest {
  private static final String JAR = "alb-qps-autoscaler.jar";

  @TempDir Path folder;
  private Path pathJava;

  @BeforeEach
  void packageFolder() throws IOException {
    Files.copy(Path.of("run.sh"), folder.resolve("run.sh"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.writeString(folder.resolve(JAR), "not really a jar");
    pathJava = standInJava(folder.resolve("path-bin"), "path-java");
  }

  @Test
  void usesTheJavaOnPathWithTheAppCdsArchiveNextToTheJar() throws Exception {
    Files.writeString(folder.resolve("alb-qps-autoscaler.jsa"), "archive");

    String command = run(Map.of());

    assertThat(command)
        .startsWith("path-java ")
        .contains("-XX:SharedArchiveFile=alb-qps-autoscaler.jsa")
        .endsWith("-jar alb-qps-autoscaler.jar serve");
  }

  @Test
  void startsWithoutAnArchiveWhenThereIsNone() throws Exception {
    assertThat(run(Map.of())).doesNotContain("SharedArchiveFile").doesNotContain("AOTCache");
  }

  @Test
  void prefersABundledJava25WithItsAotCache() throws Exception {
    bundleRuntime("25.0.3");
    Files.writeString(folder.resolve("alb-qps-autoscaler.aot"), "cache");
    Files.writeString(folder.resolve("alb-qps-autoscaler.jsa"), "archive");

    String command = run(Map.of());

    assertThat(command)
        .startsWith("bundled-java ")
        .contains("-XX:AOTCache=alb-qps-autoscaler.aot")
        .doesNotContain("SharedArchiveFile");
  }

  @Test
  void givesABundledJava17TheAppCdsArchive() throws Exception {
    bundleRuntime("17.0.15");
    Files.writeString(folder.resolve("alb-qps-autoscaler.jsa"), "archive");

    String command = run(Map.of());

    assertThat(command)
        .startsWith("bundled-java ")
        .contains("-XX:SharedArchiveFile=alb-qps-autoscaler.jsa")
        .doesNotContain("AOTCache");
  }

  @Test
  void trainsTheKindOfArchiveTheRuntimeUses() throws Exception {
    assertThat(run(Map.of("ALBQPS_CDS", "train")))
        .contains("-XX:ArchiveClassesAtExit=alb-qps-autoscaler.jsa");
    bundleRuntime("25");
    assertThat(run(Map.of("ALBQPS_CDS", "train")))
        .contains("-XX:AOTCacheOutput=alb-qps-autoscaler.aot");
  }

  @Test
  void skipsTheArchiveWhenAskedTo() throws Exception {
    bundleRuntime("25.0.3");
    Files.writeString(folder.resolve("alb-qps-autoscaler.aot"), "cache");

    assertThat(run(Map.of("ALBQPS_CDS", "off"))).doesNotContain("AOTCache");
  }

  @Test
  void refusesAnUnknownArchiveMode() throws Exception {
    Process process = start(Map.of("ALBQPS_CDS", "sometimes"));

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("ALBQPS_CDS must be on, off or train, got 'sometimes'");
  }

  private void bundleRuntime(String version) throws IOException {
    Path runtime = folder.resolve("jre");
    standInJava(runtime.resolve("bin"), "bundled-java");
    Files.writeString(
        runtime.resolve("release"),
        "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\nMODULES=\"java.base\"\n");
  }

  /** A {@code java} that prints its name and arguments on one line. */
  private static Path standInJava(Path bin, String name) throws IOException {
    Files.createDirectories(bin);
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/usr/bin/env bash\necho \"" + name + " $*\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  private String run(Map<String, String> env) throws Exception {
    Process process = start(env);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return out.strip();
  }

  private Process start(Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(List.of(folder.resolve("run.sh").toString()));
    builder.environment().remove("ALBQPS_CDS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder
        .environment()
        .put("PATH", pathJava.getParent() + ":" + builder.environment().get("PATH"));
    builder.environment().putAll(env);
    return builder.start();
  }
}
