package dev.localgpt.adapter.providers.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses may be fetched: public unicast only (loopback optionally, for tests).
 */
final class AddressPolicy {
  private final boolean allowLoopback;

  AddressPolicy(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  /** Why the address is refused, or null if it may be contacted. */
  String refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback ? null : "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified (0.0.0.0 / ::)";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local (e.g. cloud metadata 169.254.169.254)";
    }
    if (address.isSiteLocalAddress()) {
      return "private network";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0
          || (first == 100 && second >= 64 && second < 128)
          || first >= 240
          || (first == 198 && (second == 18 || second == 19))) {
        return "reserved or carrier-grade NAT range";
      }
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local IPv6 (fc00::/7)";
      }
      if (isMappedV4(b)) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return refusal(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
          return "malformed IPv4-mapped address";
        }
      }
    }
    return null;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
