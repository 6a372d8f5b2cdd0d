/** Running tasks periodically; time itself comes from {@link java.time.Clock}. */
package dev.localgpt.ports.schedule;
