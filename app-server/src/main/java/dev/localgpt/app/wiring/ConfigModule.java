package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;

/** Provides the {@link LocalGptHome}, the loaded {@link LocalGptConfig} and the {@link WiringOptions}. */
public final class ConfigModule extends AbstractModule {
  private final WiringOptions options;

  public ConfigModule(WiringOptions options) {
    this.options = options;
  }

  @Provides
  @Singleton
  WiringOptions options() {
    return options;
  }

  @Provides
  @Singleton
  LocalGptHome home() {
    return Components.home(options);
  }

  @Provides
  @Singleton
  LocalGptConfig config(LocalGptHome home) {
    return Components.config(home, options);
  }
}
