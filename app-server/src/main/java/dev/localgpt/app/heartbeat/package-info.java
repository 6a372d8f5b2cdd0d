/**
 * The heartbeat's technology edge: the {@link dev.localgpt.ports.schedule.Scheduler} port on the
 * JDK's scheduled executor, the run log ({@code logs/heartbeat.jsonl}) and the state ({@code
 * data/heartbeat-state.json}) written with Jackson, and the factory that builds a {@link
 * dev.localgpt.core.heartbeat.HeartbeatService} from the chat wiring. JDK and Jackson only, so it
 * lives in the app rather than in an adapter module of its own.
 */
package dev.localgpt.app.heartbeat;
