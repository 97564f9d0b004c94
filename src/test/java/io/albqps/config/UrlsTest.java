package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UrlsTest {

  @Test
  void endpointsAreDerivedFromTheRegion() throws ConfigException {
    Settings settings = Settings.parse(SettingsTest.with("REGION", "ap-southeast-3"));

    assertThat(settings.autoscalingEndpoint())
        .isEqualTo(URI.create("https://auto-scaling.ap-southeast-3.byteplusapi.com"));
    assertThat(settings.cloudMonitorEndpoint())
        .isEqualTo(URI.create("https://cloudmonitor.ap-southeast-3.byteplusapi.com"));
  }

  @Test
  void volcObserveUsesItsOwnHost() throws ConfigException {
    Settings settings = Settings.parse(SettingsTest.with("CLOUDMONITOR_SERVICE", "Volc_Observe"));

    assertThat(settings.cloudMonitorService()).isEqualTo(CloudMonitorService.VOLC_OBSERVE);
    assertThat(settings.cloudMonitorService().serviceName()).isEqualTo("volc_observe");
    assertThat(settings.cloudMonitorEndpoint())
        .isEqualTo(URI.create("https://volc-observe.ap-southeast-1.byteplusapi.com"));
  }

  @Test
  void overridesReplaceTheDerivedEndpoints() throws ConfigException {
    Settings settings =
        Settings.parse(
            SettingsTest.with(
                "AUTOSCALING_ENDPOINT", "http://127.0.0.1:18080/",
                "CLOUDMONITOR_ENDPOINT", "https://cm.example.com:8443"));

    assertThat(settings.autoscalingEndpoint()).isEqualTo(URI.create("http://127.0.0.1:18080"));
    assertThat(settings.cloudMonitorEndpoint())
        .isEqualTo(URI.create("https://cm.example.com:8443"));
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("https://auto-scaling.ap-southeast-1.byteplusapi.com", true),
        Arguments.of("HTTPS://example.com", true),
        Arguments.of("http://127.0.0.1:8080", true),
        Arguments.of("http://127.1.2.3:8080", true),
        Arguments.of("http://localhost:8080", true),
        Arguments.of("http://[::1]:8080", true),
        Arguments.of("http://example.com", false),
        Arguments.of("http://128.0.0.1", false),
        Arguments.of("http://localhost.example.com", false),
        Arguments.of("https://example.com/api", false),
        Arguments.of("https://example.com#x", false),
        Arguments.of("file:///etc/passwd", false),
        Arguments.of("https://u@example.com", false));
  }

  @ParameterizedTest(name = "endpoint {0} allowed: {1}")
  @MethodSource("endpoints")
  void endpointIsHttpsOrLoopbackHttpWithoutPath(String raw, boolean allowed) {
    assertThat(Urls.endpoint(raw).isPresent()).isEqualTo(allowed);
  }

  static Stream<Arguments> webhooks() {
    return Stream.of(
        Arguments.of("https://hooks.slack.com/services/T/B/x", true),
        Arguments.of("https://open.larksuite.com/open-apis/bot/v2/hook/abc?x=1", true),
        Arguments.of("http://127.0.0.1:9000/alerts", true),
        Arguments.of("http://hooks.slack.com/services/T/B/x", false),
        Arguments.of("https:/missing-slash", false),
        Arguments.of("mailto:ops@example.com", false));
  }

  @ParameterizedTest(name = "webhook {0} allowed: {1}")
  @MethodSource("webhooks")
  void webhookIsHttpsOrLoopbackHttp(String raw, boolean allowed) {
    assertThat(Urls.webhook(raw).isPresent()).isEqualTo(allowed);
  }
}
