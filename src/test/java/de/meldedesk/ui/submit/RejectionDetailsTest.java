package de.meldedesk.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionDetailsTest {

    @Test
    void validationDetailsGoToTheirRow() {
        RejectionDetails details = RejectionDetails.parse("{\"error\":\"validation\",\"details\":["
                + "{\"rowNumber\":1,\"field\":\"type\",\"message\":\"type is missing\"},"
                + "{\"field\":\"apiToken\",\"message\":\"apiToken is missing\"}]}");

        assertThat(details.forRow(1)).isEqualTo("type: type is missing; apiToken: apiToken is missing");
        assertThat(details.forRow(0)).isEqualTo("apiToken: apiToken is missing");
    }

    @Test
    void plainBodyIsKeptAsText() {
        RejectionDetails details = RejectionDetails.parse("Bad Request\n");

        assertThat(details.forRow(0)).isEqualTo("Bad Request");
    }

    @Test
    void errorMessageIsUsed() {
        RejectionDetails details = RejectionDetails.parse("{\"error\":\"x\",\"message\":\"careflexId unknown\"}");

        assertThat(details.forRow(3)).isEqualTo("careflexId unknown");
    }
}
