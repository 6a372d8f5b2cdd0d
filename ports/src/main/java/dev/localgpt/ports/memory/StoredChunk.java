package dev.localgpt.ports.memory;

/**
 * A chunk as stored in the index.
 *
 * @param id index-assigned id, stable until the file is re-indexed
 * @param path the file's path (see {@link IndexedFile#path()})
 * @param source the file's source (see {@link IndexedFile#source()})
 * @param startLine first line, 1-based inclusive
 * @param endLine last line, 1-based inclusive
 * @param headingPath headings above the chunk, {@code " > "}-joined
 * @param text the chunk text
 */
public record StoredChunk(
    long id,
    String path,
    String source,
    int startLine,
    int endLine,
    String headingPath,
    String text) {}
