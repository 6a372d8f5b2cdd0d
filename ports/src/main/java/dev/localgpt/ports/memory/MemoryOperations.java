package dev.localgpt.ports.memory;

import java.util.Optional;

/**
 * The memory tools LocalGPT offers to other programs (its MCP server): search, read a line range,
 * append to today's daily note, and index statistics. Implemented by the domain; answers are the
 * text the tool returns. Thread-safe; methods block on file and index I/O.
 */
public interface MemoryOperations {

  /**
   * Hybrid search over the memory files.
   *
   * @param limit maximum hits, &gt; 0
   * @param silo a {@code knowledge/<silo>/} folder to search instead of the default scope, or empty
   * @return the hits as JSON {@code {"results":[{path,startLine,endLine,score,snippet,source}]}}
   * @throws IllegalArgumentException for an empty query, a bad limit or an unknown silo, naming the
   *     fix
   */
  String search(String query, int limit, Optional<String> silo);

  /**
   * Lines {@code from .. from+lines-1} of a memory file ({@code MEMORY.md}, {@code memory/**},
   * {@code knowledge/**}), numbered.
   *
   * @throws IllegalArgumentException for a path outside the workspace's memory files (including
   *     {@code ../}) or bad numbers, naming the problem
   */
  String get(String path, int from, int lines);

  /**
   * Appends {@code text} to today's daily note {@code memory/YYYY-MM-DD.md} (created when missing);
   * never rewrites what is there.
   *
   * @return a one-line confirmation naming the note
   * @throws IllegalArgumentException for empty text
   */
  String append(String text);

  /** Files, chunks, embedded chunks and index size, as one JSON object. */
  String stats();
}
