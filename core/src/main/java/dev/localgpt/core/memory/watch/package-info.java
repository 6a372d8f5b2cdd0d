/**
 * Turning a stream of file-change events into re-index batches: the pure debounce policy ({@link
 * dev.localgpt.core.memory.watch.ChangeDebouncer}); the file-system watching itself lives in the
 * apps.
 */
package dev.localgpt.core.memory.watch;
