package io.albqps.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.cloud.Signer;
import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.engine.ScalerState;
import io.albqps.state.FileStateStore;
import io.albqps.state.StateDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 §6: the log scan can see a leak when there is one, endpoints are https except loopback,
 * and the state file is readable by its owner only.
 */
class SecretHygieneTest {
  @TempDir Path dir;

  @Test
  void scanFindsTheRawSecretTheTokenAndADerivedSigningKey() {
    byte[] key = SigningKeys.derive(Rig.SECRET, "20250303", "ap-southeast-1", "auto_scaling");

    assertThat(SecretScanAppender.find("sk=" + Rig.SECRET)).isPresent();
    assertThat(SecretScanAppender.find("X-Security-Token: " + Rig.TOKEN)).isPresent();
    assertThat(SecretScanAppender.find("key " + HexFormat.of().formatHex(key))).isPresent();
    assertThat(SecretScanAppender.find("key " + Base64.getEncoder().encodeToString(key)))
        .isPresent();
    assertThat(SecretScanAppender.find("GetMetricData failed: HTTP 429 FlowLimitExceeded"))
        .isEmpty();
  }

  @Test
  void theScansDerivationIsTheSignersSigningKey() throws Exception {
    String xDate = "20250303T080000Z";
    String canonical =
        "GET\n/\nAction=DescribeScalingGroups\nhost:h\n\nhost\n" + Signer.sha256Hex(new byte[0]);
    String scope = "20250303/ap-southeast-1/auto_scaling/request";
    String stringToSign =
        "HMAC-SHA256\n"
            + xDate
            + "\n"
            + scope
            + "\n"
            + Signer.sha256Hex(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] key = SigningKeys.derive(Rig.SECRET, "20250303", "ap-southeast-1", "auto_scaling");

    assertThat(HexFormat.of().formatHex(SigningKeys.hmac(key, stringToSign)))
        .isEqualTo(
            Signer.signature(Rig.SECRET, xDate, "ap-southeast-1", "auto_scaling", canonical));
  }

  @Test
  void theSuiteHasScannedLogEventsWithoutAHit() {
    org.slf4j.LoggerFactory.getLogger(SecretHygieneTest.class).info("scan probe");

    assertThat(SecretScanAppender.scanned()).isPositive();
    assertThat(SecretScanAppender.hits()).isEmpty();
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("AUTOSCALING_ENDPOINT", "https://auto-scaling.example.com", true),
        Arguments.of("AUTOSCALING_ENDPOINT", "http://127.0.0.1:8080", true),
        Arguments.of("AUTOSCALING_ENDPOINT", "http://localhost:8080", true),
        Arguments.of("AUTOSCALING_ENDPOINT", "http://auto-scaling.example.com", false),
        Arguments.of("CLOUDMONITOR_ENDPOINT", "https://cloudmonitor.example.com", true),
        Arguments.of("CLOUDMONITOR_ENDPOINT", "http://10.0.0.5:9000", false),
        Arguments.of("CLOUDMONITOR_ENDPOINT", "http://127.0.0.1.example.com", false),
        Arguments.of("ALERT_WEBHOOK_URL", "https://hooks.example.com/x", true),
        Arguments.of("ALERT_WEBHOOK_URL", "http://hooks.example.com/x", false));
  }

  @ParameterizedTest(name = "{0}={1} accepted: {2}")
  @MethodSource("endpoints")
  void endpointsMustBeHttpsExceptLoopback(String variable, String url, boolean accepted)
      throws ConfigException {
    Map<String, String> env = new HashMap<>();
    env.put("AUTOSCALING_GROUP_ID", "scg-abc");
    env.put("ALB_ID", "alb-abc");
    env.put("ACCESS_KEY_ID", "AKLTreliability");
    env.put("SECRET_ACCESS_KEY", Rig.SECRET);
    env.put(variable, url);

    if (accepted) {
      assertThat(Settings.parse(env)).isNotNull();
    } else {
      assertThatThrownBy(() -> Settings.parse(env))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(variable)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Rig.SECRET));
    }
  }

  @Test
  void stateFileIsWrittenReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("scaling_state.json");
    Instant now = Instant.parse("2025-03-03T08:00:00Z");
    new FileStateStore(file).save(StateDocument.fresh(now, ScalerState.INITIAL), 0, now, "t");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
