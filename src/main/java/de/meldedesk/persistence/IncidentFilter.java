package de.meldedesk.persistence;

import de.meldedesk.domain.IncidentStatus;
import java.time.YearMonth;
import java.util.Set;

/**
 * Filter and page for incident lists. Null fields and an empty status set do not
 * filter. {@code inBin} lists the soft-deleted incidents instead of the others.
 */
public record IncidentFilter(
        Long companyId,
        Set<IncidentStatus> statuses,
        String type,
        YearMonth validFromMonth,
        boolean inBin,
        int limit,
        int offset) {

    public static final int DEFAULT_LIMIT = 1000;

    public static final IncidentFilter ALL = new IncidentFilter(null, Set.of(), null, null, false, DEFAULT_LIMIT, 0);

    public IncidentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit <= 0 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset not negative: " + limit + ", " + offset);
        }
    }

    public IncidentFilter company(long id) {
        return new IncidentFilter(id, statuses, type, validFromMonth, inBin, limit, offset);
    }

    public IncidentFilter statuses(IncidentStatus... wanted) {
        return new IncidentFilter(companyId, Set.of(wanted), type, validFromMonth, inBin, limit, offset);
    }

    public IncidentFilter type(String code) {
        return new IncidentFilter(companyId, statuses, code, validFromMonth, inBin, limit, offset);
    }

    public IncidentFilter month(YearMonth month) {
        return new IncidentFilter(companyId, statuses, type, month, inBin, limit, offset);
    }

    public IncidentFilter bin() {
        return new IncidentFilter(companyId, statuses, type, validFromMonth, true, limit, offset);
    }

    public IncidentFilter page(int newLimit, int newOffset) {
        return new IncidentFilter(companyId, statuses, type, validFromMonth, inBin, newLimit, newOffset);
    }
}
