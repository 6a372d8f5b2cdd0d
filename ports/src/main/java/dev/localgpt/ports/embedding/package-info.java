/** Turning texts into L2-normalised vectors. */
package dev.localgpt.ports.embedding;
