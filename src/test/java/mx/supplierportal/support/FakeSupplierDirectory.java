package mx.supplierportal.support;

/**
 * Stands in for the {@code supplierDirectory} bean in process tests (registered with {@code Mocks}): mail tasks ask
 * it for the recipient's email, language and name.
 */
public class FakeSupplierDirectory {

    private final String language;

    public FakeSupplierDirectory(String language) {
        this.language = language;
    }

    public String emailOf(Number id) {
        return "user" + id + "@supplier.test";
    }

    public String languageOf(Number id) {
        return language;
    }

    public String nameOf(Number id) {
        return "User " + id;
    }
}
