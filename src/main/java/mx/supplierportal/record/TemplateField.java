package mx.supplierportal.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A field of a tab: its type, labels and help in both languages, whether it is required, and when it expires. */
@Entity
@Table(name = "template_field")
public class TemplateField {

    public enum Type { FILE, TEXT, DATE, CHOICE, YES_NO }

    /** When an approved value stops being valid. */
    public enum Expiry {
        NONE,
        /** {@code expiryDays} after the reviewer approves it. */
        DAYS_AFTER_APPROVAL,
        /** On a date the reviewer enters when approving (e.g. from the document's issue date). */
        REVIEWER_DATE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tab_id")
    private TemplateTab tab;

    @Column(nullable = false)
    private int position;

    @Column(name = "field_key", nullable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "field_type", nullable = false)
    private Type type;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "label_es", nullable = false)
    private String labelEs;

    @Column(name = "label_en", nullable = false)
    private String labelEn;

    @Column(name = "help_es")
    private String helpEs;

    @Column(name = "help_en")
    private String helpEn;

    /** For CHOICE: options separated by '|', each "value=label es=label en". */
    @Column
    private String choices;

    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_rule", nullable = false)
    private Expiry expiry;

    @Column(name = "expiry_days")
    private Integer expiryDays;

    protected TemplateField() {
    }

    TemplateField(TemplateTab tab, int position, String key, Type type, boolean required, String labelEs,
            String labelEn, String helpEs, String helpEn, Expiry expiry, Integer expiryDays) {
        this.tab = tab;
        this.position = position;
        this.key = key;
        this.type = type;
        update(required, labelEs, labelEn, helpEs, helpEn, expiry, expiryDays);
    }

    public Long getId() {
        return id;
    }

    public TemplateTab getTab() {
        return tab;
    }

    public String getKey() {
        return key;
    }

    public Type getType() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public Expiry getExpiry() {
        return expiry;
    }

    public Integer getExpiryDays() {
        return expiryDays;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelEs;
    }

    public String help(Locale locale) {
        return "en".equals(locale.getLanguage()) ? helpEn : helpEs;
    }

    /** The options of a CHOICE field as value → label in the locale. */
    public List<String[]> options(Locale locale) {
        if (choices == null || choices.isBlank()) {
            return List.of();
        }
        return Arrays.stream(choices.split("\\|")).map(option -> option.split("=", 3))
                .map(parts -> new String[] {parts[0], "en".equals(locale.getLanguage()) && parts.length > 2 ? parts[2]
                        : parts.length > 1 ? parts[1] : parts[0]}).toList();
    }

    /** The label of a CHOICE value in the locale; any other value as it is. */
    public String optionLabel(String value, Locale locale) {
        return options(locale).stream().filter(o -> o[0].equals(value)).map(o -> o[1]).findFirst().orElse(value);
    }

    void update(boolean required, String labelEs, String labelEn, String helpEs, String helpEn, Expiry expiry,
            Integer expiryDays) {
        this.required = required;
        this.labelEs = labelEs;
        this.labelEn = labelEn;
        this.helpEs = helpEs;
        this.helpEn = helpEn;
        this.expiry = expiry;
        this.expiryDays = expiryDays;
    }

    public String getLabelEs() {
        return labelEs;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public String getHelpEs() {
        return helpEs;
    }

    public String getHelpEn() {
        return helpEn;
    }

    /** The options as the editor shows them: one "Etiqueta=Label" per line. */
    public String choicesForEditing() {
        if (choices == null) {
            return "";
        }
        return String.join("\n", Arrays.stream(choices.split("\\|")).map(o -> o.split("=", 3))
                .map(p -> (p.length > 1 ? p[1] : p[0]) + "=" + (p.length > 2 ? p[2] : p[0])).toList());
    }

    void setChoices(String choices) {
        this.choices = choices;
    }
}
