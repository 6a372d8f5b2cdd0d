/**
 * Shared HTTP plumbing of the provider adapters: the OkHttp client, the SSE and NDJSON readers, and
 * the one place where HTTP statuses and I/O failures become {@link
 * dev.localgpt.ports.llm.ModelException}s.
 */
package dev.localgpt.adapter.providers.http;
