package mx.supplierportal.supplier;

import java.util.List;
import java.util.Locale;

/**
 * Something another feature wants a supplier to see on its dashboard (e.g. where its digital record stands).
 * Implemented by those features; the dashboard shows whatever the beans give.
 */
public interface DashboardItems {

    /**
     * A card: a title, a status, a detail, a note from the client's staff (or null) and a link, already in the
     * supplier's language; {@code nextStep} is this item's line under "what to do next".
     */
    record Item(String title, String status, String statusStyle, String detail, String note, String link,
            String linkText, String nextStep) {
    }

    /** The items for this supplier user (its own registrations only). */
    List<Item> itemsFor(long userId, Locale locale);
}
