package mx.supplierportal.record;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A client's digital-record template: its tabs, in order. */
@Entity
@Table(name = "record_template")
public class RecordTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, unique = true)
    private Long clientId;

    @Column(name = "approved_before_invoicing", nullable = false)
    private boolean approvedBeforeInvoicing;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<TemplateTab> tabs = new ArrayList<>();

    protected RecordTemplate() {
    }

    RecordTemplate(Long clientId, boolean approvedBeforeInvoicing) {
        this.clientId = clientId;
        this.approvedBeforeInvoicing = approvedBeforeInvoicing;
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    /** Invoice reception refuses invoices from suppliers whose record is not approved, when set. */
    public boolean isApprovedBeforeInvoicing() {
        return approvedBeforeInvoicing;
    }

    void setApprovedBeforeInvoicing(boolean required) {
        this.approvedBeforeInvoicing = required;
    }

    public List<TemplateTab> getTabs() {
        return tabs;
    }

    TemplateTab addTab(String key, TemplateTab.Kind kind, String labelEs, String labelEn) {
        TemplateTab tab = new TemplateTab(this, tabs.size() + 1, key, kind, labelEs, labelEn);
        tabs.add(tab);
        return tab;
    }
}
