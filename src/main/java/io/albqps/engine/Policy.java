package io.albqps.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The rule parameters of our scaling engine (DESIGN §4). Built from validated settings; the
 * constructor re-checks every bound so a policy can never hold a value the engine cannot use.
 * Durations are whole seconds or more.
 *
 * @param dynamicScaling proportional mode ({@code ceil(qps / target)}) instead of threshold steps
 * @param scaleUpThreshold static mode: fraction of the target above which one step is added
 * @param scaleDownThreshold static mode: fraction of the target below which one step is removed
 * @param maxScaleUpPerAction 0 = unlimited
 * @param maxScaleDownPerAction 0 = unlimited
 * @param panicThreshold 0 = off; else the load ratio that skips up-delay and up/general cooldowns
 * @param predictiveHorizon zero = off
 * @param metricStaleAfter the newest point whose period ended longer ago than this means no data
 * @param scaleDownTolerance dynamic mode: the band below the target inside which a lower load holds
 *     ({@code scaleTolerance} is the band above it); the same as {@code scaleTolerance} unless set
 *     apart (K8s 1.33's separate up and down tolerances)
 * @param predictiveMaxRatio 0 = uncapped; else the predicted QPS is at most this multiple of the
 *     window's statistic, so a steep fit anticipates a rise without overshooting it
 * @param predictiveMinRises 0 = always; else the trend is extrapolated only while each of the
 *     window's last this many point-to-point changes is a rise, so a load already flat at a new
 *     level is not predicted to climb on
 */
public record Policy(
    boolean dynamicScaling,
    double targetQpsPerInstance,
    double scaleUpThreshold,
    double scaleDownThreshold,
    int scaleUpIncrement,
    int scaleDownDecrement,
    int maxScaleUpPerAction,
    int maxScaleDownPerAction,
    Duration scaleUpCooldown,
    Duration scaleDownCooldown,
    Duration generalCooldown,
    double scaleTolerance,
    Duration upscaleDelay,
    Duration downscaleDelay,
    double upscalingFactor,
    double downscalingFactor,
    QpsStatistic qpsStatistic,
    Duration instanceWarmup,
    double panicThreshold,
    Duration predictiveHorizon,
    Duration metricStaleAfter,
    double scaleDownTolerance,
    double predictiveMaxRatio,
    int predictiveMinRises) {

  /**
   * The CloudMonitor ingestion lag the default staleness limit tolerates (reference §2: 1–2 min).
   */
  public static final Duration INGESTION_LAG_ALLOWANCE = Duration.ofSeconds(120);

  public Policy {
    positive("targetQpsPerInstance", targetQpsPerInstance);
    if (!(scaleUpThreshold > 0 && scaleUpThreshold <= 1)) {
      throw new IllegalArgumentException(
          "scaleUpThreshold must be in (0, 1], got " + scaleUpThreshold);
    }
    if (!(scaleDownThreshold > 0 && scaleDownThreshold < scaleUpThreshold)) {
      throw new IllegalArgumentException(
          "scaleDownThreshold must be in (0, scaleUpThreshold), got " + scaleDownThreshold);
    }
    atLeast("scaleUpIncrement", scaleUpIncrement, 1);
    atLeast("scaleDownDecrement", scaleDownDecrement, 1);
    atLeast("maxScaleUpPerAction", maxScaleUpPerAction, 0);
    atLeast("maxScaleDownPerAction", maxScaleDownPerAction, 0);
    notNegative("scaleUpCooldown", scaleUpCooldown);
    notNegative("scaleDownCooldown", scaleDownCooldown);
    notNegative("generalCooldown", generalCooldown);
    if (!(scaleTolerance >= 0 && scaleTolerance < 1)) {
      throw new IllegalArgumentException("scaleTolerance must be in [0, 1), got " + scaleTolerance);
    }
    notNegative("upscaleDelay", upscaleDelay);
    notNegative("downscaleDelay", downscaleDelay);
    positive("upscalingFactor", upscalingFactor);
    positive("downscalingFactor", downscalingFactor);
    Objects.requireNonNull(qpsStatistic, "qpsStatistic");
    notNegative("instanceWarmup", instanceWarmup);
    if (!(panicThreshold == 0 || panicThreshold > 1) || !Double.isFinite(panicThreshold)) {
      throw new IllegalArgumentException(
          "panicThreshold must be 0 (off) or > 1, got " + panicThreshold);
    }
    notNegative("predictiveHorizon", predictiveHorizon);
    notNegative("metricStaleAfter", metricStaleAfter);
    if (metricStaleAfter.isZero()) {
      throw new IllegalArgumentException("metricStaleAfter must be positive");
    }
    if (!(scaleDownTolerance >= 0 && scaleDownTolerance < 1)) {
      throw new IllegalArgumentException(
          "scaleDownTolerance must be in [0, 1), got " + scaleDownTolerance);
    }
    if (!(predictiveMaxRatio == 0 || predictiveMaxRatio >= 1)
        || !Double.isFinite(predictiveMaxRatio)) {
      throw new IllegalArgumentException(
          "predictiveMaxRatio must be 0 (uncapped) or >= 1, got " + predictiveMaxRatio);
    }
    atLeast("predictiveMinRises", predictiveMinRises, 0);
  }

  /** The defaults of DESIGN §3 (dynamic mode, 50 QPS per instance). */
  public static Policy defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * {@code METRIC_STALE_SECONDS}' default for CloudMonitor points {@code pointInterval} apart: one
   * interval (at least a minute) plus {@link #INGESTION_LAG_ALLOWANCE}. A point's age counts from
   * the end of its period, so the newest point is between lag and lag + interval old when the next
   * is due: this keeps every evaluation fed while the lag stays within two minutes, whatever the
   * evaluation's offset within the minute (staggered copies).
   */
  public static Duration defaultMetricStaleAfter(Duration pointInterval) {
    Duration floor = Duration.ofSeconds(60);
    return (pointInterval.compareTo(floor) > 0 ? pointInterval : floor)
        .plus(INGESTION_LAG_ALLOWANCE);
  }

  /** The QPS per instance above which static mode adds a step. */
  public double scaleUpQps() {
    return targetQpsPerInstance * scaleUpThreshold;
  }

  /** The QPS per instance below which static mode removes a step. */
  public double scaleDownQps() {
    return targetQpsPerInstance * scaleDownThreshold;
  }

  public boolean panicEnabled() {
    return panicThreshold > 0;
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
    }
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }

  private static void notNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  /** Builds a policy; starts from the defaults of DESIGN §3. */
  public static final class Builder {
    private boolean dynamicScaling = true;
    private double targetQpsPerInstance = 50;
    private double scaleUpThreshold = 0.8;
    private double scaleDownThreshold = 0.6;
    private int scaleUpIncrement = 1;
    private int scaleDownDecrement = 1;
    private int maxScaleUpPerAction = 0;
    private int maxScaleDownPerAction = 0;
    private Duration scaleUpCooldown = Duration.ofSeconds(300);
    private Duration scaleDownCooldown = Duration.ofSeconds(600);
    private Duration generalCooldown = Duration.ofSeconds(180);
    private double scaleTolerance = 0.1;
    private Duration upscaleDelay = Duration.ZERO;
    private Duration downscaleDelay = Duration.ofSeconds(600);
    private double upscalingFactor = 1.0;
    private double downscalingFactor = 1.0;
    private QpsStatistic qpsStatistic = QpsStatistic.MEAN;
    private Duration instanceWarmup = Duration.ZERO;
    private double panicThreshold = 0;
    private Duration predictiveHorizon = Duration.ZERO;
    private Duration metricStaleAfter = Duration.ofSeconds(600);
    private double scaleDownTolerance = Double.NaN; // unset: follows scaleTolerance
    private double predictiveMaxRatio = 0;
    private int predictiveMinRises = 0;

    private Builder() {}

    private Builder(Policy p) {
      dynamicScaling = p.dynamicScaling;
      targetQpsPerInstance = p.targetQpsPerInstance;
      scaleUpThreshold = p.scaleUpThreshold;
      scaleDownThreshold = p.scaleDownThreshold;
      scaleUpIncrement = p.scaleUpIncrement;
      scaleDownDecrement = p.scaleDownDecrement;
      maxScaleUpPerAction = p.maxScaleUpPerAction;
      maxScaleDownPerAction = p.maxScaleDownPerAction;
      scaleUpCooldown = p.scaleUpCooldown;
      scaleDownCooldown = p.scaleDownCooldown;
      generalCooldown = p.generalCooldown;
      scaleTolerance = p.scaleTolerance;
      upscaleDelay = p.upscaleDelay;
      downscaleDelay = p.downscaleDelay;
      upscalingFactor = p.upscalingFactor;
      downscalingFactor = p.downscalingFactor;
      qpsStatistic = p.qpsStatistic;
      instanceWarmup = p.instanceWarmup;
      panicThreshold = p.panicThreshold;
      predictiveHorizon = p.predictiveHorizon;
      metricStaleAfter = p.metricStaleAfter;
      scaleDownTolerance =
          p.scaleDownTolerance == p.scaleTolerance ? Double.NaN : p.scaleDownTolerance;
      predictiveMaxRatio = p.predictiveMaxRatio;
      predictiveMinRises = p.predictiveMinRises;
    }

    public Builder dynamicScaling(boolean value) {
      dynamicScaling = value;
      return this;
    }

    public Builder targetQpsPerInstance(double value) {
      targetQpsPerInstance = value;
      return this;
    }

    public Builder scaleUpThreshold(double value) {
      scaleUpThreshold = value;
      return this;
    }

    public Builder scaleDownThreshold(double value) {
      scaleDownThreshold = value;
      return this;
    }

    public Builder scaleUpIncrement(int value) {
      scaleUpIncrement = value;
      return this;
    }

    public Builder scaleDownDecrement(int value) {
      scaleDownDecrement = value;
      return this;
    }

    public Builder maxScaleUpPerAction(int value) {
      maxScaleUpPerAction = value;
      return this;
    }

    public Builder maxScaleDownPerAction(int value) {
      maxScaleDownPerAction = value;
      return this;
    }

    public Builder scaleUpCooldown(Duration value) {
      scaleUpCooldown = value;
      return this;
    }

    public Builder scaleDownCooldown(Duration value) {
      scaleDownCooldown = value;
      return this;
    }

    public Builder generalCooldown(Duration value) {
      generalCooldown = value;
      return this;
    }

    public Builder scaleTolerance(double value) {
      scaleTolerance = value;
      return this;
    }

    public Builder upscaleDelay(Duration value) {
      upscaleDelay = value;
      return this;
    }

    public Builder downscaleDelay(Duration value) {
      downscaleDelay = value;
      return this;
    }

    public Builder upscalingFactor(double value) {
      upscalingFactor = value;
      return this;
    }

    public Builder downscalingFactor(double value) {
      downscalingFactor = value;
      return this;
    }

    public Builder qpsStatistic(QpsStatistic value) {
      qpsStatistic = value;
      return this;
    }

    public Builder instanceWarmup(Duration value) {
      instanceWarmup = value;
      return this;
    }

    public Builder panicThreshold(double value) {
      panicThreshold = value;
      return this;
    }

    public Builder predictiveHorizon(Duration value) {
      predictiveHorizon = value;
      return this;
    }

    public Builder metricStaleAfter(Duration value) {
      metricStaleAfter = value;
      return this;
    }

    /** The band below the target; unset, it follows {@link #scaleTolerance(double)}. */
    public Builder scaleDownTolerance(double value) {
      scaleDownTolerance = value;
      return this;
    }

    public Builder predictiveMaxRatio(double value) {
      predictiveMaxRatio = value;
      return this;
    }

    public Builder predictiveMinRises(int value) {
      predictiveMinRises = value;
      return this;
    }

    public Policy build() {
      return new Policy(
          dynamicScaling,
          targetQpsPerInstance,
          scaleUpThreshold,
          scaleDownThreshold,
          scaleUpIncrement,
          scaleDownDecrement,
          maxScaleUpPerAction,
          maxScaleDownPerAction,
          scaleUpCooldown,
          scaleDownCooldown,
          generalCooldown,
          scaleTolerance,
          upscaleDelay,
          downscaleDelay,
          upscalingFactor,
          downscalingFactor,
          qpsStatistic,
          instanceWarmup,
          panicThreshold,
          predictiveHorizon,
          metricStaleAfter,
          Double.isNaN(scaleDownTolerance) ? scaleTolerance : scaleDownTolerance,
          predictiveMaxRatio,
          predictiveMinRises);
    }
  }
}
