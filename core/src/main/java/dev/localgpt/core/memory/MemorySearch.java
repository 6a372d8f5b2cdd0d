package dev.localgpt.core.memory;

import java.util.List;

/**
 * Searches the indexed memory; used by the CLI, the server, the library and the agent's memory
 * tools.
 */
public interface MemorySearch {

  /** Best hits first; blank queries give an empty list; never throws for odd user text. */
  List<MemoryHit> search(String query, SearchOptions options);
}
