package mx.supplierportal.record;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A tab of a record template: either fields, or the bank accounts. */
@Entity
@Table(name = "template_tab")
public class TemplateTab {

    public enum Kind { FIELDS, BANK_ACCOUNTS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private RecordTemplate template;

    @Column(nullable = false)
    private int position;

    @Column(name = "tab_key", nullable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "label_es", nullable = false)
    private String labelEs;

    @Column(name = "label_en", nullable = false)
    private String labelEn;

    @OneToMany(mappedBy = "tab", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<TemplateField> fields = new ArrayList<>();

    protected TemplateTab() {
    }

    TemplateTab(RecordTemplate template, int position, String key, Kind kind, String labelEs, String labelEn) {
        this.template = template;
        this.position = position;
        this.key = key;
        this.kind = kind;
        this.labelEs = labelEs;
        this.labelEn = labelEn;
    }

    public Long getId() {
        return id;
    }

    Long templateId() {
        return template.getId();
    }

    public String getKey() {
        return key;
    }

    public Kind getKind() {
        return kind;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelEs;
    }

    public List<TemplateField> getFields() {
        return fields;
    }

    TemplateField addField(String key, TemplateField.Type type, boolean required, String labelEs, String labelEn,
            String helpEs, String helpEn, TemplateField.Expiry expiry, Integer expiryDays) {
        TemplateField field = new TemplateField(this, fields.size() + 1, key, type, required, labelEs, labelEn, helpEs,
                helpEn, expiry, expiryDays);
        fields.add(field);
        return field;
    }
}
