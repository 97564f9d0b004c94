package io.albqps.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.albqps.time.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import okhttp3.ConnectionSpec;
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
 * Calls BytePlus OpenAPI actions: signs each attempt, parses the {@code ResponseMetadata} envelope,
 * and retries throttling, 5xx and transport failures with jittered backoff, never past the
 * invocation deadline. Immutable; its copies share one {@link OkHttpClient} (connections, threads).
 */
public final class BytePlusClient {
  private static final Logger log = LoggerFactory.getLogger(BytePlusClient.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final int MAX_DETAIL_CHARS = 300;

  private final OkHttpClient http;
  private final JsonMapper mapper;
  private final Credentials credentials;
  private final String region;
  private final int maxRetries;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RandomGenerator random;
  private final Instant deadline;

  private BytePlusClient(Builder b, OkHttpClient http, JsonMapper mapper, Instant deadline) {
    this.http = http;
    this.mapper = mapper;
    this.credentials = b.credentials;
    this.region = b.region;
    this.maxRetries = b.maxRetries;
    this.backoff = b.backoff;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.random = b.random;
    this.deadline = deadline;
  }

  private BytePlusClient(BytePlusClient from, Credentials credentials, Instant deadline) {
    this.http = from.http;
    this.mapper = from.mapper;
    this.credentials = credentials;
    this.region = from.region;
    this.maxRetries = from.maxRetries;
    this.backoff = from.backoff;
    this.sleeper = from.sleeper;
    this.clock = from.clock;
    this.random = from.random;
    this.deadline = deadline;
  }

  /**
   * A builder with the defaults: 3 s timeout, 3 retries, backoff 200 ms doubling up to 5 s, the
   * real sleeper and UTC clock, no deadline.
   */
  public static Builder builder(Credentials credentials, String region) {
    return new Builder(credentials, region);
  }

  /** A copy whose retries stop before {@code deadline}; shares this client's connections. */
  public BytePlusClient withDeadline(Instant deadline) {
    return new BytePlusClient(this, credentials, Objects.requireNonNull(deadline, "deadline"));
  }

  /** A copy that signs with other credentials (per-invocation role credentials). */
  public BytePlusClient withCredentials(Credentials credentials) {
    return new BytePlusClient(
        this, Objects.requireNonNull(credentials, "credentials"), this.deadline);
  }

  public String region() {
    return region;
  }

  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /**
   * A GET action with its parameters in the query; lists become {@code Name.N} (1-based), maps
   * inside lists {@code Parent.N.Child}.
   */
  public ApiResponse get(ServiceEndpoint endpoint, String action, Map<String, ?> params)
      throws ApiException {
    return call(endpoint, action, "GET", QueryParams.flatten(params), null);
  }

  /**
   * A POST action with a JSON body (a map keeps its order); only Action and Version in the query.
   */
  public ApiResponse postJson(ServiceEndpoint endpoint, String action, Object body)
      throws ApiException {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(action + " body cannot be written as JSON", e);
    }
    return call(endpoint, action, "POST", Map.of(), bytes);
  }

  @Override
  public String toString() {
    return "BytePlusClient[region="
        + region
        + ", accessKeyId="
        + credentials.accessKeyId()
        + ", maxRetries="
        + maxRetries
        + ", deadline="
        + deadline
        + "]";
  }

  private ApiResponse call(
      ServiceEndpoint endpoint,
      String action,
      String method,
      Map<String, String> params,
      byte[] body)
      throws ApiException {
    if (action == null || !action.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("action must be a word such as GetMetricData: " + action);
    }
    Map<String, String> query = new TreeMap<>(params);
    query.put("Action", action);
    query.put("Version", endpoint.version());
    for (int retry = 0; ; retry++) {
      try {
        return attempt(endpoint, action, method, query, body);
      } catch (CallFailure failure) {
        int attempts = retry + 1;
        if (!failure.retryable()) {
          throw failure.toApiException(
              action, attempts > 1 ? "after " + attempts + " attempts" : null);
        }
        if (retry >= maxRetries) {
          throw failure.toApiException(
              action, attempts > 1 ? "gave up after " + attempts + " attempts" : null);
        }
        Duration delay = backoff.delay(retry, random);
        if (deadline != null && clock.instant().plus(delay).isAfter(deadline)) {
          log.warn(
              "{} attempt {} failed: {}; not retrying: the next attempt would pass the deadline {}",
              action,
              attempts,
              failure.summary(),
              deadline);
          throw failure.toApiException(
              action,
              "stopped retrying at the invocation deadline after " + attempts + " attempts");
        }
        log.warn(
            "{} attempt {} of {} failed: {}; retrying in {} ms",
            action,
            attempts,
            maxRetries + 1,
            failure.summary(),
            delay.toMillis());
        pause(action, delay);
      }
    }
  }

