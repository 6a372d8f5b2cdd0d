/**
 * Skills in OpenClaw's format: {@code skills/<dir>/SKILL.md} with a small YAML front matter. Discovered, parsed,
 * checked for eligibility and listed to the model; invoked as {@code /command [args]}. Skills are never executed or
 * installed by this code: the model reads a skill's file and follows it with its normal tools.
 */
package dev.localgpt.core.skills;
