package org.calsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of the code (README, "Exploring the code"; ../shared/docs/style.md), enforced so that a wrong
 * import fails the build.
 */
@AnalyzeClasses(packages = "org.calsync", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule layersPointInwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("org.calsync.domain..")
            .layer("Application").definedBy("org.calsync.application..")
            .layer("Infrastructure").definedBy("org.calsync.infrastructure..")
            .layer("Interfaces").definedBy("org.calsync.interfaces..")
            .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Interfaces")
            .whereLayer("Infrastructure").mayNotBeAccessedByAnyLayer()
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Interfaces");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("org.calsync.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.faces..", "jakarta.servlet..",
                    "jakarta.enterprise..", "jakarta.ejb..", "jakarta.transaction..", "jakarta.inject..",
                    "org.primefaces..", "org.eclipse.persistence..", "org.flywaydb..")
            .because("the domain is mapped in orm.xml and must not know its frameworks");

    @ArchTest
    static final ArchRule facadesReturnDtos = methods().that().areDeclaredInClassesThat()
            .resideInAPackage("org.calsync.interfaces.facade").and().arePublic()
            .should().notHaveRawReturnType(DescribedPredicate.describe("a domain type",
                    (JavaClass type) -> type.getPackageName().startsWith("org.calsync.domain")))
            .because("JSF beans and REST resources see DTOs, never entities");

    @ArchTest
    static final ArchRule pagesAndResourcesUseFacades = noClasses().that()
            .resideInAnyPackage("org.calsync.interfaces.web..", "org.calsync.interfaces.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.calsync.domain.model..", "org.calsync.application..")
            .because("pages and resources go through the facades");

    @ArchTest
    static final ArchRule repositoriesAreInterfacesInTheDomain = classes().that().haveSimpleNameEndingWith("Repository")
            .and().resideInAPackage("org.calsync.domain..").should().beInterfaces();

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = slices().matching("org.calsync.infrastructure.provider.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAnyPackage(
                    "org.calsync.infrastructure.provider.ical..", "org.calsync.infrastructure.provider.rest.."))
            .because("each calendar kind is one adapter folder; what several share lives in ical/ or rest/");

    @ArchTest
    static final ArchRule capabilitiesDoNotGoRoundInCircles = slices()
            .matching("org.calsync.application.(*)..").should().beFreeOfCycles()
            .because("each capability of the application builds on the ones below it, never back");

    @ArchTest
    static final ArchRule jpaStaysInInfrastructure = noClasses().that()
            .resideOutsideOfPackage("org.calsync.infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..");
}
