package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.ScalingGroup;
import io.albqps.state.StateStore;
import io.albqps.state.StateStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code validation} event: checks, one by one, that the settings, the group, the metric and
 * the state file are usable, and reports every check (not only the first failure). Writes nothing.
 */
final class Validation {
  static final String OK = "ok";
  static final String WARNING = "warning";
  static final String FAILED = "error";

  private final List<Map<String, Object>> checks = new ArrayList<>();

  private Validation() {}

  static Validation run(HandlerConfig config, CloudApis apis, StateStore store, Instant now) {
    Validation v = new Validation();
    v.settings(config);
    v.group(config, apis);
    v.metrics(config, apis, now);
    v.state(store, now);
    return v;
  }

  boolean passed() {
    return checks.stream().noneMatch(c -> FAILED.equals(c.get("status")));
  }

  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("overall_status", passed() ? Response.SUCCESS : Response.ERROR);
    details.put("checks", List.copyOf(checks));
    return details;
  }

  private void settings(HandlerConfig config) {
    if (config.warnings().isEmpty()) {
      add("settings", OK, "settings parsed without warnings");
    } else {
      add("settings", WARNING, String.join("; ", config.warnings()));
    }
  }

  private void group(HandlerConfig config, CloudApis apis) {
    try {
      ScalingGroup g = apis.groups().describeGroup(config.scalingGroupId());
      if (g.desireInstanceNumber() < 0) {
        add(
            "scaling_group",
            FAILED,
            "group "
                + g.scalingGroupId()
                + " has no desired-instance-number feature (DesireInstanceNumber = "
                + g.desireInstanceNumber()
                + "); enable it so the autoscaler can set the desired capacity");
      } else if (!g.lifecycleState().equals("Active")) {
        add(
            "scaling_group",
            WARNING,
            "group " + g.scalingGroupId() + " is " + g.lifecycleState() + ", not Active");
      } else {
        add(
            "scaling_group",
            OK,
            "group "
                + g.scalingGroupId()
                + " is Active: min "
                + g.minInstanceNumber()
                + ", max "
                + g.maxInstanceNumber()
                + ", desired "
                + g.desireInstanceNumber());
      }
    } catch (ApiException e) {
      add("scaling_group", FAILED, e.getMessage());
    }
  }

  private void metrics(HandlerConfig config, CloudApis apis, Instant now) {
    try {
      MetricSeries series = apis.metrics().qps(now.minus(config.metricPeriod()), now);
      if (series.points().isEmpty()) {
        add(
            "alb_qps_metric",
            WARNING,
            "no QPS data points for "
                + config.albId()
                + " in the last "
                + config.metricPeriod().toSeconds()
                + " s (the autoscaler holds without data)");
      } else {
        add(
            "alb_qps_metric",
            OK,
            series.points().size() + " QPS data points for " + config.albId());
      }
    } catch (ApiException e) {
      add("alb_qps_metric", FAILED, e.getMessage());
    }
  }

  private void state(StateStore store, Instant now) {
    try {
      StateStore.LoadResult loaded = store.load(now);
      String status = loaded.recoveredFromCorruption() ? WARNING : OK;
      String message =
          loaded.recoveredFromCorruption()
              ? "state file was corrupt and moved aside to "
                  + loaded.movedAsideTo().map(Object::toString).orElse("(unknown)")
              : "state readable at revision " + loaded.document().revision();
      add("state_file", status, message);
    } catch (StateStoreException e) {
      add("state_file", FAILED, e.getMessage());
    }
  }

  private void add(String name, String status, String message) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("name", name);
    check.put("status", status);
    check.put("message", message);
    checks.add(check);
  }
}
