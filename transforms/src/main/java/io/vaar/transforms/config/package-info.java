/**
 * The run config as immutable records, read from YAML and validated before any model is called.
 * Today this holds the {@code models:} section ({@link io.vaar.transforms.config.ModelsConfig},
 * {@link io.vaar.transforms.config.ModelSpec}); every problem is a {@link
 * io.vaar.transforms.config.ConfigException} whose one-line message names the entry, the key and
 * the fix. Secrets never live here: a model names the environment variable or the Secret Manager
 * secret version that holds its key; a variable is only checked for presence, and a secret is
 * read only where the model is called.
 */
package io.vaar.transforms.config;
