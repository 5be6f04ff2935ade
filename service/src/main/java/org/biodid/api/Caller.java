package org.biodid.api;

import java.util.Set;

/**
 * The authenticated client of a request.
 *
 * @param keyId  public id of its API key (safe to log; never the key)
 * @param scopes what it may do
 */
public record Caller(String keyId, Set<Scope> scopes) {

    /**
     * @param any scopes that each allow the operation
     * @return whether the caller holds one of them
     */
    public boolean hasAny(Scope... any) {
        for (Scope scope : any) {
            if (scopes.contains(scope)) {
                return true;
            }
        }
        return false;
    }
}
