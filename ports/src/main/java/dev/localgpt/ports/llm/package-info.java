/** Chat models (LLMs): requests, streamed events, tool calls and the error tree. */
package dev.localgpt.ports.llm;
