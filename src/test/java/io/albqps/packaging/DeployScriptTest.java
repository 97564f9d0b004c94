package io.albqps.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy.sh} refuses bad options before it builds or bundles anything: exit code 2 and a
 * message that names the option and what it needs. (Bundling and training themselves are measured
 * by {@code bench/cold-start.sh}, which runs {@code deploy.sh --archive-only --runtime}.)
 */
class DeployScriptTest {
  @TempDir Path folder;

  @BeforeEach
  void copyScript() throws IOException {
    Files.copy(
        Path.of("deploy.sh"), folder.resolve("deploy.sh"), StandardCopyOption.COPY_ATTRIBUTES);
  }

  @Test
  void refusesAnUnknownOption() throws Exception {
    Result result = run("--fast");

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("usage:").contains("--runtime JDK_FOLDER");
  }

  @Test
  void refusesRuntimeWithoutAFolder() throws Exception {
    assertThat(run("--runtime").code).isEqualTo(2);
  }

  @Test
  void refusesARuntimeFolderThatIsNotAJdk() throws Exception {
    Result result = run("--archive-only", "--runtime", folder.toString());

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("--runtime " + folder + ": not a JDK folder");
  }

  @Test
  void refusesAJdkOlderThan17() throws Exception {
    Path jdk = fakeJdk("jdk-11", "JAVA_VERSION=\"11.0.2\"\nOS_NAME=\"Linux\"\n");

    Result result = run("--archive-only", "--runtime", jdk.toString());

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("Java 11; 17 or newer is required");
    assertThat(folder.resolve("target")).doesNotExist();
  }

  @Test
  void refusesAJdkForAnotherOperatingSystem() throws Exception {
    Path jdk = fakeJdk("jdk-25-mac", "JAVA_VERSION=\"25.0.3\"\nOS_NAME=\"Darwin\"\n");

    Result result = run("--archive-only", "--runtime", jdk.toString());

    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("a Darwin JDK; the function runs on Linux");
    assertThat(folder.resolve("target")).doesNotExist();
  }

  /** A folder that looks like a JDK to deploy.sh: an executable bin/jlink and a release file. */
  private Path fakeJdk(String name, String release) throws IOException {
    Path jdk = folder.resolve(name);
    Files.createDirectories(jdk.resolve("bin"));
    Path jlink = Files.writeString(jdk.resolve("bin/jlink"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(jlink, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(jdk.resolve("release"), release);
    return jdk;
  }

  private Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(folder.resolve("deploy.sh").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), err);
  }

  private record Result(int code, String err) {}
}
