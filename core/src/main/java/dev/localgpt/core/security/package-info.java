/**
 * {@code localgpt security audit}: checks over the config, the home's files and the skills, each
 * finding with severity, what, where and the fix; {@link dev.localgpt.core.security.AuditFixer}
 * applies the safe fixes (permissions). Findings never carry a secret's value.
 */
package dev.localgpt.core.security;
