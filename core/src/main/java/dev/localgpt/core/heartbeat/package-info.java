/**
 * The heartbeat: every interval, inside the active hours and within a daily token budget, an
 * isolated agent run works through HEARTBEAT.md. {@link
 * dev.localgpt.core.heartbeat.HeartbeatPolicy} decides (pure, clock in, decision out), {@link
 * dev.localgpt.core.heartbeat.HeartbeatService} runs, records and reports; the state and the run
 * log are stored by the app through {@link dev.localgpt.core.heartbeat.HeartbeatStore} and {@link
 * dev.localgpt.core.heartbeat.HeartbeatLog}. Outcomes are values ({@link
 * dev.localgpt.core.heartbeat.HeartbeatOutcome}), never exceptions.
 */
package dev.localgpt.core.heartbeat;
