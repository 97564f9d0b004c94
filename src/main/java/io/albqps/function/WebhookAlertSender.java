package io.albqps.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to {@code ALERT_WEBHOOK_URL} in the configured {@link AlertFormat}, with a short
 * timeout; a failed delivery is logged as a warning and never fails the invocation. Webhook URLs
 * carry their token in the path or query, so logs name only the scheme, host and port.
 */
public final class WebhookAlertSender implements AlertSender {
  /** Long enough for a chat webhook, short enough not to eat the invocation's time. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertSender.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpUrl url;
  private final AlertFormat format;
  private final String albId;
  private final String autoscalingGroupId;
  private final OkHttpClient client;

  private WebhookAlertSender(
      HttpUrl url, AlertFormat format, String albId, String groupId, OkHttpClient client) {
    this.url = url;
    this.format = format;
    this.albId = albId;
    this.autoscalingGroupId = groupId;
    this.client = client;
  }

  /** A sender with its own small client and the {@link #DEFAULT_TIMEOUT}. */
  public static WebhookAlertSender create(
      String webhookUrl, AlertFormat format, String albId, String autoscalingGroupId) {
    return create(
        webhookUrl, format, albId, autoscalingGroupId, new OkHttpClient(), DEFAULT_TIMEOUT);
  }

  /**
   * A sender sharing {@code client}'s connection pool, with every timeout (connect, read, write and
   * the whole call) set to {@code timeout}.
   *
   * @throws IllegalArgumentException if the URL is not https (http is allowed for loopback only);
   *     the message does not repeat the URL, which may hold a token
   */
  public static WebhookAlertSender create(
      String webhookUrl,
      AlertFormat format,
      String albId,
      String autoscalingGroupId,
      OkHttpClient client,
      Duration timeout) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(albId, "albId");
    Objects.requireNonNull(autoscalingGroupId, "autoscalingGroupId");
    Objects.requireNonNull(client, "client");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("alert timeout must be > 0, got " + timeout);
    }
    HttpUrl url = parse(webhookUrl);
    OkHttpClient bounded =
        client
            .newBuilder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .build();
    return new WebhookAlertSender(url, format, albId, autoscalingGroupId, bounded);
  }

  private static HttpUrl parse(String webhookUrl) {
    HttpUrl url = webhookUrl == null ? null : HttpUrl.parse(webhookUrl.trim());
    if (url == null) {
      throw new IllegalArgumentException("ALERT_WEBHOOK_URL must be an https URL");
    }
    if (!url.isHttps() && !LOOPBACK.contains(url.host())) {
      throw new IllegalArgumentException(
          "ALERT_WEBHOOK_URL must be https (http only for loopback), got http://" + url.host());
    }
    return url;
  }

  @Override
  public void send(Alert alert) {
    try {
      Request request =
          new Request.Builder()
              .url(url)
              .post(RequestBody.create(format.body(alert, albId, autoscalingGroupId), JSON))
              .build();
      try (Response response = client.newCall(request).execute()) {
        checkAnswer(alert, response);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "alert {} {} not delivered to webhook {}: {}",
          alert.action(),
          alert.status(),
          redacted(),
          scrub(e));
    }
  }

  private void checkAnswer(Alert alert, Response response) throws IOException {
    if (!response.isSuccessful()) {
      LOG.warn(
          "alert {} {} not delivered: webhook {} answered HTTP {}",
          alert.action(),
          alert.status(),
          redacted(),
          response.code());
      return;
    }
    if (format == AlertFormat.LARK) {
      checkLarkCode(alert, response.body());
    }
  }

  /** Lark answers HTTP 200 with a non-zero {@code code} when it refuses a message. */
  private void checkLarkCode(Alert alert, ResponseBody body) throws IOException {
    if (body == null) {
      return;
    }
    JsonNode answer;
    try {
      answer = MAPPER.readTree(body.string());
    } catch (IOException notJson) {
      return;
    }
    JsonNode code = answer == null ? null : answer.get("code");
    if (code != null && code.isNumber() && code.asInt() != 0) {
      LOG.warn(
          "alert {} {} refused by Lark webhook {}: code {} {}",
          alert.action(),
          alert.status(),
          redacted(),
          code.asInt(),
          abbreviate(answer.path("msg").asText("")));
    }
  }

  /** Scheme, host and port only: the path and query of a webhook URL are its secret. */
  private String redacted() {
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port()) + "/…";
  }

  private String scrub(Exception e) {
    String message = String.valueOf(e.getMessage());
    for (String secret : new String[] {url.toString(), url.encodedPath(), url.encodedQuery()}) {
      if (secret != null && secret.length() > 1) {
        message = message.replace(secret, "…");
      }
    }
    return e.getClass().getSimpleName() + ": " + abbreviate(message);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
