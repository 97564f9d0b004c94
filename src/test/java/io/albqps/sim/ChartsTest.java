package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.traffic.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void writesEveryChartAsANonEmptyPng(@TempDir Path dir) throws Exception {
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName("ray-load-test", 25), "ray-load-test")
            .cluster(ClusterModel.builder().build())
            .policy(
                "follow",
                TestAutoscalers.source(TestAutoscalers.followNewest(50), Duration.ofSeconds(300)))
            .policy(Simulation.ORACLE, SourceFactory.ORACLE)
            .build()
            .run(ProgressListener.NONE);

    assertThat(Charts.writeAll(result, dir)).isEqualTo(Charts.FILES);
    for (String name : Charts.FILES) {
      byte[] png = Files.readAllBytes(dir.resolve(name));
      assertThat(png.length).as(name).isGreaterThan(10_000);
      assertThat(png).as(name).startsWith(PNG_MAGIC);
    }
  }

  @Test
  void longRunsAreDrawnFromBucketsKeepingEachBucketsPeak() {
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName("diurnal", 25), "diurnal")
            .cluster(ClusterModel.builder().build())
            .policy(Simulation.ORACLE, SourceFactory.ORACLE)
            .build()
            .run(ProgressListener.NONE);

    double[] drawn = Charts.qps(result).getSeriesMap().get("QPS").getYData();
    assertThat(drawn.length).isEqualTo(1500);
    double max = 0;
    for (double v : result.qps()) {
      max = Math.max(max, v);
    }
    assertThat(java.util.Arrays.stream(drawn).max().orElseThrow()).isEqualTo(max);
  }
}
