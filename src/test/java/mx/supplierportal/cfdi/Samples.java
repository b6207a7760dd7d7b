package mx.supplierportal.cfdi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared sample CFDIs (copied from shared/samples into src/test/resources/cfdi). */
final class Samples {

    static final String STAMPED = "invoice-stamped-test-csd.xml";
    static final String UNSTAMPED = "invoice-with-discounts-unstamped.xml";

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/cfdi/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cfdi/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
