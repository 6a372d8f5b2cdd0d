/**
 * The OpenAI-compatible API ({@code POST /v1/chat/completions}, streaming or not, and {@code GET
 * /v1/models}), answered by LocalGPT's agent with its memory and tools, so OpenAI clients can use
 * LocalGPT as a backend.
 */
package dev.localgpt.server.openai;
