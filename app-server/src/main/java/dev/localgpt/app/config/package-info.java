/**
 * Reading and editing {@code config.toml} with tomlj: {@link
 * dev.localgpt.app.config.TomlConfigLoader} turns the file into the typed {@link
 * dev.localgpt.core.config.LocalGptConfig} (all problems reported at once, with line numbers);
 * {@link dev.localgpt.app.config.TomlConfigEditor} changes one key while keeping the user's
 * comments.
 */
package dev.localgpt.app.config;
