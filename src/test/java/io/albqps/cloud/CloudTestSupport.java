package io.albqps.cloud;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.albqps.time.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Shared fixtures: a loopback WireMock, fixed credentials and a client wired to fakes. */
final class CloudTestSupport {
  static final String AK = "AKLTtestaccesskeyid";
  static final String SK = "c2VjcmV0LXNlY3JldC1rZXktZm9yLXRlc3Rz";
  static final String TOKEN = "STS-session-token-0123456789abcdef";
  static final Credentials KEYS = Credentials.of(AK, SK);
  static final Credentials ROLE = new Credentials(AK, SK, Optional.of(TOKEN));
  static final String REGION = "ap-southeast-1";
  static final Instant NOW = Instant.parse("2024-06-19T07:13:06Z");

  private CloudTestSupport() {}

  static WireMockExtension loopbackWireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
        .build();
  }

  static URI baseUri(WireMockExtension server) {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /**
   * A client on a virtual clock whose sleeps advance that clock; backoff at its ceiling. 10 s per
   * attempt, so a loopback answer slowed by a loaded machine is never timed out and retried (which
   * would change the request counts the tests check); a test about timeouts sets its own.
   */
  static BytePlusClient.Builder client(
      Credentials credentials, VirtualClock clock, Fakes.RecordingSleeper sleeper) {
    return BytePlusClient.builder(credentials, REGION)
        .timeout(Duration.ofSeconds(10))
        .maxRetries(3)
        .clock(clock)
        .sleeper(sleeper)
        .random(new Fakes.MaxJitter());
  }

  static String envelope(String action, String resultJson) {
    return "{\"ResponseMetadata\":{\"RequestId\":\"req-"
        + action
        + "\",\"Action\":\""
        + action
        + "\",\"Version\":\"v\",\"Service\":\"s\",\"Region\":\""
        + REGION
        + "\"},\"Result\":"
        + resultJson
        + "}";
  }

  static String errorEnvelope(String action, String code, String message) {
    return "{\"ResponseMetadata\":{\"RequestId\":\"req-err-"
        + action
        + "\",\"Action\":\""
        + action
        + "\",\"Version\":\"v\",\"Service\":\"s\",\"Region\":\""
        + REGION
        + "\",\"Error\":{\"CodeN\":100000,\"Code\":\""
        + code
        + "\",\"Message\":\""
        + message
        + "\"}}}";
  }
}
