package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.adapter.providers.frontmatter.YamlFrontMatterParser;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.workspace.Workspace;

/** Provides the {@link Workspace} named by the config and the loader of its skills. */
public final class WorkspaceModule extends AbstractModule {
  @Provides
  @Singleton
  Workspace workspace(LocalGptConfig config) {
    return Components.workspace(config);
  }

  @Provides
  SkillLoader skills(Workspace workspace) {
    return SkillLoader.forWorkspace(workspace.root(), new YamlFrontMatterParser());
  }
}
