/** A small JSON reader for tool arguments and a writer for tool results (core has no JSON library). */
package dev.localgpt.core.agent.json;
