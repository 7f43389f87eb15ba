package de.meldedesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "de.meldedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String[] CORE = {
        "de.meldedesk.domain..", "de.meldedesk.service..", "de.meldedesk.persistence..",
        "de.meldedesk.remote..", "de.meldedesk.importing..", "de.meldedesk.wire..",
        "de.meldedesk.sandbox..", "de.meldedesk.i18n..", "de.meldedesk.logging..", "de.meldedesk.cli.."
    };

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                    "org.kordamp.ikonli..", "com.sun.javafx..")
            .because("the core runs headless in the command line and in tests");

    @ArchTest
    static final ArchRule coreHasNoUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("de.meldedesk.ui..", "de.meldedesk.app..");

    @ArchTest
    static final ArchRule domainStandsAlone = noClasses().that().resideInAPackage("de.meldedesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("de.meldedesk.persistence..", "de.meldedesk.remote..",
                    "de.meldedesk.importing..", "de.meldedesk.service..", "java.sql..", "org.apache.hc..");
}
