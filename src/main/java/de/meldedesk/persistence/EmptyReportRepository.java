package de.meldedesk.persistence;

import de.meldedesk.domain.EmptyReport;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The empty reports sent, one row per request to {@code incident/none}. */
public interface EmptyReportRepository {

    /** Records one request and its outcome; returns the new id. */
    long record(long companyId, YearMonth reportMonth, String profileName, Instant sentAt, String outcome,
            Integer httpStatus, String responseBody, String errorText);

    /** Lists the empty reports of all companies for a month, oldest first. */
    List<EmptyReport> listForMonth(YearMonth reportMonth);

    /** Lists the empty reports of one company, newest month first. */
    List<EmptyReport> listForCompany(long companyId);
}
