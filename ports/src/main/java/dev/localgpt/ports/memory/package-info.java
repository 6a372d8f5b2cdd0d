/** Storage and search of memory chunks: full-text (BM25), vector k-NN, embedding cache. */
package dev.localgpt.ports.memory;
