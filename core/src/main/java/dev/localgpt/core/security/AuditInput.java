package dev.localgpt.core.security;

import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.skills.SkillCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the audit looks at.
 *
 * @param homeRoot the LocalGPT home
 * @param configFile config.toml (may not exist)
 * @param userHome the user's real home
 * @param config the loaded config
 * @param skills the {@code skills check} result of every skill
 * @param shellSandboxed whether the bash tool runs inside Bubblewrap
 */
public record AuditInput(
    Path homeRoot,
    Path configFile,
    Path userHome,
    LocalGptConfig config,
    List<SkillCheck> skills,
    boolean shellSandboxed) {
  public AuditInput {
    Objects.requireNonNull(homeRoot, "'homeRoot' must not be null");
    Objects.requireNonNull(configFile, "'configFile' must not be null");
    Objects.requireNonNull(userHome, "'userHome' must not be null");
    Objects.requireNonNull(config, "'config' must not be null");
    skills = List.copyOf(skills);
  }
}
