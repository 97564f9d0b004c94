package io.albqps.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-answer tests from reference §1.1 and the canonicalisation rules of §1. */
class SignerTest {
  // Published, permissionless sample keys of the official signing example (volcengine 6369/67270).
  static final String SAMPLE_AK = "AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg";
  static final String SAMPLE_SK = "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==";
  static final Credentials SAMPLE = Credentials.of(SAMPLE_AK, SAMPLE_SK);
  static final Instant VECTOR_TIME = Instant.parse("2024-06-19T07:13:06Z");
  static final byte[] EMPTY = new byte[0];
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void reproducesOfficialVectorV1ByteForByte() {
    Map<String, String> query =
        Map.of("Action", "ListUsers", "Version", "2018-01-01", "Limit", "10", "Offset", "0");

    SignedRequest signed =
        Signer.sign(
            "GET",
            "iam.volcengineapi.com",
            "/",
            query,
            Map.of(),
            EMPTY,
            SAMPLE,
            "iam",
            "cn-beijing",
            VECTOR_TIME,
            Set.of("host", "x-date"));

    assertThat(signed.canonicalRequest())
        .isEqualTo(
            "GET\n/\nAction=ListUsers&Limit=10&Offset=0&Version=2018-01-01\n"
                + "host:iam.volcengineapi.com\nx-date:20240619T071306Z\n\nhost;x-date\n"
                + EMPTY_SHA256);
    assertThat(Signer.sha256Hex(signed.canonicalRequest().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("5ed5bca3905e1fcbf789abb56a17c2d819674a3bcfa468ae476bd1ea80d135cb");
    assertThat(signed.stringToSign())
        .isEqualTo(
            "HMAC-SHA256\n20240619T071306Z\n20240619/cn-beijing/iam/request\n"
                + "5ed5bca3905e1fcbf789abb56a17c2d819674a3bcfa468ae476bd1ea80d135cb");
    assertThat(signed.signature())
        .isEqualTo("e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93");
    assertThat(signed.headersToAdd())
        .containsEntry(
            "Authorization",
            "HMAC-SHA256 Credential=AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg/20240619/"
                + "cn-beijing/iam/request, SignedHeaders=host;x-date, "
                + "Signature=e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93")
        .containsEntry("X-Date", "20240619T071306Z");
  }

  @Test
  void derivesTheOfficialSigningKeyFromTheRawSecret() {
    byte[] key = Signer.signingKey(SAMPLE_SK, "20240619T071306Z", "cn-beijing", "iam");

    assertThat(HexFormat.of().formatHex(key))
        .isEqualTo("abee62e533a58934c49954459a3c3237d2fccea517c9a7c8a2651d8ea7779826");
  }

  @Test
  void reproducesVectorAForDescribeScalingGroupsWithTheDefaultHeaderSet() {
    Map<String, String> query =
        Map.of(
            "Action", "DescribeScalingGroups",
            "ScalingGroupIds.1", "scg-abc123",
            "Version", "2020-01-01");

    SignedRequest signed =
        Signer.sign(
            "GET",
            "auto-scaling.ap-southeast-1.byteplusapi.com",
            "/",
            query,
            Map.of(),
            EMPTY,
            SAMPLE,
            "auto_scaling",
            "ap-southeast-1",
            VECTOR_TIME);

    assertThat(signed.canonicalRequest())
        .isEqualTo(
            "GET\n/\nAction=DescribeScalingGroups&ScalingGroupIds.1=scg-abc123&Version=2020-01-01\n"
                + "host:auto-scaling.ap-southeast-1.byteplusapi.com\n"
                + "x-content-sha256:"
                + EMPTY_SHA256
                + "\nx-date:20240619T071306Z\n\nhost;x-content-sha256;x-date\n"
                + EMPTY_SHA256);
    assertThat(signed.stringToSign())
        .isEqualTo(
            "HMAC-SHA256\n20240619T071306Z\n20240619/ap-southeast-1/auto_scaling/request\n"
                + "6d0ea2c761a95824ece0e0a9fd23d84418e03b4d806c41d7626a2a11c5a5b5ae");
    assertThat(signed.headersToAdd().get("Authorization"))
        .endsWith(
            "SignedHeaders=host;x-content-sha256;x-date, "
                + "Signature=8a974d627d907a7c9b29a5b1e7d5c9995a73fda9ab4537660ceded6423008619");
  }

  @Test
  void reproducesVectorBForGetMetricDataSigningOnlyXDate() {
    String body =
        "{\"StartTime\":1718780000,\"EndTime\":1718780300,\"Namespace\":\"VCM_ALB\","
            + "\"SubNamespace\":\"loadbalancer\",\"MetricName\":\"load_balancer_qps\","
            + "\"Period\":\"60s\",\"Instances\":[{\"Dimensions\":[{\"Name\":\"ResourceID\","
            + "\"Value\":\"alb-abc123\"}]}]}";
    String bodySha = "ce4ffa4b9d44f16da515c303123f5f7b664f6011096d30c0a52e457a54ef8e18";

    SignedRequest signed =
        Signer.sign(
            "POST",
            "cloudmonitor.ap-southeast-1.byteplusapi.com",
            "/",
            Map.of("Action", "GetMetricData", "Version", "2018-01-01"),
            Map.of("Content-Type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8),
            SAMPLE,
            "cloudmonitor",
            "ap-southeast-1",
            VECTOR_TIME,
            Set.of("x-date"));

    assertThat(signed.canonicalRequest())
        .isEqualTo(
            "POST\n/\nAction=GetMetricData&Version=2018-01-01\nx-date:20240619T071306Z\n\n"
                + "x-date\n"
                + bodySha);
    assertThat(signed.stringToSign())
        .startsWith(
            "HMAC-SHA256\n20240619T071306Z\n20240619/ap-southeast-1/cloudmonitor/request\n");
    assertThat(signed.headersToAdd())
        .containsEntry("X-Content-Sha256", bodySha)
        .containsEntry(
            "Authorization",
            "HMAC-SHA256 Credential="
                + SAMPLE_AK
                + "/20240619/ap-southeast-1/cloudmonitor/request, SignedHeaders=x-date, "
                + "Signature=96f504021cf6a4991627700c75ff12c9ee4be7aedc967749c04665a32b7b60dc");
  }

  @Test
  void signsContentTypeWhenTheCallerPassesIt() {
    SignedRequest signed =
        Signer.sign(
            "POST",
            "cloudmonitor.ap-southeast-1.byteplusapi.com",
            "/",
            Map.of("Action", "GetMetricData", "Version", "2018-01-01"),
            Map.of("Content-Type", "application/json"),
            "{}".getBytes(StandardCharsets.UTF_8),
            SAMPLE,
            "cloudmonitor",
            "ap-southeast-1",
            VECTOR_TIME);

    assertThat(signed.canonicalRequest())
        .contains("\ncontent-type:application/json\nhost:")
        .contains("\n\ncontent-type;host;x-content-sha256;x-date\n");
    assertThat(signed.headersToAdd().get("Authorization"))
        .contains("SignedHeaders=content-type;host;x-content-sha256;x-date,");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultPorts")
  void dropsDefaultPortFromHost(String description, String host, String signedHost) {
    SignedRequest signed =
        Signer.sign(
            "GET", host, "/", Map.of(), Map.of(), EMPTY, SAMPLE, "iam", "cn-beijing", VECTOR_TIME);

    assertThat(signed.canonicalRequest()).contains("\nhost:" + signedHost + "\n");
  }

  static Stream<Arguments> defaultPorts() {
    return Stream.of(
        Arguments.of("port 443 is dropped", "example.com:443", "example.com"),
        Arguments.of("port 80 is dropped", "example.com:80", "example.com"),
        Arguments.of("another port is kept", "127.0.0.1:8089", "127.0.0.1:8089"),
        Arguments.of("no port stays as it is", "example.com", "example.com"));
  }

  @Test
  void addsSessionTokenHeaderWithoutSigningItByDefault() {
    Credentials role = new Credentials(SAMPLE_AK, SAMPLE_SK, Optional.of("token-xyz"));

    SignedRequest signed =
        Signer.sign(
            "GET",
            "iam.volcengineapi.com",
            "/",
            Map.of("Action", "ListUsers"),
            Map.of(),
            EMPTY,
            role,
            "iam",
            "cn-beijing",
            VECTOR_TIME);

    assertThat(signed.headersToAdd()).containsEntry("X-Security-Token", "token-xyz");
    assertThat(signed.headersToAdd().get("Authorization"))
        .contains("SignedHeaders=host;x-content-sha256;x-date,");
  }

  @Test
  void signsSessionTokenWhenAskedTo() {
    Credentials role = new Credentials(SAMPLE_AK, SAMPLE_SK, Optional.of("token-xyz"));

    SignedRequest signed =
        Signer.sign(
            "GET",
            "iam.volcengineapi.com",
            "/",
            Map.of(),
            Map.of(),
            EMPTY,
            role,
            "iam",
            "cn-beijing",
            VECTOR_TIME,
            Set.of("x-date", "x-security-token"));

    assertThat(signed.canonicalRequest()).contains("\nx-security-token:token-xyz\n");
  }

  @Test
  void omitsSessionTokenHeaderForLongLivedKeys() {
    SignedRequest signed =
        Signer.sign(
            "GET", "h", "/", Map.of(), Map.of(), EMPTY, SAMPLE, "iam", "cn-beijing", VECTOR_TIME);

    assertThat(signed.headersToAdd())
        .containsOnlyKeys("X-Date", "X-Content-Sha256", "Authorization");
  }

  @Test
  void toStringMasksTheSessionToken() {
    Credentials role = new Credentials(SAMPLE_AK, SAMPLE_SK, Optional.of("token-xyz"));

    SignedRequest signed =
        Signer.sign(
            "GET", "h", "/", Map.of(), Map.of(), EMPTY, role, "iam", "cn-beijing", VECTOR_TIME);

    assertThat(signed.toString()).doesNotContain("token-xyz").contains("X-Security-Token=***");
  }

  @Test
  void refusesAnExplicitHeaderSetWithoutXDate() {
    assertThatThrownBy(
            () ->
                Signer.sign(
                    "GET",
                    "h",
                    "/",
                    Map.of(),
                    Map.of(),
                    EMPTY,
                    SAMPLE,
                    "iam",
                    "cn-beijing",
                    VECTOR_TIME,
                    Set.of("host")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x-date");
  }

  @Test
  void refusesToSignAHeaderThatIsNotSent() {
    assertThatThrownBy(
            () ->
                Signer.sign(
                    "GET",
                    "h",
                    "/",
                    Map.of(),
                    Map.of(),
                    EMPTY,
                    SAMPLE,
                    "iam",
                    "cn-beijing",
                    VECTOR_TIME,
                    Set.of("x-date", "content-type")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content-type");
  }

  @Test
  void signatureFromPartsMatchesTheFullSigning() {
    SignedRequest signed =
        Signer.sign(
            "GET",
            "auto-scaling.ap-southeast-1.byteplusapi.com",
            "/",
            Map.of("Action", "DescribeScalingGroups"),
            Map.of(),
            EMPTY,
            SAMPLE,
            "auto_scaling",
            "ap-southeast-1",
            VECTOR_TIME);

    assertThat(
            Signer.signature(
                SAMPLE_SK,
                "20240619T071306Z",
                "ap-southeast-1",
                "auto_scaling",
                signed.canonicalRequest()))
        .isEqualTo(signed.signature());
  }

  @Test
  void trimsAndLowerCasesSignedHeadersAndSortsThem() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Date", "20240619T071306Z");
    headers.put("Host", "  example.com ");

    String canonical = Signer.canonicalRequest("GET", "/", "", headers, EMPTY_SHA256);

    assertThat(canonical)
        .isEqualTo(
            "GET\n/\n\nhost:example.com\nx-date:20240619T071306Z\n\nhost;x-date\n" + EMPTY_SHA256);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void percentEncodesAsTheReferenceSays(String description, String raw, String encoded) {
    assertThat(Signer.percentEncode(raw)).isEqualTo(encoded);
  }

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("unreserved characters stay literal", "AZaz09-_.~", "AZaz09-_.~"),
        Arguments.of("a space becomes %20, never +", "a b", "a%20b"),
        Arguments.of("a plus sign is escaped", "a+b", "a%2Bb"),
        Arguments.of("an asterisk is escaped (unlike URLEncoder)", "a*b", "a%2Ab"),
        Arguments.of("a slash is escaped", "a/b", "a%2Fb"),
        Arguments.of("equals and ampersand are escaped", "a=b&c", "a%3Db%26c"),
        Arguments.of("a percent sign is escaped", "100%", "100%25"),
        Arguments.of("multi-byte UTF-8 is escaped per byte in upper-case hex", "é", "%C3%A9"),
        Arguments.of(
            "the reference's mixed example", "a b*c~d/e+f=é", "a%20b%2Ac~d%2Fe%2Bf%3D%C3%A9"),
        Arguments.of("an empty value stays empty", "", ""),
        Arguments.of("a four-byte character is escaped per byte", "😀", "%F0%9F%98%80"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void buildsTheCanonicalQueryString(String description, Map<String, String> query, String want) {
    assertThat(Signer.canonicalQueryString(query)).isEqualTo(want);
  }

  static Stream<Arguments> queries() {
    Map<String, String> unsorted = new LinkedHashMap<>();
    unsorted.put("Version", "2020-01-01");
    unsorted.put("Action", "DescribeScalingGroups");
    return Stream.of(
        Arguments.of("no parameters give an empty string", Map.of(), ""),
        Arguments.of(
            "keys are sorted whatever the insertion order",
            unsorted,
            "Action=DescribeScalingGroups&Version=2020-01-01"),
        Arguments.of(
            "sorting is ordinal: upper case before lower case",
            Map.of("b", "1", "B", "2", "a", "3"),
            "B=2&a=3&b=1"),
        Arguments.of(
            "list indexes sort as text (10 before 2)",
            Map.of("Ids.2", "x", "Ids.10", "y", "Ids.1", "z"),
            "Ids.1=z&Ids.10=y&Ids.2=x"),
        Arguments.of("values are percent-encoded", Map.of("Name", "my group"), "Name=my%20group"),
        Arguments.of("keys are percent-encoded", Map.of("Tag Key", "v"), "Tag%20Key=v"),
        Arguments.of("an empty value keeps its equals sign", Map.of("Empty", ""), "Empty="));
  }
}