  private void pause(String action, Duration delay) throws ApiException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(action, 0, null, null, false, "interrupted while waiting to retry", e);
    }
  }

  private ApiResponse attempt(
      ServiceEndpoint endpoint,
      String action,
      String method,
      Map<String, String> query,
      byte[] body)
      throws CallFailure {
    HttpUrl url = url(endpoint, query);
    if (url.isHttps() && http.connectionSpecs().stream().noneMatch(ConnectionSpec::isTls)) {
      throw new IllegalStateException(
          "this client was built with tls(false) and cannot call " + endpoint.uri());
    }
    byte[] payload = body == null ? new byte[0] : body;
    Map<String, String> extraSigned =
        body == null ? Map.of() : Map.of("Content-Type", JSON.toString());
    SignedRequest signed =
        Signer.sign(
            method,
            hostHeader(url),
            url.encodedPath(),
            query,
            extraSigned,
            payload,
            credentials,
            endpoint.service(),
            region,
            clock.instant());
    Request.Builder request = new Request.Builder().url(url);
    signed.headersToAdd().forEach(request::header);
    if (body == null) {
      request.get();
    } else {
      request.post(RequestBody.create(payload, JSON));
    }
    long started = System.nanoTime();
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody responseBody = response.body();
      byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
      log.debug(
          "{} {} -> HTTP {} in {} ms",
          action,
          url.host(),
          response.code(),
          (System.nanoTime() - started) / 1_000_000);
      return parse(action, response.code(), bytes);
    } catch (IOException e) {
      throw new CallFailure(0, null, null, true, transportDetail(e), e);
    }
  }

  private ApiResponse parse(String action, int status, byte[] bytes) throws CallFailure {
    boolean retryable = RETRYABLE_STATUSES.contains(status);
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      String detail = "response body is not a JSON object: " + snippet(bytes);
      throw new CallFailure(
          status, isSuccess(status) ? ResultReader.MALFORMED : null, null, retryable, detail, null);
    }
    JsonNode metadata = root.path("ResponseMetadata");
    String requestId =
        metadata.path("RequestId").isTextual() ? metadata.get("RequestId").textValue() : null;
    JsonNode error = metadata.get("Error");
    if (error != null && error.isObject()) {
      // BytePlus reports some errors with HTTP 200: ResponseMetadata.Error wins over the status.
      String code = error.path("Code").isTextual() ? error.get("Code").textValue() : "UnknownError";
      throw new CallFailure(
          status, code, requestId, retryable, limit(error.path("Message").asText("")), null);
    }
    if (!isSuccess(status)) {
      throw new CallFailure(
          status, null, requestId, retryable, "no error in the response envelope", null);
    }
    JsonNode result = root.get("Result");
    if (result == null || !result.isObject()) {
      throw new CallFailure(
          status, ResultReader.MALFORMED, requestId, false, "response has no Result object", null);
    }
    return new ApiResponse(action, requestId, result);
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  private static HttpUrl url(ServiceEndpoint endpoint, Map<String, String> query) {
    HttpUrl base = HttpUrl.get(endpoint.uri());
    // Send exactly the signed query string, so the server canonicalises what we signed.
    return base.newBuilder()
        .encodedPath(endpoint.path())
        .encodedQuery(Signer.canonicalQueryString(query))
        .build();
  }

  /** The Host header OkHttp sends: the port only when it is not the scheme's default. */
  private static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  private static String transportDetail(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + limit(message));
  }

  private static String snippet(byte[] bytes) {
    if (bytes.length == 0) {
      return "(empty)";
    }
    return limit(new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " "));
  }

  private static String limit(String text) {
    return text.length() > MAX_DETAIL_CHARS ? text.substring(0, MAX_DETAIL_CHARS) + "…" : text;
  }

  /** Builds a {@link BytePlusClient}; every setting is validated by {@link #build}. */
  public static final class Builder {
    private final Credentials credentials;
    private final String region;
    private Duration timeout = Duration.ofSeconds(3);
    private int maxRetries = 3;
    private Backoff backoff = Backoff.DEFAULT;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new Random();
    private Instant deadline;
    private boolean tls = true;

    private Builder(Credentials credentials, String region) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      if (region == null || region.isBlank()) {
        throw new IllegalArgumentException("region is empty");
      }
      this.region = region;
    }

    /** Connect, read, write and whole-call timeout of one attempt (HTTP_TIMEOUT_MS). */
    public Builder timeout(Duration timeout) {
      if (timeout == null
          || timeout.toMillis() < 1
          || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
        throw new IllegalArgumentException("timeout must be in [1 ms, 15 min], got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Retries after the first attempt (API_MAX_RETRIES), in [0, 10]. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in [0, 10], got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The first retry waits up to {@code base}, doubling per retry up to {@code cap}. */
    public Builder backoff(Duration base, Duration cap) {
      this.backoff = new Backoff(base, cap);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Signs with this clock's time and compares it with the deadline. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The jitter source; must be thread-safe if the client is shared across threads. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * Whether the client may call https endpoints (the default). Off only when every endpoint it
     * will call is plain http, such as the local emulator: building TLS loads and parses the JDK's
     * trust store, ~0.1 s of CPU on a cold start for nothing. An https call then fails at once.
     */
    public Builder tls(boolean enabled) {
      this.tls = enabled;
      return this;
    }

    public BytePlusClient build() {
      OkHttpClient.Builder okhttp = new OkHttpClient.Builder();
      if (!tls) {
        okhttp.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
      }
      OkHttpClient http =
          okhttp
              .connectTimeout(timeout)
              .readTimeout(timeout)
              .writeTimeout(timeout)
              .callTimeout(timeout)
              // Retries are ours alone (counted, backed off, deadline-aware); redirects are never
              // expected.
              .retryOnConnectionFailure(false)
              .followRedirects(false)
              .followSslRedirects(false)
              .build();
      JsonMapper mapper =
          JsonMapper.builder()
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              // Read NaN so the adapters can reject it by name instead of a parse error.
              .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
              .build();
      return new BytePlusClient(this, http, mapper, deadline);
    }
  }
}
