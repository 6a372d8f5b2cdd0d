/**
 * The library entry point {@link dev.localgpt.LocalGpt}: LocalGPT in plain Java, without Guice or
 * the apps.
 */
package dev.localgpt;
