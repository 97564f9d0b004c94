package io.albqps.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The service name CloudMonitor requests are signed for, with its host: the SDK v2 uses {@code
 * cloudmonitor}, the BytePlus docs and the original solution {@code volc_observe} (byteplus-api.md
 * §2), so both are offered.
 */
public enum CloudMonitorService {
  CLOUDMONITOR("cloudmonitor", "cloudmonitor"),
  VOLC_OBSERVE("volc_observe", "volc-observe");

  private final String serviceName;
  private final String hostPrefix;

  CloudMonitorService(String serviceName, String hostPrefix) {
    this.serviceName = serviceName;
    this.hostPrefix = hostPrefix;
  }

  /** The service in the credential scope, e.g. {@code cloudmonitor}. */
  public String serviceName() {
    return serviceName;
  }

  /** The first label of the regional host, e.g. {@code volc-observe}. */
  public String hostPrefix() {
    return hostPrefix;
  }

  /** The service named {@code name}, case-insensitive (the docs write {@code Volc_Observe}). */
  public static Optional<CloudMonitorService> fromServiceName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (CloudMonitorService service : values()) {
      if (service.serviceName.equals(lower)) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }
}
