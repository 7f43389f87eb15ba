package de.meldedesk.domain;

import java.time.LocalDate;

/**
 * Master data ("Stammdaten") sent with an incident. The nested parts are never
 * null; an absent part is its {@code EMPTY} constant.
 */
public record Employee(
        String title,
        String firstName,
        String lastName,
        LocalDate birthday,
        String sex,
        Address address,
        Job job,
        Contact contact) {

    public static final Employee EMPTY =
            new Employee(null, null, null, null, null, Address.EMPTY, Job.EMPTY, Contact.EMPTY);

    public Employee {
        address = address == null ? Address.EMPTY : address;
        job = job == null ? Job.EMPTY : job;
        contact = contact == null ? Contact.EMPTY : contact;
    }

    public boolean isEmpty() {
        return Text.allBlank(title, firstName, lastName, sex)
                && birthday == null
                && address.isEmpty()
                && job.isEmpty()
                && contact.isEmpty();
    }

    public Employee withAddress(Address newAddress) {
        return new Employee(title, firstName, lastName, birthday, sex, newAddress, job, contact);
    }

    public Employee withJob(Job newJob) {
        return new Employee(title, firstName, lastName, birthday, sex, address, newJob, contact);
    }

    public Employee withContact(Contact newContact) {
        return new Employee(title, firstName, lastName, birthday, sex, address, job, newContact);
    }
}
