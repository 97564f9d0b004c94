package io.albqps.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {
  private static final String SECRET =
      "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==";
  private final SigningKeyCache cache = new SigningKeyCache();

  @Test
  void givesTheKeyTheHmacChainDerives() {
    assertThat(cache.key(SECRET, "20240619", "ap-southeast-1", "cloudmonitor"))
        .isEqualTo(Signer.signingKey(SECRET, "20240619T071306Z", "ap-southeast-1", "cloudmonitor"));
  }

  @Test
  void derivesEachScopeOnce() {
    byte[] first = cache.key(SECRET, "20240619", "ap-southeast-1", "cloudmonitor");

    assertThat(cache.key(SECRET, "20240619", "ap-southeast-1", "cloudmonitor")).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void keepsScopesThatDifferInAnyPartApart() {
    byte[] base = cache.key(SECRET, "20240619", "ap-southeast-1", "cloudmonitor");

    assertThat(cache.key(SECRET + "x", "20240619", "ap-southeast-1", "cloudmonitor"))
        .isNotEqualTo(base);
    assertThat(cache.key(SECRET, "20240620", "ap-southeast-1", "cloudmonitor")).isNotEqualTo(base);
    assertThat(cache.key(SECRET, "20240619", "cn-beijing", "cloudmonitor")).isNotEqualTo(base);
    assertThat(cache.key(SECRET, "20240619", "ap-southeast-1", "auto_scaling")).isNotEqualTo(base);
    assertThat(cache.size()).isEqualTo(5);
  }

  @Test
  void startsOverWhenFullInsteadOfGrowingWithEveryDay() {
    for (int day = 0; day < 3 * SigningKeyCache.MAX_SCOPES; day++) {
      cache.key(SECRET, String.valueOf(20_240_000 + day), "ap-southeast-1", "cloudmonitor");
    }

    assertThat(cache.size()).isBetween(1, SigningKeyCache.MAX_SCOPES);
  }

  @Test
  void itsTextNamesNoSecret() {
    cache.key(SECRET, "20240619", "ap-southeast-1", "cloudmonitor");

    assertThat(cache.toString()).doesNotContain(SECRET).contains("1 scopes");
  }
}
