package io.albqps.engine;

/**
 * Why a decision came out as it did. The wire name is the response's {@code result.message}; the
 * original solution's names are kept so dashboards built on it keep working.
 */
public enum Reason {
  // The original solution's reasons.
  QPS_ABOVE_THRESHOLD("qps_above_threshold"),
  QPS_BELOW_THRESHOLD("qps_below_threshold"),
  QPS_WITHIN_THRESHOLDS("qps_within_thresholds"),
  COOLDOWN_GENERAL("cooldown_general"),
  COOLDOWN_SCALE_UP("cooldown_scale_up"),
  COOLDOWN_SCALE_DOWN("cooldown_scale_down"),
  SCALING_IN_PROGRESS("scaling_in_progress"),
  METRICS_UNAVAILABLE("metrics_unavailable"),
  AT_MAX_CAPACITY("at_max_capacity"),
  AT_MIN_CAPACITY("at_min_capacity"),
  DYNAMIC_SCALING_SCALE_UP("dynamic_scaling_scale_up"),
  DYNAMIC_SCALING_SCALE_DOWN("dynamic_scaling_scale_down"),
  DYNAMIC_SCALING_LIMITED_SCALE_UP("dynamic_scaling_limited_scale_up"),
  DYNAMIC_SCALING_LIMITED_SCALE_DOWN("dynamic_scaling_limited_scale_down"),
  OPTIMAL_INSTANCE_COUNT_REACHED("optimal_instance_count_reached"),
  AT_ASG_MIN_CAPACITY("at_asg_min_capacity"),
  AT_ASG_MAX_CAPACITY("at_asg_max_capacity"),
  // Added by this project.
  GROUP_NOT_ACTIVE("group_not_active"),
  DESIRED_CAPACITY_DISABLED("desired_capacity_disabled"),
  METRICS_PARTIAL("metrics_partial"),
  WITHIN_TOLERANCE("within_tolerance"),
  UPSCALE_DELAY("upscale_delay"),
  DOWNSCALE_DELAY("downscale_delay"),
  LIMITED_BY_SAFETY("limited_by_safety"),
  INSTANCES_WARMING_UP("instances_warming_up"),
  COLD_START("cold_start"),
  PANIC_SCALE_UP("panic_scale_up"),
  STATE_CONFLICT("state_conflict");

  private final String wireName;

  Reason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The reason with this wire name. */
  public static Reason fromWireName(String wireName) {
    for (Reason reason : values()) {
      if (reason.wireName.equals(wireName)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown reason: " + wireName);
  }
}
