/**
 * Where {@code System.Logger} output goes in the apps: {@link
 * dev.localgpt.app.logging.LocalGptLoggerFinder} (a {@code System.LoggerFinder} service) sends
 * every logger to {@link dev.localgpt.app.logging.LogSink}, which writes a daily file {@code
 * logs/localgpt-YYYY-MM-DD.log} (0600) at the configured level, keeps {@code retention_days} of
 * them, masks secrets, and echoes warnings to stderr as one line. Core and adapters only ever use
 * {@code System.getLogger}.
 */
package dev.localgpt.app.logging;
