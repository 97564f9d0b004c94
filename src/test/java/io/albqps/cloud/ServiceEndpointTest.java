package io.albqps.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint derivation (reference §2) and validation of explicit endpoints. */
class ServiceEndpointTest {

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @MethodSource("regional")
  void derivesTheDefaultHost(String service, String region, String uri) {
    assertThat(ServiceEndpoint.regional(service, "v", region).uri()).isEqualTo(URI.create(uri));
  }

  static Stream<Arguments> regional() {
    return Stream.of(
        Arguments.of(
            "auto_scaling",
            "ap-southeast-1",
            "https://auto-scaling.ap-southeast-1.byteplusapi.com"),
        Arguments.of(
            "cloudmonitor",
            "ap-southeast-3",
            "https://cloudmonitor.ap-southeast-3.byteplusapi.com"),
        Arguments.of(
            "Volc_Observe",
            "ap-southeast-1",
            "https://volc-observe.ap-southeast-1.byteplusapi.com"),
        Arguments.of(
            "auto_scaling", "cn-hongkong", "https://auto-scaling.cn-hongkong.byteplusapi.com"),
        Arguments.of(
            "auto_scaling", "cn-beijing", "https://auto-scaling.cn-beijing.byteplusapi.com.cn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidEndpoints(String description, Runnable build) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "a region with upper case",
            (Runnable) () -> ServiceEndpoint.regional("s", "v", "AP-1")),
        Arguments.of(
            "a region with a dot", (Runnable) () -> ServiceEndpoint.regional("s", "v", "ap.x")),
        Arguments.of(
            "an ftp URI", (Runnable) () -> ServiceEndpoint.of(URI.create("ftp://h"), "s", "v")),
        Arguments.of(
            "a URI without host",
            (Runnable) () -> ServiceEndpoint.of(URI.create("http:/x"), "s", "v")),
        Arguments.of(
            "a URI with a query",
            (Runnable) () -> ServiceEndpoint.of(URI.create("http://h/?a=b"), "s", "v")),
        Arguments.of(
            "a blank service",
            (Runnable) () -> ServiceEndpoint.of(URI.create("http://h"), " ", "v")),
        Arguments.of(
            "a blank version",
            (Runnable) () -> ServiceEndpoint.of(URI.create("http://h"), "s", "")));
  }

  @Test
  void usesSlashWhenTheUriHasNoPath() {
    assertThat(ServiceEndpoint.of(URI.create("http://127.0.0.1:9"), "s", "v").path())
        .isEqualTo("/");
  }
}
