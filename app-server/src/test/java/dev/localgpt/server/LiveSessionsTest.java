package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.session.InMemorySessionStore;
import dev.localgpt.server.chat.ChatEngine;
import dev.localgpt.server.chat.LiveSession;
import dev.localgpt.server.chat.LiveSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSessionsTest {
  @TempDir Path workspace;

  private final MutableClock clock = new MutableClock();

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private LiveSessions sessions(InMemorySessionStore store, int max) {
    ChatEngine engine =
        new ChatEngine(
            name -> ScriptedChatModel.replying(),
            model ->
                ChatSetup.builder()
                    .model(model)
                    .sessions(store)
                    .memory(memory())
                    .workspace(new PathGuard(java.util.List.of(workspace)))
                    .clock(clock)
                    .build());
    return new LiveSessions(engine, store, clock, max, Duration.ofMinutes(30));
  }

  private static dev.localgpt.core.memory.MemorySearch memory() {
    return (query, options) -> java.util.List.of();
  }

  @Test
  void theLeastRecentlyUsedIsDroppedBeyondTheMaximumAndReloadedOnDemand() {
    InMemorySessionStore store = new InMemorySessionStore(clock);
    LiveSessions live = sessions(store, 2);
    LiveSession a = live.create();
    LiveSession b = live.create();
    assertThat(live.find(a.id())).containsSame(a); // a is now the most recent
    LiveSession c = live.create();
    assertThat(live.list()).containsExactly(a, c);
    LiveSession reloaded = live.find(b.id()).orElseThrow();
    assertThat(reloaded).isNotSameAs(b);
    assertThat(reloaded.id()).isEqualTo(b.id());
    assertThat(live.size()).isEqualTo(2);
  }

  @Test
  void idleSessionsExpireAfterThirtyMinutes() {
    LiveSessions live = sessions(new InMemorySessionStore(clock), 100);
    LiveSession a = live.create();
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    LiveSession b = live.create();
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertThat(live.list()).containsExactly(b);
    assertThat(live.find(a.id())).isPresent(); // still on disk
    assertThat(live.open(Optional.of("unknown"))).isNotNull();
  }
}
