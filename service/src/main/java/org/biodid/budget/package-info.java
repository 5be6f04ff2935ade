/**
 * The verification failure budget: consecutive failed verifications per subject, counted per API key and over all
 * keys, in the database so that every instance shares them, with exponentially growing delays.
 */
package org.biodid.budget;
