/** The {@code /api/sessions} family: create, list, get, delete, messages, compact, clear, model. */
package dev.localgpt.server.sessions;
