package de.meldedesk.ui.submit;

import de.meldedesk.domain.Company;
import de.meldedesk.persistence.CompanyRepository;
import de.meldedesk.service.CredentialVault;
import de.meldedesk.service.SubmissionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whose API token a company's reports carry: a managed company uses the
 * token of its managing company, every other company its own.
 */
final class TokenOwners {

    private TokenOwners() {
    }

    /** Returns the company whose API token goes with the reports of {@code company}. */
    static Company ownerOf(Company company, CompanyRepository companies) {
        if (company.managedBy() == null) {
            return company;
        }
        return companies.findById(company.managedBy()).orElse(company);
    }

    /** Lists the companies that need an API token: managing companies and those that report for themselves. */
    static List<Company> tokenOwners(List<Company> active) {
        List<Company> owners = new ArrayList<>();
        for (Company company : active) {
            if (company.managing() || company.managedBy() == null) {
                owners.add(company);
            }
        }
        return owners;
    }

    /** Looks up API tokens in the vault by the CareFlex ID of the owning company; reads the store. */
    static SubmissionService.ApiTokens fromVault(CredentialVault vault, CompanyRepository companies) {
        return company -> {
            Company owner = ownerOf(company, companies);
            Optional<String> token = vault.apiToken(owner.careflexId());
            return token.filter(t -> !t.isBlank());
        };
    }
}
