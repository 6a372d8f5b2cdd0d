package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;

/**
 * Provides the {@link MemoryStack} (one per injector; whoever owns the injector closes it) and its
 * {@link MemoryService}, also as the {@link MemorySearch} the agent's tools use.
 */
public final class MemoryModule extends AbstractModule {
  @Provides
  @Singleton
  MemoryStack memoryStack(LocalGptHome home, LocalGptConfig config) {
    Components.prepare(home, config); // the library builder does this in build(), unless told not to
    return MemoryComponents.memory(home, config);
  }

  @Provides
  MemoryService memoryService(MemoryStack stack) {
    return stack.service();
  }

  @Provides
  MemorySearch memorySearch(MemoryStack stack) {
    return stack.service();
  }
}
