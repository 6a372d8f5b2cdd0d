/**
 * The typed, validated, immutable configuration of LocalGPT ({@link
 * dev.localgpt.core.config.LocalGptConfig}) and the JDK-only rules that build it from raw values:
 * the key schema, durations, clock times, environment expansion and defaults. Reading a file format
 * (TOML) is the job of the application layer, which hands the raw values in through {@link
 * dev.localgpt.core.config.ConfigSource}.
 */
package dev.localgpt.core.config;
