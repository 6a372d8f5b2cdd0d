/** Ollama's native chat API ({@code POST {endpoint}/api/chat}, NDJSON streaming, tools). */
package dev.localgpt.adapter.providers.ollama;
