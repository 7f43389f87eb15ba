package de.meldedesk.persistence;

import de.meldedesk.domain.Company;
import java.util.List;
import java.util.Optional;

/** The companies a clerk reports for. */
public interface CompanyRepository {

    /**
     * Inserts a company. A CareFlex ID that another company already has is an
     * {@link IllegalArgumentException}.
     */
    Company create(String careflexId, String name, boolean managing, Long managedBy);

    /** Updates CareFlex ID, name, managing flag and managing company; returns the stored company. */
    Company update(Company company);

    Optional<Company> findById(long id);

    Optional<Company> findByCareflexId(String careflexId);

    /** Lists companies by name; archived ones only when {@code includeArchived}. */
    List<Company> list(boolean includeArchived);

    void setArchived(long id, boolean archived);

    /**
     * Deletes a company that has no incidents, employees, submissions or empty
     * reports and manages no other company.
     *
     * @throws CompanyInUseException when it has any; archive it instead
     */
    void delete(long id) throws CompanyInUseException;
}
