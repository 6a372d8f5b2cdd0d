/**
 * OpenAI Chat Completions and any compatible server ({@code POST {base_url}/chat/completions},
 * SSE).
 */
package dev.localgpt.adapter.providers.openai;
