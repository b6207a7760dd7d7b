package mx.supplierportal.supplier;

import java.util.Optional;

/**
 * Where a signed-in supplier user starts instead of the dashboard, when another feature has a step the person must
 * finish first (a self-registered business setting up its account). Implemented by those features.
 */
public interface StartPage {

    /** A path inside the portal, or empty for the dashboard. */
    Optional<String> startPageFor(long userId);
}
