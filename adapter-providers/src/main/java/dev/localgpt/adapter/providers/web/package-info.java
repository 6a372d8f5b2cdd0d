/**
 * The OkHttp {@link dev.localgpt.ports.web.WebFetcher}: SSRF guard after DNS and on every redirect,
 * size cap, optional domain allowlist and HTML-to-text extraction. Entry point: {@link
 * dev.localgpt.adapter.providers.web.OkHttpWebFetcher}.
 */
package dev.localgpt.adapter.providers.web;
