package mx.supplierportal.cfdi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The cadena original exactly as SAT defines it: SAT's own stylesheet ({@code cadenaoriginal_4_0.xslt}, which
 * includes every complement's) run by the JDK's XSLT processor. Compiled once ({@link Templates}, thread-safe), with
 * secure processing and a resolver that serves only the stylesheets bundled under {@code cfdi/sat/} (never the
 * network). Used for CFDIs with complements the Java path ({@link CadenaOriginal}) does not cover.
 */
final class SatCadena {

    private static final String ROOT = "mx/supplierportal/cfdi/sat/www.sat.gob.mx/";
    private static final String SCHEME = "sat";
    private static final Pattern NAMESPACE = Pattern.compile("xmlns:\\w+\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INCLUDE = Pattern.compile("<xsl:include\\s+href\\s*=\\s*\"([^\"]+)\"");

    private static final BundledStylesheets RESOLVER = new BundledStylesheets();

    static final SatCadena CFDI_40 = new SatCadena("sitio_internet/cfd/4/cadenaoriginal_4_0/cadenaoriginal_4_0.xslt");
    /**
     * The stamp's cadena; its document root must be the TimbreFiscalDigital (as SAT's stylesheet expects). Compiled on
     * first use only: the portal computes the stamp's cadena in Java ({@link StampSeal}); tests prove both agree.
     */
    static SatCadena tfd11() {
        return Tfd.CADENA;
    }

    private static final class Tfd {
        static final SatCadena CADENA =
                new SatCadena("sitio_internet/cfd/TimbreFiscalDigital/cadenaoriginal_TFD_1_1.xslt");
    }

    private final Templates templates;
    private final Set<String> namespaces;

    private SatCadena(String stylesheet) {
        URI main = URI.create(SCHEME + ":/" + stylesheet);
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance(); // the JDK's own, whatever the classpath
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            factory.setURIResolver(RESOLVER);
            this.templates = factory.newTemplates(RESOLVER.source(main));
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("SAT's stylesheet " + stylesheet + " does not compile", e);
        }
        this.namespaces = namespacesOf(main);
    }

    /** The complements' (and the CFDI's) namespaces SAT's stylesheet knows. */
    Set<String> namespaces() {
        return namespaces;
    }

    /** The cadena original of the CFDI in {@code xml}, as SAT's stylesheet writes it. */
    String of(byte[] xml) {
        try {
            Document document = parser().parse(new ByteArrayInputStream(xml));
            StringWriter cadena = new StringWriter();
            templates.newTransformer().transform(new DOMSource(document), new StreamResult(cadena));
            return cadena.toString();
        } catch (SAXException | IOException | TransformerException | ParserConfigurationException e) {
            throw new IllegalArgumentException("SAT's stylesheet could not read this CFDI", e);
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    /** Serves {@code sat:/…} from the bundled files only; anything else (http, file, ../ out of the tree) is refused. */
    private static final class BundledStylesheets implements URIResolver {

        @Override
        public Source resolve(String href, String base) throws TransformerException {
            URI uri = base == null ? URI.create(href) : URI.create(base).resolve(href);
            return source(uri);
        }

        StreamSource source(URI uri) {
            String path = uri.normalize().getPath();
            if (!SCHEME.equals(uri.getScheme()) || path == null || path.contains("..") || !path.endsWith(".xslt")) {
                throw new IllegalArgumentException("Not a bundled SAT stylesheet: " + uri);
            }
            InputStream in = SatCadena.class.getClassLoader().getResourceAsStream(ROOT + path.substring(1));
            if (in == null) {
                throw new IllegalArgumentException("SAT's stylesheet " + path + " is not bundled");
            }
            return new StreamSource(in, uri.toString());
        }

        String text(URI uri) {
            try (InputStream in = source(uri).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every namespace declared by the stylesheet and the ones it includes. */
    private static Set<String> namespacesOf(URI main) {
        Set<String> found = new TreeSet<>();
        Set<URI> seen = new HashSet<>();
        Deque<URI> pending = new ArrayDeque<>(Set.of(main));
        while (!pending.isEmpty()) {
            URI next = pending.pop();
            if (!seen.add(next.normalize())) {
                continue;
            }
            String text = RESOLVER.text(next);
            Matcher ns = NAMESPACE.matcher(text);
            while (ns.find()) {
                found.add(ns.group(1));
            }
            Matcher include = INCLUDE.matcher(text);
            while (include.find()) {
                pending.push(next.resolve(include.group(1)).normalize());
            }
        }
        found.remove("http://www.w3.org/1999/XSL/Transform");
        return Set.copyOf(found);
    }
}
