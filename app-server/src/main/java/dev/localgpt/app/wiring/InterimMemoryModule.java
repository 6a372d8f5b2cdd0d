package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;

/** INTERIM (see {@link InterimMemory}): remove this module when the memory module provides {@link MemoryService}. */
public final class InterimMemoryModule extends AbstractModule {
  @Provides
  @Singleton
  MemoryService memory(LocalGptHome home, LocalGptConfig config) {
    return InterimMemory.open(home, config);
  }
}
