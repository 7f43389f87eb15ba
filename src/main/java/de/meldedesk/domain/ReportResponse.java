package de.meldedesk.domain;

import java.util.List;

/** The response of {@code incident/new}: the import ID and one row per incident sent. */
public record ReportResponse(String importId, List<ResponseRow> rows) {

    public ReportResponse {
        rows = List.copyOf(rows);
    }
}
