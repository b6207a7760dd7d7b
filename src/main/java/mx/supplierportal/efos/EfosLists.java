package mx.supplierportal.efos;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.supplierportal.cfdi.EfosList;
import mx.supplierportal.cfdi.Rfc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The imported versions of SAT's 69-B list, and what the newest one says of an RFC. */
@Service
public class EfosLists {

    /** A new file with fewer taxpayers than this share of the current version is refused (a truncated download). */
    public static final double MIN_SHARE_OF_CURRENT = 0.9;

    /** One imported version of the list. */
    public record Version(long id, LocalDate cutDate, OffsetDateTime importedAt, String importedBy, String fileName,
            int rows, int definitivos, int presuntos) {
    }

    /** What the newest version says of one RFC, with that version's cut date. */
    public record Listed(String rfc, String name, EfosList.Situation situation, LocalDate cutDate) {

        /** Presunto or Definitivo: the ones the portal warns about or refuses. */
        public boolean flagged() {
            return situation.flagged();
        }

        public boolean definitivo() {
            return situation == EfosList.Situation.DEFINITIVO;
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    EfosLists(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    /** Reads and stores a new version; nothing is stored when the file is refused. */
    @Transactional
    public Version importList(byte[] csv, String fileName, String importedBy) {
        EfosList list;
        try {
            list = EfosList.parse(csv);
        } catch (EfosList.FormatException e) {
            throw new EfosImportRefused("efos.import.notTheList");
        }
        Optional<Version> current = current();
        if (current.isPresent() && list.size() < current.get().rows() * MIN_SHARE_OF_CURRENT) {
            throw new EfosImportRefused("efos.import.tooSmall", list.size(), current.get().rows());
        }
        if (current.isPresent() && list.cutDate() != null && current.get().cutDate() != null
                && list.cutDate().isBefore(current.get().cutDate())) {
            throw new EfosImportRefused("efos.import.older", mx.supplierportal.web.Formats.date(list.cutDate()),
                    mx.supplierportal.web.Formats.date(current.get().cutDate()));
        }
        int definitivos = (int) list.byRfc().values().stream()
                .filter(e -> e.situation() == EfosList.Situation.DEFINITIVO).count();
        int presuntos = (int) list.byRfc().values().stream()
                .filter(e -> e.situation() == EfosList.Situation.PRESUNTO).count();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String name = fileName == null || fileName.isBlank() ? "69-B.csv"
                : fileName.substring(0, Math.min(fileName.length(), 255));
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into efos_version (cut_date, imported_at, imported_by, "
                    + "file_name, row_count, definitivos, presuntos) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setObject(1, list.cutDate());
            insert.setTimestamp(2, Timestamp.from(now.toInstant()));
            insert.setString(3, importedBy);
            insert.setString(4, name);
            insert.setInt(5, list.size());
            insert.setInt(6, definitivos);
            insert.setInt(7, presuntos);
            return insert;
        }, key);
        long id = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (EfosList.Entry entry : list.byRfc().values()) {
            if (entry.rfc().length() <= 13) {
                String entryName = entry.name().length() > 500 ? entry.name().substring(0, 500) : entry.name();
                rows.add(new Object[] {id, entry.rfc(), entryName, entry.situation().name()});
            }
        }
        jdbc.batchUpdate("insert into efos_entry (version_id, rfc, name, situation) values (?, ?, ?, ?)", rows);
        return new Version(id, list.cutDate(), now, importedBy, name, list.size(), definitivos, presuntos);
    }

    @Transactional(readOnly = true)
    public Optional<Version> current() {
        return versions(1).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Version> versions(int limit) {
        return jdbc.query("select * from efos_version order by id desc limit ?", (rs, i) -> new Version(
                rs.getLong("id"), rs.getObject("cut_date", LocalDate.class),
                rs.getObject("imported_at", OffsetDateTime.class), rs.getString("imported_by"),
                rs.getString("file_name"), rs.getInt("row_count"), rs.getInt("definitivos"),
                rs.getInt("presuntos")), limit);
    }

    /** What the newest version says of {@code rfc}; empty when it is not listed or nothing was imported. */
    @Transactional(readOnly = true)
    public Optional<Listed> find(String rfc) {
        return current().flatMap(version -> Optional.ofNullable(find(version, List.of(rfc)).get(Rfc.normalize(rfc))));
    }

    /** What the newest version says of each of {@code rfcs} that it lists. */
    @Transactional(readOnly = true)
    public Map<String, Listed> find(Collection<String> rfcs) {
        return current().map(version -> find(version, rfcs)).orElseGet(Map::of);
    }

    /**
     * The part of the newest version about {@code rfc}, for {@code ValidationContext.withEfos}: empty (but with the
     * cut date) when it is not listed; null when no list was ever imported (nothing is checked then).
     */
    @Transactional(readOnly = true)
    public EfosList listFor(String rfc) {
        return current().map(version -> EfosList.of(version.cutDate(), find(version, List.of(rfc)).values().stream()
                .map(l -> new EfosList.Entry(l.rfc(), l.name(), l.situation())).toList())).orElse(null);
    }

    private Map<String, Listed> find(Version version, Collection<String> rfcs) {
        Map<String, Listed> found = new LinkedHashMap<>();
        if (rfcs.isEmpty()) {
            return found;
        }
        named.query("select rfc, name, situation from efos_entry where version_id = :version and rfc in (:rfcs)",
                new MapSqlParameterSource("version", version.id())
                        .addValue("rfcs", rfcs.stream().map(Rfc::normalize).distinct().toList()),
                rs -> {
                    found.put(rs.getString("rfc"), new Listed(rs.getString("rfc"), rs.getString("name"),
                            EfosList.Situation.valueOf(rs.getString("situation")), version.cutDate()));
                });
        return found;
    }
}
