package io.albqps.function;

import io.albqps.cloud.AutoScalingApi;
import io.albqps.cloud.BytePlusClient;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.ServiceEndpoint;
import io.albqps.config.QpsMetric;
import io.albqps.config.Settings;
import io.albqps.engine.ScalingEngine;
import io.albqps.state.FileStateStore;
import io.albqps.time.Sleeper;
import java.time.Clock;

/**
 * The composition root of the function: builds the handler from validated settings with the real
 * client, signer, CloudMonitor and AutoScaling adapters, the TOS-mount state file and the engine.
 * Called once per process; everything it builds is reused across warm invocations.
 */
public final class FunctionWiring {
  private FunctionWiring() {}

  /** The production handler, with the alert webhook the settings name (if any). */
  public static ScalingHandler handler(Settings settings, Clock clock) {
    return new ScalingHandler(
        config(settings),
        ScalingEngine.ours(settings.policy()),
        connector(settings, clock, Sleeper.SYSTEM),
        new FileStateStore(settings.stateFile()),
        alerts(settings),
        clock,
        Sleeper.SYSTEM);
  }

  /** The webhook sender of {@code ALERT_WEBHOOK_URL} in its format, or no alerts without one. */
  public static AlertSender alerts(Settings settings) {
    if (settings.alertWebhookUrl().isEmpty()) {
      return AlertSender.NONE;
    }
    return WebhookAlertSender.create(
        settings.alertWebhookUrl().get().toString(),
        settings.alertWebhookFormat(),
        settings.albId(),
        settings.autoscalingGroupId());
  }

  /** What the handler needs from the settings. */
  public static HandlerConfig config(Settings settings) {
    return new HandlerConfig(
        settings.autoscalingGroupId(),
        settings.albId(),
        settings.policy(),
        settings.metricPeriod(),
        settings.dryRun(),
        settings.initialDelay(),
        settings.alertAfterConsecutiveErrors(),
        settings.warnings());
  }

  /** The BytePlus connector: configured keys first, else the role credentials of each request. */
  public static BytePlusConnector connector(Settings settings, Clock clock, Sleeper sleeper) {
    ServiceEndpoint monitoring =
        CloudMonitorApi.endpoint(
            settings.cloudMonitorEndpoint(), settings.cloudMonitorService().serviceName());
    ServiceEndpoint autoscaling = AutoScalingApi.endpoint(settings.autoscalingEndpoint());
    return new BytePlusConnector(
        settings.credentials(),
        credentials ->
            BytePlusClient.builder(credentials, settings.region())
                .timeout(settings.httpTimeout())
                .tls(monitoring.isHttps() || autoscaling.isHttps())
                .maxRetries(settings.apiMaxRetries())
                .clock(clock)
                .sleeper(sleeper)
                .build(),
        client ->
            settings.qpsMetric() == QpsMetric.LISTENER_QPS
                ? CloudMonitorApi.forListener(
                    client, monitoring, settings.albId(), settings.listenerId().orElseThrow())
                : CloudMonitorApi.forLoadBalancer(client, monitoring, settings.albId()),
        client -> AutoScalingApi.create(client, autoscaling));
  }
}
