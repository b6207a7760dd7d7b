package mx.supplierportal.supplier;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The client admin's "register supplier" form. Messages come from messages_*.properties. */
public class RegisterSupplierForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 254, message = "{validation.tooLong}")
    private String businessName;

    @NotBlank(message = "{validation.required}")
    @Size(max = 13, message = "{supplier.rfc.malformed}")
    private String rfc;

    @NotBlank(message = "{validation.required}")
    @Size(max = 120, message = "{validation.tooLong}")
    private String contactName;

    @NotBlank(message = "{validation.required}")
    @Size(max = 254, message = "{validation.tooLong}")
    @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{validation.email}")
    private String email;

    @Pattern(regexp = "es|en", message = "{validation.language}")
    private String language = "es";

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getRfc() {
        return rfc;
    }

    public void setRfc(String rfc) {
        this.rfc = rfc;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    SupplierRegistration.Request toRequest() {
        return new SupplierRegistration.Request(businessName, rfc, contactName, email, language);
    }
}
