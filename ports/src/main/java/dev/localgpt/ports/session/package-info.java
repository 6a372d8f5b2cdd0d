/** Durable conversation transcripts. */
package dev.localgpt.ports.session;
