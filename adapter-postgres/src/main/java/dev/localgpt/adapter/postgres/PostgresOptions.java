package dev.localgpt.adapter.postgres;

import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param url a {@code jdbc:postgresql://host:port/db} URL; {@code postgresql://} and {@code
 *     postgres://} are accepted and turned into one (credentials go in {@code user}/{@code
 *     password}, not in the URL)
 * @param user the role to log in as
 * @param password its password, empty for none (trust or peer authentication)
 * @param poolSize the most connections this process opens, >= 1
 */
public record PostgresOptions(String url, String user, String password, int poolSize) {
  public PostgresOptions {
    Objects.requireNonNull(url, "'url' must not be null");
    Objects.requireNonNull(user, "'user' must not be null");
    Objects.requireNonNull(password, "'password' must not be null");
    url = jdbcUrl(url);
    if (poolSize < 1) {
      throw new IllegalArgumentException("'pool_size' must be >= 1, was " + poolSize);
    }
  }

  /** The JDBC form of {@code url}; throws with the expected form for anything else. */
  static String jdbcUrl(String url) {
    String u = url.strip();
    if (u.startsWith("jdbc:postgresql:")) {
      return u;
    }
    for (String scheme : new String[] {"postgresql://", "postgres://"}) {
      if (u.startsWith(scheme)) {
        String rest = u.substring(scheme.length());
        if (rest.contains("@")) {
          throw new IllegalArgumentException(
              "'url' must not hold credentials ("
                  + redact(u)
                  + "); put them in [memory.postgres] user and password");
        }
        return "jdbc:postgresql://" + rest;
      }
    }
    throw new IllegalArgumentException(
        "'url' must look like jdbc:postgresql://HOST:PORT/DATABASE, was '" + u + "'");
  }

  private static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  @Override
  public String toString() {
    return "PostgresOptions[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", poolSize="
        + poolSize
        + "]";
  }
}
