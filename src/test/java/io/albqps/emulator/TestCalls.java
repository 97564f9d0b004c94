package io.albqps.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.albqps.cloud.Credentials;
import io.albqps.cloud.SignedRequest;
import io.albqps.cloud.Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A small signed client for the emulator tests: builds a call, signs it with the production {@link
 * Signer}, sends it with the JDK HTTP client, and lets a test spoil any part first.
 */
final class TestCalls {
  static final Instant T0 = Instant.parse("2024-06-19T07:00:00Z");
  static final Credentials KEYS = Credentials.of("AKLTemulatortest", "emulator-test-secret");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestCalls() {}

  /** A GET AutoScaling call. */
  static Call autoScaling(String action, Map<String, String> params) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("Action", action);
    query.put("Version", "2020-01-01");
    query.putAll(params);
    return new Call("GET", query, new byte[0], "auto_scaling");
  }

  /** A POST GetMetricData call with {@code json} as the body. */
  static Call metricData(String json) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("Action", "GetMetricData");
    query.put("Version", "2018-01-01");
    return new Call("POST", query, json.getBytes(StandardCharsets.UTF_8), "cloudmonitor");
  }

  /** The usual ALB QPS request body for {@code [start, end]} Unix seconds. */
  static String qpsBody(String albId, long start, long end, String period) {
    return "{\"StartTime\":"
        + start
        + ",\"EndTime\":"
        + end
        + ",\"Namespace\":\"VCM_ALB\",\"SubNamespace\":\"loadbalancer\","
        + "\"MetricName\":\"load_balancer_qps\",\"Period\":\""
        + period
        + "\",\"Instances\":[{\"Dimensions\":[{\"Name\":\"ResourceID\",\"Value\":\""
        + albId
        + "\"}]}]}";
  }

  /** What came back: status, raw body, and the body as JSON when it parses. */
  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("reply is not JSON: " + body, e);
      }
    }

    String errorCode() {
      return json().path("ResponseMetadata").path("Error").path("Code").asText("");
    }

    JsonNode result() {
      return json().path("Result");
    }
  }

  /** One call, immutable; each {@code with*} returns a changed copy. */
  record Call(
      String method,
      Map<String, String> query,
      byte[] body,
      String service,
      String region,
      Credentials credentials,
      Instant signedAt,
      Set<String> signedHeaders,
      UnaryOperator<Map<String, String>> spoilHeaders,
      Map<String, String> sentQueryOverride) {

    Call(String method, Map<String, String> query, byte[] body, String service) {
      this(
          method,
          query,
          body,
          service,
          "ap-southeast-1",
          KEYS,
          T0,
          null,
          UnaryOperator.identity(),
          null);
    }

    Call withCredentials(Credentials credentials) {
      return new Call(
          method,
          query,
          body,
          service,
          region,
          credentials,
          signedAt,
          signedHeaders,
          spoilHeaders,
          sentQueryOverride);
    }

    Call withService(String service) {
      return new Call(
          method,
          query,
          body,
          service,
          region,
          credentials,
          signedAt,
          signedHeaders,
          spoilHeaders,
          sentQueryOverride);
    }

    Call signedAt(Instant signedAt) {
      return new Call(
          method,
          query,
          body,
          service,
          region,
          credentials,
          signedAt,
          signedHeaders,
          spoilHeaders,
          sentQueryOverride);
    }

    Call signingOnly(Set<String> signedHeaders) {
      return new Call(
          method,
          query,
          body,
          service,
          region,
          credentials,
          signedAt,
          signedHeaders,
          spoilHeaders,
          sentQueryOverride);
    }

    /** Changes the headers after signing (e.g. drops Authorization). */
    Call spoilingHeaders(UnaryOperator<Map<String, String>> spoilHeaders) {
      return new Call(
          method,
          query,
          body,
          service,
          region,
          credentials,
          signedAt,
          signedHeaders,
          spoilHeaders,
          sentQueryOverride);
    }

    /** Sends another query than the one signed. */
    Call sendingQuery(Map<String, String> sentQuery) {
      return new Call(
          method,
          query,
          body,
          service,
          region,
          credentials,
          signedAt,
          signedHeaders,
          spoilHeaders,
          sentQuery);
    }

    Reply sendTo(URI endpoint) throws IOException, InterruptedException {
      return sendTo(endpoint, Duration.ofSeconds(10));
    }

    Reply sendTo(URI endpoint, Duration timeout) throws IOException, InterruptedException {
      String host = endpoint.getHost() + ":" + endpoint.getPort();
      Map<String, String> headers = new LinkedHashMap<>();
      if (body.length > 0) {
        headers.put("Content-Type", "application/json");
      }
      SignedRequest signed =
          signedHeaders == null
              ? Signer.sign(
                  method, host, "/", query, headers, body, credentials, service, region, signedAt)
              : Signer.sign(
                  method,
                  host,
                  "/",
                  query,
                  headers,
                  body,
                  credentials,
                  service,
                  region,
                  signedAt,
                  signedHeaders);
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putAll(signed.headersToAdd());
      all = spoilHeaders.apply(all);
      Map<String, String> sent = sentQueryOverride == null ? query : sentQueryOverride;
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(endpoint + "/?" + Signer.canonicalQueryString(sent)))
              .timeout(timeout)
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      all.forEach(request::header);
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    }
  }
}
