package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.adapter.postgres.PostgresDatabase;
import dev.localgpt.adapter.postgres.PostgresMemoryIndex;
import dev.localgpt.adapter.postgres.PostgresSessionStore;
import dev.localgpt.core.config.ServerUser;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.session.SessionStore;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A user's index and sessions on PostgreSQL, on the pool all users share: her rows carry her name
 * as workspace id; her searches also read the workspaces in her {@code read_workspaces}, never
 * others.
 */
final class UserPostgresModule extends AbstractModule {
  private final ServerUser user;
  private final Supplier<PostgresDatabase> database;

  UserPostgresModule(ServerUser user, Supplier<PostgresDatabase> database) {
    this.user = user;
    this.database = database;
  }

  @Provides
  @Singleton
  MemoryIndexes indexes() {
    Set<String> readable = Set.copyOf(user.readWorkspaces());
    return new MemoryIndexes() {
      @Override
      public MemoryIndex open() {
        return PostgresMemoryIndex.open(database.get(), user.name(), readable);
      }

      @Override
      public MemoryIndex recreate() {
        PostgresMemoryIndex index = PostgresMemoryIndex.open(database.get(), user.name(), readable);
        index.clear();
        return index;
      }
    };
  }

  @Provides
  @Singleton
  SessionStore sessions(Clock clock) {
    return new PostgresSessionStore(database.get(), user.name(), clock);
  }
}
