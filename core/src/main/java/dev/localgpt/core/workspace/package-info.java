/** The Markdown workspace: layout, templates and path confinement. */
package dev.localgpt.core.workspace;
