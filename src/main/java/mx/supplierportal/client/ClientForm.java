package mx.supplierportal.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An operator's "new client" form. */
public class ClientForm {

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", message = "{client.code.invalid}")
    @Size(max = 40, message = "{validation.tooLong}")
    private String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 254, message = "{validation.tooLong}")
    private String name;

    @NotBlank(message = "{validation.required}")
    @Size(max = 13, message = "{supplier.rfc.malformed}")
    private String rfc;

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "^[0-9]{5}$", message = "{client.postalCode.invalid}")
    private String postalCode;

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "^[0-9]{3}$", message = "{client.taxRegime.invalid}")
    private String taxRegime;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRfc() {
        return rfc;
    }

    public void setRfc(String rfc) {
        this.rfc = rfc;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode == null ? null : postalCode.strip();
    }

    public String getTaxRegime() {
        return taxRegime;
    }

    public void setTaxRegime(String taxRegime) {
        this.taxRegime = taxRegime == null ? null : taxRegime.strip();
    }
}
