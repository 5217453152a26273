package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.karyoloop.annotation.LabelingConflictException.Code;
import org.karyoloop.platform.audit.AuditLog;

/**
 * The doctors' work queue in PostgreSQL: claim the highest-priority item with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so concurrent doctors never get the same item), release it, or
 * skip it with a reason. An item whose lease expired is claimable again. Thread-safe (stateless;
 * every call is one transaction).
 */
@ApplicationScoped
public class TaskQueue {

    private static final String HELD = """
            select id from labeling_item where status = 'leased' and leased_by = ? and lease_until > now()
               and id <> coalesce(?, '00000000-0000-0000-0000-000000000000'::uuid)
             order by created_at, id""";
    // "offset 0" keeps each "not exists" a per-row index probe (label_one_per_doctor_and_task, labeling_skip_pkey,
    // labeling_item_holder) on the few queue rows the scan visits before its "limit 1": as an anti-join, PostgreSQL
    // read all of the doctor's labels first, a cost that grew with every label the doctor ever gave.
    private static final String CLAIM = """
            with next as (
              select i.id from labeling_item i
               where (i.status = 'queued' or (i.status = 'leased' and i.lease_until <= now()))
                 and not exists (select 1 from label l where l.task_id = i.task_id and l.doctor = ? offset 0)
                 and not exists (select 1 from labeling_skip s where s.task_id = i.task_id and s.doctor = ? offset 0)
                 and not exists (select 1 from labeling_item o where o.task_id = i.task_id and o.id <> i.id
                                   and o.status = 'leased' and o.leased_by = ? offset 0)
               order by i.priority desc, i.created_at
               limit 1 for update skip locked)
            update labeling_item i set status = 'leased', leased_by = ?, lease_count = lease_count + 1,
                   lease_until = now() + make_interval(secs => ?)
              from next where i.id = next.id returning i.id""";
    private static final String UNLEASE = """
            update labeling_item set status = 'queued', leased_by = null, lease_until = null
             where id = ? and status = 'leased' and leased_by = ?""";

    private final AgroalDataSource db;
    private final AnnotationConfig config;
    private final ItemViews views;
    private final AuditLog audit;

    public TaskQueue(AgroalDataSource db, AnnotationConfig config, ItemViews views, AuditLog audit) {
        this.db = db;
        this.config = config;
        this.views = views;
        this.audit = audit;
    }

    /**
     * Leases the next item to {@code doctor}. A doctor holding the most leases allowed gets back the
     * oldest one they hold other than {@code except} (so a reloaded page resumes its work).
     *
     * @param except the item the page already shows, never returned; may be null
     * @return empty when nothing is left for this doctor
     */
    @Transactional
    public Optional<ClaimedItem> claim(String doctor, UUID except) throws SQLException {
        try (Connection c = db.getConnection()) {
            int held = 0;
            UUID oldestOther = null;
            try (PreparedStatement s = c.prepareStatement(HELD)) {
                s.setString(1, doctor);
                s.setObject(2, except);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held++;
                        oldestOther = oldestOther == null ? rs.getObject(1, UUID.class) : oldestOther;
                    }
                }
            }
            int heldTotal = held + (except == null ? 0 : 1);
            if (heldTotal >= config.maxLeasesPerDoctor() && oldestOther != null) {
                return Optional.of(views.claimed(c, oldestOther));
            }
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, doctor);
                s.setString(2, doctor);
                s.setString(3, doctor);
                s.setString(4, doctor);
                s.setDouble(5, config.leaseDuration().toMillis() / 1000.0);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(views.claimed(c, rs.getObject(1, UUID.class)));
                }
            }
        }
    }

    /**
     * Gives the item back to the queue. A no-op when no one holds it (a retried release, or one after the label);
     * refused when another doctor holds it, so a caller cannot believe it released a lease it never had.
     */
    @Transactional
    public void release(String doctor, UUID itemId) throws SQLException {
        try (Connection c = db.getConnection()) {
            if (unlease(c, doctor, itemId) > 0) {
                audit.record(doctor, "item.release", "labeling_item", itemId.toString(), null);
                return;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select leased_by from labeling_item where id = ? and status = 'leased'")) {
                s.setObject(1, itemId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw new LabelingConflictException(Code.LEASE_NOT_HELD, "item " + itemId
                                + " is not leased to you");
                    }
                }
            }
            if (views.taskOf(c, itemId).isEmpty()) {
                throw new ItemNotFoundException("item", itemId);
            }
        }
    }

    /** Gives the item back and never offers its task to this doctor again; others still get it. */
    @Transactional
    public void skip(String doctor, UUID itemId, String reason) throws SQLException {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new InvalidLabelException("a skip needs a reason of 1 to 200 characters");
        }
        try (Connection c = db.getConnection()) {
            UUID taskId = views.taskOf(c, itemId).orElseThrow(() -> new ItemNotFoundException("item", itemId));
            try (PreparedStatement s = c.prepareStatement("""
                    insert into labeling_skip (task_id, doctor, reason) values (?, ?, ?)
                    on conflict do nothing""")) {
                s.setObject(1, taskId);
                s.setString(2, doctor);
                s.setString(3, reason);
                boolean first = s.executeUpdate() > 0;
                boolean unleased = unlease(c, doctor, itemId) > 0;
                if (!first && !unleased) {
                    return; // a retried skip
                }
                if (!unleased) {
                    throw new LabelingConflictException(Code.LEASE_NOT_HELD,
                            "item " + itemId + " is not leased to you");
                }
                audit.record(doctor, "item.skip", "labeling_item", itemId.toString(), reason);
            }
        }
    }

    private static int unlease(Connection c, String doctor, UUID itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UNLEASE)) {
            s.setObject(1, itemId);
            s.setString(2, doctor);
            return s.executeUpdate();
        }
    }
}
