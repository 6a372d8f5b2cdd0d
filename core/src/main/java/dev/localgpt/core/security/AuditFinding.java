package dev.localgpt.core.security;

import dev.localgpt.core.skills.Severity;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of the audit.
 *
 * @param severity how serious it is; any HIGH fails the audit
 * @param check a stable id ({@code permissions}, {@code plaintext-secret}, ...)
 * @param what the problem, never a secret's value
 * @param where the file, key or tool it is about
 * @param fix what to do
 * @param chmod the private mode ({@code 700} or {@code 600}) {@code --fix} may set on {@code
 *     where}, or empty
 */
public record AuditFinding(
    Severity severity, String check, String what, String where, String fix, Optional<Path> chmod) {
  public AuditFinding {
    Objects.requireNonNull(severity, "'severity' must not be null");
    Objects.requireNonNull(check, "'check' must not be null");
    Objects.requireNonNull(what, "'what' must not be null");
    Objects.requireNonNull(where, "'where' must not be null");
    Objects.requireNonNull(fix, "'fix' must not be null");
    Objects.requireNonNull(chmod, "'chmod' must not be null");
  }

  static AuditFinding of(Severity severity, String check, String what, String where, String fix) {
    return new AuditFinding(severity, check, what, where, fix, Optional.empty());
  }
}
