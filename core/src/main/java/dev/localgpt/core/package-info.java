/**
 * The pure domain of LocalGPT: workspace, memory, agent, heartbeat, skills, sessions. Depends on
 * ports and the JDK only.
 */
package dev.localgpt.core;
