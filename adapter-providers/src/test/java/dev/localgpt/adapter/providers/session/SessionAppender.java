package dev.localgpt.adapter.providers.session;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A second process for {@link JsonlSessionStoreTwoProcessesIT}: {@code SessionAppender DIR ID NAME
 * TURNS} appends TURNS user/assistant pairs, labelled with NAME, to session ID, reading the session
 * back now and then like a chat.
 */
public final class SessionAppender {
  private SessionAppender() {}

  public static void main(String[] args) {
    JsonlSessionStore store = new JsonlSessionStore(Path.of(args[0]), Clock.systemUTC(), "/it");
    String id = args[1];
    String name = args[2];
    int turns = Integer.parseInt(args[3]);
    for (int turn = 1; turn <= turns; turn++) {
      store.append(
          id, new SessionEntry.Message(Instant.now(), ChatMessage.user(name + " asks " + turn)));
      store.append(
          id,
          new SessionEntry.Message(Instant.now(), ChatMessage.assistant(name + " hears " + turn)));
      if (turn % 10 == 0) {
        store.read(id);
      }
    }
  }
}
