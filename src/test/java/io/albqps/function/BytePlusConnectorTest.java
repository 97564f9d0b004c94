package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.cloud.AutoScalingApi;
import io.albqps.cloud.BytePlusClient;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One client per process: built ahead of time with configured keys, else on the first call. */
class BytePlusConnectorTest {
  private static final Credentials CONFIGURED = Credentials.of("AKLTconfigured", "c2VjcmV0MQ==");
  private static final Credentials ROLE = Credentials.of("AKLTrole", "c2VjcmV0Mg==");
  private static final Instant DEADLINE = Instant.parse("2026-11-23T12:00:00Z");

  private final List<Credentials> built = new ArrayList<>();

  private BytePlusConnector connector(Optional<Credentials> configured) {
    return new BytePlusConnector(
        configured,
        credentials -> {
          built.add(credentials);
          return BytePlusClient.builder(credentials, "ap-southeast-1").tls(false).build();
        },
        client ->
            CloudMonitorApi.forLoadBalancer(
                client, CloudMonitorApi.endpoint("ap-southeast-1", "ALB"), "alb-1"),
        client -> AutoScalingApi.create(client, AutoScalingApi.endpoint("ap-southeast-1")));
  }

  @Test
  void prepareBuildsTheClientOnceWithConfiguredKeysAndConnectReusesIt() throws Exception {
    BytePlusConnector connector = connector(Optional.of(CONFIGURED));

    connector.prepare();
    connector.connect(Optional.empty(), DEADLINE);
    connector.connect(Optional.of(ROLE), DEADLINE);

    assertThat(built).containsExactly(CONFIGURED);
  }

  @Test
  void prepareBuildsNothingWhenOnlyRoleCredentialsWillCome() throws Exception {
    BytePlusConnector connector = connector(Optional.empty());

    connector.prepare();
    assertThat(built).isEmpty();

    connector.connect(Optional.of(ROLE), DEADLINE);
    assertThat(built).containsExactly(ROLE);
  }

  @Test
  void connectWithoutAnyCredentialsNamesTheSettings() {
    BytePlusConnector connector = connector(Optional.empty());

    assertThatThrownBy(() -> connector.connect(Optional.empty(), DEADLINE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ACCESS_KEY_ID");
    assertThat(built).isEmpty();
  }
}
