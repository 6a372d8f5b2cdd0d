package dev.localgpt.adapter.providers.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/** Resolves with the system DNS and refuses the host if any of its addresses is not allowed. */
final class GuardedDns implements Dns {
  private final AddressPolicy policy;

  GuardedDns(AddressPolicy policy) {
    this.policy = policy;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
    for (InetAddress address : addresses) {
      String why = policy.refusal(address);
      if (why != null) {
        throw new RefusedException(
            "refused: " + hostname + " resolves to " + address.getHostAddress() + " (" + why + ")");
      }
    }
    return addresses;
  }
}
