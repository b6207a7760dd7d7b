package mx.supplierportal.web;

import java.time.ZoneId;

/** The portal's business time zone: dates and deadlines are the clients' (Mexico City) days, not the server's. */
public final class MexicoTime {

    public static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

    private MexicoTime() {
    }
}
