package dev.localgpt.core.memory;

import java.nio.file.Path;

/**
 * A file found by the scanner.
 *
 * @param file where it is on disk
 * @param path its index path ({@code /}-separated)
 * @param source {@code memory} or the silo name
 * @param size bytes
 * @param modifiedMillis last-modified time
 */
record SourceFile(Path file, String path, String source, long size, long modifiedMillis) {}
