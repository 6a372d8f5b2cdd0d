package dev.localgpt.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.localgpt.adapter.fixture.OffendingAdapter;
import org.junit.jupiter.api.Test;

/**
 * The wall around the adapters: an adapter uses the ports (and its own technology), never core, an
 * app or another adapter. Checked here because this module sees every adapter; core's
 * DependencyRuleTest guards core and ports.
 */
class AdapterDependencyRuleTest {
  static final ArchRule ADAPTERS_USE_ONLY_PORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.localgpt.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.localgpt.core..", "dev.localgpt.app..", "dev.localgpt.cli..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.localgpt")
          .because("adapters depend only on ports (architecture.md, dependency rule)");

  static final ArchRule ADAPTERS_ARE_INDEPENDENT =
      slices()
          .matching("dev.localgpt.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .because("each adapter owns one technology and never uses another adapter");

  @Test
  void adaptersDependOnlyOnPortsAndNotOnEachOther() {
    JavaClasses adapters =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.localgpt.adapter");
    assertThat(adapters.stream().map(c -> c.getPackageName().split("\\.")[3]).distinct())
        .as("adapters found to check")
        .contains("sqlite", "embeddings", "providers", "mcp");
    ADAPTERS_USE_ONLY_PORTS.check(adapters);
    ADAPTERS_ARE_INDEPENDENT.check(adapters);
  }

  @Test
  void theRulesCatchAnAdapterUsingCoreOrAnotherAdapter() {
    JavaClasses offender = new ClassFileImporter().importClasses(OffendingAdapter.class);
    assertThat(ADAPTERS_USE_ONLY_PORTS.evaluate(offender).hasViolation()).isTrue();
    JavaClasses pair =
        new ClassFileImporter()
            .importPackages("dev.localgpt.adapter.fixture", "dev.localgpt.adapter.sqlite");
    assertThat(ADAPTERS_ARE_INDEPENDENT.evaluate(pair).hasViolation()).isTrue();
  }
}
