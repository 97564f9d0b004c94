package io.albqps.cloud;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one BytePlus service answers, and the service name and API version its requests carry; the
 * caller of {@link BytePlusClient} passes one per call so one client serves every service.
 *
 * @param uri the base URI, {@code https://auto-scaling.ap-southeast-1.byteplusapi.com} or an
 *     override such as the local emulator; its path is the request path ({@code /} when empty)
 * @param service the credential-scope service name, e.g. {@code auto_scaling}
 * @param version the API version, e.g. {@code 2020-01-01}
 */
public record ServiceEndpoint(URI uri, String service, String version) {
  public ServiceEndpoint {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("endpoint must be an http(s) URI, got " + uri);
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("endpoint has no host: " + uri);
    }
    if (uri.getRawQuery() != null) {
      throw new IllegalArgumentException("endpoint must not carry a query: " + uri);
    }
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service is empty");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version is empty");
    }
  }

  /**
   * The default endpoint of a regional service (reference §2, {@code DefaultEndpointProvider}):
   * {@code https://{service lower-cased, '_' → '-'}.{region}.byteplusapi.com}, with {@code .cn}
   * appended for mainland {@code cn-*} regions other than {@code cn-hongkong}.
   */
  public static ServiceEndpoint regional(String service, String version, String region) {
    if (region == null || !region.matches("[a-z]{2}(-[a-z0-9]+)+")) {
      throw new IllegalArgumentException(
          "region must look like ap-southeast-1 (lower-case letters, digits, dashes), got "
              + region);
    }
    String host =
        service.toLowerCase(Locale.ROOT).replace('_', '-') + "." + region + ".byteplusapi.com";
    if (region.startsWith("cn-") && !region.equals("cn-hongkong")) {
      host += ".cn";
    }
    return new ServiceEndpoint(URI.create("https://" + host), service, version);
  }

  /** An explicit endpoint, e.g. {@code AUTOSCALING_ENDPOINT} or the local emulator. */
  public static ServiceEndpoint of(URI uri, String service, String version) {
    return new ServiceEndpoint(uri, service, version);
  }

  /** The request path: the URI's path, or {@code /}. */
  String path() {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** Whether calls go over TLS (every BytePlus endpoint; the local emulator is plain http). */
  public boolean isHttps() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }
}
