package de.meldedesk.ui.incidents;

import de.meldedesk.domain.StoredIncident;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One row of the drafts table. The row keeps its identity while the incident
 * behind it is saved again, so the table keeps its selection during autosave.
 */
public final class DraftRow {

    private final long id;
    private final ObjectProperty<StoredIncident> stored;

    public DraftRow(StoredIncident incident) {
        this.id = incident.id();
        this.stored = new SimpleObjectProperty<>(this, "stored", incident);
    }

    public long id() {
        return id;
    }

    public StoredIncident stored() {
        return stored.get();
    }

    public ObjectProperty<StoredIncident> storedProperty() {
        return stored;
    }
}
