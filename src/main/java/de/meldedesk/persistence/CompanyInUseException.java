package de.meldedesk.persistence;

import de.meldedesk.i18n.Messages;
import java.util.Locale;

/** A company still has data and can only be archived, not deleted. */
public class CompanyInUseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String careflexId;

    public CompanyInUseException(String careflexId) {
        super("company " + careflexId + " has incidents, employees or history and cannot be deleted");
        this.careflexId = careflexId;
    }

    public String userMessage(Locale locale) {
        return Messages.format(locale, "store.companyInUse", careflexId);
    }
}
