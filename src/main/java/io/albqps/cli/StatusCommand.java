package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.function.Event;
import io.albqps.function.FunctionWiring;
import io.albqps.function.InvocationContext;
import io.albqps.function.LogSetup;
import io.albqps.function.Response;
import io.albqps.function.ResponseJson;
import io.albqps.function.ScalingHandler;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code status}: the group, the QPS now, and what the state file says (cooldowns with the time
 * left, totals, recent actions), read-only.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows the group, the current QPS, the state file and the cooldowns; changes nothing.")
final class StatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvFileOption envFile;

  @Option(names = "--json", description = "print the status response JSON instead of a summary")
  boolean json;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ConfigException {
    Settings settings = Settings.parse(context.environment(envFile.path()));
    settings.requireCredentials();
    LogSetup.level("WARN");
    try (ScalingHandler handler = FunctionWiring.handler(settings, context.clock())) {
      Response response =
          handler.handleRequest(
              Event.status(),
              InvocationContext.of(
                  "cli-" + context.clock().millis(),
                  "alb-qps-autoscaler",
                  settings.functionTimeout(),
                  context.clock()));
      if (json || response.failed()) {
        context.out().println(new ResponseJson(ResponseJson.mapper()).writePretty(response));
      } else {
        print(response.result().details(), context.out());
      }
      return response.failed() ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }
  }

  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> d, PrintWriter out) {
    Map<String, Object> g = (Map<String, Object>) d.get("group");
    out.printf(
        "group      %s (%s)  %s  min %s  max %s  desired %s  total %s  in service %s%s%n",
        g.get("id"),
        g.get("name"),
        g.get("lifecycle_state"),
        g.get("min_instances"),
        g.get("max_instances"),
        g.get("desired_instances"),
        g.get("total_instances"),
        g.get("in_service_instances"),
        Boolean.TRUE.equals(g.get("activity_in_progress")) ? "  (scaling activity running)" : "");
    out.printf(
        "qps        %s over %s s (%s points), %s per desired instance, target %s%n",
        orDash(d.get("current_qps")),
        d.get("metric_period_seconds"),
        d.get("data_points"),
        orDash(d.get("qps_per_instance")),
        d.get("target_qps_per_instance"));
    Map<String, Object> s = (Map<String, Object>) d.get("state");
    out.printf(
        "state      revision %s, updated %s by %s%n",
        s.get("revision"), s.get("last_updated"), orDash(s.get("updated_by")));
    Map<String, Object> c = (Map<String, Object>) d.get("cooldowns");
    out.printf(
        "cooldowns  general %s   scale_up %s   scale_down %s%n",
        cooldown(c.get("general")), cooldown(c.get("scale_up")), cooldown(c.get("scale_down")));
    Map<String, Object> t = (Map<String, Object>) d.get("statistics");
    Map<String, Object> e = (Map<String, Object>) d.get("error_tracking");
    out.printf(
        "totals     %s scale-ups, %s scale-downs, %s executions, %s errors (%s in a row)%n",
        t.get("total_scale_ups"),
        t.get("total_scale_downs"),
        t.get("total_executions"),
        t.get("total_errors"),
        e.get("consecutive_errors"));
    for (Map<String, Object> h : (List<Map<String, Object>>) d.get("recent_history")) {
      out.printf(
          "recent     %s %s %s -> %s (%s)%n",
          h.get("at"),
          h.get("action"),
          h.get("from_desired"),
          h.get("to_desired"),
          h.get("reason"));
    }
  }

  @SuppressWarnings("unchecked")
  private static String cooldown(Object value) {
    Map<String, Object> c = (Map<String, Object>) value;
    if (c.get("last") == null) {
      return "never used";
    }
    long left = ((Number) c.get("remaining_seconds")).longValue();
    return (left > 0 ? left + " s left" : "free") + " (last " + c.get("last") + ")";
  }

  private static String orDash(Object value) {
    return value == null || String.valueOf(value).isEmpty() ? "-" : String.valueOf(value);
  }
}
