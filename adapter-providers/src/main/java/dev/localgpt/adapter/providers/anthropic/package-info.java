/** The Anthropic Messages API ({@code POST /v1/messages}, SSE streaming, tool use). */
package dev.localgpt.adapter.providers.anthropic;
