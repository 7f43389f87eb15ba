package de.meldedesk.domain;

/**
 * Postal address of an employee. House numbers and zip codes are text because
 * values such as {@code 9a} and {@code 01234} exist.
 */
public record Address(
        String street,
        String houseNumber,
        String addressSuffix,
        String zipCode,
        String city,
        String country) {

    public static final Address EMPTY = new Address(null, null, null, null, null, null);

    public boolean isEmpty() {
        return Text.allBlank(street, houseNumber, addressSuffix, zipCode, city, country);
    }
}
