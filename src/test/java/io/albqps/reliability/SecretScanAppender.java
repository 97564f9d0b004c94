package io.albqps.reliability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9 §6: every log event of the test suite (installed by {@code logback-test.xml}) is scanned
 * for the secret keys and session tokens the tests configure and for the signing keys derived from
 * them (hex or Base64, any day of 2024–2026, every region and service the tests sign for); {@link
 * SecretScanExtension} fails the test during which a hit was logged.
 */
public final class SecretScanAppender extends AppenderBase<ILoggingEvent> {
  /** Every secret and token the test suite configures somewhere, as written in its tests. */
  static final List<String> SECRETS =
      List.of(
          Rig.SECRET,
          Rig.TOKEN,
          "rel-wrong-secret",
          "staggered-SECRET-8d3f1a6c9e2b",
          "c2VjcmV0LXNlY3JldC1rZXktZm9yLXRlc3Rz",
          "STS-session-token-0123456789abcdef",
          "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==",
          "emulator-test-secret",
          "emulator-demo-secret-not-a-real-key",
          "session-token-1",
          "sEcReT-kEy-0123456789-zz",
          "Sup3rSecretValue-9876-qz",
          "temp-secret",
          "temp-token",
          "other-secret",
          "given-secret",
          "not-the-secret");

  private static final List<String> REGIONS =
      List.of("ap-southeast-1", "cn-beijing", "cn-hongkong");
  private static final List<String> SERVICES =
      List.of("auto_scaling", "cloudmonitor", "volc_observe");
  private static final Pattern KEY_LIKE = Pattern.compile("[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=");

  private static final AtomicLong SCANNED = new AtomicLong();
  private static final List<String> HITS = new CopyOnWriteArrayList<>();
  private static volatile Set<String> derivedKeys;

  /** Log events scanned since the JVM started. */
  static long scanned() {
    return SCANNED.get();
  }

  /** Hits so far (the leaking text, with the secret replaced by its position in the list). */
  static List<String> hits() {
    return List.copyOf(HITS);
  }

  @Override
  protected void append(ILoggingEvent event) {
    SCANNED.incrementAndGet();
    List<String> texts = new ArrayList<>();
    texts.add(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      texts.add(t.getMessage());
    }
    if (event.getMDCPropertyMap() != null) {
      texts.addAll(event.getMDCPropertyMap().values());
    }
    for (String text : texts) {
      find(text).ifPresent(found -> HITS.add(event.getLoggerName() + ": " + found));
    }
  }

  /** What in {@code text} is a secret, described without repeating it; empty when nothing. */
  static java.util.Optional<String> find(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    for (int i = 0; i < SECRETS.size(); i++) {
      if (text.contains(SECRETS.get(i))) {
        return java.util.Optional.of("secret #" + i + " in a log line");
      }
    }
    Matcher candidates = KEY_LIKE.matcher(text);
    while (candidates.find()) {
      if (derivedKeys().contains(candidates.group().toLowerCase(java.util.Locale.ROOT))
          || derivedKeys().contains(candidates.group())) {
        return java.util.Optional.of("a derived signing key in a log line");
      }
    }
    return java.util.Optional.empty();
  }

  private static Set<String> derivedKeys() {
    Set<String> keys = derivedKeys;
    if (keys == null) {
      keys = new HashSet<>();
      DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
      for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() < 2027; d = d.plusDays(1)) {
        String date = d.format(day);
        for (String secret : SECRETS) {
          for (String region : REGIONS) {
            for (String service : SERVICES) {
              byte[] key = SigningKeys.derive(secret, date, region, service);
              keys.add(HexFormat.of().formatHex(key));
              keys.add(Base64.getEncoder().encodeToString(key));
            }
          }
        }
      }
      derivedKeys = keys;
    }
    return keys;
  }
}
