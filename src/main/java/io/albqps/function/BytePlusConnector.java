package io.albqps.function;

import io.albqps.cloud.AutoScalingApi;
import io.albqps.cloud.BytePlusClient;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The production {@link CloudConnector}: one BytePlus client per process (connections and threads
 * reused across warm invocations), bound per invocation to its deadline and to the configured keys
 * or, when none are configured, to the role credentials veFaaS passed in the request headers.
 */
public final class BytePlusConnector implements CloudConnector {
  private final Optional<Credentials> configured;
  private final Function<Credentials, BytePlusClient> clientFactory;
  private final Function<BytePlusClient, CloudMonitorApi> metricsFactory;
  private final Function<BytePlusClient, AutoScalingApi> groupsFactory;
  private BytePlusClient base;
  private CloudMonitorApi metrics;
  private AutoScalingApi groups;

  /**
   * @param configured the keys from the settings, if any; they win over role credentials
   * @param clientFactory builds the process's client (called once, with the first credentials)
   */
  public BytePlusConnector(
      Optional<Credentials> configured,
      Function<Credentials, BytePlusClient> clientFactory,
      Function<BytePlusClient, CloudMonitorApi> metricsFactory,
      Function<BytePlusClient, AutoScalingApi> groupsFactory) {
    this.configured = Objects.requireNonNull(configured, "configured");
    this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
    this.metricsFactory = Objects.requireNonNull(metricsFactory, "metricsFactory");
    this.groupsFactory = Objects.requireNonNull(groupsFactory, "groupsFactory");
  }

  @Override
  public CloudApis connect(Optional<Credentials> roleCredentials, Instant deadline)
      throws ConfigException {
    Credentials credentials = configured.or(() -> roleCredentials).orElse(null);
    if (credentials == null) {
      throw ConfigException.single(
          "ACCESS_KEY_ID",
          "(unset)",
          "ACCESS_KEY_ID and SECRET_ACCESS_KEY, or a role bound to the function so veFaaS passes"
              + " X-Faas-Access-Key-Id, X-Faas-Secret-Access-Key and X-Faas-Session-Token");
    }
    BytePlusClient client = base(credentials).withCredentials(credentials).withDeadline(deadline);
    return new CloudApis(metrics.withClient(client), groups.withClient(client));
  }

  /** With configured keys, builds the process's client now; role credentials must wait for one. */
  @Override
  public void prepare() {
    configured.ifPresent(this::base);
  }

  private synchronized BytePlusClient base(Credentials first) {
    if (base == null) {
      base = clientFactory.apply(first);
      metrics = metricsFactory.apply(base);
      groups = groupsFactory.apply(base);
    }
    return base;
  }
}
