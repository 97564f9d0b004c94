package io.albqps.bench;

import io.albqps.cloud.Credentials;
import io.albqps.cloud.SignedRequest;
import io.albqps.cloud.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The signer's cost per request, for the two shapes the autoscaler sends: an AutoScaling GET with a
 * query and a CloudMonitor POST with a JSON body (reference vectors A and B).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignerBenchmark {
  private static final Credentials KEYS =
      Credentials.of(
          "AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg",
          "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==");
  private static final Instant AT = Instant.parse("2024-06-19T07:13:06Z");
  private static final Map<String, String> GET_QUERY =
      Map.of(
          "Action", "DescribeScalingGroups",
          "ScalingGroupIds.1", "scg-abc123",
          "Version", "2020-01-01");
  private static final Map<String, String> POST_QUERY =
      Map.of("Action", "GetMetricData", "Version", "2018-01-01");
  private static final byte[] POST_BODY =
      ("{\"StartTime\":1718780000,\"EndTime\":1718780300,\"Namespace\":\"VCM_ALB\","
              + "\"SubNamespace\":\"loadbalancer\",\"MetricName\":\"load_balancer_qps\","
              + "\"Period\":\"60s\",\"Instances\":[{\"Dimensions\":[{\"Name\":\"ResourceID\","
              + "\"Value\":\"alb-abc123\"}]}]}")
          .getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public SignedRequest signGet() {
    return Signer.sign(
        "GET",
        "auto-scaling.ap-southeast-1.byteplusapi.com",
        "/",
        GET_QUERY,
        Map.of(),
        new byte[0],
        KEYS,
        "auto_scaling",
        "ap-southeast-1",
        AT);
  }

  @Benchmark
  public SignedRequest signPost() {
    return Signer.sign(
        "POST",
        "cloudmonitor.ap-southeast-1.byteplusapi.com",
        "/",
        POST_QUERY,
        Map.of("Content-Type", "application/json"),
        POST_BODY,
        KEYS,
        "cloudmonitor",
        "ap-southeast-1",
        AT);
  }
}
