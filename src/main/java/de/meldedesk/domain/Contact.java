package de.meldedesk.domain;

/** Business contact data of an employee; phone numbers stay text. */
public record Contact(String emailBusiness, String mobileBusiness, String landlineBusiness) {

    public static final Contact EMPTY = new Contact(null, null, null);

    public boolean isEmpty() {
        return Text.allBlank(emailBusiness, mobileBusiness, landlineBusiness);
    }
}
