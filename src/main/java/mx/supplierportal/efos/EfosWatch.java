package mx.supplierportal.efos;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.cfdi.EfosList;
import mx.supplierportal.client.ProcessStarts;
import mx.supplierportal.client.StaffRole;
import mx.supplierportal.web.Formats;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares every supplier registration (not withdrawn) with the newest 69-B version and tells each client's admins
 * once per change: an {@code efos-status-change} instance per changed registration (business key = supplier RFC,
 * tenant = client code). Runs after every import and nightly ({@code efos-nightly.bpmn}).
 */
@Component("efosWatch")
public class EfosWatch {

    static final String PROCESS = "efos-status-change";

    private final EfosLists lists;
    private final JdbcTemplate jdbc;
    private final ProcessStarts starts;
    private final IdentityService identityService;
    private final Clock clock;

    EfosWatch(EfosLists lists, JdbcTemplate jdbc, ProcessStarts starts, IdentityService identityService,
            Clock clock) {
        this.lists = lists;
        this.jdbc = jdbc;
        this.starts = starts;
        this.identityService = identityService;
        this.clock = clock;
    }

    private record Registration(long id, String clientCode, String clientName, String rfc, String businessName,
            String lastTold, String listedAs) {
    }

    /** Starts one notice per registration whose situation changed since its admins were last told; returns how many. */
    @Transactional
    public int check() {
        Optional<EfosLists.Version> current = lists.current();
        if (current.isEmpty()) {
            return 0;
        }
        // only registrations the newest list flags, or whose admins were told something before: one query, no
        // matter how many suppliers there are
        List<Registration> registrations = jdbc.query("select cs.id, c.code, c.name, s.rfc, cs.business_name, "
                + "n.situation, e.situation from client_supplier cs join client c on c.id = cs.client_id "
                + "join supplier s on s.id = cs.supplier_id left join efos_notice n on n.client_supplier_id = cs.id "
                + "left join efos_entry e on e.version_id = ? and e.rfc = s.rfc where cs.status <> 'WITHDRAWN' "
                + "and (n.situation is not null or e.situation in ('PRESUNTO', 'DEFINITIVO')) order by cs.id",
                (rs, i) -> new Registration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), current.get().id());
        int told = 0;
        for (Registration registration : registrations) {
            String situation = registration.listedAs() == null ? "NOT_LISTED" : registration.listedAs();
            boolean flaggedNow = registration.listedAs() != null
                    && EfosList.Situation.valueOf(registration.listedAs()).flagged();
            if (situation.equals(registration.lastTold()) || (registration.lastTold() == null && !flaggedNow)) {
                continue; // nothing new, or never listed at all
            }
            jdbc.update("delete from efos_notice where client_supplier_id = ?", registration.id());
            jdbc.update("insert into efos_notice (client_supplier_id, situation, version_id, noticed_at) "
                    + "values (?, ?, ?, ?)", registration.id(), situation, current.get().id(),
                    Timestamp.from(clock.instant()));
            Map<String, Object> variables = new HashMap<>();
            variables.put("supplierRfc", registration.rfc());
            variables.put("businessName", registration.businessName());
            variables.put("registrationId", registration.id());
            variables.put("situation", situation);
            variables.put("previousSituation", registration.lastTold() == null ? "NOT_LISTED" : registration.lastTold());
            variables.put("cutDate", current.get().cutDate() == null ? "—" : Formats.date(current.get().cutDate()));
            starts.forClient(PROCESS, registration.rfc(), registration.clientCode(), registration.clientName(),
                    variables);
            told++;
        }
        return told;
    }

    /** The email addresses of the client's admins (the people told about a supplier's 69-B situation). */
    public List<String> adminEmailsOf(String clientCode) {
        return identityService.createUserQuery().memberOfGroup(StaffRole.ADMIN.groupOf(clientCode)).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    @Bean
    static JavaDelegate efosCheckDelegate(EfosWatch watch) {
        return execution -> execution.setVariable("registrationsTold", watch.check());
    }
}
