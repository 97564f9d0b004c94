package io.albqps.emulator;

import io.albqps.cloud.Credentials;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.PhaseProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the emulator is started with: where it listens, whose signatures it accepts, the group
 * it simulates, and the traffic its CloudMonitor reports. Build one with {@link #builder()}.
 *
 * @param trafficStart the instant the load profile's time zero maps to; empty = the clock's instant
 *     when the emulator starts
 * @param ingestionLag a period's point is served only once the period ended this long ago
 * @param missingPointRate the share of points CloudMonitor never delivers, chosen by {@code seed}
 */
public record EmulatorConfig(
    String host,
    int port,
    String region,
    List<Credentials> credentials,
    Duration maxClockSkew,
    String scalingGroupId,
    String scalingGroupName,
    int minInstances,
    int maxInstances,
    int initialDesired,
    Duration bootTime,
    Duration bootSpread,
    Duration removalTime,
    String albId,
    LoadProfile loadProfile,
    Optional<Instant> trafficStart,
    Duration ingestionLag,
    double missingPointRate,
    long seed) {

  /** The largest group BytePlus allows (terraform provider: Min/MaxInstanceNumber 0–2000). */
  static final int GROUP_LIMIT = 2000;

  public EmulatorConfig {
    requireText("host", host);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: expected 0..65535 (0 = ephemeral), got " + port);
    }
    requireText("region", region);
    credentials = List.copyOf(credentials);
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("credentials: expected at least one access key");
    }
    requirePositive("maxClockSkew", maxClockSkew);
    requirePrefix("scalingGroupId", scalingGroupId, "scg-");
    requireText("scalingGroupName", scalingGroupName);
    if (minInstances < 0 || minInstances > maxInstances || maxInstances > GROUP_LIMIT) {
      throw new IllegalArgumentException(
          "minInstances/maxInstances: expected 0 <= min <= max <= "
              + GROUP_LIMIT
              + ", got min="
              + minInstances
              + " max="
              + maxInstances);
    }
    if (initialDesired < minInstances || initialDesired > maxInstances) {
      throw new IllegalArgumentException(
          "initialDesired: expected in ["
              + minInstances
              + ", "
              + maxInstances
              + "], got "
              + initialDesired);
    }
    requireNonNegative("bootTime", bootTime);
    requireNonNegative("bootSpread", bootSpread);
    requireNonNegative("removalTime", removalTime);
    requirePrefix("albId", albId, "alb-");
    Objects.requireNonNull(loadProfile, "loadProfile");
    Objects.requireNonNull(trafficStart, "trafficStart");
    requireNonNegative("ingestionLag", ingestionLag);
    if (!(missingPointRate >= 0 && missingPointRate < 1)) {
      throw new IllegalArgumentException(
          "missingPointRate: expected 0 <= rate < 1, got " + missingPointRate);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with the defaults below; only credentials have none. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": expected a non-empty value");
    }
  }

  private static void requirePrefix(String field, String value, String prefix) {
    if (value == null || !value.startsWith(prefix) || value.length() == prefix.length()) {
      throw new IllegalArgumentException(
          field + ": expected " + prefix + "<id>, got " + (value == null ? "nothing" : value));
    }
  }

  private static void requireNonNegative(String field, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(field + ": expected a duration >= 0, got " + value);
    }
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + ": expected a duration > 0, got " + value);
    }
  }

  /**
   * Builds an {@link EmulatorConfig}. Defaults: 127.0.0.1, ephemeral port, ap-southeast-1, 15 min
   * clock skew, group {@code scg-emulator} with min 1, max 10, desired 1, GPU-like 180 s boot, 30 s
   * removal, ALB {@code alb-emulator} with no load, 60 s ingestion lag, no missing points, seed 1.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String region = "ap-southeast-1";
    private List<Credentials> credentials = new ArrayList<>();
    private Duration maxClockSkew = Duration.ofMinutes(15);
    private String scalingGroupId = "scg-emulator";
    private String scalingGroupName = "emulator-group";
    private int minInstances = 1;
    private int maxInstances = 10;
    private int initialDesired = 1;
    private Duration bootTime = Duration.ofMinutes(3);
    private Duration bootSpread = Duration.ZERO;
    private Duration removalTime = Duration.ofSeconds(30);
    private String albId = "alb-emulator";
    private LoadProfile loadProfile = PhaseProfile.constant(0);
    private Optional<Instant> trafficStart = Optional.empty();
    private Duration ingestionLag = Duration.ofSeconds(60);
    private double missingPointRate;
    private long seed = 1;

    private Builder() {}

    private Builder(EmulatorConfig c) {
      host = c.host;
      port = c.port;
      region = c.region;
      credentials = new ArrayList<>(c.credentials);
      maxClockSkew = c.maxClockSkew;
      scalingGroupId = c.scalingGroupId;
      scalingGroupName = c.scalingGroupName;
      minInstances = c.minInstances;
      maxInstances = c.maxInstances;
      initialDesired = c.initialDesired;
      bootTime = c.bootTime;
      bootSpread = c.bootSpread;
      removalTime = c.removalTime;
      albId = c.albId;
      loadProfile = c.loadProfile;
      trafficStart = c.trafficStart;
      ingestionLag = c.ingestionLag;
      missingPointRate = c.missingPointRate;
      seed = c.seed;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Adds an accepted key pair; one with a session token also requires X-Security-Token. */
    public Builder credentials(Credentials credentials) {
      this.credentials.add(Objects.requireNonNull(credentials, "credentials"));
      return this;
    }

    public Builder maxClockSkew(Duration maxClockSkew) {
      this.maxClockSkew = maxClockSkew;
      return this;
    }

    public Builder scalingGroupId(String scalingGroupId) {
      this.scalingGroupId = scalingGroupId;
      return this;
    }

    public Builder scalingGroupName(String scalingGroupName) {
      this.scalingGroupName = scalingGroupName;
      return this;
    }

    /** Min, max and initial desired capacity of the group. */
    public Builder capacity(int minInstances, int maxInstances, int initialDesired) {
      this.minInstances = minInstances;
      this.maxInstances = maxInstances;
      this.initialDesired = initialDesired;
      return this;
    }

    public Builder bootTime(Duration bootTime) {
      this.bootTime = bootTime;
      return this;
    }

    /**
     * Each instance boots in {@code bootTime + u * bootSpread}, u in [0, 1) drawn from the seed.
     */
    public Builder bootSpread(Duration bootSpread) {
      this.bootSpread = bootSpread;
      return this;
    }

    public Builder removalTime(Duration removalTime) {
      this.removalTime = removalTime;
      return this;
    }

    public Builder albId(String albId) {
      this.albId = albId;
      return this;
    }

    public Builder loadProfile(LoadProfile loadProfile) {
      this.loadProfile = loadProfile;
      return this;
    }

    public Builder trafficStart(Instant trafficStart) {
      this.trafficStart = Optional.of(trafficStart);
      return this;
    }

    public Builder ingestionLag(Duration ingestionLag) {
      this.ingestionLag = ingestionLag;
      return this;
    }

    public Builder missingPointRate(double missingPointRate) {
      this.missingPointRate = missingPointRate;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public EmulatorConfig build() {
      return new EmulatorConfig(
          host,
          port,
          region,
          credentials,
          maxClockSkew,
          scalingGroupId,
          scalingGroupName,
          minInstances,
          maxInstances,
          initialDesired,
          bootTime,
          bootSpread,
          removalTime,
          albId,
          loadProfile,
          trafficStart,
          ingestionLag,
          missingPointRate,
          seed);
    }
  }
}
