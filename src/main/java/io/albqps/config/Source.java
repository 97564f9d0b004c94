package io.albqps.config;

/** Where a setting's value came from, so {@code validate} can say why a value is what it is. */
public enum Source {
  /** Not set anywhere: the built-in default (or derived default). */
  DEFAULT,
  /** From the {@code SCALING_PRESET} file. */
  PRESET,
  /** Set in the environment (or the {@code --env-file}). */
  ENV
}
