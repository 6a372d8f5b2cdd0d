/** Fetching web pages as plain text for the agent's {@code web_fetch} tool. */
package dev.localgpt.ports.web;
