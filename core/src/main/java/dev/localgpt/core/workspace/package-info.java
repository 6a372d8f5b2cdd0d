/**
 * The LocalGPT home ({@link dev.localgpt.core.workspace.LocalGptHome}) and the Markdown workspace
 * ({@link dev.localgpt.core.workspace.Workspace}): layout, first-run templates, owner-only files
 * and path confinement ({@link dev.localgpt.core.workspace.PathGuard}).
 */
package dev.localgpt.core.workspace;
