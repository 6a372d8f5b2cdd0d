package dev.localgpt.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The wall around the domain: {@code core} and {@code ports} use the JDK and each other, nothing
 * else.
 */
class DependencyRuleTest {
  static final ArchRule DOMAIN_USES_ONLY_JDK_AND_OWN_PACKAGES =
      classes()
          .that()
          .resideInAnyPackage("dev.localgpt.core..", "dev.localgpt.ports..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.localgpt.core..", "dev.localgpt.ports..")
          .because(
              "core and ports are pure: no JDBC, HTTP, ONNX, Guice, Helidon or any third-party type "
                  + "(see architecture.md, dependency rule)");

  @Test
  void coreAndPortsDependOnlyOnTheJdkAndEachOther() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.localgpt.core", "dev.localgpt.ports");
    assertThat(production.size()).as("classes found to check").isGreaterThan(20);
    DOMAIN_USES_ONLY_JDK_AND_OWN_PACKAGES.check(production);
  }

  @Test
  void theRuleCatchesAThirdPartyImport() {
    JavaClasses offender = new ClassFileImporter().importClasses(OffendingFixture.class);
    assertThat(DOMAIN_USES_ONLY_JDK_AND_OWN_PACKAGES.evaluate(offender).hasViolation()).isTrue();
  }

  /** Lives in a core package and uses a third-party type: exactly what the rule must refuse. */
  static final class OffendingFixture {
    Object useIt() {
      return org.assertj.core.api.Assertions.class;
    }

    org.assertj.core.api.AbstractAssert<?, ?> field;
  }
}
