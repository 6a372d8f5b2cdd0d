/**
 * Resilience around chat models (retry with backoff, failover with cooldown) and the unconfigured
 * null object.
 */
package dev.localgpt.core.llm;
