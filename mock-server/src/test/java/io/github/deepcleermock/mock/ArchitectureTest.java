package io.github.deepcleermock.mock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The web framework stays at the edge (CONVENTIONS "Layout"): features are plain Java, testable without HTTP. */
@AnalyzeClasses(packages = "io.github.deepcleermock.mock", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] EDGE = {
    "io.github.deepcleermock.mock.http..", "io.github.deepcleermock.mock.admin..", "io.github.deepcleermock.mock.dashboard.."
  };
  private static final String[] FEATURES = {
    "io.github.deepcleermock.mock.pipeline..",
    "io.github.deepcleermock.mock.close..",
    "io.github.deepcleermock.mock.accounts..",
    "io.github.deepcleermock.mock.limits..",
    "io.github.deepcleermock.mock.streams..",
    "io.github.deepcleermock.mock.faults..",
    "io.github.deepcleermock.mock.callbacks..",
    "io.github.deepcleermock.mock.simulation..",
    "io.github.deepcleermock.mock.media..",
    "io.github.deepcleermock.mock.journal..",
    "io.github.deepcleermock.mock.states..",
    "io.github.deepcleermock.mock.time..",
    "io.github.deepcleermock.mock.tls..",
    "io.github.deepcleermock.mock.metrics.."
  };

  @ArchTest
  static final ArchRule javalinOnlyInHttpAdminAndTheEntryPoint =
      noClasses().that().resideOutsideOfPackages(EDGE)
          .and().doNotHaveFullyQualifiedName(DeepCleerMock.class.getName())
          .should().dependOnClassesThat().resideInAPackage("io.javalin..")
          .because("Javalin types stay in http, admin, dashboard and the entry point");

  @ArchTest
  static final ArchRule noJavalinContextOutsideHttpAndAdmin =
      noClasses().that().resideOutsideOfPackages(EDGE)
          .should().dependOnClassesThat().haveFullyQualifiedName("io.javalin.http.Context")
          .because("feature packages never see a Context: the pipeline takes plain values");

  @ArchTest
  static final ArchRule jettyOnlyInHttpAndAdmin =
      noClasses().that().resideOutsideOfPackages(EDGE)
          .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "jakarta.servlet..")
          .because("the servlet container is part of the transport edge");

  @ArchTest
  static final ArchRule featuresDoNotDependOnTheEdge =
      noClasses().that().resideInAnyPackage(FEATURES)
          .should().dependOnClassesThat().resideInAnyPackage(
              "io.github.deepcleermock.mock.http..", "io.github.deepcleermock.mock.admin..",
              "io.github.deepcleermock.mock.dashboard..",
              "io.github.deepcleermock.mock.cli..", "io.github.deepcleermock.mock.junit..")
          .because("features are used by the edge, never the other way round");

  @ArchTest
  static final ArchRule noUtilOrCommonPackages =
      noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..")
          .because("code lives in the feature it belongs to");
}
