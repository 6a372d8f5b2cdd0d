package dev.localgpt.adapter.providers.web;

import java.net.UnknownHostException;

/**
 * Thrown inside OkHttp (from DNS or the network interceptor) when an address or host is refused.
 */
final class RefusedException extends UnknownHostException {
  RefusedException(String message) {
    super(message);
  }
}
