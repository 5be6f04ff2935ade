package org.biodid.identity;

import java.util.List;
import java.util.Optional;

import org.biodid.did.WalletAddress;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;

/**
 * Lists a wallet's DIDs, newest first, a keyset page at a time.
 */
public final class ListDids {

    private final EnrollmentRepository enrollments;

    /**
     * @param enrollments enrollment store
     */
    public ListDids(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    /**
     * @param wallet the wallet
     * @param after  where the page starts (from the previous page), empty for the first
     * @param limit  page size
     * @return the page and where the next one starts
     */
    public DidPage page(WalletAddress wallet, Optional<EnrollmentRepository.PageKey> after, int limit) {
        List<EnrollmentRecord> page = enrollments.listByWallet(wallet.text(), after, limit + 1);
        if (page.size() <= limit) {
            return new DidPage(page, Optional.empty());
        }
        List<EnrollmentRecord> shown = page.subList(0, limit);
        EnrollmentRecord last = shown.getLast();
        return new DidPage(List.copyOf(shown),
                           Optional.of(new EnrollmentRepository.PageKey(last.createdAt(), last.did())));
    }
}
