/**
 * Work done at start-up so that the first requests run as fast as later ones: the database pools opened, the
 * biometric engine run on made-up fingers.
 */
package org.biodid.warmup;
