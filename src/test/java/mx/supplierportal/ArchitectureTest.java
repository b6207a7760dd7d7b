package mx.supplierportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package-by-feature: no cycles between feature packages, and none reaches into another's internals. */
class ArchitectureTest {

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(SupplierPortalApplication.class).verify();
    }
}
