package de.meldedesk.domain.validation;

import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.PartRule;
import de.meldedesk.domain.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks one incident: its fields, and the master data its type requires. */
public final class IncidentValidator {

    private final IncidentTypeCatalogue catalogue;

    public IncidentValidator(IncidentTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Validates against {@code today}, which decides whether a birthday lies in the past. */
    public List<Problem> validate(Incident incident, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(FieldRules.optional("externalId", incident.externalId()));
        problems.addAll(FieldRules.employeeId("employeeId", incident.employeeId()));
        problems.addAll(FieldRules.requiredDate("createdAt", incident.createdAt()));
        problems.addAll(FieldRules.requiredDate("validFrom", incident.validFrom()));

        Optional<IncidentType> type = Text.isBlank(incident.type()) ? Optional.empty() : catalogue.find(incident.type());
        if (Text.isBlank(incident.type())) {
            problems.add(Problem.error("type", "problem.required"));
        } else {
            if (type.isEmpty()) {
                problems.add(Problem.warning("type", "problem.type.unknown", incident.type()));
            } else if (!type.get().code().equals(incident.type())) {
                problems.add(Problem.error("type", "problem.type.spelling", incident.type(), type.get().code()));
            }
        }

        Employee employee = incident.employee();
        PartRuleLookup rules = part -> type.map(t -> t.rule(part)).orElse(PartRule.OPTIONAL);
        checkNames(employee, rules.of(MasterDataPart.NAMES), problems);
        checkPersonal(employee, rules.of(MasterDataPart.PERSONAL), today, problems);
        checkAddress(employee.address(), rules.of(MasterDataPart.ADDRESS), problems);
        checkJob(employee.job(), rules.of(MasterDataPart.JOB), problems);
        checkContact(employee.contact(), rules.of(MasterDataPart.CONTACT), problems);
        return problems;
    }

    private interface PartRuleLookup {
        PartRule of(MasterDataPart part);
    }

    private static void checkNames(Employee e, PartRule rule, List<Problem> problems) {
        boolean present = !Text.allBlank(e.firstName(), e.lastName());
        if (!applies(rule, present, "employee.lastName", problems)) {
            return;
        }
        problems.addAll(FieldRules.required("employee.firstName", e.firstName()));
        problems.addAll(FieldRules.required("employee.lastName", e.lastName()));
    }

    private static void checkPersonal(Employee e, PartRule rule, LocalDate today, List<Problem> problems) {
        boolean present = !Text.allBlank(e.title(), e.sex()) || e.birthday() != null;
        if (!applies(rule, present, "employee.birthday", problems)) {
            return;
        }
        problems.addAll(FieldRules.optional("employee.title", e.title()));
        if (rule == PartRule.REQUIRED || e.birthday() != null) {
            problems.addAll(FieldRules.birthday("employee.birthday", e.birthday(), today));
        }
        if (rule == PartRule.REQUIRED || !Text.isBlank(e.sex())) {
            problems.addAll(FieldRules.sex("employee.sex", e.sex()));
        }
    }

    private static void checkAddress(Address a, PartRule rule, List<Problem> problems) {
        if (!applies(rule, !a.isEmpty(), "employee.address", problems)) {
            return;
        }
        problems.addAll(FieldRules.required("employee.address.street", a.street()));
        problems.addAll(FieldRules.required("employee.address.houseNumber", a.houseNumber()));
        problems.addAll(FieldRules.optional("employee.address.addressSuffix", a.addressSuffix()));
        problems.addAll(FieldRules.zipCode("employee.address.zipCode", a.zipCode(), a.country()));
        problems.addAll(FieldRules.required("employee.address.city", a.city()));
        problems.addAll(FieldRules.country("employee.address.country", a.country()));
    }

    private static void checkJob(Job j, PartRule rule, List<Problem> problems) {
        if (!applies(rule, !j.isEmpty(), "employee.job", problems)) {
            return;
        }
        problems.addAll(FieldRules.optional("employee.job.employmentSite", j.employmentSite()));
        problems.addAll(FieldRules.required("employee.job.employmentStatus", j.employmentStatus()));
        problems.addAll(FieldRules.requiredDate("employee.job.startOfEmployment", j.startOfEmployment()));
        problems.addAll(FieldRules.optional("employee.job.personnelNumber", j.personnelNumber()));
    }

    private static void checkContact(Contact c, PartRule rule, List<Problem> problems) {
        if (!applies(rule, !c.isEmpty(), "employee.contact", problems)) {
            return;
        }
        problems.addAll(FieldRules.email("employee.contact.emailBusiness", c.emailBusiness()));
        problems.addAll(FieldRules.optional("employee.contact.mobileBusiness", c.mobileBusiness()));
        problems.addAll(FieldRules.optional("employee.contact.landlineBusiness", c.landlineBusiness()));
    }

    /**
     * Decides whether the fields of a part are checked: always when required,
     * when filled in if optional, and never when the type does not use it (a
     * warning then says that the data goes with the report anyway).
     */
    private static boolean applies(PartRule rule, boolean present, String field, List<Problem> problems) {
        switch (rule) {
            case REQUIRED:
                return true;
            case NOT_USED:
                if (present) {
                    problems.add(Problem.warning(field, "problem.part.notUsed"));
                }
                return present;
            case OPTIONAL:
            default:
                return present;
        }
    }
}
