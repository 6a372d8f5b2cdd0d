/** Chunking, indexing and hybrid search of the workspace's Markdown. */
package dev.localgpt.core.memory;
