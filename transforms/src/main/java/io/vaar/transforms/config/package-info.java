/**
 * The run config as immutable records, read from YAML and validated before any model is called.
 * Today this holds the {@code models:} section ({@link io.vaar.transforms.config.ModelsConfig},
 * {@link io.vaar.transforms.config.ModelSpec}); every problem is a {@link
 * io.vaar.transforms.config.ConfigException} whose one-line message names the entry, the key and
 * the fix. Secrets never live here: a model names the environment variable that holds its key,
 * and the value is only checked for presence.
 */
package io.vaar.transforms.config;
