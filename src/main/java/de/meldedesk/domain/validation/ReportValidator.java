package de.meldedesk.domain.validation;

import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks a whole request: 1 to 100 incidents, the CareFlex ID and the API token, and every incident. */
public final class ReportValidator {

    /** The interface accepts at most this many incidents in one request. */
    public static final int MAX_INCIDENTS = 100;

    private final IncidentValidator incidents;

    public ReportValidator(IncidentTypeCatalogue catalogue) {
        this.incidents = new IncidentValidator(catalogue);
    }

    public List<Problem> validate(Report report, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(FieldRules.required("careflexId", report.careflexId()));
        if (report.apiToken() == null || report.apiToken().isEmpty()) {
            problems.add(Problem.error("apiToken", "problem.apiToken.missing"));
        }
        int count = report.incidents().size();
        if (count == 0) {
            problems.add(Problem.error("incidentList", "problem.report.empty"));
        } else if (count > MAX_INCIDENTS) {
            problems.add(Problem.error("incidentList", "problem.report.tooMany", count, MAX_INCIDENTS));
        }
        for (int i = 0; i < count; i++) {
            String prefix = "incidentList[" + i + "]";
            for (Problem problem : incidents.validate(report.incidents().get(i), today)) {
                problems.add(problem.under(prefix));
            }
        }
        return problems;
    }
}
