package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.Workspace;

/** Provides the {@link Workspace} named by the config. */
public final class WorkspaceModule extends AbstractModule {
  @Provides
  @Singleton
  Workspace workspace(LocalGptConfig config) {
    return Components.workspace(config);
  }
}
