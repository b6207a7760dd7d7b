package mx.supplierportal.supplier;

import java.util.List;
import java.util.Locale;

/**
 * Something another feature wants a supplier to see on its dashboard (e.g. where its digital record stands).
 * Implemented by those features; the dashboard shows whatever the beans give.
 */
public interface DashboardItems {

    /** A card line: a title, a status and a link, already in the supplier's language. */
    record Item(String title, String status, String statusStyle, String detail, String link, String linkText) {
    }

    /** The items for this supplier user (its own registrations only). */
    List<Item> itemsFor(long userId, Locale locale);
}
