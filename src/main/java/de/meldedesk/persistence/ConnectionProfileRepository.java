package de.meldedesk.persistence;

import java.util.List;
import java.util.Optional;

/** Connection profiles by their unique name. */
public interface ConnectionProfileRepository {

    /** Lists profiles, the built-in one first, then by name. */
    List<SavedProfile> list();

    Optional<SavedProfile> find(String name);

    /**
     * Inserts the profile, or updates the one with the same name. The
     * {@code builtIn} flag of the argument is ignored: only the migration
     * creates a built-in profile.
     */
    SavedProfile save(SavedProfile profile);

    /** Deletes a profile; deleting the built-in one is an {@link IllegalArgumentException}. */
    void delete(String name);
}
