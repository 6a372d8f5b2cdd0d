package dev.localgpt.core.memory;

import dev.localgpt.ports.memory.MemoryIndex;

/**
 * Opens the memory index and recreates it when it is damaged. The Markdown is the truth, so a
 * recreated (empty) index is simply filled again by the indexer.
 */
public interface MemoryIndexes {

  /** Opens (creating if missing) the index. May throw an {@code IndexException} of kind CORRUPT. */
  MemoryIndex open();

  /**
   * Discards the damaged store (e.g. deletes or moves the DB file aside) and opens a new, empty
   * one.
   */
  MemoryIndex recreate();
}
