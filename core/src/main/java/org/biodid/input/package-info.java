/**
 * What every layer shares about bad input: {@link org.biodid.input.InvalidInputException}, which names the field.
 */
package org.biodid.input;
