package mx.supplierportal.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mx.supplierportal.supplier.DashboardItems;
import mx.supplierportal.supplier.Registrations.Registration;
import mx.supplierportal.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard card of each digital record: its status and what is still missing. */
@Component
class RecordDashboard implements DashboardItems {

    private final DigitalRecords records;
    private final MessageSource messages;

    RecordDashboard(DigitalRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @Override
    @Transactional
    public List<Item> itemsFor(long userId, Locale locale) {
        List<Item> items = new ArrayList<>();
        List<Registration> registrations = records.registrationsOf(userId);
        // A person who answers for more than one company is told which company each record is for
        boolean severalCompanies = registrations.stream().map(Registration::supplierRfc).distinct().count() > 1;
        for (Registration registration : registrations) {
            DigitalRecords.RecordView view;
            try {
                view = records.view(userId, registration.id());
            } catch (RecordProblem e) {
                continue; // the client has no record template
            }
            RecordStatus status = view.record().getStatus();
            String detail = switch (status) {
                case DRAFT, CHANGES_REQUESTED, UPDATE_REQUIRED -> view.complete()
                        ? messages.getMessage("record.dashboard.ready", null, locale)
                        : messages.getMessage("record.dashboard.missing",
                                new Object[] {view.missingCount()}, locale);
                case UNDER_REVIEW -> messages.getMessage("record.dashboard.underReview", null, locale);
                case APPROVED -> messages.getMessage(view.pendingChanges()
                        ? "record.dashboard.approvedWithChanges" : "record.dashboard.approved", null, locale);
            };
            String next = messages.getMessage(switch (status) {
                case DRAFT, CHANGES_REQUESTED, UPDATE_REQUIRED -> "dashboard.next.recordFor";
                case UNDER_REVIEW -> "dashboard.next.wait";
                case APPROVED -> "dashboard.next.invoicesNow";
            }, new Object[] {registration.clientName()}, locale);
            String title = severalCompanies
                    ? messages.getMessage("record.dashboard.titleFor", new Object[] {registration.clientName(),
                            registration.businessName()}, locale)
                    : messages.getMessage("record.dashboard.title", new Object[] {registration.clientName()}, locale);
            String comment = view.record().getReviewComment();
            String note = comment == null ? null : messages.getMessage("record.reviewComment",
                            new Object[] {Formats.date(view.record().getReviewedAt())}, locale) + " " + comment;
            items.add(new Item(title, messages.getMessage(view.statusKey(), null, locale),
                    status == RecordStatus.APPROVED ? "text-bg-success" : status == RecordStatus.UNDER_REVIEW
                            ? "text-bg-info" : "text-bg-warning", detail, note, "/record/" + registration.id(),
                    messages.getMessage("record.dashboard.open", null, locale), next));
        }
        return items;
    }
}
