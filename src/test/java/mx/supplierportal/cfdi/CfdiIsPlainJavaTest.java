package mx.supplierportal.cfdi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The cfdi package is plain Java: usable from the command line, delegates and tests without Spring. */
class CfdiIsPlainJavaTest {

    @Test
    void noSpringNoJakartaNoOtherFeature() {
        noClasses().that().resideInAPackage("mx.supplierportal.cfdi..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "org.camunda..", "mx.supplierportal.client..", "mx.supplierportal.supplier..",
                        "mx.supplierportal.web..", "mx.supplierportal.security..", "mx.supplierportal.notification..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("mx.supplierportal.cfdi"));
    }
}
