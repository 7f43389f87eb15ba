package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.AuditEntry;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dataDir;

    private Store store;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendRecordsOsUser() {
        long id = store.audit().append("company.create", "company", "a1", "name=Alpha");

        AuditEntry entry = store.audit().list(AuditLog.Filter.ALL).get(0);

        assertThat(entry.id()).isEqualTo(id);
        assertThat(entry.osUser()).isEqualTo(System.getProperty("user.name"));
        assertThat(entry.details()).isEqualTo("name=Alpha");
        assertThat(entry.loggedAt()).isNotNull();
    }

    @Test
    void listFiltersNewestFirst() {
        AuditLog audit = store.audit();
        long first = audit.append("incident.delete", "incident", "1", null);
        audit.append("company.create", "company", "a1", null);
        long third = audit.append("incident.delete", "incident", "2", null);

        assertThat(audit.list(AuditLog.Filter.ALL.action("incident.delete"))).extracting(AuditEntry::id)
                .containsExactly(third, first);
        assertThat(audit.list(AuditLog.Filter.ALL.object("incident", "1"))).extracting(AuditEntry::id)
                .containsExactly(first);
    }

    @Test
    void offersOnlyAppendAndList() {
        assertThat(Arrays.stream(AuditLog.class.getDeclaredMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("append", "list");
    }
}
