package io.albqps.emulator;

import java.util.Optional;
import java.util.Set;

/** Where an action lives: its API version, the credential-scope services and the HTTP method. */
record Route(String action, String version, Set<String> services, String method) {
  private static final String AUTO_SCALING_VERSION = "2020-01-01";
  private static final String CLOUD_MONITOR_VERSION = "2018-01-01";

  /**
   * The route of {@code action}; CloudMonitor accepts both service names found in official material
   * (reference §2).
   */
  static Optional<Route> of(String action) {
    return switch (action) {
      case Actions.GET_METRIC_DATA ->
          Optional.of(
              new Route(
                  action,
                  CLOUD_MONITOR_VERSION,
                  Set.of("cloudmonitor", "volc_observe", "Volc_Observe"),
                  "POST"));
      case Actions.DESCRIBE_SCALING_GROUPS,
          Actions.DESCRIBE_SCALING_INSTANCES,
          Actions.DESCRIBE_SCALING_ACTIVITIES,
          Actions.MODIFY_SCALING_GROUP ->
          Optional.of(new Route(action, AUTO_SCALING_VERSION, Set.of("auto_scaling"), "GET"));
      default -> Optional.empty();
    };
  }

  /** The service name the envelope reports. */
  String defaultService() {
    return services.contains("auto_scaling") ? "auto_scaling" : "cloudmonitor";
  }
}
