/**
 * The benchmarks behind {@code localgpt bench}, wired over the real adapters: the retrieval
 * benchmark on a BEIR data set, query latency of the two k-NN engines, the indexing rate beside the
 * raw onnxruntime rate, the no-op re-index, and the HTTP server under load ({@link
 * dev.localgpt.app.bench.ServerBenchRun}). The measuring itself is in {@link
 * dev.localgpt.core.memory.eval}; this package opens the adapters, scratch folders and memory
 * stacks it runs on, and returns values for the app to present.
 */
package dev.localgpt.app.bench;
