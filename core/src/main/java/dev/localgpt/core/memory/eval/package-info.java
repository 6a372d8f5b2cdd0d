/**
 * Measuring memory search: BEIR data sets as values, the BEIR metrics (nDCG, recall), the retrieval
 * benchmark that runs every judged query once per search leg over the {@link
 * dev.localgpt.ports.memory.MemoryIndex} and {@link dev.localgpt.ports.embedding.Embedder} ports,
 * fusion variants, synthetic corpora and latency timing. Parsing the JSONL files of a data set
 * happens at the edge; this package receives records.
 */
package dev.localgpt.core.memory.eval;
