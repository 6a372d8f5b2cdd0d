/**
 * Local text embeddings: a pure-Java BERT WordPiece tokenizer and ONNX Runtime running the
 * model-only jars of all-MiniLM-L6-v2 (int8 and fp32), bge-small-en-v1.5 and e5-small-v2 (int8).
 * The entry points are {@link dev.localgpt.adapter.embeddings.OnnxEmbedders} and, for the bench
 * command, {@link dev.localgpt.adapter.embeddings.OnnxThroughput}.
 */
package dev.localgpt.adapter.embeddings;
