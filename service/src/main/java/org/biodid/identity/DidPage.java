package org.biodid.identity;

import java.util.List;
import java.util.Optional;

import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;

/**
 * One page of a wallet's DIDs, newest first.
 *
 * @param dids the page
 * @param next where the next page starts, empty on the last page
 */
public record DidPage(List<EnrollmentRecord> dids, Optional<EnrollmentRepository.PageKey> next) {
}
