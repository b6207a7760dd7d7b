package mx.supplierportal.cfdi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of a parsed CFDI: namespace URI, local name, attributes without namespace (what CFDI data uses), and
 * child elements in document order. Prefixes and attribute order are deliberately forgotten: they carry no meaning.
 * Complements this library does not model stay available as plain nodes.
 */
public final class XmlNode {

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children;
    private final String text;

    XmlNode(String namespace, String name, Map<String, String> attributes, List<XmlNode> children) {
        this(namespace, name, attributes, children, "");
    }

    XmlNode(String namespace, String name, Map<String, String> attributes, List<XmlNode> children, String text) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.children = List.copyOf(children);
        this.text = text;
    }

    /** The element's own text (not its children's), trimmed. CFDI data lives in attributes; SOAP answers in text. */
    public String text() {
        return text;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public List<XmlNode> children() {
        return children;
    }

    /** The attribute's value as written (XML-normalised), or null when absent. */
    public String attr(String attribute) {
        return attributes.get(attribute);
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    public boolean is(String namespaceUri, String localName) {
        return namespace.equals(namespaceUri) && name.equals(localName);
    }

    public Optional<XmlNode> child(String namespaceUri, String localName) {
        return children.stream().filter(c -> c.is(namespaceUri, localName)).findFirst();
    }

    public List<XmlNode> children(String namespaceUri, String localName) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.is(namespaceUri, localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** Children reached through a path of local names in one namespace, e.g. Impuestos/Traslados/Traslado. */
    public List<XmlNode> path(String namespaceUri, String... localNames) {
        List<XmlNode> current = List.of(this);
        for (String localName : localNames) {
            List<XmlNode> next = new ArrayList<>();
            for (XmlNode node : current) {
                next.addAll(node.children(namespaceUri, localName));
            }
            current = next;
        }
        return current;
    }

    /** Every descendant element (not this one) with that name, in document order. */
    public List<XmlNode> descendants(String namespaceUri, String localName) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.is(namespaceUri, localName)) {
                found.add(child);
            }
            found.addAll(child.descendants(namespaceUri, localName));
        }
        return found;
    }

    @Override
    public String toString() {
        return "{" + namespace + "}" + name;
    }
}
