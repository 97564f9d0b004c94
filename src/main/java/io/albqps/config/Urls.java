package io.albqps.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL rules of the settings: API endpoints derived from the region (byteplus-api.md §2) or
 * overridden, and webhooks; https everywhere except plain http to this machine (the emulator, a
 * test server), decided from the text alone so parsing stays free of DNS look-ups.
 */
final class Urls {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private Urls() {}

  /** {@code https://{hostPrefix}.{region}.byteplusapi.com}, e.g. auto-scaling.ap-southeast-1. */
  static URI derivedEndpoint(String hostPrefix, String region) {
    return URI.create("https://" + hostPrefix + "." + region + ".byteplusapi.com");
  }

  /** An endpoint override reduced to scheme, host and port; empty if it breaks a rule. */
  static Optional<URI> endpoint(String raw) {
    return parse(raw)
        .filter(uri -> uri.getRawQuery() == null)
        .filter(
            uri ->
                uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || "/".equals(uri.getRawPath()))
        .map(
            uri ->
                URI.create(
                    uri.getScheme().toLowerCase(Locale.ROOT)
                        + "://"
                        + uri.getHost()
                        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())));
  }

  /** A webhook URL (path and query allowed); empty if it breaks a rule. */
  static Optional<URI> webhook(String raw) {
    return parse(raw);
  }

  static boolean isLoopback(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return "localhost".equals(lower)
        || "[::1]".equals(lower)
        || IPV4_LOOPBACK.matcher(lower).matches();
  }

  private static Optional<URI> parse(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed =
        "https".equals(scheme) || ("http".equals(scheme) && isLoopback(uri.getHost()));
    return allowed ? Optional.of(uri) : Optional.empty();
  }
}
